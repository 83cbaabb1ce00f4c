// The server under load, in a process of its own so that the load generator does not
// share its event loop: buildServer on the project's files, a run store in a temporary
// folder, listening on 127.0.0.1 at a free port. Prints `{"port":N}` once listening.
//   node --import tsx bench/load-server.ts <store-file>
import { buildServer } from '../src/api/server.ts';

const storeFile = process.argv[2];
if (!storeFile) throw new Error('load-server: expected the run store file as argument');

const app = await buildServer({ store: storeFile, logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') {
  throw new Error(`load-server: expected a TCP address, got ${String(address)}`);
}
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);

// SIGTERM from the load script: close (which closes the store), then leave.
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0), () => process.exit(1));
});
