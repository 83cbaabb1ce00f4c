// `netsim loads` and `netsim import` as a user runs them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netsim } from '../helpers/cli.ts';

const AARNET = 'test/datasets/topologyzoo/gml/Aarnet.gml';

describe('netsim loads', () => {
  it('prints one JSON object with the fields of the rule, the same on any number of ' +
    'workers', () => {
    const args = ['loads', AARNET, '--gravity-total', '1000', '--capacity', '100', '--n1',
      '--n1-nodes', '--json'];
    const one = netsim(...args, '--workers', '1');
    expect(one.status).toBe(0);
    const result = JSON.parse(one.stdout);
    expect(result).toMatchObject({ nodes: 19, links: 24 });
    expect(Object.keys(result.edges[0])).toEqual(
      ['source', 'target', 'loadForwardMbps', 'loadReverseMbps'],
    );
    expect(result.maxUtilizationLink).toEqual({ source: '3', target: '16', direction: 'forward' });
    expect(result.linkFailures).toHaveLength(24);
    expect(Object.keys(result.linkFailures[0])).toEqual(expect.arrayContaining(
      ['source', 'target', 'unroutedDemands', 'unroutedMbps', 'maxUtilization'],
    ));
    expect(result.nodeFailures).toHaveLength(19);
    expect(Object.keys(result.nodeFailures[0])).toEqual(expect.arrayContaining(
      ['node', 'lostMbps', 'unroutedMbps', 'maxUtilization'],
    ));
    const two = netsim(...args, '--workers', '2');
    expect(two.stdout).toBe(one.stdout);
  });

  it('prints a table without --json, and nothing on stderr when stderr is not a terminal', () => {
    const run = netsim('loads', AARNET, '--gravity-total', '1000', '--capacity', '100', '--n1');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/19 nodes, 24 links after cleaning/);
    expect(run.stdout).toMatch(/Worst link failures \(of 24\)/);
    expect(run.stderr).toBe('');
  });

  it('refuses a missing capacity and an unreadable file with exit 2', () => {
    expect(netsim('loads', AARNET, '--gravity-total', '1000').status).toBe(2);
    const missing = netsim('loads', 'no-such-file.gml', '--gravity-total', '1', '--capacity', '1');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/E_INPUT_UNREADABLE/);
  });
});

describe('netsim import', () => {
  it('writes a topology that loads gives the same figures for as the original file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'netsim-import-')), 'aarnet.yaml');
    const run = netsim('import', 'test/datasets/topologyzoo/graphml/Aarnet.graphml', '--out', out);
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Imported by netsim from Aarnet.graphml/);
    const loads = (file: string) => JSON.parse(netsim(
      'loads', file, '--gravity-total', '1000', '--capacity', '100', '--json',
    ).stdout);
    const fromYaml = loads(out);
    const fromGml = loads(AARNET);
    expect(fromYaml.maxUtilization).toBeCloseTo(fromGml.maxUtilization, 12);
    expect(fromYaml.edges.length).toBe(fromGml.edges.length);
  });
});
