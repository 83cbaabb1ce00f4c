// A worker entry with no package import: it can run bundled.
import { parentPort } from 'node:worker_threads';
import { hops } from './echo-shared.ts';

parentPort!.on('message', (n: number) => parentPort!.postMessage(hops(n)));
