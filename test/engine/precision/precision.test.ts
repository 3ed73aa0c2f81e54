import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockBoundaries,
  createPrecisionTracker,
  createSummaryStream,
  InputError,
  nextBlockEnd,
  parsePrecision,
  parseScenario,
  runTrials,
  summarize,
  simulate,
  Z95,
  BLOCK_SHARE,
  FIRST_BLOCK,
  MIN_BLOCK,
} from '../../../engine/index.js';

const small = parseScenario({
  horizonMonths: 12,
  seed: 3,
  reps: { seats: 6, opportunitiesPerMonth: 3, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 10000, sigma: 0.6 } },
  attrition: { annualRate: 0.2 },
  quota: { method: 'flat', annualPerRep: 70000 },
});

describe('parsePrecision', () => {
  it('reads targets, shares as % or plain numbers', () => {
    expect(parsePrecision('p_plan=0.01, revenue=0.5%,arr=0.01,diff=50_000').map((t) => [t.name, t.value])).toEqual([
      ['p_plan', 0.01],
      ['revenue', 0.005],
      ['arr', 0.01],
      ['diff', 50000],
    ]);
    expect(parsePrecision('bracket')[0]).toMatchObject({ name: 'bracket', value: 0 });
  });
  it.each([
    ['', 'at least one target'],
    ['p_plan', 'needs a value'],
    ['p_plan=0', 'positive'],
    ['p_plan=0.6', 'under 0.5'],
    ['revenue=150%', 'under 100%'],
    ['mean=1', 'not a precision target'],
    ['p_plan=0.01,p_plan=0.02', 'twice'],
    ['diff=5%', 'positive number'],
  ])('rejects %j naming the field and the rule', (spec, rule) => {
    let err: unknown;
    try {
      parsePrecision(spec, '--precision');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).errors[0].path).toBe('--precision');
    expect((err as InputError).errors[0].message).toContain(rule);
  });
});

describe('the block schedule', () => {
  it('depends only on the trials done: the first block, then 2.5% of the trials done in hundreds, capped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300_000 }), (max) => {
        const b = blockBoundaries(max);
        expect(b[0]).toBe(0);
        expect(b[b.length - 1]).toBe(max);
        expect(b[1]).toBe(Math.min(max, FIRST_BLOCK));
        for (let i = 1; i < b.length; i++) {
          expect(b[i]).toBeGreaterThan(b[i - 1]);
          expect(b[i]).toBe(nextBlockEnd(b[i - 1], max));
          // a block never exceeds 2.5% of the trials before it by more than a hundred (bounded overshoot)
          if (i > 1) expect(b[i] - b[i - 1]).toBeLessThanOrEqual(Math.max(MIN_BLOCK, b[i - 1] * BLOCK_SHARE + 100));
        }
      }),
      { seed: 28, numRuns: 200 },
    );
  });
});

describe('the precision tracker', () => {
  it('reports the half-widths the Summary prints, for any split of the trials into blocks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 5 }), (sizes) => {
        const n = sizes.reduce((a, b) => a + b, 0);
        const tracker = createPrecisionTracker([small], parsePrecision('p_plan=0.05,revenue=2%'), ['p_plan', 'revenue']);
        let from = 0;
        for (const k of sizes) {
          tracker.add([runTrials(small, 3, from, k)]);
          from += k;
        }
        const summary = summarize(small, simulate(small, { trials: n, seed: 3 }), { seed: 3 });
        const r = tracker.report('p_plan=0.05,revenue=2%', 1000);
        expect(r.trials).toBe(n);
        expect(r.targets[0].reached).toBe((summary.plan!.ci[1] - summary.plan!.ci[0]) / 2);
        expect(r.targets[1].reached).toBe((Z95 * summary.diagnostics.revenueStdError) / Math.abs(summary.revenue.total.mean));
        expect(r.met).toBe(r.targets.every((t) => t.reached <= t.target));
      }),
      { seed: 7, numRuns: 12 },
    );
  });

  it('refuses targets the command or the scenario cannot measure, naming the field', () => {
    const noQuota = parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 1, winRate: 0.3, dealSize: 1000 } });
    expect(() => createPrecisionTracker([noQuota], parsePrecision('p_plan=0.01'), ['p_plan'])).toThrow(/p_plan needs a plan/);
    expect(() => createPrecisionTracker([small], parsePrecision('arr=1%'), ['arr'])).toThrow(/customers block/);
    expect(() => createPrecisionTracker([small], parsePrecision('diff=1000'), ['diff'])).toThrow(/baseline and at least one variant/);
    expect(() => createPrecisionTracker([small], parsePrecision('diff=1000'), ['p_plan'])).toThrow(/not a target of this command/);
  });

  it('stops P(plan) ± 0.01 on the baseline within 10% of p(1 - p)(1.96 / 0.01)² trials', () => {
    const baseline = parseScenario(readFileSync(join(import.meta.dirname, '../../../scenarios/baseline.yaml'), 'utf8'));
    const tracker = createPrecisionTracker([baseline], parsePrecision('p_plan=0.01'), ['p_plan']);
    const stream = createSummaryStream(baseline, 100_000, { initialCapacity: 1000 });
    let done = 0;
    while (!tracker.met()) {
      const end = nextBlockEnd(done, 100_000);
      const block = runTrials(baseline, baseline.seed, done, end - done);
      tracker.add([block]);
      stream.add(block);
      done = end;
    }
    const p = stream.summary({ seed: baseline.seed }).plan!.probability;
    const theory = p * (1 - p) * (1.96 / 0.01) ** 2;
    expect(Math.abs(done - theory) / theory).toBeLessThan(0.1);
    expect(tracker.report('p_plan=0.01', 100_000).targets[0].reached).toBeLessThanOrEqual(0.01);
  }, 300_000);
});

describe('a summary stream that grows', () => {
  it('gives the Summary of a stream sized for the whole run, holding less while the run stops early', () => {
    const full = createSummaryStream(small, 700);
    const grown = createSummaryStream(small, 700, { initialCapacity: 50 });
    for (const [from, k] of [
      [0, 40],
      [40, 90],
      [130, 200],
    ]) {
      const block = runTrials(small, 3, from, k);
      full.add(block);
      grown.add(block);
    }
    const strip = (s: object) => JSON.parse(JSON.stringify({ ...s, meta: null }));
    expect(strip(grown.summary({ seed: 3 }))).toEqual(strip(full.summary({ seed: 3 })));
    expect(grown.bytes()).toBeLessThan(full.bytes());
  });
});
