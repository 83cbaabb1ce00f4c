// SNDlib XML importer: network structure (nodes, links, modules) and demands, read with saxes.
import { InputError, InputErrorCode, type InputIssue } from '../model/errors.ts';
import {
  checkEdgeCount, checkNodeCount, numberOrUndefined, type Attributes, type ImportedDemand,
  type ImportedEdge, type ImportedGraph, type ImportedNode,
} from './imported-graph.ts';
import { moduleAttributes, sndlibCapacity, type CapacityModule } from './sndlib-capacity.ts';
import { readXml, type XmlElement } from './xml-reader.ts';

interface LinkDraft {
  index: number;
  line: number;
  id?: string;
  source?: string;
  target?: string;
  preInstalled?: number;
  preInstalledCost?: number;
  routingCost?: number;
  setupCost?: number;
  modules: CapacityModule[];
  module?: Partial<CapacityModule>;
}

interface DemandDraft {
  index: number;
  line: number;
  id?: string;
  source?: string;
  target?: string;
  value?: number;
  maxPathLength?: string;
}

/**
 * Parses an SNDlib XML network. The capacity rule and units are those of the native
 * format (see `sndlibCapacity`): values as written, taken as Mbps.
 */
export function parseSndlibXml(text: string, file: string): ImportedGraph {
  const nodes: ImportedNode[] = [];
  const links: LinkDraft[] = [];
  const demandDrafts: DemandDraft[] = [];
  const syntax: InputIssue[] = [];
  const nodeLines = new Map<string, number>();
  const references: InputIssue[] = [];
  const attributes: Attributes = {};
  let node: (ImportedNode & { line: number; index: number }) | undefined;
  let link: LinkDraft | undefined;
  let demand: DemandDraft | undefined;
  let rootSeen = false;

  const number = (element: XmlElement, what: string): number | undefined => {
    const value = numberOrUndefined(element.text);
    if (value === undefined) {
      syntax.push({
        code: 'not_a_number', path: `${what}.${element.name}`,
        message: `expected a number, got ${JSON.stringify(element.text.trim())} ` +
          `(line ${element.line})`,
      });
    }
    return value;
  };

  readXml(text, file, {
    open(element) {
      if (!rootSeen) {
        rootSeen = true;
        if (element.name !== 'network') {
          throw new InputError(InputErrorCode.syntax, file, [{
            code: 'not_sndlib', path: `line ${element.line}`,
            message: `expected an SNDlib network (root element <network>), got <${element.name}>`,
          }]);
        }
      }
      const parent = element.parent?.name;
      if (element.name === 'node' && parent === 'nodes') {
        checkNodeCount(nodes.length + 1, file);
        node = { id: element.attributes.id ?? '', attributes: {}, line: element.line,
          index: nodes.length };
      } else if (element.name === 'link' && parent === 'links') {
        checkEdgeCount(links.length + 1, file);
        link = { index: links.length, line: element.line, id: element.attributes.id, modules: [] };
      } else if (element.name === 'addModule' && link) {
        link.module = {};
      } else if (element.name === 'demand' && parent === 'demands') {
        checkEdgeCount(demandDrafts.length + 1, file, 'demands');
        demand = { index: demandDrafts.length, line: element.line, id: element.attributes.id };
      }
    },
    close(element) {
      const parent = element.parent?.name;
      if (node) {
        if (element.name === 'node') {
          closeNode(node);
          node = undefined;
        } else if (parent === 'coordinates' && (element.name === 'x' || element.name === 'y')) {
          const value = number(element, `node[${node.index}].coordinates`);
          if (value !== undefined) node[element.name] = value;
        }
      } else if (link) {
        const where = `link[${link.index}]`;
        if (element.name === 'link') {
          links.push(link);
          link = undefined;
        } else if (parent === 'link' && (element.name === 'source' || element.name === 'target')) {
          link[element.name] = element.text.trim();
        } else if (parent === 'preInstalledModule') {
          if (element.name === 'capacity') link.preInstalled = number(element, where);
          if (element.name === 'cost') link.preInstalledCost = number(element, where);
        } else if (parent === 'link' && element.name === 'routingCost') {
          link.routingCost = number(element, where);
        } else if (parent === 'link' && element.name === 'setupCost') {
          link.setupCost = number(element, where);
        } else if (parent === 'addModule' && link.module) {
          if (element.name === 'capacity') link.module.capacity = number(element, where);
          if (element.name === 'cost') link.module.cost = number(element, where);
        } else if (element.name === 'addModule' && link.module) {
          link.modules.push({ capacity: link.module.capacity ?? 0, cost: link.module.cost ?? 0 });
          link.module = undefined;
        }
      } else if (demand) {
        if (element.name === 'demand') {
          demandDrafts.push(demand);
          demand = undefined;
        } else if (parent === 'demand') {
          if (element.name === 'source' || element.name === 'target') {
            demand[element.name] = element.text.trim();
          } else if (element.name === 'demandValue') {
            demand.value = number(element, `demand[${demand.index}]`);
          } else if (element.name === 'maxPathLength') {
            demand.maxPathLength = element.text.trim();
          }
        }
      }
    },
  });

  function closeNode(draft: ImportedNode & { line: number; index: number }): void {
    const { line, index, ...imported } = draft;
    if (imported.id === '') {
      syntax.push({ code: 'missing_node_id', path: `node[${index}]`,
        message: `a node needs an "id" attribute (line ${line})` });
      return;
    }
    const first = nodeLines.get(imported.id);
    if (first !== undefined) {
      references.push({ code: 'duplicate_node', path: `node[${index}]`, received: imported.id,
        message: `duplicate node "${imported.id}" (line ${line}; first at line ${first})` });
      return;
    }
    nodeLines.set(imported.id, line);
    nodes.push(imported);
  }

  // Every link and demand needs both ends; report all that lack one.
  for (const [what, list] of [['link', links], ['demand', demandDrafts]] as const) {
    for (const d of list) {
      const missing = (['source', 'target'] as const).filter((end) => !d[end]);
      if (missing.length > 0) {
        syntax.push({ code: 'missing_end', path: `${what}[${d.index}]`,
          message: `a ${what} needs <${missing.join('> and <')}> (line ${d.line})` });
      }
    }
  }
  for (const d of demandDrafts) {
    if (d.value === undefined && !syntax.some((s) => s.path.startsWith(`demand[${d.index}]`))) {
      syntax.push({ code: 'missing_value', path: `demand[${d.index}]`,
        message: `a demand needs a <demandValue> (line ${d.line})` });
    }
  }
  if (syntax.length > 0) throw new InputError(InputErrorCode.syntax, file, syntax);

  for (const [what, list] of [['link', links], ['demand', demandDrafts]] as const) {
    for (const d of list) {
      for (const end of ['source', 'target'] as const) {
        if (!nodeLines.has(d[end]!)) {
          references.push({ code: 'unknown_node', path: `${what}[${d.index}].${end}`,
            received: d[end],
            message: `${end} "${d[end]}" is not a node of the network (line ${d.line})` });
        }
      }
    }
  }
  if (references.length > 0) throw new InputError(InputErrorCode.reference, file, references);

  return {
    format: 'sndlib-xml',
    directed: false,
    nodes,
    edges: links.map(toEdge),
    demands: demandDrafts.map(toDemand),
    attributes,
  };
}

function toEdge(draft: LinkDraft): ImportedEdge {
  const attributes: Attributes = {};
  if (draft.preInstalled !== undefined) attributes.preInstalledCapacity = draft.preInstalled;
  if (draft.preInstalledCost !== undefined) {
    attributes.preInstalledCapacityCost = draft.preInstalledCost;
  }
  if (draft.routingCost !== undefined) attributes.routingCost = draft.routingCost;
  if (draft.setupCost !== undefined) attributes.setupCost = draft.setupCost;
  moduleAttributes(attributes, draft.modules);
  const edge: ImportedEdge = { source: draft.source!, target: draft.target!, attributes };
  if (draft.id !== undefined) edge.id = draft.id;
  const capacity = sndlibCapacity(draft.preInstalled, draft.modules);
  if (capacity !== undefined) edge.capacityMbps = capacity;
  return edge;
}

function toDemand(draft: DemandDraft): ImportedDemand {
  const demand: ImportedDemand = {
    source: draft.source!, target: draft.target!, valueMbps: draft.value!,
  };
  if (draft.id !== undefined) demand.id = draft.id;
  if (draft.maxPathLength !== undefined) {
    demand.attributes = {
      maxPathLength: numberOrUndefined(draft.maxPathLength) ?? draft.maxPathLength,
    };
  }
  return demand;
}
