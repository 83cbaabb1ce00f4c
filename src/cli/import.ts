// `netsim import FILE --out topology.yaml`: any network file as a topology YAML file.
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { exportTopologyYaml, importedToTopology, readNetworkFile } from '../io/index.ts';
import { InputError, InputErrorCode } from '../model/errors.ts';
import { validateTopology } from '../model/load-topology.ts';
import { ExitCode, printJson, runCommand } from './common.ts';

/** The `import` subcommand. */
export function importCommand(): Command {
  return new Command('import')
    .description('convert a GraphML, GML, SNDlib or JSON network into a topology YAML file')
    .argument('<file>', 'network file')
    .requiredOption('--out <file>', 'the topology YAML file to write')
    .option('--capacity <mbps>', 'capacity of links the file gives none (an estimate)',
      parsePositive)
    .option('--json', 'print a summary of the import as one JSON object')
    .action((file: string, opts: ImportCliOptions) => runCommand(async () => {
      const graph = await readNetworkFile(file);
      const fileName = basename(file);
      const imported = importedToTopology(graph, {
        fileName, defaultCapacityMbps: opts.capacity,
      });
      // Refuse to write what the loader would refuse to read.
      validateTopology(imported.topology, opts.out);
      const yaml = exportTopologyYaml(imported.topology, {
        comment: `Imported by netsim from ${fileName}.`,
      });
      try {
        writeFileSync(opts.out, yaml);
      } catch (err) {
        throw new InputError(InputErrorCode.unreadable, opts.out, [{
          code: 'unwritable', path: '', message: `could not write: ${(err as Error).message}`,
        }]);
      }
      const summary = {
        file, out: opts.out, format: graph.format,
        sites: imported.topology.sites.length, links: imported.topology.links?.length ?? 0,
        droppedSelfLoops: imported.dropped.length,
        demandTargets: imported.topology.trafficClasses?.length ?? 0,
        omittedDemands: imported.omittedDemands,
      };
      if (opts.json) printJson(summary);
      else {
        process.stdout.write(`${file} -> ${opts.out}: ${summary.sites} sites, ` +
          `${summary.links} links` +
          (summary.droppedSelfLoops > 0 ? `, ${summary.droppedSelfLoops} self-loops dropped` : '') +
          (summary.demandTargets > 0 ? `, demands to ${summary.demandTargets} targets` : '') +
          (summary.omittedDemands > 0
            ? `, ${summary.omittedDemands} demands routing nothing left out` : '') +
          '\n');
      }
      return ExitCode.ok;
    }));
}

interface ImportCliOptions {
  out: string;
  capacity?: number;
  json?: boolean;
}

function parsePositive(value: string): number {
  const x = Number(value);
  if (!Number.isFinite(x) || x <= 0) {
    throw new InvalidArgumentError(`expected a positive number of Mbps, got "${value}"`);
  }
  return x;
}
