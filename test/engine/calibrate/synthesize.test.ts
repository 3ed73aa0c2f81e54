import { describe, expect, it } from 'vitest';
import { synthesize, OPPORTUNITY_COLUMNS, ROSTER_COLUMNS } from '../../../engine/calibrate/synthesize.js';
import { parseCsv } from '../../../engine/calibrate/csv.js';
import { InputError } from '../../../engine/errors.js';

const BASE = { reps: { seats: 40, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 10 }, dealSize: { median: 25000, sigma: 0.8 }, cycleMonths: 3, noDecisionRate: 0.2 } };

describe('synthesize', () => {
  it('is a pure function of (scenario, months, start, seed) and writes the default columns', () => {
    const a = synthesize(BASE, { months: 12, start: '2024-07', seed: 9 });
    expect(synthesize(BASE, { months: 12, start: '2024-07', seed: 9 })).toEqual(a);
    expect(synthesize(BASE, { months: 12, start: '2024-07', seed: 10 }).opportunities).not.toBe(a.opportunities);
    expect(parseCsv(a.opportunities).header).toEqual(OPPORTUNITY_COLUMNS);
    expect(a.roster).toBeUndefined();
    expect(a.warnings).toEqual([]);
  });

  it('follows the engine model: arrivals, resolutions and revenue per month match the closed forms', () => {
    const months = 24;
    const t = parseCsv(synthesize(BASE, { months, start: '2025-01', seed: 4 }).opportunities);
    const created = t.records.filter((r) => r.fields[2] >= '2025-01').length;
    // Poisson(seats x rate) per month: mean 160, SE sqrt(160 x 24)
    expect(Math.abs(created - 40 * 4 * months)).toBeLessThan(3 * Math.sqrt(40 * 4 * months) + 1);
    // steady state from month 1: resolutions per rep-month are Poisson(rate)
    const resolved = t.records.filter((r) => r.fields[3] !== '').length;
    expect(Math.abs(resolved - 40 * 4 * months)).toBeLessThan(3 * Math.sqrt(40 * 4 * months) + 1);
    // the opportunities open before month 1 were created earlier (the stationary pipeline, about rate x (cycle - 1) per rep)
    const before = t.records.filter((r) => r.fields[2] < '2025-01').length;
    expect(Math.abs(before - 40 * 4 * 2)).toBeLessThan(4 * Math.sqrt(40 * 4 * 2));
    const nd = t.records.filter((r) => r.fields[4] === 'Closed - No Decision').length;
    expect(Math.abs(nd / resolved - 0.2)).toBeLessThan(3 * Math.sqrt(0.16 / resolved));
  });

  it('writes a roster with attrition: without backfill the seated count follows (1 - a)^(t/12)', () => {
    const s = { ...BASE, reps: { ...BASE.reps, seats: 400, opportunitiesPerMonth: 0.5 }, attrition: { annualRate: 0.3 } };
    const h = synthesize(s, { months: 24, start: '2025-01', seed: 2 });
    expect(h.roster).toBeDefined();
    const r = parseCsv(h.roster!);
    expect(r.header).toEqual(ROSTER_COLUMNS);
    expect(r.records).toHaveLength(400);
    const left = r.records.filter((x) => x.fields[3] !== '' && x.fields[3] <= '2026-12-31').length;
    const p = 1 - 0.7 ** 2;
    expect(Math.abs(left - 400 * p)).toBeLessThan(3 * Math.sqrt(400 * p * (1 - p)));
    // leavers' dropped opportunities appear with stage Dropped, never after the exit
    expect(parseCsv(h.opportunities).records.some((x) => x.fields[4] === 'Dropped')).toBe(true);
  });

  it('warns about mechanisms it does not model and rejects bad options with their names', () => {
    const h = synthesize({ ...BASE, leadership: { tenureMonths: { mean: 19 } }, reps: { ...BASE.reps, capacity: 30 } }, { months: 3, seed: 1 });
    expect(h.warnings.join('\n')).toMatch(/leadership.*ignored[\s\S]*capacity.*ignored/);
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as InputError).errors[0].path;
      }
    };
    expect(path(() => synthesize(BASE, { months: 0 }))).toBe('months');
    expect(path(() => synthesize(BASE, { months: 12, start: 'Jan 2025' }))).toBe('start');
    expect(path(() => synthesize({ reps: { seats: 1 } }, { months: 12 }))).toBe('reps.opportunitiesPerMonth');
  });
});
