// Imports a network file sent by the page (GraphML, GML, SNDlib, YAML, JSON) as a
// topology, and saves it as topology/<id>.yaml when asked; never over an existing file.
import { randomBytes } from 'node:crypto';
import {
  closeSync, existsSync, fsyncSync, linkSync, openSync, unlinkSync, writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { exportTopologyYaml, importedToTopology, parseNetworkText } from '../io/index.ts';
import { validateTopology } from '../model/load-topology.ts';
import { ApiError, ApiErrorCode } from './api-error.ts';
import type { Workspace } from './workspace.ts';

export interface ImportRequest {
  fileName: string;
  text: string;
  id?: string;
}

export interface ImportedSummary {
  id: string | null;
  file: string | null;
  name: string;
  sites: number;
  links: number;
  /** Edges of the file left out (self-loops). */
  dropped: number;
}

/** Parses, converts and validates the file; saves it when `id` is given. */
export async function importTopology(
  workspace: Workspace, request: ImportRequest,
): Promise<ImportedSummary> {
  // Only the base name: the file name is a label here, never a path on this server.
  const fileName = basename(request.fileName);
  const graph = parseNetworkText(request.text, fileName);
  const imported = importedToTopology(graph, { fileName });
  const topology = validateTopology(imported.topology, fileName);
  const summary: ImportedSummary = {
    id: null, file: null, name: topology.name,
    sites: topology.sites.length, links: topology.links.length, dropped: imported.dropped.length,
  };
  if (request.id === undefined) return summary;

  const path = workspace.pathOf('topology', request.id);
  const yaml = exportTopologyYaml(imported.topology, {
    comment: `Imported from ${fileName} by the netsim web page.`,
  });
  writeNew(path, yaml, request.id);
  return { ...summary, id: request.id, file: `${request.id}.yaml` };
}

/** Writes a file that must not exist yet: temporary file, then a hard link (atomic). */
function writeNew(path: string, text: string, id: string): void {
  if (existsSync(path)) throw conflict(id);
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const temp = join(path, '..', `.${id}.yaml.${suffix}.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    // link() fails when the target exists, so two imports cannot overwrite each other.
    linkSync(temp, path);
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') throw conflict(id);
    throw err;
  } finally {
    unlinkSync(temp);
  }
}

function conflict(id: string): ApiError {
  return new ApiError(409, ApiErrorCode.conflict,
    `topology "${id}" exists already; import under another id`);
}
