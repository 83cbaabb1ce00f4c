// A worker entry that reads `import.meta.dirname`, which a bundle cannot stand in for.
import { parentPort } from 'node:worker_threads';
import { hops } from './echo-shared.ts';

const folder = import.meta.dirname.split('/').pop();
parentPort!.on('message', (n: number) => parentPort!.postMessage(`${hops(n)} in ${folder}`));
