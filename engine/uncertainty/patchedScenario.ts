/**
 * A trial's scenario without re-parsing the whole of it. Uncertain inputs write a trial's draws into a
 * resolved scenario; re-resolving that patched scenario with `parseScenario` re-validates every block
 * (an open pipeline, an empirical deal-size list, a roster...) although only the drawn fields changed.
 *
 * The patch is taken as the trial's scenario, unparsed, when that is provably what `parseScenario` returns:
 * - once per run (per block of trials), probes: the patched scenario at low, middle and high draws of
 *   every parameter, alone and all together, must re-parse to itself exactly (same keys in the same
 *   order, same values, bit for bit); a field from which resolution derives another (a roster's seats)
 *   fails the probe, and every trial then takes the full parse;
 * - per trial, the blocks holding a drawn field are validated by their own schema, and the scenario's
 *   cross-field rules (`scenarioRules`) run on the patch; on any issue the trial takes the full parse,
 *   which throws the same error as before.
 * Draws already lie inside each field's range (engine/uncertainty/resolve.ts, drawValue).
 */
import type { Scenario } from '../scenario.js';
import { ScenarioBase, scenarioRules } from '../scenarioSchema.js';
import type { PathSegment } from '../schema-walk.js';
import { drawValue, linkedPaths, setField, type CompiledParameter } from './resolve.js';
import { valueAtPath } from './pathValue.js';

/**
 * Exact structural equality: same own keys in the same order, numbers equal bit for bit (NaN equals NaN,
 * 0 differs from -0), arrays of the same length.
 * @example sameValue({ a: [1, 2] }, { a: [1, 2] }) // true
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || a !== 0 || Object.is(a, b);
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], y[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!sameValue((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  }
  return true;
}

export interface PatchedScenarios {
  /** true when the probes passed: a patch that passes `check` is the trial's resolved scenario */
  fast: boolean;
  /** the base with `values` (one per parameter) written in */
  patch(values: ArrayLike<number>, offset: number): Scenario;
  /** true when the patch passes its blocks' schemas and the cross-field rules (fast path only) */
  check(x: Scenario): boolean;
}

/**
 * The patcher of `base` (a resolved scenario without its uncertainty block) for `params`; `parse` is
 * `parseScenario` (passed in: this module sits below engine/scenario.ts).
 * @example // const p = patchedScenarios(base, design.params, parseScenario); p.fast && p.check(x) ? x : parseScenario(x)
 */
export function patchedScenarios(base: Scenario, params: CompiledParameter[], parse: (x: unknown) => Scenario): PatchedScenarios {
  const k = params.length;
  const patch = (values: ArrayLike<number>, offset: number): Scenario => {
    let x = base;
    for (let j = 0; j < k; j++) x = setField(x, params[j].segs, values[offset + j]);
    return x;
  };
  const checks = params.flatMap((p) => linkedPaths(base, p.segs)).map(narrowestSchema);
  const check = (x: Scenario): boolean => {
    for (const c of checks) if (!c.schema || !c.schema.safeParse(valueAtPath(x, c.at)).success) return false;
    let ok = true;
    scenarioRules(x as never, { addIssue: () => void (ok = false) });
    return ok;
  };
  const probe = (values: number[]): boolean => {
    const x = patch(values, 0);
    if (!check(x)) return !isMid(values); // such a trial takes the full parse; the centre itself must pass
    try {
      return sameValue(parse(x), x);
    } catch {
      return false;
    }
  };
  const us = [1e-3, 0.25, 0.5, 0.75, 1 - 1e-3];
  const mid = params.map((p) => drawValue(p, 0.5));
  const isMid = (values: number[]) => values.every((v, j) => Object.is(v, mid[j]));
  let fast = us.every((u) => probe(params.map((p) => drawValue(p, u))));
  for (let j = 0; fast && j < k; j++) fast = us.every((u) => probe(mid.map((v, i) => (i === j ? drawValue(params[j], u) : v))));
  return { fast, patch, check };
}

interface Def {
  type: string;
  checks?: unknown[];
  innerType?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
}
interface Schema {
  _zod: { def: Def };
  safeParse(v: unknown): { success: boolean };
}
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional']);

/**
 * The smallest part of the scenario schema whose validation covers a change at `segs`: the schema is
 * walked down through plain objects and arrays (and optional/nullable/default wrappers) while no level
 * carries checks of its own (a refine over a list, a rule over an object); it stops at the first level
 * that does, or that is anything else (a union, a transform). The fields beside the path are unchanged
 * and were valid, so validating this part validates the patched scenario's fields.
 * @example narrowestSchema(['reps', 'winRate']).at // ['reps', 'winRate'] (a union: number or tiers)
 */
export function narrowestSchema(segs: PathSegment[]): { at: PathSegment[]; schema: Schema | null } {
  let s = ScenarioBase as unknown as Schema;
  let i = 0;
  for (;;) {
    let d = s._zod.def;
    if (d.checks?.length) break;
    while (WRAPPERS.has(d.type) && d.innerType && !d.checks?.length) {
      s = d.innerType;
      d = s._zod.def;
    }
    if (d.checks?.length || i === segs.length) break;
    const seg = segs[i];
    const next = d.type === 'object' && typeof seg === 'string' ? d.shape?.[seg] : d.type === 'array' && typeof seg === 'number' ? d.element : undefined;
    if (!next) break;
    s = next;
    i++;
  }
  return { at: segs.slice(0, i), schema: i === 0 ? null : s };
}
