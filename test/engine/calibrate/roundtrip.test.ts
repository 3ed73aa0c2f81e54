import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { synthesize } from '../../../engine/calibrate/synthesize.js';
import { calibrate } from '../../../engine/calibrate/calibrate.js';
import { parseScenario } from '../../../engine/scenario.js';

/** Fitted value and SE of a report path. */
function fitted(report: ReturnType<typeof calibrate>['report'], path: string) {
  const p = report.parameters.find((x) => x.path === path);
  if (!p) throw new Error(`no parameter ${path}`);
  return p;
}

const TRUTH = {
  mean: fc.double({ min: 0.15, max: 0.45, noNaN: true }),
  concentration: fc.double({ min: 5, max: 30, noNaN: true }),
  median: fc.double({ min: 5000, max: 100000, noNaN: true }),
  sigma: fc.double({ min: 0.3, max: 1.2, noNaN: true }),
  cycle: fc.double({ min: 1.5, max: 5, noNaN: true }),
  rate: fc.double({ min: 2, max: 8, noNaN: true }),
  noDecision: fc.double({ min: 0.05, max: 0.4, noNaN: true }),
  seats: fc.integer({ min: 30, max: 60 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
};

type Truth = { mean: number; concentration: number; median: number; sigma: number; cycle: number; rate: number; noDecision: number; seats: number; seed: number };

function scenarioOf(t: Truth) {
  return {
    reps: {
      seats: t.seats,
      opportunitiesPerMonth: t.rate,
      winRate: { mean: t.mean, concentration: t.concentration },
      dealSize: { median: t.median, sigma: t.sigma },
      cycleMonths: t.cycle,
      noDecisionRate: t.noDecision,
    },
  };
}

/**
 * |fit - truth| in reported SEs. The concentration is fitted on the log scale (its likelihood is far from
 * quadratic in k) and reported with the delta-method SE k x SE(log k), so it is compared on that scale:
 * |log fit - log truth| / (SE / fit).
 */
function zScore(path: string, value: number, se: number, truth: number): number {
  if (path === 'reps.winRate.concentration') return Math.abs(Math.log(value) - Math.log(truth)) / (se / value);
  return Math.abs(value - truth) / se;
}

const CHECKS: [string, (t: Truth) => number][] = [
  ['reps.winRate.mean', (t) => t.mean],
  ['reps.winRate.concentration', (t) => t.concentration],
  ['reps.dealSize.median', (t) => t.median],
  ['reps.dealSize.sigma', (t) => t.sigma],
  ['reps.cycleMonths', (t) => t.cycle],
  ['reps.opportunitiesPerMonth', (t) => t.rate],
  ['reps.noDecisionRate', (t) => t.noDecision],
];

describe('round trip: synthesize -> calibrate recovers the truth', () => {
  it('recovers every fitted parameter within 3 reported SEs (property over random truths, fixed seeds)', () => {
    fc.assert(
      fc.property(fc.record(TRUTH), (t) => {
        const h = synthesize(scenarioOf(t), { months: 24, start: '2025-01', seed: t.seed });
        const { scenario, report } = calibrate(h.opportunities);
        parseScenario(scenario);
        expect(report.rows.rejected).toBe(0);
        expect(report.window).toEqual({ from: '2025-01', to: '2026-12', months: 24 });
        expect(fitted(report, 'reps.seats').value).toBe(t.seats);
        for (const [path, truth] of CHECKS) {
          const p = fitted(report, path);
          expect(p.se, path).not.toBeNull();
          expect(zScore(path, p.value, p.se!, truth(t)), `${path}: fitted ${p.value} ± ${p.se}, truth ${truth(t)}`).toBeLessThanOrEqual(3);
        }
      }),
      { numRuns: 10, seed: 20261122, endOnFailure: true },
    );
  });

  it('reports standard errors that match the actual spread of the estimates (z-scores have sd near 1)', () => {
    // 40 independent histories of one truth: (fit - truth) / SE should look standard normal
    const t: Truth = { mean: 0.25, concentration: 12, median: 25000, sigma: 0.8, cycle: 3, rate: 4, noDecision: 0.25, seats: 40, seed: 0 };
    const z: Record<string, number[]> = Object.fromEntries(CHECKS.map(([p]) => [p, []]));
    for (let seed = 1; seed <= 40; seed++) {
      const { report } = calibrate(synthesize(scenarioOf(t), { months: 24, seed }).opportunities);
      for (const [path, truth] of CHECKS) {
        const p = fitted(report, path);
        z[path].push(Math.sign(p.value - truth(t)) * zScore(path, p.value, p.se!, truth(t)));
      }
    }
    for (const [path] of CHECKS) {
      const zs = z[path];
      const m = zs.reduce((a, b) => a + b, 0) / zs.length;
      const sd = Math.sqrt(zs.reduce((a, b) => a + (b - m) ** 2, 0) / (zs.length - 1));
      // with 40 draws: the mean of z has sd 1/sqrt(40) = 0.16, the sd of z about 0.11 (0.11 x 4 = 0.45)
      expect(Math.abs(m), `${path} mean z ${m}`).toBeLessThan(0.65);
      expect(sd, `${path} sd z`).toBeGreaterThan(0.55);
      expect(sd, `${path} sd z`).toBeLessThan(1.45);
    }
  });

  it('recovers attrition, backfill time and the ramp from a roster', () => {
    const truth = {
      territories: [
        { name: 'East', seats: 25 },
        { name: 'West', seats: 25 },
      ],
      reps: { opportunitiesPerMonth: 5, winRate: { mean: 0.3, concentration: 10 }, dealSize: { median: 30000, sigma: 0.7 }, cycleMonths: 2.5, noDecisionRate: 0.2 },
      hiring: { backfill: true, timeToFillMonths: 2, ramp: { months: 4 } },
      attrition: { annualRate: 0.25 },
    };
    const h = synthesize(truth, { months: 36, seed: 11 });
    expect(h.roster).toBeDefined();
    const { scenario, report } = calibrate(h.opportunities, { roster: h.roster });
    const attr = fitted(report, 'attrition.annualRate');
    expect(Math.abs(attr.value - 0.25)).toBeLessThanOrEqual(3 * attr.se!);
    expect(fitted(report, 'hiring.ramp.months').value).toBe(4);
    expect(fitted(report, 'hiring.timeToFillMonths').value).toBe(2);
    const rate = fitted(report, 'reps.opportunitiesPerMonth');
    expect(Math.abs(rate.value - 5)).toBeLessThanOrEqual(3 * rate.se!);
    const s = parseScenario(scenario);
    expect(s.territories.map((x) => x.name)).toEqual(['East', 'West']);
    expect(s.hiring?.backfill).toBe(true);
    // productivity by tenure month follows min(1, k/4)
    for (const row of report.productivity.filter((r) => r.tenureMonth <= 6 && r.repMonths >= 20)) {
      const expected = Math.min(1, row.tenureMonth / 4);
      const se = Math.sqrt((expected || 1) / (5 * row.repMonths));
      expect(Math.abs(row.productivity - expected)).toBeLessThanOrEqual(4 * se + 0.02);
    }
  });

  it('finds tiers in a clearly bimodal team and not in a unimodal one', () => {
    const tiers = {
      reps: {
        seats: 60,
        opportunitiesPerMonth: 5,
        winRate: { tiers: [ { share: 0.2, mean: 0.45, concentration: 200 }, { share: 0.8, mean: 0.12, concentration: 200 } ] },
        dealSize: { median: 20000, sigma: 0.6 },
        cycleMonths: 2,
      },
    };
    const { scenario, report } = calibrate(synthesize(tiers, { months: 24, seed: 5 }).opportunities);
    expect(report.tiersTest.tiers).toBe(true);
    const w = (scenario.reps as { winRate: { tiers: { share: number; mean: number }[] } }).winRate;
    expect(w.tiers[0].share).toBeCloseTo(0.2, 1);
    for (const [i, truth] of [0.45, 0.12].entries()) {
      const p = fitted(report, `reps.winRate.tiers[${i}].mean`);
      expect(Math.abs(p.value - truth)).toBeLessThanOrEqual(3 * p.se! + 0.01);
    }
    expect(w.tiers[0].share + w.tiers[1].share).toBeCloseTo(1, 9);
    parseScenario(scenario);
  });
});
