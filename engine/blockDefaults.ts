/**
 * The defaults of every scenario block's fields, read from the zod schemas (engine/mechanisms/<name>/schema.ts
 * through engine/scenarioSchema.ts), so an editor that switches a block on starts from the engine's own
 * defaults instead of a copy of them. The playground embeds this object at build time (playground/vite.config.ts).
 */
import type { z } from 'zod';
import { ScenarioBase } from './scenarioSchema.js';

/** Each block (a top-level scenario key holding an object or a list of objects) with the defaults of its fields that have one. */
export type BlockDefaults = Record<string, Record<string, unknown>>;

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema inside optional, nullable, default and list wrappers. */
function unwrap(s: z.ZodType): z.ZodType {
  for (;;) {
    const d = def(s);
    if (d.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(d.type)) s = d.innerType;
    else if (d.type === 'array' && d.element) s = d.element;
    else return s;
  }
}

/**
 * The defaults of an object schema's fields (the value zod fills in for an absent field), or null when it is not an object.
 * @example fieldDefaults(z.object({ a: z.number().default(1), b: z.number() })) // { a: 1 }
 */
export function fieldDefaults(schema: z.ZodType): Record<string, unknown> | null {
  const d = def(unwrap(schema));
  if (d.type !== 'object' || !d.shape) return null;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(d.shape)) {
    const r = field.safeParse(undefined);
    if (r.success && r.data !== undefined) out[key] = r.data;
  }
  return out;
}

/**
 * Every block's field defaults, by scenario key.
 * @example blockDefaults().retention.paySlope // -3
 */
export function blockDefaults(): BlockDefaults {
  const out: BlockDefaults = {};
  for (const [key, field] of Object.entries(ScenarioBase.shape as Record<string, z.ZodType>)) {
    const f = fieldDefaults(field);
    if (f) out[key] = f;
  }
  return out;
}
