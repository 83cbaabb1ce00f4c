// Starts a worker thread on a TypeScript module when its bundle is not at hand (see
// worker-bundle.ts): a worker does not inherit the parent's module hooks, so this
// registers tsx's loader, then imports `workerData.entry`.
// (Measured: about 0.2 s to a first message, against about 0.5 s through tsImport.)
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
