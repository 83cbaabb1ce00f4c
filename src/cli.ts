#!/usr/bin/env -S npx tsx
// The `netsim` command: one subcommand per question, each in src/cli/.
import { Command, CommanderError } from 'commander';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
import { ExitCode } from './cli/common.ts';
import { diffCommand } from './cli/diff.ts';
import { drcCommand } from './cli/drc.ts';
import { importCommand } from './cli/import.ts';
import { loadsCommand } from './cli/loads.ts';
import { pathCommand } from './cli/path.ts';
import { planCommand } from './cli/plan.ts';
import { serversCommand } from './cli/servers.ts';
import { serveCommand } from './cli/serve.ts';
import { simulateCommand } from './cli/simulate.ts';
import { sweepCommand } from './cli/sweep.ts';

const program = new Command()
  .name('netsim')
  .description('Network and infrastructure capacity simulator for SPBE networks')
  .showHelpAfterError()
  .exitOverride()
  .addCommand(simulateCommand())
  .addCommand(serveCommand())
  .addCommand(pathCommand())
  .addCommand(planCommand())
  .addCommand(diffCommand())
  .addCommand(sweepCommand())
  .addCommand(loadsCommand())
  .addCommand(importCommand())
  .addCommand(drcCommand())
  .addCommand(serversCommand());

// Usage errors (an unknown option, a bad --year) are bad input: exit 2, not 1.
for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CommanderError)) throw err;
  const helpOrVersion = err.exitCode === 0;
  process.exitCode = helpOrVersion ? ExitCode.ok : ExitCode.badInput;
}
