// The neutral shape every importer returns: nodes, edges and demands as written in the file.
import { InputError, InputErrorCode } from '../model/errors.ts';
import { LIMITS } from '../model/limits.ts';

/** The file formats the importers read. */
export type NetworkFormat = 'graphml' | 'gml' | 'sndlib-native' | 'sndlib-xml' | 'yaml' | 'json';

/** An attribute value as written: text, or a number where the format says it is one. */
export type AttributeValue = string | number;
/** Attributes by name, as written. */
export type Attributes = Record<string, AttributeValue>;

/** A node as written. `x`/`y` are longitude/latitude (or plain coordinates). */
export interface ImportedNode {
  id: string;
  label?: string;
  x?: number;
  y?: number;
  population?: number;
  /** Every attribute the file gives the node, including those mapped to the fields above. */
  attributes: Attributes;
}

/** An edge as written: parallel edges, self-loops and direction are kept. */
export interface ImportedEdge {
  source: string;
  target: string;
  /** Capacity in Mbps where the file states one. */
  capacityMbps?: number;
  /** The edge's own id, where the format has one (GraphML `id`, SNDlib link id). */
  id?: string;
  attributes: Attributes;
}

/** A traffic demand between two nodes, in Mbps. */
export interface ImportedDemand {
  source: string;
  target: string;
  valueMbps: number;
  id?: string;
  attributes?: Attributes;
}

/** What any importer returns. Cleaning (self-loops, parallel edges) is done elsewhere. */
export interface ImportedGraph {
  format: NetworkFormat;
  name?: string;
  /** True when the file declares its edges directed. */
  directed?: boolean;
  nodes: ImportedNode[];
  edges: ImportedEdge[];
  demands?: ImportedDemand[];
  attributes?: Attributes;
}

// Topology Zoo writes coordinates as Longitude/Latitude; other tools use x/y.
const X_NAMES = ['longitude', 'x'];
const Y_NAMES = ['latitude', 'y'];
const LABEL_NAMES = ['label', 'name'];
const MAPPED_NAMES = new Set([...X_NAMES, ...Y_NAMES, ...LABEL_NAMES, 'population']);

/** Builds a node from its attributes: label, Longitude/Latitude and population mapped. */
export function nodeFromAttributes(id: string, attributes: Attributes): ImportedNode {
  const node: ImportedNode = { id, attributes };
  const keys = mappedKeys(attributes);
  const label = pick(attributes, keys, LABEL_NAMES, 'string');
  if (label !== undefined) node.label = label;
  const x = pick(attributes, keys, X_NAMES, 'number');
  const y = pick(attributes, keys, Y_NAMES, 'number');
  if (x !== undefined) node.x = x;
  if (y !== undefined) node.y = y;
  const population = pick(attributes, keys, ['population'], 'number');
  if (population !== undefined) node.population = population;
  return node;
}

/**
 * Builds an edge from its attributes. Topology Zoo's `LinkSpeedRaw` is in bit/s, so
 * capacityMbps = LinkSpeedRaw / 1e6; a zero or negative speed is taken as not given.
 */
export function edgeFromAttributes(
  source: string,
  target: string,
  attributes: Attributes,
  id?: string,
): ImportedEdge {
  const edge: ImportedEdge = { source, target, attributes };
  if (id !== undefined) edge.id = id;
  const raw = attributes.LinkSpeedRaw;
  const bitsPerSecond = typeof raw === 'number' ? raw : numberOrUndefined(raw);
  // GML may spell the speed INF or 1e400: only a finite speed is a capacity.
  if (bitsPerSecond !== undefined && Number.isFinite(bitsPerSecond) && bitsPerSecond > 0) {
    edge.capacityMbps = bitsPerSecond / 1e6;
  }
  return edge;
}

/**
 * Sets an attribute as an own property, whatever its name: a plain assignment of
 * "__proto__" would set the object's prototype (or, with text, do nothing) instead.
 */
export function setAttribute(attributes: Attributes, name: string, value: AttributeValue): void {
  Object.defineProperty(attributes, name, {
    value, enumerable: true, writable: true, configurable: true,
  });
}

/** The graph's name from its attributes (`label`, `name`, then `Network`). */
export function graphName(attributes: Attributes): string | undefined {
  for (const key of ['label', 'name', 'Network']) {
    const value = attributes[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Throws the limit error when a file declares more nodes than LIMITS.sites. */
export function checkNodeCount(count: number, file: string): void {
  if (count > LIMITS.sites) {
    throw limitError(file, 'too_many_nodes', `expected at most ${LIMITS.sites} nodes, got more`);
  }
}

/** Throws the limit error when a file declares more edges (or demands) than LIMITS.links. */
export function checkEdgeCount(count: number, file: string, what = 'edges'): void {
  if (count > LIMITS.links) {
    throw limitError(file, `too_many_${what}`,
      `expected at most ${LIMITS.links} ${what}, got more`);
  }
}

/** Throws the limit error when nesting goes deeper than LIMITS.depth. */
export function checkDepth(depth: number, file: string, where: string): void {
  if (depth > LIMITS.depth) {
    throw limitError(file, 'too_deep', `expected nesting of at most ${LIMITS.depth} levels`, where);
  }
}

/** An InputError under E_INPUT_LIMIT with one issue. */
export function limitError(file: string, code: string, message: string, path = ''): InputError {
  return new InputError(InputErrorCode.limit, file, [{ code, path, message }]);
}

/**
 * The text without a leading byte order mark, which editors on Windows write and which
 * is no part of the document (XML readers skip it themselves).
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A number from text, or undefined when the text is not a finite number. */
export function numberOrUndefined(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The first attribute name written for each mapped name, by its lower case. One pass,
 * so that a node with a million attributes costs no more than reading them.
 */
function mappedKeys(attributes: Attributes): Map<string, string> {
  const keys = new Map<string, string>();
  for (const key of Object.keys(attributes)) {
    const lower = key.toLowerCase();
    if (MAPPED_NAMES.has(lower) && !keys.has(lower)) keys.set(lower, key);
  }
  return keys;
}

type Keys = Map<string, string>;
function pick(attributes: Attributes, keys: Keys, names: string[], type: 'string'):
  string | undefined;
function pick(attributes: Attributes, keys: Keys, names: string[], type: 'number'):
  number | undefined;
function pick(
  attributes: Attributes,
  keys: Keys,
  names: string[],
  type: 'string' | 'number',
): string | number | undefined {
  for (const name of names) {
    const key = keys.get(name);
    if (key === undefined) continue;
    const value = attributes[key];
    if (type === 'string') return String(value);
    const n = typeof value === 'number' ? value : numberOrUndefined(value);
    if (n !== undefined && Number.isFinite(n)) return n;
  }
  return undefined;
}
