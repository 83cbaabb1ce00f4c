// The response schemas of the routes whose answers a worker thread writes, and the one
// way to turn an answer into its text: the same encoding the route's serializer does,
// so that an answer made on a worker is byte for byte the one made inline.
import { z } from 'zod';
import type { sizeNetwork } from '../capacity/plan.ts';
import type { DrcResult } from '../drc/analyse-drc.ts';
import type { ServersResult } from '../servers/analyse.ts';
import { typedAs } from './schemas.ts';

export const DrcSchema = z.looseObject({
  kind: z.literal('drc'),
  notice: z.string().nullable(),
  recovery: z.array(z.looseObject({ id: z.string(), recoveryMinutes: z.number() })),
}).describe('the DrcResult of src/drc/analyse-drc.ts') as unknown as z.ZodType<DrcResult>;

export const ServersSchema = z.looseObject({
  catalogue: z.string(),
  planServers: z.number().nullable(),
  years: z.array(z.looseObject({ year: z.number().int(), tiersLive: z.number().int() })),
}).describe('the ServersResult of src/servers/analyse.ts') as unknown as z.ZodType<ServersResult>;

type Sizing = ReturnType<typeof sizeNetwork>;
type SizedLink = Sizing['links'] extends Map<string, infer L> ? L : never;

/** The sizing answer: one year's uplinks at their recommended catalogue size. */
export interface SizingAnswer {
  network: string;
  year: number;
  links: SizedLink[];
  unsized: Sizing['unsized'];
}

export const SizingSchema = typedAs<SizingAnswer>(z.object({
  network: z.string(),
  year: z.number().int(),
  links: z.array(z.looseObject({ link: z.string(), role: z.string(),
    size: z.looseObject({ mbps: z.number() }) })),
  unsized: z.array(z.looseObject({ link: z.string(), medium: z.string() })),
}));

/**
 * The answer's JSON text as fastify-type-provider-zod's serializer writes it: encoded
 * through the schema (which orders the named keys first), then stringified.
 */
export function encodeResponse<T>(schema: z.ZodType<T>, data: T): string {
  return JSON.stringify(z.encode(schema, data));
}
