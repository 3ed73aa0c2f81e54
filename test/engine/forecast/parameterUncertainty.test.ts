/**
 * A forecast from a calibrated scenario says whether its P(plan) and bands carry parameter uncertainty (the
 * fitted rates drawn per trial), and its stale count follows the resolution table as written (issue 25).
 */
import { describe, expect, it } from 'vitest';
import { calibrate, forecast, readOpportunities, resolveMapping, synthesize } from '../../../engine/index.js';

const H = [0.3, 0.35, 0.3, 0.25, 0.2, 0.03, 0];
const TRUTH = { reps: { seats: 12, opportunitiesPerMonth: 5, winRate: { mean: 0.4, concentration: 15 }, dealSize: { median: 20000, sigma: 0.6 }, cycleMonths: 3, noDecisionRate: 0.1, initialPipeline: 'empty' } };
const csv = synthesize(TRUTH, { months: 14, start: '2024-11', resolveByAge: H, quarterEndWin: 1.5, seed: 11 }).opportunities;
const AS_OF = '2025-06-30';
const fit = calibrate(csv, { asOf: AS_OF });
const point = calibrate(csv, { asOf: AS_OF, point: true });

describe('forecast with a calibrated scenario', () => {
  const run = (scenario: unknown) => forecast({ opportunities: csv, scenario, asOf: AS_OF, plan: 1e6 }, { trials: 200, seed: 3 });
  const withDraws = run(fit.scenario);
  const fixed = run(point.scenario);

  it("lists the fitted rates it draws per trial (the scenario's uncertainty block), and none for point estimates", () => {
    const paths = (fit.scenario as { uncertainty?: { parameters: { path: string }[] } }).uncertainty!.parameters.map((p) => p.path);
    expect(paths.length).toBeGreaterThan(5);
    expect(paths).toContain('reps.opportunitiesPerMonth');
    expect(withDraws.parameterUncertainty.paths).toEqual(paths);
    expect(fixed.parameterUncertainty.paths).toEqual([]);
  });

  it('counts as stale the open deals at or past the first age the written table gives 0, with or without draws', () => {
    const table = (fit.scenario as { resolution: { byAge: number[] } }).resolution.byAge;
    const dead = table.indexOf(0);
    expect(dead).toBeGreaterThan(0);
    // the open book at the as-of date by hand: created by then, not closed by then, not dropped
    const end = 2025 * 12 + 5;
    const open = readOpportunities(csv, resolveMapping(null)).opportunities.filter((o) => o.createdMonth <= end && (o.closedMonth === null || o.closedMonth > end) && o.outcome !== 'dropped');
    const stale = open.filter((o) => end - o.createdMonth + 1 >= dead).length;
    expect(stale).toBeGreaterThan(0);
    expect(withDraws.open.stale).toBe(stale);
    expect(fixed.open.stale).toBe(stale);
  });
});
