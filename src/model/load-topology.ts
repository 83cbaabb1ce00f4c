// Reads a topology from YAML text: syntax, schema, then references. All or nothing.
import { InputError, InputErrorCode } from './errors.ts';
import { LIMITS } from './limits.ts';
import { TopologySchema, type Topology } from './topology-schema.ts';
import { checkTopologyReferences } from './validate-topology.ts';
import { parseYamlText } from './yaml-text.ts';
import { fromZodIssues } from './zod-issues.ts';

/** Parses and validates a topology. Throws InputError listing every fault. */
export function parseTopology(text: string, file: string): Topology {
  return validateTopology(parseYamlText(text, file), file);
}

/** Validates topology data already parsed (from YAML, JSON or an importer). */
export function validateTopology(data: unknown, file: string): Topology {
  checkCounts(data, file);
  const parsed = TopologySchema.safeParse(data, { reportInput: true });
  const references = checkTopologyReferences(data);
  if (!parsed.success) {
    const issues = [...fromZodIssues(parsed.error.issues), ...references];
    throw new InputError(InputErrorCode.schema, file, issues);
  }
  if (references.length > 0) throw new InputError(InputErrorCode.reference, file, references);
  return parsed.data;
}

function checkCounts(data: unknown, file: string): void {
  if (data === null || typeof data !== 'object') return;
  const { sites, links } = data as { sites?: unknown; links?: unknown };
  const counts = [['sites', sites, LIMITS.sites], ['links', links, LIMITS.links]] as const;
  for (const [field, list, max] of counts) {
    if (Array.isArray(list) && list.length > max) {
      throw new InputError(InputErrorCode.limit, file, [{
        code: `too_many_${field}`,
        path: field,
        message: `expected at most ${max} ${field}, got ${list.length}`,
      }]);
    }
  }
}
