// A worker entry that imports a package and reads its own URL, as bundled modules may.
import { parentPort } from 'node:worker_threads';
import { stringify } from 'yaml';
import { hops } from './echo-shared.ts';

const here = new URL(import.meta.url).pathname.split('/').pop();
parentPort!.on('message', (n: number) => {
  parentPort!.postMessage(`${stringify({ [hops(n)]: here }).trim()}`);
});
