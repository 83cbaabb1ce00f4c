// A worker entry of project modules alone.
import { parentPort } from 'node:worker_threads';
import { hops } from './echo-shared.ts';

parentPort!.on('message', (n: number) => parentPort!.postMessage(hops(n)));
