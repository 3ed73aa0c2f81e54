/**
 * Issue 32: every numeric field's valid range is what the engine can run. Scenarios are drawn from the
 * JSON Schema's own bounds (every numeric leaf, each union branch, at its minimum, its maximum, the
 * denormals, 1e308, Number.MAX_VALUE and powers of ten in between), one field at a time on a small
 * valid scenario carrying the leaf's block. Each must either be refused naming a field (an InputError
 * whose every issue has a path: the CLI's exit 2, the API's 400; the store parses with the same
 * function), or be over the work budget naming the field that drives it (the API's 422), or run within
 * the budget to a Summary whose revenue and cost are finite and which holds no infinity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, checkBudget, parseScenario, scenarioJsonSchema, simulate, summarize } from '../../../engine/index.js';

type Schema = Record<string, unknown> & { type?: string; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[] };
interface Leaf {
  path: string;
  lo: number;
  hi: number;
  exclusiveLo: boolean;
  integer: boolean;
  wrap: (v: unknown) => unknown;
}

const CORE: Record<string, unknown> = { horizonMonths: 12, trials: 4, reps: { seats: 3, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1000 } };
/** Budget of the property's runs: small, so that every admitted run is quick. */
const MAX_WORK = 3e5;
const MAX_MEMORY = 256 * 2 ** 20;

function sampleOf(s: Schema, hint?: unknown): unknown {
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

function leavesOf(s: Schema, wrap: (v: unknown) => unknown, path: string, hint?: unknown, out: Leaf[] = []): Leaf[] {
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

const LEAVES = leavesOf(scenarioJsonSchema() as Schema, (v) => v, '', CORE);
const EXTREMES = [5e-324, 1e-320, 2.2250738585072014e-308, 1e-100, 1e-12, 0.5, 1, 2, 12, 120, 1e4, 1e6, 1e9, 1e12, 1e15, 1e21, 1e100, 1e308, Number.MAX_VALUE];

/** The schema-valid extremes of a leaf: its bounds, and every extreme inside them. */
function valuesOf(l: Leaf): number[] {
  const inside = (x: number) => (l.exclusiveLo ? x > l.lo : x >= l.lo) && x <= l.hi && (!l.integer || Number.isInteger(x));
  const vals = new Set<number>([...EXTREMES, ...EXTREMES.map((x) => -x), l.hi, l.exclusiveLo ? l.lo + Number.MIN_VALUE : l.lo].filter(inside));
  return [...vals];
}

function hasInfinity(v: unknown): boolean {
  if (typeof v === 'number') return v === Infinity || v === -Infinity;
  if (Array.isArray(v)) return v.some(hasInfinity);
  if (v && typeof v === 'object') return Object.values(v).some(hasInfinity);
  return false;
}

/** 'refused', 'over budget' or 'ran'; throws (fails) on anything else. */
function outcome(input: unknown): string {
  let s;
  try {
    s = parseScenario(input as never);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    for (const i of (e as InputError).errors) expect(i.path, `${i.message}`).toBeTruthy();
    return 'refused';
  }
  const trials = Math.min(s.trials, 4);
  const over = checkBudget([{ scenario: s, trials }], MAX_WORK, MAX_MEMORY);
  if (over) {
    expect(over.path).toBeTruthy();
    expect(over.fits).toBeGreaterThanOrEqual(0);
    return 'over budget';
  }
  const summary = summarize(s, simulate(s, { trials, seed: 1 }), { seed: 1 });
  expect(Number.isFinite(summary.revenue.total.mean)).toBe(true);
  expect(Number.isFinite(summary.cost.total.mean)).toBe(true);
  expect(hasInfinity(summary)).toBe(false);
  return 'ran';
}

describe('the JSON Schema bounds are what the engine runs', () => {
  it('the schema walk finds the numeric fields of every block', () => {
    const paths = new Set(LEAVES.map((l) => l.path));
    for (const p of ['reps.opportunitiesPerMonth', 'reps.winRate.concentration', 'reps.cycleMonths', 'customers.initial.count', 'demand.budgetPerMonth', 'market.seasonality[0]'])
      expect(paths.has(p), p).toBe(true);
    expect(LEAVES.length).toBeGreaterThan(100);
  });

  it('every numeric leaf at every extreme inside its schema bounds: refused naming a field, over budget naming a field, or a finite Summary', () => {
    const counts: Record<string, number> = {};
    for (const l of LEAVES)
      for (const v of valuesOf(l)) {
        let o: string;
        try {
          o = outcome(l.wrap(v));
        } catch (e) {
          throw new Error(`${l.path} = ${v}: ${e instanceof Error ? e.message : String(e)}`);
        }
        counts[o] = (counts[o] ?? 0) + 1;
      }
    console.log(`schema extremes over ${LEAVES.length} numeric fields:`, counts);
    expect(counts.ran).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  }, 300_000);

  it('property: any value inside a leaf\'s schema bounds (fast-check doubles, biased to the extremes)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LEAVES).chain((l) =>
          fc.tuple(
            fc.constant(l),
            l.integer
              ? fc.integer({ min: Math.max(l.lo, Number.MIN_SAFE_INTEGER), max: Math.min(l.hi, Number.MAX_SAFE_INTEGER) })
              : fc.double({ min: l.lo, max: l.hi, minExcluded: l.exclusiveLo, noNaN: true, noDefaultInfinity: true }),
          ),
        ),
        ([l, v]) => {
          try {
            outcome(l.wrap(v));
          } catch (e) {
            throw new Error(`${l.path} = ${v}: ${e instanceof Error ? e.message : String(e)}`);
          }
        },
      ),
      { numRuns: 400, seed: 32 },
    );
  }, 300_000);
});
