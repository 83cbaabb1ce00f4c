#!/usr/bin/env -S npx tsx
// The `netsim` command: one subcommand per question, each in src/cli/.
import { Command, CommanderError } from 'commander';
import { ExitCode } from './cli/common.ts';
import { pathCommand } from './cli/path.ts';
import { simulateCommand } from './cli/simulate.ts';

const program = new Command()
  .name('netsim')
  .description('Network and infrastructure capacity simulator for SPBE networks')
  .showHelpAfterError()
  .exitOverride()
  .addCommand(simulateCommand())
  .addCommand(pathCommand());

// Usage errors (an unknown option, a bad --year) are bad input: exit 2, not 1.
for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CommanderError)) throw err;
  const helpOrVersion = err.exitCode === 0;
  process.exitCode = helpOrVersion ? ExitCode.ok : ExitCode.badInput;
}
