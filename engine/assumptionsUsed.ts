/**
 * The assumptions (engine/assumptions.ts) a scenario uses: every registry entry whose path holds a
 * number in the scenario, in a block that is on, with the value it holds. An uncertain field is listed
 * with its own distribution (the scenario already treats it as uncertain).
 */
import { ASSUMPTIONS, type Assumption } from './assumptions.js';
import type { Scenario } from './scenario.js';
import { drawnParameters } from './drawn.js';
import { formatPath } from './errors.js';
import { parsePath, type PathSegment } from './schema-walk.js';
import { valueAtPath } from './uncertainty/pathValue.js';
import type { Distribution } from './uncertainty/distribution.js';

/** One assumption as a scenario uses it. */
export interface AssumptionUse {
  /** concrete field path, e.g. `enablement[0].gapClosed` */
  path: string;
  /** the value the scenario holds (its median when uncertain) */
  value: number;
  /** the registry's plausible range, widened to include the value when the scenario sets one outside it */
  range: [number, number];
  why: string;
  source?: string;
  /** the scenario's own distribution when the field is uncertain; null when it is a fixed number */
  distribution: Distribution | null;
}

/** Concrete paths of a registry path in a scenario (each `[]` expanded over the list there). */
function expand(s: unknown, pattern: string): PathSegment[][] {
  const parts = pattern.split('[]');
  let prefixes: PathSegment[][] = [[]];
  for (let p = 0; p < parts.length; p++) {
    const rest = parts[p].replace(/^\./, '');
    const segs = rest ? parsePath(rest)! : [];
    prefixes = prefixes.map((x) => [...x, ...segs]);
    if (p < parts.length - 1)
      prefixes = prefixes.flatMap((x) => {
        const list = valueAtPath(s, x);
        return Array.isArray(list) ? list.map((_, i) => [...x, i]) : [];
      });
  }
  return prefixes;
}

/**
 * The assumptions `s` uses, in registry order.
 * @example assumptionsUsed(parseScenario({ reps: { seats: 1, opportunitiesPerMonth: 1, winRate: 0.2, dealSize: 1 }, attrition: { annualRate: 0.2 } }))[0].path // 'attrition.pipelineLossOnExit'
 */
export function assumptionsUsed(s: Scenario, registry: readonly Assumption[] = ASSUMPTIONS): AssumptionUse[] {
  const uncertain = new Map(drawnParameters(s).map((p) => [p.path, p.distribution]));
  const out: AssumptionUse[] = [];
  for (const a of registry) {
    if (a.when && !a.when(s)) continue;
    for (const segs of expand(s, a.path)) {
      const v = valueAtPath(s, segs);
      if (typeof v !== 'number' || v === a.off) continue;
      const path = formatPath(segs);
      out.push({
        path,
        value: v,
        range: [Math.min(a.range[0], v), Math.max(a.range[1], v)],
        why: a.why,
        ...(a.source ? { source: a.source } : {}),
        distribution: uncertain.get(path) ?? null,
      });
    }
  }
  return out;
}
