// The io importers held to LIMITS: size, node and edge counts, nesting.
import { describe, expect, it, vi } from 'vitest';
import { parseNetworkText } from '../../src/io/index.ts';
import { InputError } from '../../src/model/errors.ts';
import { readDataset, thrown } from './datasets.ts';

// Small limits, so that each can be passed with a small file.
vi.mock('../../src/model/limits.ts', () => ({
  LIMITS: { fileBytes: 25_000, sites: 20, links: 30, yamlAliases: 10, depth: 4 },
}));

function refuse(text: string, file: string): InputError {
  const err = thrown(() => parseNetworkText(text, file));
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).code).toBe('E_INPUT_LIMIT');
  return err as InputError;
}

describe('the import limits', () => {
  it('refuses a file over the size limit before parsing it', () => {
    const err = refuse(readDataset('topologyzoo/graphml/Surfnet.graphml'), 'Surfnet.graphml');
    expect(err.message).toBe('Surfnet.graphml: expected at most 25000 bytes, got 26103');
  });

  it.each([
    ['topologyzoo/graphml/Sanet.graphml', 'too_many_nodes'],
    ['topologyzoo/gml/Sanet.gml', 'too_many_nodes'],
    ['topologyzoo/graphml/Chinanet.graphml', 'too_many_nodes'],
    ['topologyzoo/graphml/Karen.graphml', 'too_many_nodes'],
    ['topologyzoo/gml/Sprint.gml', 'ok'],
  ])('holds %s to the node and edge counts (%s)', (path, code) => {
    const text = readDataset(path);
    if (code === 'ok') {
      expect(parseNetworkText(text, path).nodes).toHaveLength(11);
      return;
    }
    expect(refuse(text, path).issues[0].code).toBe(code);
  });

  it('refuses more edges than the limit', () => {
    const edges = Array.from({ length: 31 }, () => 'edge [ source 0 target 1 ]').join('\n');
    const err = refuse(`graph [ node [ id 0 ] node [ id 1 ]\n${edges}\n]`, 'many.gml');
    expect(err.issues[0]).toMatchObject({ code: 'too_many_edges',
      message: 'expected at most 30 edges, got more' });
  });

  it('refuses more SNDlib demands than the edge limit', () => {
    const demands = Array.from({ length: 31 }, (_, i) => `  D${i} ( A B ) 1 1 UNLIMITED`);
    const err = refuse(`NODES (\n  A\n  B\n)\nDEMANDS (\n${demands.join('\n')}\n)\n`, 'd.txt');
    expect(err.issues[0].code).toBe('too_many_demands');
  });

  it('refuses GML and XML nested deeper than the limit', () => {
    const gml = refuse('graph [ node [ id 0 a [ b [ c [ d 1 ] ] ] ] ]', 'deep.gml');
    expect(gml.issues[0]).toMatchObject({ code: 'too_deep', path: 'line 1, column 31' });
    const xml = refuse('<graphml><graph><node id="a"><data key="k"><x/></data></node></graph>' +
      '</graphml>', 'deep.graphml');
    expect(xml.issues[0].code).toBe('too_deep');
  });
});
