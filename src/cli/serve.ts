// `netsim serve`: the web page and the API on http://127.0.0.1:8080 (HOST, PORT override).
import { Command } from 'commander';
import {
  defaultLimits, limitsFromEnv, type LimitsOverride, mergeLimits,
} from '../api/limits.ts';
import { listenOptions } from '../api/listen-options.ts';
import { InputError } from '../model/errors.ts';
import { ExitCode } from './common.ts';

/** Time past the drain for closing the store and the sockets before the process exits. */
const CLOSE_MARGIN_MS = 5_000;

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the web page and the API (http://127.0.0.1:8080; HOST and PORT override)')
    .option('--no-history', 'keep no run history (default: data/netsim.sqlite, or NETSIM_DB)')
    .action(async (opts: { history: boolean }) => {
      let listen;
      let limits: LimitsOverride;
      try {
        listen = listenOptions();
        limits = limitsFromEnv();
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        process.stderr.write(`error ${err.code}\n${err.message}\n`);
        process.exitCode = ExitCode.badInput;
        return;
      }

      // The server's modules load here, so that the other commands start without them.
      const { buildServer } = await import('../api/server.ts');
      const { defaultStorePath } = await import('../store/run-store.ts');
      // Logs go to stderr, as every command's messages do; pino writes an object first.
      const app = await buildServer({
        logger: { level: process.env.LOG_LEVEL ?? 'info', stream: process.stderr },
        store: opts.history ? defaultStorePath() : null,
        limits,
      });
      try {
        await app.listen(listen);
      } catch (err) {
        const code = (err as { code?: string }).code;
        app.log.error({ err, ...listen }, code === 'EADDRINUSE'
          ? 'address in use: set PORT (or HOST) to another' : 'cannot listen');
        await app.close();
        process.exitCode = ExitCode.badInput;
        return;
      }
      // Parse the files the page asks for first, so that its first load is not the
      // one that pays for reading every scenario (about a second, measured).
      void app.inject('/api/scenarios').then(() => app.inject('/api/topologies'));
      const graceMs = mergeLimits(defaultLimits(), limits).drainMs + CLOSE_MARGIN_MS;
      stopOnSignals(app.close.bind(app), graceMs,
        (msg, extra) => app.log.info(extra ?? {}, msg));
    });
}

/** First SIGINT/SIGTERM: finish in-flight work and close; a second one, or the grace
 *  period running out, ends the process at once. */
function stopOnSignals(
  close: () => Promise<unknown>,
  graceMs: number,
  log: (msg: string, extra?: Record<string, unknown>) => void,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log('second signal: exiting now', { signal });
      process.exit(ExitCode.internal);
    }
    stopping = true;
    log('shutting down', { signal, graceMs });
    const timer = setTimeout(() => {
      log('grace period over: exiting', { graceMs });
      process.exit(ExitCode.internal);
    }, graceMs);
    timer.unref();
    close().then(() => {
      log('server closed');
      process.exitCode = ExitCode.ok;
    }, (err: unknown) => {
      log('close failed', { err });
      process.exitCode = ExitCode.internal;
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
