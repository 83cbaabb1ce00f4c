// Importers and exporters: format detection, one entry point for any network file, exports.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError, InputErrorCode } from '../model/errors.ts';
import { LIMITS } from '../model/limits.ts';
import { parseTopology } from '../model/load-topology.ts';
import { topologyToImported } from './from-topology.ts';
import { parseGml } from './gml.ts';
import { parseGraphml } from './graphml.ts';
import { limitError, type ImportedGraph, type NetworkFormat } from './imported-graph.ts';
import { parseJsonGraph } from './json-graph.ts';
import { parseSndlibNative } from './sndlib-native.ts';
import { parseSndlibXml } from './sndlib-xml.ts';

export { exportGraphml } from './export-graphml.ts';
export { exportTopologyYaml, type YamlExportOptions } from './export-yaml.ts';
export { topologyToImported } from './from-topology.ts';
export { parseGml } from './gml.ts';
export { createGraphmlParser, parseGraphml, type GraphmlParser } from './graphml.ts';
export type {
  AttributeValue, Attributes, ImportedDemand, ImportedEdge, ImportedGraph, ImportedNode,
  NetworkFormat,
} from './imported-graph.ts';
export { parseJsonGraph } from './json-graph.ts';
export { makeSafeIds } from './safe-ids.ts';
export { sndlibCapacity } from './sndlib-capacity.ts';
export { parseSndlibNative } from './sndlib-native.ts';
export { parseSndlibXml } from './sndlib-xml.ts';
export {
  DEFAULT_CAPACITY_RULE, importedToTopology, type DroppedEdge, type ImportedTopology,
  type ToTopologyOptions,
} from './to-topology.ts';

const BY_EXTENSION: Record<string, NetworkFormat> = {
  '.graphml': 'graphml',
  '.gml': 'gml',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
};

/**
 * The format of a network file: by its extension where that is unambiguous (.graphml,
 * .gml, .yaml, .yml, .json), else (.xml, .txt, anything else) by its first few KB.
 * @example detectFormat('polska.txt', text) // 'sndlib-native'
 */
export function detectFormat(fileName: string, text: string): NetworkFormat | undefined {
  const byExtension = BY_EXTENSION[extname(fileName).toLowerCase()];
  if (byExtension) return byExtension;

  const head = text.slice(0, 8192).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) {
    if (/<graphml[\s>]/.test(head)) return 'graphml';
    if (/<network[\s>]/.test(head)) return 'sndlib-xml';
    return undefined;
  }
  if (head.startsWith('?SNDlib') || /(^|\n)\s*NODES\s*\(/.test(head)) return 'sndlib-native';
  if (/(^|\s)graph\s*\[/.test(head)) return 'gml';
  if (head.startsWith('{')) return 'json';
  if (/(^|\n)(schemaVersion|sites)\s*:/.test(head)) return 'yaml';
  return undefined;
}

/**
 * Parses a network file's text in whatever format it is, within LIMITS (size, node and
 * edge counts). A topology (YAML or JSON) is validated and returned as a graph.
 */
export function parseNetworkText(text: string, fileName: string): ImportedGraph {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > LIMITS.fileBytes) {
    throw limitError(fileName, 'file_too_large',
      `expected at most ${LIMITS.fileBytes} bytes, got ${bytes}`);
  }
  const format = detectFormat(fileName, text);
  switch (format) {
    case 'graphml':
      return parseGraphml(text, fileName);
    case 'gml':
      return parseGml(text, fileName);
    case 'sndlib-native':
      return parseSndlibNative(text, fileName);
    case 'sndlib-xml':
      return parseSndlibXml(text, fileName);
    case 'json':
      return parseJsonGraph(text, fileName);
    case 'yaml':
      return topologyToImported(parseTopology(text, fileName), 'yaml');
    default:
      throw new InputError(InputErrorCode.syntax, fileName, [{
        code: 'unknown_format', path: '',
        message: 'expected GraphML, GML, SNDlib (native or XML), YAML or JSON; could not ' +
          'tell the format from the file name or its first lines',
      }]);
  }
}

/**
 * Reads and parses a network file, refusing one over LIMITS.fileBytes before reading it.
 * Errors name the path as given.
 */
export async function readNetworkFile(path: string): Promise<ImportedGraph> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.size > LIMITS.fileBytes) {
      throw limitError(path, 'file_too_large',
        `expected at most ${LIMITS.fileBytes} bytes, got ${info.size}`);
    }
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(InputErrorCode.unreadable, path, [{
      code: 'unreadable', path: '', message: `could not read ${path}: ${(err as Error).message}`,
    }]);
  }
  return parseNetworkText(text, path);
}
