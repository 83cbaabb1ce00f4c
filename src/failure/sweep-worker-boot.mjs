// Starts a sweep worker thread: registers the TypeScript loader, then runs the worker.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
