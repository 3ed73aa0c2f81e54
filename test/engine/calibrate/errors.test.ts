import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../engine/calibrate/calibrate.js';
import { InputError, type InputIssue } from '../../../engine/errors.js';

const HEAD = 'Opportunity Owner,Created Date,Close Date,Stage,Amount';
const GOOD = [
  'Ana,2025-01-05,2025-02-10,Closed Won,12000',
  'Ana,2025-01-20,2025-03-01,Closed Lost,5000',
  'Ben,2025-02-01,2025-02-28,Closed Won,"$8,500.00"',
  'Ben,2025-02-11,,Prospecting,',
  'Ben,2025-03-02,2025-04-15,Closed - No Decision,',
];
const csv = (...rows: string[]) => [HEAD, ...rows].join('\n') + '\n';

function issues(f: () => unknown): InputIssue[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.errors;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('calibrate: malformed input gives named errors', () => {
  it('accepts the well-formed sample', () => {
    const r = calibrate(csv(...GOOD));
    expect(r.report.rows).toMatchObject({ total: 5, used: 5, rejected: 0, open: 1 });
  });

  it('names every missing column', () => {
    const e = issues(() => calibrate('Owner,Created Date,Stage\nAna,2025-01-01,Closed Won\n'));
    expect(e.map((x) => x.path)).toEqual(['columns.Opportunity Owner', 'columns.Close Date', 'columns.Amount']);
    expect(e[0].rule).toMatch(/missing from the header \(found 'Owner', 'Created Date', 'Stage'; map it with columns.owner\)/);
  });

  it('names the row and column of an unparseable date (spreadsheet rows: header = row 1)', () => {
    const e = issues(() => calibrate(csv(...GOOD, 'Cy,2025-02-30,2025-03-01,Closed Won,100', 'Cy,yesterday,2025-03-01,Closed Lost,100')));
    expect(e.map((x) => x.path)).toEqual(['rows[7].Created Date', 'rows[8].Created Date']);
    expect(e[0].message).toBe("row 7, column Created Date: '2025-02-30' is not a date (use YYYY-MM-DD or M/D/YYYY)");
  });

  it('names unparseable and negative amounts', () => {
    const e = issues(() => calibrate(csv(...GOOD, 'Cy,2025-02-01,2025-03-01,Closed Won,twelve', 'Cy,2025-02-01,2025-03-01,Closed Won,-500', 'Cy,2025-02-01,2025-03-01,Closed Won,(500)')));
    expect(e.map((x) => [x.path, x.rule])).toEqual([
      ['rows[7].Amount', "'twelve' is not an amount"],
      ['rows[8].Amount', '-500 must not be negative'],
      ['rows[9].Amount', '(500) must not be negative'],
    ]);
  });

  it('rejects a history without closed deals', () => {
    const e = issues(() => calibrate(csv('Ana,2025-01-05,,Prospecting,', 'Ben,2025-01-05,,Negotiation,')));
    expect(e).toHaveLength(1);
    expect(e[0].path).toBe('columns.Stage');
    expect(e[0].rule).toMatch(/no closed deals.*'Prospecting', 'Negotiation'/);
  });

  it('names other row problems: empty owner, close before created, closed without date, won without amount, extra fields', () => {
    const e = issues(() =>
      calibrate(
        csv(
          ...GOOD,
          ',2025-01-05,2025-02-10,Closed Won,100',
          'Cy,2025-03-05,2025-02-10,Closed Won,100',
          'Cy,2025-03-05,,Closed Lost,100',
          'Cy,2025-03-05,2025-04-01,Closed Won,',
          'Cy,2025-03-05,2025-04-01,Closed Won,1,000',
        ),
      ),
    );
    expect(e.map((x) => x.path)).toEqual(['rows[7].Opportunity Owner', 'rows[8].Close Date', 'rows[9].Close Date', 'rows[10].Amount', 'rows[11]']);
  });

  it('reports CSV syntax errors: unterminated quote, text after a quote, empty file, header only', () => {
    expect(issues(() => calibrate(csv(...GOOD, 'Cy,"2025-01-01,2025-02-01,Closed Won,1')))[0].rule).toMatch(/never closed/);
    expect(issues(() => calibrate(csv(...GOOD, 'Cy,"2025-01-01"x,2025-02-01,Closed Won,1')))[0].path).toBe('opportunities.rows[7]');
    expect(issues(() => calibrate(''))[0]).toMatchObject({ path: 'opportunities', rule: expect.stringMatching(/empty/) });
    expect(issues(() => calibrate(HEAD + '\n'))[0]).toMatchObject({ path: 'rows', rule: expect.stringMatching(/no data rows/) });
  });

  it('skips and lists bad rows when asked', () => {
    const r = calibrate(csv(...GOOD, 'Cy,2025-02-01,2025-03-01,Closed Won,-1'), { invalidRows: 'skip' });
    expect(r.report.rows).toMatchObject({ total: 6, used: 5, rejected: 1 });
    expect(r.report.rows.rejections[0].path).toBe('rows[7].Amount');
  });

  it('validates roster rows and mapping fields with their paths', () => {
    const roster = 'Name,Territory,Hire Date,Exit Date\nAna,West,2020-01-01,\nBen,West,someday,\nAna,East,2020-01-01,\n';
    expect(issues(() => calibrate(csv(...GOOD), { roster })).map((x) => x.path)).toEqual(['roster.rows[3].Hire Date', 'roster.rows[4].Name']);
    expect(issues(() => calibrate(csv(...GOOD), { roster: 'Person,Start\nAna,2020-01-01\n' })).map((x) => x.path)).toEqual(['roster.columns.Name', 'roster.columns.Hire Date']);
    expect(issues(() => calibrate(csv(...GOOD), { mapping: { columns: { amout: 'ARR' } } as never })).map((x) => x.path)).toEqual(['mapping.columns.amout']);
    expect(issues(() => calibrate(csv(...GOOD), { mapping: 'dateOrder: ymd' })).map((x) => x.path)).toEqual(['mapping.dateOrder']);
    expect(issues(() => calibrate(csv(...GOOD), { from: '2025/01' })).map((x) => x.path)).toEqual(['from']);
  });

  it('maps custom columns, stages and day-first dates', () => {
    const text = 'Rep,Opened,Closed,Result,ARR\nAna,05/01/2025,10/02/2025,Won,1000\nAna,20/01/2025,01/03/2025,Lost,1\nBen,01/02/2025,28/02/2025,Won,2000\nBen,01/02/2025,28/02/2025,Stalled,\n';
    const r = calibrate(text, {
      mapping: { columns: { owner: 'Rep', created: 'Opened', closed: 'Closed', stage: 'Result', amount: 'ARR' }, stages: { noDecision: ['Stalled'] }, dateOrder: 'dmy' },
    });
    expect(r.report.window).toEqual({ from: '2025-02', to: '2025-03', months: 2 });
    expect(r.report.parameters.find((p) => p.path === 'reps.noDecisionRate')!.value).toBeCloseTo(1 / 4, 12);
    expect(r.report.parameters.find((p) => p.path === 'reps.dealSize.median')!.value).toBeCloseTo(Math.sqrt(1000 * 2000), 6);
  });

  it('warns about mixed currencies', () => {
    const r = calibrate(csv(...GOOD, 'Cy,2025-02-01,2025-03-01,Closed Won,EUR 900'));
    expect(r.report.warnings.join('\n')).toMatch(/2 currencies \(EUR, USD\)/);
  });
});
