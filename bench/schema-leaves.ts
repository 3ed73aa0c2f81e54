/**
 * The scenario JSON Schema's numeric fields ("leaves"), each with its bounds and a function that puts a
 * value into a small valid scenario carrying the field's block; and the extremes inside a field's
 * bounds (denormals, 1e308, the maxima, powers of ten). Shared by the schema-bounds property
 * (test/engine/work/schemaBounds.test.ts) and the server fuzz (bench/fuzz-bounds.ts).
 */
import { scenarioJsonSchema } from '../engine/index.js';

export type Schema = Record<string, unknown> & { type?: string; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[] };
export interface Leaf {
  path: string;
  lo: number;
  hi: number;
  exclusiveLo: boolean;
  integer: boolean;
  wrap: (v: unknown) => unknown;
}

export const CORE: Record<string, unknown> = { horizonMonths: 12, trials: 4, reps: { seats: 3, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1000 } };

export function sampleOf(s: Schema, hint?: unknown): unknown {
  if (hint !== undefined) return hint;
  if (!s || typeof s !== 'object') return null;
  if ('default' in s && s.default !== undefined && s.default !== null) return structuredClone(s.default);
  if (s.anyOf) {
    const b = s.anyOf.find((x) => x.type !== 'null');
    return b ? sampleOf(b) : null;
  }
  if (Array.isArray(s.enum)) return s.enum[0];
  if ('const' in s) return s.const;
  switch (s.type) {
    case 'number':
    case 'integer': {
      let v = 1;
      if (typeof s.minimum === 'number') v = Math.max(v, s.minimum);
      if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) v = s.exclusiveMinimum + 1;
      if (typeof s.maximum === 'number') v = Math.min(v, s.maximum);
      return v;
    }
    case 'string': {
      const p = String(s.pattern ?? '');
      if (p.includes('(0[1-9]|[12]\\d|3[01])')) return '2025-01-15';
      if (p.includes('(0[1-9]|1[0-2])')) return '2025-01';
      return typeof s.minLength === 'number' && s.minLength > 1 ? 'x'.repeat(s.minLength) : 'x';
    }
    case 'boolean':
      return false;
    case 'array': {
      const n = typeof s.minItems === 'number' ? s.minItems : 0;
      return Array.from({ length: n }, () => sampleOf(s.items ?? {}));
    }
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const k of s.required ?? []) o[k] = sampleOf(s.properties![k]);
      return o;
    }
    case 'null':
      return null;
  }
  return null;
}

export function leavesOf(s: Schema, wrap: (v: unknown) => unknown, path: string, hint?: unknown, out: Leaf[] = []): Leaf[] {
  if (!s || typeof s !== 'object') return out;
  if (s.anyOf) {
    for (const b of s.anyOf) if (b.type !== 'null') leavesOf(b, wrap, path, undefined, out);
    return out;
  }
  if (s.type === 'number' || s.type === 'integer') {
    const exclusiveLo = typeof s.exclusiveMinimum === 'number';
    out.push({
      path,
      lo: exclusiveLo ? (s.exclusiveMinimum as number) : typeof s.minimum === 'number' ? s.minimum : -Number.MAX_VALUE,
      hi: typeof s.maximum === 'number' ? s.maximum : Number.MAX_VALUE,
      exclusiveLo,
      integer: s.type === 'integer',
      wrap,
    });
    return out;
  }
  if (s.type === 'object' && s.properties) {
    const base = sampleOf({ ...s, default: undefined }, hint) as Record<string, unknown>;
    for (const [k, child] of Object.entries(s.properties)) {
      if (k === 'trials' || k === 'seed') continue; // bounded by the schema and by the request's own trials
      const h = hint && typeof hint === 'object' ? (hint as Record<string, unknown>)[k] : undefined;
      leavesOf(child, (v) => wrap({ ...base, [k]: v }), path ? `${path}.${k}` : k, h, out);
    }
    return out;
  }
  if (s.type === 'array' && s.items) {
    const n = Math.max(1, typeof s.minItems === 'number' ? s.minItems : 1);
    const rest = Array.from({ length: n - 1 }, () => sampleOf(s.items!));
    leavesOf(s.items, (v) => wrap([v, ...rest]), `${path}[0]`, undefined, out);
  }
  return out;
}

export const LEAVES = leavesOf(scenarioJsonSchema() as Schema, (v) => v, '', CORE);
export const EXTREMES = [5e-324, 1e-320, 2.2250738585072014e-308, 1e-100, 1e-12, 0.5, 1, 2, 12, 120, 1e4, 1e6, 1e9, 1e12, 1e15, 1e21, 1e100, 1e308, Number.MAX_VALUE];

/** The schema-valid extremes of a leaf: its bounds, and every extreme inside them. */
export function valuesOf(l: Leaf): number[] {
  const inside = (x: number) => (l.exclusiveLo ? x > l.lo : x >= l.lo) && x <= l.hi && (!l.integer || Number.isInteger(x));
  const vals = new Set<number>([...EXTREMES, ...EXTREMES.map((x) => -x), l.hi, l.exclusiveLo ? l.lo + Number.MIN_VALUE : l.lo].filter(inside));
  return [...vals];
}

