/**
 * Rows that are not opportunities yet: a row with no created date in a pre-pipeline stage (Prospecting,
 * Lead, MQL by default; `stages.prePipeline`) is excluded with a warning and counted, in calibration and
 * back-tests alike; a row with no created date in any other stage is still an error naming row and column.
 */
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../../engine/calibrate/synthesize.js';
import { calibrate } from '../../../engine/calibrate/calibrate.js';
import { bookedRevenue } from '../../../engine/calibrate/backtest.js';
import { errorsOf } from '../../helpers/errors.js';

const TRUTH = { reps: { seats: 15, opportunitiesPerMonth: 4, winRate: { mean: 0.3, concentration: 10 }, dealSize: { median: 20000, sigma: 0.7 }, cycleMonths: 2.5, noDecisionRate: 0.2 } };
const HEAD = 'Opportunity Owner,Created Date,Close Date,Stage,Amount';

describe('pre-pipeline rows', () => {
  const plain = synthesize(TRUTH, { months: 18, seed: 4 });
  const withProspects = synthesize(TRUTH, { months: 18, seed: 4, prospects: 1.5 });
  const prospectRows = withProspects.opportunities.split('\n').filter((l) => l.includes(',Prospecting,')).length;

  it('synthesizes prospects without created dates and leaves the opportunities unchanged', () => {
    expect(prospectRows).toBe(15 * 18 * 1.5);
    expect(withProspects.opportunities.startsWith(plain.opportunities.trimEnd())).toBe(true);
  });

  it('are excluded and counted with a warning; the fit is the same as without them', () => {
    const a = calibrate(plain.opportunities);
    const b = calibrate(withProspects.opportunities);
    expect(b.report.rows.prePipeline).toBe(prospectRows);
    expect(b.report.rows.total).toBe(a.report.rows.total + prospectRows);
    expect(b.report.rows.rejected).toBe(0);
    expect(b.report.warnings.some((w) => w.startsWith(`${prospectRows} rows in a pre-pipeline stage (Prospecting) have no created date`))).toBe(true);
    expect(b.scenario).toEqual(a.scenario);
    expect(b.report.parameters).toEqual(a.report.parameters);
  });

  it('are excluded from booked revenue with the same warning', () => {
    const b = bookedRevenue(withProspects.opportunities, { from: '2025-01', to: '2026-06' });
    expect(b.actual).toEqual(bookedRevenue(plain.opportunities, { from: '2025-01', to: '2026-06' }).actual);
    expect(b.warnings[0]).toMatch(/pre-pipeline stage \(Prospecting\)/);
  });

  it('matches Lead and MQL by default and custom stages by mapping; other stages without a created date stay errors', () => {
    const rows = [`${HEAD}`, 'Ada,2025-01-03,2025-02-10,Closed Won,1000', 'Bo,2025-01-05,2025-03-10,Closed Won,2000', 'Ada,,,Lead,', 'Bo,,,MQL,', 'Ada,,,Suspect,'];
    const errs = errorsOf(() => calibrate(rows.join('\n')));
    expect(errs.map((e) => e.path)).toEqual(['rows[6].Created Date']);
    expect(errs[0].message).toMatch(/^row 6, column Created Date: is empty/);
    const ok = calibrate(rows.join('\n'), { mapping: { stages: { prePipeline: ['*Lead*', 'MQL', 'Suspect'] } } });
    expect(ok.report.rows.prePipeline).toBe(3);
    // a stage that is not pre-pipeline with no created date: an error naming row and column
    const neg = errorsOf(() => calibrate([...rows.slice(0, 3), 'Ada,,,Negotiation,5000'].join('\n')));
    expect(neg.map((e) => e.path)).toEqual(['rows[4].Created Date']);
    // with --skip-invalid it is rejected (listed), not counted as pre-pipeline
    const skipped = calibrate([...rows.slice(0, 3), 'Ada,,,Negotiation,5000', 'Bo,,,Prospecting,'].join('\n'), { invalidRows: 'skip' });
    expect(skipped.report.rows).toMatchObject({ rejected: 1, prePipeline: 1 });
    // a won deal without a created date is an error even if its stage name mentions a lead
    const won = errorsOf(() => calibrate([...rows.slice(0, 3), 'Ada,,2025-02-01,Won,900'].join('\n')));
    expect(won.map((e) => e.path)).toEqual(['rows[4].Created Date']);
  });
});
