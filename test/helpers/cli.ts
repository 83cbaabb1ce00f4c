// Runs the `netsim` command line as a user would, in a child process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `netsim ...args`, from the project root. */
export function netsim(...args: string[]): CliRun {
  const run = spawnSync(tsx, ['src/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
