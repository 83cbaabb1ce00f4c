// Starts the API's sweep worker: registers the TypeScript loader (a worker does not
// inherit it), then runs the worker module named in workerData.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
