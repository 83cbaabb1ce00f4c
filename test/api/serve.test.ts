// `netsim serve` as a process: where it listens, and a graceful stop on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

describe('netsim serve', () => {
  it('listens where PORT says, and on SIGTERM ends open streams and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netsim-serve-'));
    const child = spawn(tsx, ['src/cli.ts', 'serve'], {
      env: { ...process.env, PORT: '0', NETSIM_DB: join(dir, 'runs.sqlite'), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += String(chunk); });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      // pino writes an object per line; fastify announces the address it listens on.
      const port = await new Promise<number>((done, fail) => {
        const timer = setTimeout(
          () => fail(new Error(`no listening line in:\n${stderr}`)), 30_000);
        child.stderr.on('data', () => {
          const match = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
          if (match) {
            clearTimeout(timer);
            done(Number(match[1]));
          }
        });
      });
      expect(stderr).not.toContain('0.0.0.0');
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', runHistory: true });

      // A sweep stream is open when the signal comes: the server must end it, not wait.
      const stream = await new Promise<{ ended: Promise<void> }>((done) => {
        const path = '/api/sweep?scenario=plan-2023&depth=2';
        const req = request({ host: '127.0.0.1', port, path,
          headers: { accept: 'text/event-stream' } }, (res) => {
          const ended = new Promise<void>((end) => {
            res.on('end', () => end());
            res.on('close', () => end());
          });
          res.resume();
          done({ ended });
        });
        req.on('error', () => undefined);
        req.end();
      });
      child.kill('SIGTERM');
      await stream.ended;
      const code = await exited;
      if (code !== 0) console.log(stderr);
      expect(code).toBe(0);
      expect(stderr).toContain('"msg":"shutting down"');
      expect(stderr).toContain('"msg":"server closed"');
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
