// A figure with its provenance: where a number in a topology came from.
import { z } from 'zod';

/**
 * Where a figure comes from: `plan` is quoted from the master plan (with `ref`, the
 * section), `estimate` was derived by a rule written in the topology (with `rule`, the
 * rule's id), `data` was read from an imported data file (with `ref`, the file).
 */
export const FigureSource = z.enum(['plan', 'estimate', 'data']);
export type FigureSource = z.infer<typeof FigureSource>;

const finite = z.number().refine(Number.isFinite, { message: 'expected a finite number' });

/** A number with its source. A bare number is the user's own figure (`source: given`). */
export function figure(value: z.ZodNumber = z.number()) {
  const sourced = z
    .strictObject({
      value,
      source: FigureSource,
      rule: z.string().min(1).optional(),
      ref: z.string().min(1).optional(),
    })
    .superRefine((f, ctx) => {
      if (f.source === 'estimate' && !f.rule) {
        ctx.addIssue({
          code: 'custom',
          path: ['rule'],
          message: 'an estimate must name the rule that produced it',
          input: f.rule,
        });
      }
      if (f.source !== 'estimate' && !f.ref) {
        ctx.addIssue({
          code: 'custom',
          path: ['ref'],
          message: `a ${f.source} figure must give its reference (plan section or file)`,
          input: f.ref,
        });
      }
    });
  return z.union([value, sourced]);
}

export const finiteNumber = finite;

/** A figure as written in a file: a bare number or a sourced one. */
export type FigureInput = number | {
  value: number;
  source: FigureSource;
  rule?: string | undefined;
  ref?: string | undefined;
};

/** The number a figure stands for. */
export function valueOf(f: FigureInput): number;
export function valueOf(f: FigureInput | undefined): number | undefined;
export function valueOf(f: FigureInput | undefined): number | undefined {
  if (f === undefined) return undefined;
  return typeof f === 'number' ? f : f.value;
}

/** The source of a figure: a bare number is `given`. */
export function sourceOf(f: FigureInput): FigureSource | 'given' {
  return typeof f === 'number' ? 'given' : f.source;
}
