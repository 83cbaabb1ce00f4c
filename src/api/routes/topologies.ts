// Topology routes: list, read, the network of a year as the page draws it, and
// import of a GraphML, GML, SNDlib or JSON file as a topology.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../model/errors.ts';
import { validateTopology } from '../../model/load-topology.ts';
import type { Topology } from '../../model/topology-schema.ts';
import { parseYamlText } from '../../model/yaml-text.ts';
import { ApiError } from '../api-error.ts';
import type { ApiContext } from '../context.ts';
import { errorBody } from '../error-handler.ts';
import { importTopology } from '../import-topology.ts';
import { networkView } from '../network-view.ts';
import { BODY_LIMITS } from '../limits.ts';
import {
  errorResponses, IdParams, ImportBody, loadResponses, NetworkViewSchema, TopologySummary,
  YearQuery,
} from '../schemas.ts';
import { memoOnStamp } from '../stamp-memo.ts';
import type { WorkspaceFile } from '../workspace.ts';

/** Registers the /api/topologies routes. */
export function topologyRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const listTopologies = memoOnStamp(ctx.workspace, () => ({
      topologies: ctx.workspace.list('topology')
        .filter((file) => ctx.workspace.isTopologyFile(file))
        .map((file) => summarise(ctx, file).summary),
    }));

    r.get('/api/topologies', {
      schema: {
        tags: ['topologies'],
        summary: 'Every topology in the topology folder',
        response: { 200: z.object({ topologies: z.array(TopologySummary) }) },
      },
    }, async () => listTopologies());

    r.get('/api/topologies/:id', {
      schema: {
        tags: ['topologies'],
        summary: 'One topology as written (validated), with its YAML',
        params: IdParams,
        response: {
          200: TopologySummary.extend({
            yaml: z.string(), topology: z.record(z.string(), z.unknown()).nullable(),
          }),
          ...errorResponses,
        },
      },
    }, async (request) => {
      const file = ctx.workspace.find('topology', request.params.id);
      if (!ctx.workspace.isTopologyFile(file)) {
        throw new ApiError(404, 'E_NOT_FOUND',
          `topology "${file.id}" is not a topology (an application catalogue?)`);
      }
      const { summary, topology } = summarise(ctx, file);
      return {
        ...summary,
        yaml: ctx.workspace.readText(file),
        topology: topology as unknown as Record<string, unknown> | null,
      };
    });

    r.get('/api/topologies/:id/network', {
      schema: {
        tags: ['topologies'],
        summary: 'The network of a topology in a year: sites, links, clusters, groups',
        params: IdParams,
        querystring: YearQuery,
        response: { 200: NetworkViewSchema, ...errorResponses },
      },
    }, async (request) => networkView(ctx.loader.load({
      topology: request.params.id, year: request.query.year,
    })));

    r.post('/api/topologies/import', {
      bodyLimit: BODY_LIMITS.import,
      schema: {
        tags: ['topologies'],
        summary: 'Import a GraphML, GML, SNDlib, YAML or JSON network as a topology',
        body: ImportBody,
        response: {
          200: z.object({ id: z.string().nullable(), file: z.string().nullable(),
            name: z.string(), sites: z.number().int(), links: z.number().int(),
            dropped: z.number().int() }),
          201: z.object({ id: z.string().nullable(), file: z.string().nullable(),
            name: z.string(), sites: z.number().int(), links: z.number().int(),
            dropped: z.number().int() }),
          ...errorResponses,
          ...loadResponses,
        },
      },
    }, async (request, reply) => {
      // The conversion runs as a task; the new file is written here, under its lock.
      const imported = await importTopology(ctx.workspace, request.body,
        (body) => ctx.work.compute(request, reply, { kind: 'import', request: body }));
      if (imported.id) request.log.info({ topology: imported.id }, 'topology imported');
      return reply.code(imported.id ? 201 : 200).send(imported);
    });
  };
}

/** A topology's counts and name, or the error that keeps it from loading. */
function summarise(ctx: ApiContext, file: WorkspaceFile) {
  let topology: Topology | null = null;
  let error: InputError | null = null;
  let raw: { name?: unknown; sites?: unknown; links?: unknown } = {};
  try {
    raw = (parseYamlText(ctx.workspace.readText(file), file.file) ?? {}) as typeof raw;
    topology = validateTopology(raw, file.file);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    error = err;
  }
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  return {
    topology,
    summary: {
      id: file.id,
      file: file.file,
      name: topology?.name ?? (typeof raw.name === 'string' ? raw.name : null),
      description: topology?.description ?? null,
      baseYear: topology?.baseYear ?? null,
      sites: count(raw.sites),
      links: count(raw.links),
      clusters: topology?.clusters.length ?? 0,
      error: error ? errorBody(error) : null,
    },
  };
}
