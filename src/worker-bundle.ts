// Worker threads started from one bundled module. esbuild joins a TypeScript entry and
// the modules it imports into one ES module, once per process, so that a worker starts
// in about half the time it takes tsx to register and load each file (a sweep worker
// answered after 70 ms against 150 ms, measured on this project's 2-core machine).
// The bundle runs from a data: URL, where a package cannot be resolved and
// `import.meta.url` names no file: an entry whose modules need either (or a machine
// without esbuild) starts through the boot script instead, slower but the same.
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const bundles = new Map<string, Promise<URL | null>>();

/** The entry's bundle as a data: URL, built on first use; null when it cannot be built. */
export function bundled(entry: URL): Promise<URL | null> {
  let pending = bundles.get(entry.href);
  if (pending === undefined) {
    pending = (async () => {
      try {
        const { build } = await import('esbuild');
        const result = await build({
          entryPoints: [fileURLToPath(entry)], bundle: true, format: 'esm', platform: 'node',
          target: 'node20', packages: 'external', write: false, logLevel: 'silent',
          metafile: true,
        });
        const text = result.outputFiles[0].text;
        const [output] = Object.values(result.metafile.outputs);
        const packages = output.imports.some((i) => i.external && !i.path.startsWith('node:'));
        if (packages || text.includes('import.meta')) return null;
        return new URL(`data:text/javascript,${encodeURIComponent(text)}`);
      } catch {
        return null;
      }
    })();
    bundles.set(entry.href, pending);
  }
  return pending;
}

/** Starts a worker on a TypeScript module: from its bundle, or through the boot script. */
export async function startWorker(entry: URL, options: WorkerOptions = {}): Promise<Worker> {
  const url = await bundled(entry);
  if (url !== null) return new Worker(url, options);
  const workerData = { ...(options.workerData as object | undefined), entry: entry.href };
  return new Worker(BOOT, { ...options, workerData });
}
