// Numbered versions of a large scenario and a large topology, the same bytes in the
// crash test and in the child it kills, so that a file can be told apart by content.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The scenario the crash test saves over and over. */
export const BIG_SCENARIO_ID = 'big-edit';

/** Rules per scenario version: about 400 kB of YAML in all. */
const SCENARIO_RULES = 640;

/** Comment lines put in front of the Mojokerto topology: about 1 MB more. */
const TOPOLOGY_COMMENT_LINES = 12_000;

/**
 * Scenario version `n`: Plan 2023 with `n` in its name and in every one of its many
 * rules, so that two versions differ all through the file, not just at one end.
 */
export function scenarioVersion(n: number): string {
  const lines = [
    `# Crash-test scenario, version ${n}.`,
    'schemaVersion: 1',
    `name: Big edit ${n}`,
    'extends: plan-2023.yaml',
    'rules:',
  ];
  for (let i = 0; i < SCENARIO_RULES; i++) {
    lines.push(`  note-${i}: >-`);
    lines.push(`    Version ${n}, rule ${i}: a long note kept only to make the file large,`);
    lines.push(`    so that a torn write would show (${n}.${i}).`);
    lines.push(`    ${'x'.repeat(480)} ${n}`);
  }
  return `${lines.join('\n')}\n`;
}

let mojokerto: string | undefined;

/** Topology version `n`: the Mojokerto network renamed, behind a large comment block. */
export function topologyVersion(n: number): string {
  mojokerto ??= readFileSync(join(ROOT, 'topology', 'mojokerto.yaml'), 'utf8');
  const comment: string[] = [];
  for (let i = 0; i < TOPOLOGY_COMMENT_LINES; i++) {
    comment.push(`# version ${n}, line ${i}: ${'y'.repeat(64)} ${n}`);
  }
  const body = mojokerto.replace(/^name: .*$/m, `name: Imported ${n}`);
  return `${comment.join('\n')}\n${body}`;
}

/** The id topology version `n` is imported under. */
export function topologyId(n: number): string {
  return `imported-${n}`;
}

/** The label of run `n` in the store test. */
export function runLabel(n: number): string {
  return `run ${n}`;
}
