import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { bundled, startWorker } from '../src/worker-bundle.ts';

const plain = new URL('./helpers/workers/echo-plain.ts', import.meta.url);
const withPackage = new URL('./helpers/workers/echo-package.ts', import.meta.url);

async function ask(entry: URL, n: number): Promise<unknown> {
  const worker = await startWorker(entry);
  try {
    worker.postMessage(n);
    const [answer] = await once(worker, 'message');
    return answer;
  } finally {
    await worker.terminate();
  }
}

describe('startWorker', () => {
  it('bundles an entry of project modules into one data: URL', async () => {
    const url = await bundled(plain);
    expect(url?.protocol).toBe('data:');
    expect(await ask(plain, 21)).toBe('21 -> 42');
  });

  it('starts an entry that needs a package or its own URL through the boot script', async () => {
    expect(await bundled(withPackage)).toBeNull();
    expect(await ask(withPackage, 4)).toBe('4 -> 8: echo-package.ts');
  });
});
