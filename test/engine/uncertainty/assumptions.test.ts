/**
 * The assumption registry: every entry names a numeric field of the schema and a range inside the
 * field's valid range; a scenario lists exactly the assumptions of the blocks it has on, with their
 * values; the Summary carries the list.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ASSUMPTIONS } from '../../../engine/assumptions.js';
import { assumptionsUsed } from '../../../engine/assumptionsUsed.js';
import { numericRange, parsePath } from '../../../engine/schema-walk.js';
import { parseScenario, simulate, summarize } from '../../../engine/index.js';

const preset = (name: string) => parseScenario(readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8'));

describe('assumption registry', () => {
  it('every entry is a numeric field with a range inside its valid range', () => {
    for (const a of ASSUMPTIONS) {
      const segs = parsePath(a.path.replace(/\[\]/g, '[0]'));
      expect(segs, a.path).not.toBeNull();
      const r = numericRange(segs!);
      expect(r, `${a.path} is a numeric field`).not.toBeNull();
      expect(a.range[0], a.path).toBeLessThan(a.range[1]);
      expect(a.range[0] >= r!.min && a.range[1] <= r!.max, `${a.path}: [${a.range}] inside [${r!.min}, ${r!.max}]`).toBe(true);
      expect(a.why.length).toBeGreaterThan(20);
    }
    expect(new Set(ASSUMPTIONS.map((a) => a.path)).size).toBe(ASSUMPTIONS.length);
  });

  it('lists the leadership study\'s unsourced effects with the values the preset enters', () => {
    const used = assumptionsUsed(preset('leadership-churn.tenure-26.yaml'));
    const byPath = new Map(used.map((u) => [u.path, u]));
    expect(byPath.get('leadership.changeProgram.winRateLift')).toMatchObject({ value: 0.15, range: [0, 0.3], distribution: null });
    expect(byPath.get('leadership.disruption.productivityDip')!.value).toBe(0.1);
    expect(byPath.get('leadership.disruption.attritionMultiplier')!.value).toBe(1.5);
    expect(byPath.get('attrition.pipelineLossOnExit')!.value).toBe(0.5);
    // no impatience block in this design: not listed
    expect(byPath.has('leadership.impatience.attainmentBelow')).toBe(false);
    expect(assumptionsUsed(preset('leadership-churn.tenure-19-impatient.yaml')).some((u) => u.path === 'leadership.impatience.attainmentBelow')).toBe(true);
  });

  it('lists coverage assumptions only where a coverage rule is on, expands list indices, and widens a range to a value outside it', () => {
    const none = assumptionsUsed(preset('coverage-policy.none.yaml')).map((u) => u.path);
    expect(none).not.toContain('coverage.paddingQuality');
    expect(none).toContain('stalls.resolveMultiplier');
    const global = assumptionsUsed(preset('coverage-policy.global.yaml')).map((u) => u.path);
    expect(global).toContain('coverage.paddingQuality');
    expect(global).toContain('sellingTime.hoursPerPaddedOpportunity');
    const two = parseScenario({
      reps: { seats: 4, opportunitiesPerMonth: 2, winRate: 0.2, dealSize: 1 },
      enablement: [{ gapClosed: 0.1 }, { gapClosed: 0.8 }],
    });
    const e = assumptionsUsed(two).filter((u) => u.path.endsWith('gapClosed'));
    expect(e.map((u) => [u.path, u.range])).toEqual([
      ['enablement[0].gapClosed', [0, 0.5]],
      ['enablement[1].gapClosed', [0, 0.8]],
    ]);
  });

  it('an uncertain field is listed with its distribution, and the Summary lists what the run used', () => {
    const s = parseScenario({
      horizonMonths: 6,
      reps: { seats: 4, opportunitiesPerMonth: 2, winRate: 0.2, dealSize: 1 },
      attrition: { annualRate: 0.2, pipelineLossOnExit: { uniform: [0.3, 0.7] } },
    });
    const sum = summarize(s, simulate(s, { trials: 20, seed: 1 }), { seed: 1 });
    expect(sum.assumptions).toEqual([expect.objectContaining({ path: 'attrition.pipelineLossOnExit', distribution: { uniform: [0.3, 0.7] }, range: [0.2, 0.8] })]);
    const plain = parseScenario({ reps: { seats: 4, opportunitiesPerMonth: 2, winRate: 0.2, dealSize: 1 } });
    expect(summarize(plain, simulate(plain, { trials: 5, seed: 1 }), { seed: 1 }).assumptions).toEqual([]);
  });
});
