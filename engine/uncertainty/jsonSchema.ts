/**
 * The scenario JSON Schema with distributions: every numeric field the parser lets be uncertain (all but
 * horizonMonths, trials and seed, and nothing inside the uncertainty block) accepts a number or a
 * distribution object (engine/uncertainty/distribution.ts), as the parser does. A post-pass over the
 * schema zod generates, so it follows every block without a list of fields.
 */
import { z } from 'zod';
import { DistributionSchema } from './distribution.js';

/** Top-level fields that cannot be uncertain (engine/uncertainty/resolve.ts) and the block that holds uncertainty itself. */
const FIXED = new Set(['horizonMonths', 'trials', 'seed', 'uncertainty']);

const REF = { $ref: '#/$defs/distribution' };

function isNumeric(s: Record<string, unknown>): boolean {
  return s.type === 'number' || s.type === 'integer';
}

function widen(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(widen);
  if (s === null || typeof s !== 'object') return s;
  const o = s as Record<string, unknown>;
  if (isNumeric(o)) {
    const { default: dflt, ...rest } = o;
    return { ...(dflt !== undefined ? { default: dflt } : {}), anyOf: [rest, REF] };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'properties' && v && typeof v === 'object') out[k] = Object.fromEntries(Object.entries(v).map(([p, x]) => [p, widen(x)]));
    else if (k === 'items' || k === 'prefixItems' || k === 'anyOf' || k === 'oneOf' || k === 'allOf' || k === 'additionalProperties') out[k] = widen(v);
    else out[k] = v;
  }
  return out;
}

/**
 * The schema with distributions allowed wherever the parser takes them.
 * @example // withDistributions(z.toJSONSchema(ScenarioSchema)).properties.reps.properties.winRate.anyOf[0].anyOf[1] // { $ref: '#/$defs/distribution' }
 */
export function withDistributions(schema: Record<string, unknown>): Record<string, unknown> {
  const props = (schema.properties ?? {}) as Record<string, unknown>;
  const widened = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, FIXED.has(k) ? v : widen(v)]));
  const { $schema: _s, ...distribution } = z.toJSONSchema(DistributionSchema) as Record<string, unknown>;
  const defs = (schema.$defs ?? {}) as Record<string, unknown>;
  return { ...schema, properties: widened, $defs: { ...defs, distribution } };
}
