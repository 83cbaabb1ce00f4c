// What every command shares: exit codes, JSON output, error reporting on stderr.
import { InputError } from '../model/errors.ts';

/** Exit codes: 0 ok, 1 the simulation found what it was asked to fail on, 2 bad input. */
export const ExitCode = { ok: 0, finding: 1, badInput: 2, internal: 3 } as const;

/** Prints one JSON object on stdout and nothing else there. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Runs a command body, turning input errors into a message on stderr and exit 2. */
export async function runCommand(body: () => Promise<number | void> | number | void) {
  try {
    const code = await body();
    process.exitCode = code ?? ExitCode.ok;
  } catch (err) {
    if (err instanceof InputError) {
      process.stderr.write(`error ${err.code}\n${err.message}\n`);
      process.exitCode = ExitCode.badInput;
      return;
    }
    process.stderr.write(`internal error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = ExitCode.internal;
  }
}

/** Splits `a,b,c` into ids, dropping empty parts. */
export function parseList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}
