/**
 * The sample export (POST /api/forecast/sample, the playground's "Use a sample export"): `synthesize` with
 * salesim synth's options, read and checked once in the engine for every client; its as-of date; and the
 * row cap, refused before any row is made.
 */
import { describe, expect, it } from 'vitest';
import { errorsOf } from '../../helpers/errors.js';
import { RunAborted, withAbortCell } from '../../../engine/abort.js';
import { sampleAsOfMonth, sampleExport, sampleExportOptions } from '../../../engine/calibrate/sampleExport.js';
import { synthesisRows, synthesize } from '../../../engine/calibrate/synthesize.js';
import { parseScenario } from '../../../engine/scenario.js';

const TEAM = {
  name: 'sample team',
  horizonMonths: 12,
  reps: { seats: 5, opportunitiesPerMonth: 3, winRate: { mean: 0.3, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 2 },
  hiring: { timeToFillMonths: 2 },
  attrition: { annualRate: 0.2 },
};

describe('sampleExport', () => {
  it("is synthesize's history with the options, and its roster, byte for byte", () => {
    const opts = { months: 18, start: '2024-07', seed: 3, prospects: 0.5, resolveByAge: [0.4, 0.3, 0.2, 0], quarterEndWin: 1.5, arrivalDrift: 0.05 };
    const got = sampleExport(TEAM, opts);
    const direct = synthesize(TEAM, { ...opts, roster: true });
    expect(got.opportunities).toBe(direct.opportunities);
    expect(got.roster).toBe(direct.roster);
    expect(got.warnings).toEqual(direct.warnings);
    // the options change the history: stale deals stay open, prospects are listed
    expect(got.opportunities).not.toBe(sampleExport(TEAM, { months: 18, start: '2024-07', seed: 3 }).opportunities);
    expect(got.opportunities).toContain(',Prospecting,');
  });

  it('defaults: 12 months from the plan year\'s first month (market.start, else 2025-01), seed 1, as-of the end of its sixth month', () => {
    const got = sampleExport(TEAM, {});
    expect(got.opportunities).toBe(synthesize(TEAM, { months: 12, start: '2025-01', seed: 1, roster: true }).opportunities);
    expect(got.asOf).toBe('2025-06-30');
    const market = { ...TEAM, market: { start: '2024-04' } };
    expect(sampleExport(market, {}).asOf).toBe('2024-09-30');
  });

  it('the as-of date: six months before the history ends, or its middle month when shorter than a year', () => {
    expect([1, 2, 5, 6, 11, 12, 18, 24, 120].map(sampleAsOfMonth)).toEqual([1, 1, 3, 3, 6, 6, 12, 18, 114]);
    expect(sampleExport(TEAM, { months: 18, start: '2024-07' }).asOf).toBe('2025-06-30');
    expect(sampleExport(TEAM, { months: 5, start: '2024-01' }).asOf).toBe('2024-03-31');
    expect(sampleExport(TEAM, { months: 24, start: '2023-01' }).asOf).toBe('2024-06-30');
    expect(sampleExport(TEAM, { months: 14, start: '2023-12' }).asOf).toBe('2024-07-31');
  });

  it('the row cap refuses before the first month is made: months (with the most that fit) when asked, and the rate', () => {
    const s = parseScenario(TEAM);
    const rows24 = synthesisRows({ ...s, horizonMonths: 24 }, 24);
    const max = Math.floor(rows24 * 0.6);
    // an abort cell already set: a history that started would stop with RunAborted at its first month
    const cancelled = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(cancelled, 0, 1);
    const errs = withAbortCell(cancelled, () => errorsOf(() => sampleExport(TEAM, { months: 24, maxRows: max })));
    expect(errs.map((e) => e.path)).toEqual(['months', 'reps.opportunitiesPerMonth']);
    const most = Number(/at most (\d+) months fit/.exec(errs[0].message)![1]);
    expect(most).toBeGreaterThanOrEqual(1);
    expect(most).toBeLessThan(24);
    // the most that fit is exactly that: one more month is over the cap
    expect(() => withAbortCell(cancelled, () => sampleExport(TEAM, { months: most, maxRows: max }))).toThrow(RunAborted);
    expect(errorsOf(() => sampleExport(TEAM, { months: most + 1, maxRows: max }))[0].path).toBe('months');
    // not asked for months: the scenario's rate comes first
    const big = { ...TEAM, reps: { ...TEAM.reps, seats: 500 } };
    const e = errorsOf(() => sampleExport(big, { maxRows: 1000 }));
    expect(e[0].path).toBe('reps.opportunitiesPerMonth');
    expect(e[0].message).toMatch(/the largest value that fits is \d+/);
  });
});

describe('sampleExportOptions', () => {
  it('takes the options as the HTTP body names them', () => {
    const body = { scenario: 'ignored', months: 18, start: '2024-07', seed: 3, prospects: 0.5, resolveByAge: [0.4, 0], quarterEndWin: 1.5, arrivalDrift: 0.05 };
    expect(sampleExportOptions(body)).toEqual({ months: 18, start: '2024-07', seed: 3, prospects: 0.5, resolveByAge: [0.4, 0], quarterEndWin: 1.5, arrivalDrift: 0.05 });
    expect(sampleExportOptions({})).toEqual({});
  });

  it('names every bad field at once, with its rule', () => {
    const errs = errorsOf(() => sampleExportOptions({ months: 0, start: '2024-13', seed: -1, prospects: 2000, resolveByAge: [0.3, 2], quarterEndWin: 0, arrivalDrift: 'x' }));
    expect(errs.map((e) => e.path)).toEqual(['months', 'start', 'seed', 'prospects', 'resolveByAge[1]', 'quarterEndWin', 'arrivalDrift']);
    expect(errs[0].message).toBe('months: must be a whole number between 1 and 120');
    expect(errs.find((e) => e.path === 'resolveByAge[1]')!.message).toMatch(/^resolveByAge\[1\]: must be a probability between 0 and 1/);
    expect(errorsOf(() => sampleExportOptions({ months: 12.5 }))[0].path).toBe('months');
    expect(errorsOf(() => sampleExportOptions({ resolveByAge: '0.3,0' }))[0].path).toBe('resolveByAge');
    expect(errorsOf(() => sampleExportOptions({ resolveByAge: [0, 0] }))[0].rule).toMatch(/must not be all 0/);
  });

  it('synthesize refuses prospects out of range too (the CLI and any engine caller)', () => {
    expect(errorsOf(() => synthesize(TEAM, { months: 3, prospects: -1 }))[0].path).toBe('prospects');
  });
});
