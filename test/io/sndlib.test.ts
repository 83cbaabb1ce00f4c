// SNDlib importers: native and XML polska agree; the capacity rule; faults.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.ts';
import type { ImportedGraph } from '../../src/io/imported-graph.ts';
import { sndlibCapacity } from '../../src/io/sndlib-capacity.ts';
import { parseSndlibNative } from '../../src/io/sndlib-native.ts';
import { parseSndlibXml } from '../../src/io/sndlib-xml.ts';
import { readDataset, thrown } from './datasets.ts';

const native = () => parseSndlibNative(readDataset('sndlib/polska.txt'), 'polska.txt');
const xml = () => parseSndlibXml(readDataset('sndlib/polska.xml'), 'polska.xml');

function refuse(parse: () => unknown): InputError {
  const err = thrown(parse);
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

/** What both formats must agree on: ids, ends, coordinates, capacity, modules, demands. */
function essentials(graph: ImportedGraph) {
  return {
    nodes: graph.nodes.map(({ id, x, y }) => ({ id, x, y })),
    links: graph.edges.map((e) => ({
      id: e.id, source: e.source, target: e.target, capacityMbps: e.capacityMbps,
      setupCost: e.attributes.setupCost, moduleCapacities: e.attributes.moduleCapacities,
      moduleCosts: e.attributes.moduleCosts,
    })),
    demands: graph.demands?.map(({ id, source, target, valueMbps }) =>
      ({ id, source, target, valueMbps })),
  };
}

describe('SNDlib polska', () => {
  it('reads 12 nodes, 18 links and 66 demands from the native file', () => {
    const graph = native();
    expect(graph.format).toBe('sndlib-native');
    expect(graph.nodes).toHaveLength(12);
    expect(graph.edges).toHaveLength(18);
    expect(graph.demands).toHaveLength(66);
    expect(graph.nodes[0]).toEqual({ id: 'Gdansk', x: 18.6, y: 54.2, attributes: {} });
  });

  it('gives a link without pre-installed capacity its largest module (622 of 155, 622)', () => {
    expect(native().edges[0]).toEqual({
      id: 'Link_0_10', source: 'Gdansk', target: 'Warsaw', capacityMbps: 622,
      attributes: {
        preInstalledCapacity: 0, preInstalledCapacityCost: 0, routingCost: 0, setupCost: 156,
        moduleCapacities: '155 622', moduleCosts: '156 468',
      },
    });
  });

  it('reads demands with their value, routing unit and path limit', () => {
    expect(native().demands![0]).toEqual({
      id: 'Demand_0_1', source: 'Gdansk', target: 'Bydgoszcz', valueMbps: 195,
      attributes: { routingUnit: 1, maxPathLength: 'UNLIMITED' },
    });
    expect(native().demands!.reduce((sum, d) => sum + d.valueMbps, 0)).toBe(9943);
  });

  it('gives the same nodes, links and demands from the native and the XML file', () => {
    const fromXml = xml();
    expect(fromXml.format).toBe('sndlib-xml');
    expect(essentials(fromXml)).toEqual(essentials(native()));
  });
});

describe('sndlibCapacity', () => {
  it('takes the pre-installed capacity when it is above 0', () => {
    expect(sndlibCapacity(40, [{ capacity: 155, cost: 1 }])).toBe(40);
  });

  it('takes the largest module when nothing is pre-installed', () => {
    expect(sndlibCapacity(0, [{ capacity: 622, cost: 3 }, { capacity: 2488, cost: 9 },
      { capacity: 155, cost: 1 }])).toBe(2488);
  });

  it('gives no capacity when there is neither', () => {
    expect(sndlibCapacity(0, [])).toBeUndefined();
    expect(sndlibCapacity(undefined, [])).toBeUndefined();
  });
});

describe('parseSndlibNative', () => {
  it('reads META, skips ADMISSIBLE_PATHS and takes a pre-installed capacity', () => {
    const graph = parseSndlibNative(`?SNDlib native format; type: network; version: 1.0
META (
  granularity = 15min
  unit = MBITPERSEC
)
NODES (
  A ( 1.0 2.0 )
  B ( -1.5 2.5 )
)
LINKS (
  L1 ( A B ) 40.00 1.00 0.00 0.00 ( 155.00 156.00 )
  L2 ( B A ) 0.00 0.00 0.00 0.00 ( )
)
DEMANDS (
  D1 ( A B ) 1 12.5 UNLIMITED
)
ADMISSIBLE_PATHS (
  D1 (
    P_0 ( L1 )
  )
)
`, 'small.txt');
    expect(graph.attributes).toEqual({ granularity: '15min', unit: 'MBITPERSEC' });
    expect(graph.edges.map((e) => e.capacityMbps)).toEqual([40, undefined]);
    expect(graph.demands).toEqual([{ id: 'D1', source: 'A', target: 'B', valueMbps: 12.5,
      attributes: { routingUnit: 1, maxPathLength: 'UNLIMITED' } }]);
  });

  it('reports every link and demand with an unknown end, with line and column', () => {
    const err = refuse(() => parseSndlibNative(`NODES (
  A ( 0 0 )
)
LINKS (
  L1 ( A Z ) 0 0 0 0 ( 10 1 )
)
DEMANDS (
  D1 ( Y A ) 1 5 UNLIMITED
)`, 'bad.txt'));
    expect(err.code).toBe('E_INPUT_REFERENCE');
    expect(err.message.split('\n')).toEqual([
      'bad.txt: line 5, column 3: link "L1": target "Z" is not a node in NODES',
      'bad.txt: line 8, column 3: demand "D1": source "Y" is not a node in NODES',
    ]);
  });

  it('gives the line and column of a malformed link and a malformed demand', () => {
    const err = refuse(() => parseSndlibNative(`NODES (
  A ( 0 0 )
  B ( 0 0 )
)
LINKS (
  L1 ( A B ) 0 zero 0 0 ( 10 1 )
)
DEMANDS (
  D1 A B 1 5
)`, 'bad.txt'));
    expect(err.code).toBe('E_INPUT_SYNTAX');
    expect(err.issues.map((i) => i.path)).toEqual(['line 6, column 16', 'line 9, column 3']);
    expect(err.issues[0].message).toBe('expected a number in link "L1", got "zero"');
  });

  it('refuses a section that is never closed', () => {
    const err = refuse(() => parseSndlibNative('NODES (\n  A ( 0 0 )\n', 'bad.txt'));
    expect(err.issues[0]).toMatchObject({ path: 'line 1, column 7' });
  });

  it('refuses an SNDlib file that is not a network', () => {
    const err = refuse(() => parseSndlibNative(
      '?SNDlib native format; type: model; version: 1.0\nLINK_MODEL ( UNDIRECTED )\n', 'm.txt'));
    expect(err.issues[0].message).toBe('expected an SNDlib network file, got type "model"');
  });
});

describe('parseSndlibXml', () => {
  it('takes a pre-installed module before additional ones and keeps the costs', () => {
    const graph = parseSndlibXml(`<?xml version="1.0"?>
<network xmlns="http://sndlib.zib.de/network" version="1.0">
  <networkStructure>
    <nodes coordinatesType="pixel">
      <node id="A"><coordinates><x>1</x><y>2</y></coordinates></node>
      <node id="B"/>
    </nodes>
    <links>
      <link id="L1"><source>A</source><target>B</target>
        <preInstalledModule><capacity>2.5</capacity><cost>7</cost></preInstalledModule>
        <routingCost>3</routingCost>
        <additionalModules><addModule><capacity>40</capacity><cost>1</cost></addModule>
        </additionalModules>
      </link>
    </links>
  </networkStructure>
  <demands>
    <demand id="D"><source>B</source><target>A</target><demandValue>0.5</demandValue></demand>
  </demands>
</network>`, 'small.xml');
    expect(graph.nodes).toEqual([{ id: 'A', x: 1, y: 2, attributes: {} },
      { id: 'B', attributes: {} }]);
    expect(graph.edges).toEqual([{ id: 'L1', source: 'A', target: 'B', capacityMbps: 2.5,
      attributes: { preInstalledCapacity: 2.5, preInstalledCapacityCost: 7, routingCost: 3,
        moduleCapacities: '40', moduleCosts: '1' } }]);
    expect(graph.demands).toEqual([{ id: 'D', source: 'B', target: 'A', valueMbps: 0.5 }]);
  });

  it('reports links with unknown or missing ends, and a demand without a value', () => {
    const err = refuse(() => parseSndlibXml(`<network><networkStructure>
<nodes><node id="A"/></nodes>
<links><link id="L"><source>A</source></link></links>
</networkStructure>
<demands><demand id="D"><source>A</source><target>A</target></demand></demands>
</network>`, 'bad.xml'));
    expect(err.code).toBe('E_INPUT_SYNTAX');
    expect(err.message.split('\n')).toEqual([
      'bad.xml: link[0]: a link needs <target> (line 3)',
      'bad.xml: demand[0]: a demand needs a <demandValue> (line 5)',
    ]);
  });

  it('gives the line and column of malformed XML', () => {
    const err = refuse(() => parseSndlibXml('<network>\n  <nodes>\n</network>', 'bad.xml'));
    expect(err.code).toBe('E_INPUT_SYNTAX');
    expect(err.issues[0].path).toBe('line 3, column 10');
  });
});
