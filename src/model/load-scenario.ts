// Reads a scenario from YAML text: syntax and schema. Topology paths and `extends`
// chains are followed by read-input.ts, which owns the file system.
import { InputError, InputErrorCode } from './errors.ts';
import { ScenarioSchema, type Scenario } from './scenario-schema.ts';
import { parseYamlText } from './yaml-text.ts';
import { fromZodIssues } from './zod-issues.ts';

/** Parses and validates one scenario file (without following `extends`). */
export function parseScenario(text: string, file: string): Scenario {
  return validateScenario(parseYamlText(text, file), file);
}

/** Validates scenario data already parsed. */
export function validateScenario(data: unknown, file: string): Scenario {
  const parsed = ScenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    throw new InputError(InputErrorCode.schema, file, fromZodIssues(parsed.error.issues));
  }
  return parsed.data;
}

/** Whether parsed YAML data looks like a scenario rather than a topology. */
export function looksLikeScenario(data: unknown): boolean {
  if (data === null || typeof data !== 'object') return false;
  const record = data as Record<string, unknown>;
  return !('sites' in record) && ('topology' in record || 'extends' in record);
}

/**
 * A scenario on top of the one it extends: the topology, year, growth, rules and
 * failures are inherited unless given again; the changes and events stay in layers
 * (see changesForYear) so that this scenario's apply after the base's.
 */
export function mergeScenarios(base: Scenario, own: Scenario): Scenario {
  return {
    ...own,
    topology: own.topology ?? base.topology,
    year: own.year ?? base.year,
    growth: { ...base.growth, ...own.growth },
    rules: { ...base.rules, ...own.rules },
    fail: own.fail ?? base.fail,
    extends: undefined,
    base,
  };
}
