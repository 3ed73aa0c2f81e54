import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../engine/calibrate/calibrate.js';
import { cutAsOf } from '../../../engine/calibrate/cutAsOf.js';
import { readOpportunities } from '../../../engine/calibrate/opportunities.js';
import { resolveMapping } from '../../../engine/calibrate/mapping.js';
import { InputError } from '../../../engine/errors.js';

const HEAD = 'Opportunity Owner,Created Date,Close Date,Stage,Amount\n';

/**
 * A history whose first half wins 1 in 4 deals of 1000 and whose second half wins 3 in 4 deals of 5000:
 * any leak of the second half into a fit of the first shows in the win rate and the deal size.
 */
function history(): string {
  const rows: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    const late = m > 6;
    for (const owner of ['Ana', 'Bo', 'Cy']) {
      for (let k = 0; k < 4; k++) {
        const won = late ? k < 3 : k < 1;
        const amount = late ? 5000 : 1000;
        rows.push(`${owner},2025-${mm}-01,2025-${mm}-20,${won ? 'Closed Won' : 'Closed Lost'},${won ? amount : ''}`);
      }
    }
  }
  // created in June, decided in August (won at 5000): open on June 30
  rows.push('Ana,2025-06-05,2025-08-10,Closed Won,5000');
  return HEAD + rows.join('\n') + '\n';
}

describe('honest cuts (calibrate --as-of)', () => {
  it('cutAsOf drops rows created later and reopens rows decided later, without their amounts', () => {
    const opps = readOpportunities(history(), resolveMapping(null)).opportunities;
    const cut = cutAsOf(opps, { year: 2025, month: 6, day: 30 });
    expect(cut.createdLater).toBe(6 * 3 * 4);
    expect(cut.decidedLater).toBe(1);
    const reopened = cut.opportunities.filter((o) => o.outcome === 'open');
    expect(reopened).toHaveLength(1);
    expect(reopened[0]).toMatchObject({ closed: null, closedMonth: null, amount: null, owner: 'Ana' });
    expect(cut.opportunities.every((o) => o.created.month <= 6)).toBe(true);
  });

  it('fits only what was known that day: the later half changes nothing', () => {
    const full = calibrate(history(), { asOf: '2025-06-30' });
    // the first half alone, with the June deal open (as the CRM showed it on June 30)
    const firstHalf = history()
      .split('\n')
      .filter((l) => !/^\w+,2025-(0[7-9]|1[0-2])/.test(l))
      .map((l) => (l.startsWith('Ana,2025-06-05') ? 'Ana,2025-06-05,,Qualification,' : l))
      .join('\n');
    const alone = calibrate(firstHalf, {});
    const v = (r: typeof full, path: string) => r.report.parameters.find((p) => p.path === path)?.value;
    for (const path of ['reps.winRate.mean', 'reps.dealSize.median', 'reps.cycleMonths', 'reps.opportunitiesPerMonth', 'reps.noDecisionRate'])
      expect(v(full, path), path).toBe(v(alone, path));
    expect(v(full, 'reps.winRate.mean')).toBeCloseTo(0.25, 2);
    expect(full.report.window).toMatchObject({ from: '2025-01', to: '2025-06' });
    expect(full.report.asOf).toEqual({ date: '2025-06-30', createdLater: 72, decidedLater: 1 });
    expect(full.report.warnings.some((w) => w.includes('as of 2025-06-30: 72 rows created later are dropped and 1 decided later are taken as open'))).toBe(true);
  });

  it('--to windows the win rate and deal sizes too (no leakage from deals decided after it)', () => {
    const r = calibrate(history(), { to: '2025-06' });
    const v = (path: string) => r.report.parameters.find((p) => p.path === path)!.value;
    // 18 wins of 72 decided in January-June; the 72 deals decided July-December and the August win are not used
    expect(v('reps.winRate.mean')).toBeCloseTo(0.25, 2);
    expect(v('reps.dealSize.median')).toBeCloseTo(1000, 6);
    expect(r.report.warnings.some((w) => w.includes('use the 72 deals decided in 2025-01 .. 2025-06') && w.includes('73 decided after'))).toBe(true);
  });

  it('--from windows them as well', () => {
    const r = calibrate(history(), { from: '2025-07' });
    const v = (path: string) => r.report.parameters.find((p) => p.path === path)!.value;
    expect(v('reps.winRate.mean')).toBeGreaterThan(0.74);
    expect(v('reps.dealSize.median')).toBeCloseTo(5000, 6);
    expect(r.report.warnings.some((w) => w.includes('72 decided before'))).toBe(true);
  });

  it('refuses a bad as-of date or a window past it, naming the field', () => {
    const names = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).errors.map((x) => x.path);
      }
      throw new Error('did not throw');
    };
    expect(names(() => calibrate(history(), { asOf: '2025-06-31' }))).toEqual(['asOf']);
    expect(names(() => calibrate(history(), { asOf: '30/06/2025' }))).toEqual(['asOf']);
    expect(names(() => calibrate(history(), { asOf: '2025-06-30', to: '2025-08' }))).toEqual(['to']);
    expect(names(() => calibrate(history(), { asOf: '2024-06-30' }))).toEqual(['asOf']);
  });
});
