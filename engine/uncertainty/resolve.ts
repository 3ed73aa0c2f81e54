/**
 * Uncertain parameters at parse time. A numeric field written as a distribution (`winRate: { pert:
 * [0.2, 0.3, 0.35] }`) or listed in `uncertainty.parameters` ({ path, distribution }) is drawn once per
 * trial (engine/uncertainty/trialScenarios.ts). Here: the distributions are taken out of the raw file (the field
 * holds a placeholder while the rest is validated), then checked against the field's valid range,
 * the correlations checked, and the resolved scenario holds each field's central value (the
 * distribution's median) plus the `uncertainty` block in its one resolved form
 * `{ parameters: [{ path, distribution }], correlations, sampling }`, which parses to itself.
 *
 * Valid range, per field (from the scenario schema): a bounded distribution (uniform, triangular, pert,
 * beta) must lie inside the field's range (an error names the field otherwise: nothing is clipped); an
 * unbounded one (normal, lognormal) is truncated to the range, i.e. drawn by rejection: the quantile of
 * F(lo) + u (F(hi) - F(lo)), so the draws follow the distribution conditioned on the range. Whole-number
 * fields take the draw rounded to the nearest whole number.
 */
import { InputError, formatPath, issue, type InputIssue } from '../errors.js';
import { numericRange, parsePath, type NumericRange, type PathSegment } from '../schema-walk.js';
import { DistributionSchema, distributionCdf, distributionQuantile, distributionSupport, isDistributionLike, type Distribution } from './distribution.js';
import { cholesky } from './correlationMatrix.js';
import { valueAtPath, withValueAt } from './pathValue.js';

export interface UncertainParameter {
  /** field path as in error messages, e.g. `hiring.plan[0].seats` */
  path: string;
  distribution: Distribution;
}
export interface Correlation {
  between: [string, string];
  rho: number;
}
/** The resolved uncertainty block. */
export interface Uncertainty {
  parameters: UncertainParameter[];
  correlations: Correlation[];
  sampling: 'lhs' | 'random';
}

/** Fields that shape the run itself, not the model: they cannot be uncertain. */
const FIXED = new Set(['horizonMonths', 'trials', 'seed', 'name', 'description', 'uncertainty']);

/** A parameter ready to draw: its path, distribution, the field's range and how the range is kept. */
export interface CompiledParameter extends UncertainParameter {
  segs: PathSegment[];
  range: NumericRange;
  integer: boolean;
  /** bounded distributions lie inside the field's range; unbounded ones are truncated to it (rejection) */
  bounds: 'inside' | 'truncated';
  /** CDF at the range's ends (0 and 1 when inside) */
  fLo: number;
  fHi: number;
}

/**
 * The value a parameter takes at uniform u in (0, 1): the (truncated) quantile, inside the field's range,
 * rounded for whole-number fields.
 * @example drawValue(compileParameter({ path: 'reps.winRate', distribution: { uniform: [0.2, 0.4] } }), 0.5) // ≈ 0.3
 */
export function drawValue(p: CompiledParameter, u: number): number {
  let x = distributionQuantile(p.distribution, p.fLo + u * (p.fHi - p.fLo));
  const { min, max, exclusiveMin, exclusiveMax } = p.range;
  if (x < min || (exclusiveMin && x <= min)) x = exclusiveMin ? min + Math.max(Math.abs(min) * 1e-12, 1e-300) : min;
  if (x > max || (exclusiveMax && x >= max)) x = exclusiveMax ? max - Math.max(Math.abs(max) * 1e-12, 1e-300) : max;
  if (p.integer) {
    x = Math.round(x);
    if (x < min || (exclusiveMin && x <= min)) x = Math.floor(min) + 1;
    if (x > max || (exclusiveMax && x >= max)) x = Math.ceil(max) - 1;
  }
  return x;
}

/**
 * Checks one parameter against its field and compiles it; throws an InputError naming `at` (where the
 * distribution was written) otherwise.
 */
export function compileParameter(p: UncertainParameter, at: string = p.path): CompiledParameter {
  const segs = parsePath(p.path);
  if (!segs) throw new InputError([issue(at, `is not a field path (write it as in error messages, e.g. reps.winRate or hiring.plan[0].seats)`)]);
  if (FIXED.has(String(segs[0]))) throw new InputError([issue(at, `${p.path} cannot be uncertain (it shapes the run, not the model)`)]);
  const range = numericRange(segs);
  if (!range) throw new InputError([issue(at, `${p.path} is not a numeric field of the scenario`)]);
  const [lo, hi] = distributionSupport(p.distribution);
  const bounded = Number.isFinite(lo) && Number.isFinite(hi) && !('lognormal' in p.distribution);
  const show = `[${range.min}, ${range.max}]`;
  if (bounded) {
    const below = range.exclusiveMin ? lo < range.min || (lo === range.min && distributionCdf(p.distribution, lo) > 0) : lo < range.min;
    const above = hi > range.max;
    if (below || above) throw new InputError([issue(at, `must lie inside the field's valid range ${show} (its draws span [${lo}, ${hi}]; bounded distributions are not clipped)`)]);
    return { ...p, segs, range, integer: range.integer, bounds: 'inside', fLo: 0, fHi: 1 };
  }
  const fLo = distributionCdf(p.distribution, range.min);
  const fHi = distributionCdf(p.distribution, range.max);
  if (!(fHi - fLo > 1e-6)) throw new InputError([issue(at, `puts almost no probability inside the field's valid range ${show} (it is truncated to the range, so most of it must lie inside)`)]);
  return { ...p, segs, range, integer: range.integer, bounds: fLo > 0 || fHi < 1 ? 'truncated' : 'inside', fLo, fHi };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Takes the distributions written in place out of a raw scenario: each numeric field holding a
 * distribution object gets a placeholder inside its range (the distribution's median) while the rest is
 * validated. Returns the raw value unchanged (same object) when there is none.
 * @example takeDistributions({ reps: { winRate: { uniform: [0.2, 0.4] } } }).found[0].path // 'reps.winRate'
 */
export function takeDistributions(raw: Record<string, unknown>, toIssues: (e: unknown, path: PathSegment[]) => InputIssue[]): { raw: Record<string, unknown>; found: UncertainParameter[] } {
  const found: UncertainParameter[] = [];
  const issues: InputIssue[] = [];
  let out: Record<string, unknown> = raw;
  const walk = (v: unknown, at: PathSegment[]) => {
    if (isDistributionLike(v) && at.length > 0 && numericRange(at)) {
      const r = DistributionSchema.safeParse(v);
      if (!r.success) {
        issues.push(...toIssues(r.error, at));
        return;
      }
      const path = formatPath(at);
      found.push({ path, distribution: r.data });
      let center = distributionQuantile(r.data, 0.5);
      try {
        center = drawValue(compileParameter({ path, distribution: r.data }), 0.5);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        issues.push(...e.errors);
      }
      out = withValueAt(out, at, center);
      return;
    }
    // only objects can be distributions: numbers (an empirical list of a million amounts) are skipped unvisited
    if (Array.isArray(v)) v.forEach((x, i) => x !== null && typeof x === 'object' && walk(x, [...at, i]));
    else if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) if (x !== null && typeof x === 'object' && !(at.length === 0 && k === 'uncertainty')) walk(x, [...at, k]);
  };
  walk(raw, []);
  if (issues.length > 0) throw new InputError(issues);
  return { raw: out, found };
}

/**
 * Finishes a resolved scenario's uncertainty: merges the distributions written in place with
 * `uncertainty.parameters`, checks every path, distribution and correlation (errors name the entry),
 * and sets each uncertain field to its central value. `reparse` resolves a scenario without the
 * uncertainty block (used to check that the draws' extremes keep the scenario valid).
 */
export function resolveUncertainty<S extends object>(
  s: S,
  found: UncertainParameter[],
  block: { parameters: UncertainParameter[]; correlations: Correlation[]; sampling: 'lhs' | 'random' } | null | undefined,
  reparse: (raw: unknown) => S,
  input?: unknown,
): S & { uncertainty?: Uncertainty } {
  const { uncertainty: _drop, ...rest } = s as S & { uncertainty?: unknown };
  if (found.length === 0 && (!block || block.parameters.length === 0)) {
    if (block && block.correlations.length > 0) throw new InputError([issue('uncertainty.correlations[0].between', `names ${block.correlations[0].between[0]}, which is not an uncertain parameter (there are none)`)]);
    return rest as S;
  }
  const params: { p: UncertainParameter; at: string }[] = [
    ...found.map((p) => ({ p, at: p.path })),
    ...(block?.parameters ?? []).map((p, i) => ({ p, at: `uncertainty.parameters[${i}].path` })),
  ];
  const issues: InputIssue[] = [];
  const compiled: CompiledParameter[] = [];
  const seen = new Set<string>();
  let out = rest as Record<string, unknown>;
  for (const { p, at } of params) {
    try {
      const c = compileParameter(p, at);
      const key = formatPath(c.segs);
      if (seen.has(key)) throw new InputError([issue(at, `${key} is uncertain twice (in place and in uncertainty.parameters?)`)]);
      seen.add(key);
      const target = targetPath(out, c.segs);
      if (target.length === 3 && target[2] === 'several-territories') throw new InputError([issue(at, 'reps.seats is the total of several territories: make territories[i].seats uncertain instead')]);
      if (typeof valueAtPath(out, target) !== 'number') throw new InputError([issue(at, `${key} names no number in this scenario (add the field or its block first; a field holding { mean, concentration } or tiers cannot be uncertain as a whole)`)]);
      // a listed distribution replaces the field's value: one written in the input as well must be its median (the resolved form), else the input says two things
      const given = at.startsWith('uncertainty.') && input !== undefined ? valueAtPath(input, c.segs) : undefined;
      if (typeof given === 'number') {
        const median = drawValue(c, 0.5);
        // the median as written (a calibrated file rounds it: 0.401 for 0.400962) is the resolved form too
        const digits = given === 0 ? 1 : Math.min(15, Math.max(1, given.toPrecision(15).replace(/e.*$/, '').replace(/^-?0\.0*|\./g, '').replace(/0+$/, '').length));
        if (Math.abs(given - median) > 1e-9 * Math.max(1, Math.abs(median)) && Number(median.toPrecision(digits)) !== given)
          throw new InputError([issue(key, `is given both as a fixed value (${given}) and as a distribution (${at.replace(/\.path$/, '')}): keep one: write the distribution in place of the value, or drop the value (the distribution's median is ${+median.toPrecision(6)})`)]);
      }
      compiled.push({ ...c, path: key });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      issues.push(...e.errors);
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  for (const c of compiled) out = setField(out, c.segs, drawValue(c, 0.5));
  const correlations = block?.correlations ?? [];
  checkCorrelations(correlations, compiled.map((c) => c.path));
  // the extremes of each draw (others at their centre) must keep the scenario valid
  for (const c of compiled) {
    for (const u of [1e-3, 1 - 1e-3]) {
      const v = drawValue(c, u);
      try {
        reparse(setField(out, c.segs, v));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const first = e.errors[0];
        issues.push(issue(paramsAt(params, c.path), `a draw of ${+v.toPrecision(6)} breaks a rule of the scenario (${first.message})`));
      }
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  const resolved = reparse(out) as Record<string, unknown>;
  const uncertainty: Uncertainty = {
    parameters: compiled.map((c) => ({ path: c.path, distribution: c.distribution })),
    correlations,
    sampling: block?.sampling ?? 'lhs',
  };
  return { ...(resolved as S), uncertainty };
}

function paramsAt(params: { p: UncertainParameter; at: string }[], path: string): string {
  return params.find((x) => formatPath(parsePath(x.p.path) ?? []) === path)?.at ?? path;
}

/** `reps.seats` is derived from the territories: with one territory, its seats are what is drawn. */
function targetPath(s: Record<string, unknown>, segs: PathSegment[]): PathSegment[] {
  if (segs.length === 2 && segs[0] === 'reps' && segs[1] === 'seats') {
    const t = s.territories as unknown[] | undefined;
    if (Array.isArray(t) && t.length === 1) return ['territories', 0, 'seats'];
    if (Array.isArray(t) && t.length > 1) return ['reps', 'seats', 'several-territories'];
  }
  return segs;
}

/**
 * The fields a value at `segs` writes in scenario `s`: `reps.seats` is derived from the territories, so with one
 * territory it is that territory's seats as well (the one place the rule is written: setField, the patched
 * scenarios' checks and the tornado's low and high scenarios follow it).
 * @example linkedPaths({ reps: { seats: 1 }, territories: [{ seats: 1 }] }, ['reps', 'seats']) // [['reps', 'seats'], ['territories', 0, 'seats']]
 */
export function linkedPaths(s: object, segs: PathSegment[]): PathSegment[][] {
  const o = s as Record<string, unknown>;
  if (segs.length === 2 && segs[0] === 'reps' && segs[1] === 'seats' && Array.isArray(o.territories) && o.territories.length === 1) return [segs, ['territories', 0, 'seats']];
  return [segs];
}

/**
 * Sets a field of a resolved scenario (keeping `reps.seats` and a single territory's seats together).
 * @example setField({ reps: { seats: 1 }, territories: [{ seats: 1 }] }, ['reps', 'seats'], 3).territories[0].seats // 3
 */
export function setField<T extends object>(s: T, segs: PathSegment[], v: number): T {
  let out = s;
  for (const p of linkedPaths(s, segs)) out = withValueAt(out, p, v);
  return out;
}

/**
 * Checks the correlations: both paths uncertain and different, |rho| <= 1, each pair once, and the
 * matrix positive semi-definite (the first entry that makes it not so is named).
 */
export function checkCorrelations(correlations: Correlation[], paths: string[]): void {
  const idx = new Map(paths.map((p, i) => [p, i]));
  const issues: InputIssue[] = [];
  const pairs = new Set<string>();
  const k = paths.length;
  const m = new Float64Array(k * k);
  for (let i = 0; i < k; i++) m[i * k + i] = 1;
  correlations.forEach((c, n) => {
    const at = `uncertainty.correlations[${n}]`;
    const norm = c.between.map((p) => {
      const segs = parsePath(p);
      return segs ? formatPath(segs) : p;
    });
    const ij = norm.map((p, side) => {
      const i = idx.get(p);
      if (i === undefined) issues.push(issue(`${at}.between[${side}]`, `${p} is not an uncertain parameter (uncertain: ${paths.join(', ')})`));
      return i;
    });
    if (!(Math.abs(c.rho) <= 1)) issues.push(issue(`${at}.rho`, 'must be between -1 and 1'));
    if (ij[0] === undefined || ij[1] === undefined) return;
    if (ij[0] === ij[1]) return void issues.push(issue(`${at}.between`, 'must name two different parameters'));
    const key = `${Math.min(ij[0], ij[1])}:${Math.max(ij[0], ij[1])}`;
    if (pairs.has(key)) return void issues.push(issue(`${at}.between`, 'correlates a pair already correlated'));
    pairs.add(key);
    if (!(Math.abs(c.rho) <= 1)) return;
    m[ij[0] * k + ij[1]] = m[ij[1] * k + ij[0]] = c.rho;
    if (issues.length === 0 && !cholesky(m, k)) issues.push(issue(`${at}.rho`, `makes the correlation matrix not positive semi-definite (no joint distribution has these correlations together with the entries before it)`));
  });
  if (issues.length > 0) throw new InputError(issues);
}

/**
 * A scenario as written (an object, or text already parsed) without its uncertainty block: its fields at
 * the values written, no draws per trial (`salesim forecast --point`, the forecast input's `point`).
 * Anything other than an object is returned as it is (the scenario's parser names the problem).
 * @example withoutUncertaintyBlock({ reps: { seats: 3 }, uncertainty: { parameters: [] } }) // { reps: { seats: 3 } }
 */
export function withoutUncertaintyBlock(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { uncertainty: _drop, ...rest } = raw as { uncertainty?: unknown };
  return rest;
}
