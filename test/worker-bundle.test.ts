import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { bundled, startWorker } from '../src/worker-bundle.ts';

const entry = (name: string) => new URL(`./helpers/workers/${name}.ts`, import.meta.url);

async function ask(name: string, n: number): Promise<unknown> {
  const worker = startWorker(entry(name));
  try {
    worker.postMessage(n);
    const [answer] = await once(worker, 'message');
    return answer;
  } finally {
    await worker.terminate();
  }
}

describe('startWorker', () => {
  it('starts an entry before its bundle is built, and from the bundle after', async () => {
    expect(await ask('echo-plain', 21)).toBe('21 -> 42');
    expect((await bundled(entry('echo-plain')))?.protocol).toBe('data:');
    expect(await ask('echo-plain', 5)).toBe('5 -> 10');
  });

  it('bundles packages by their resolved URL and each module with its own URL', async () => {
    const url = await bundled(entry('echo-package'));
    const text = decodeURIComponent(url!.href.slice('data:text/javascript,'.length));
    expect(text).toMatch(/from "file:\/\/\/[^"]*\/node_modules\/yaml\/[^"]*"/);
    expect(await ask('echo-package', 4)).toBe('4 -> 8: echo-package.ts');
  });

  it('starts an entry through the boot script when its bundle cannot stand in', async () => {
    expect(await bundled(entry('echo-dirname'))).toBeNull();
    expect(await ask('echo-dirname', 3)).toBe('3 -> 6 in workers');
  });
});
