// Imports a network file sent by the page (GraphML, GML, SNDlib, YAML, JSON) as a
// topology, and saves it as topology/<id>.yaml when asked; never over an existing file.
import { basename } from 'node:path';
import { exportTopologyYaml, importedToTopology, parseNetworkText } from '../io/index.ts';
import { validateTopology } from '../model/load-topology.ts';
import { ApiError, ApiErrorCode } from './api-error.ts';
import { createFile } from './atomic-file.ts';
import { withFileLock } from './file-lock.ts';
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

/** A converted file: its summary, and its YAML when it is to be saved. */
export interface ConvertedImport {
  summary: ImportedSummary;
  yaml: string | null;
}

/** Parses, converts and validates the file; saves it when `id` is given. */
export async function importTopology(
  workspace: Workspace, request: ImportRequest,
  convert: (request: ImportRequest) => ConvertedImport | Promise<ConvertedImport> =
  convertImport,
): Promise<ImportedSummary> {
  // Refuse a taken id before the conversion, which may take seconds.
  if (request.id !== undefined) checkFree(workspace, request.id);
  const { summary, yaml } = await convert(request);
  if (request.id === undefined || yaml === null) return summary;
  await saveImportedTopology(workspace, request.id, yaml);
  return { ...summary, id: request.id, file: `${request.id}.yaml` };
}

/** The CPU-heavy half of an import, with no file written: the server runs it on a worker. */
export function convertImport(request: ImportRequest): ConvertedImport {
  // Only the base name: the file name is a label here, never a path on this server.
  const fileName = basename(request.fileName);
  const graph = parseNetworkText(request.text, fileName);
  const imported = importedToTopology(graph, { fileName });
  const topology = validateTopology(imported.topology, fileName);
  const summary: ImportedSummary = {
    id: null, file: null, name: topology.name,
    sites: topology.sites.length, links: topology.links.length, dropped: imported.dropped.length,
  };
  const yaml = request.id === undefined ? null : exportTopologyYaml(imported.topology, {
    comment: `Imported from ${fileName} by the netsim web page.`,
  });
  return { summary, yaml };
}

/** Writes topology `id` as a new file; 409 when one exists, even if made meanwhile. */
export function saveImportedTopology(workspace: Workspace, id: string, yaml: string) {
  const path = workspace.pathOf('topology', id);
  return withFileLock(path, () => {
    try {
      createFile(path, yaml);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw conflict(id);
      throw err;
    }
  });
}

function checkFree(workspace: Workspace, id: string): void {
  try {
    workspace.find('topology', id);
  } catch {
    return;
  }
  throw conflict(id);
}

function conflict(id: string): ApiError {
  return new ApiError(409, ApiErrorCode.conflict,
    `topology "${id}" exists already; import under another id`);
}
