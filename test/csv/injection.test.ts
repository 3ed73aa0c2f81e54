/**
 * Issue 32: no CSV the product writes can execute in a spreadsheet. One test per writer: the engine's
 * cell rule (engine/csvCell.ts) and toCsv (the synthetic history: CLI `synth`, POST /api/forecast/sample),
 * the Summary's CSV export (engine/summaryCsv.ts: `run --csv`, Accept: text/csv, the playground's Export CSV),
 * the monthly table (`run --monthly-csv`), and the server's sample export end to end.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { csvCell, parseCsv, parseScenario, simulate, summarize, synthesize } from '../../engine/index.js';
import { monthlyCsv, summaryCsv } from '../../cli/commands/run.js';
import { budgetWarning } from '../../cli/budget.js';
import { post, testApp } from '../server/helpers.js';

const PAYLOADS = ["=cmd|' /C calc'!A0", '+SUM(1+1)', '-2+3+cmd|x', '@SUM(1,1)', '=HYPERLINK("http://x","y")', '\t=1+1', '\r=1+1'];
/** A cell as a spreadsheet sees it after CSV parsing: does it start a formula? */
const runsAsFormula = (v: string) => /^[=+\-@\t\r]/.test(v) && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v);

describe('the cell rule (engine/csvCell.ts)', () => {
  it.each(PAYLOADS)('neutralises %j', (p) => {
    for (const f of [csvCell]) {
      const out = f(p);
      const parsed = parseCsv(`h\n${out}\n`).records[0].fields[0];
      expect(runsAsFormula(parsed)).toBe(false);
      expect(parsed).toBe(`'${p}`);
    }
  });
  it('numbers stay numbers, negative ones and numeric text included; plain text is unchanged', () => {
    for (const f of [csvCell]) {
      expect(f(-12.5)).toBe('-12.5');
      expect(f('-12.50')).toBe('-12.50');
      expect(f('+3')).toBe('+3');
      expect(f(1e21)).toBe('1e+21');
      expect(f('Rep 001')).toBe('Rep 001');
      expect(f('a, b')).toBe('"a, b"');
    }
  });
});

const hostile = {
  horizonMonths: 12,
  territories: PAYLOADS.map((name) => ({ name, seats: 1 })),
  reps: { opportunitiesPerMonth: 4, winRate: 0.3, dealSize: 1000 },
  attrition: { annualRate: 0.2 },
};

describe('every writer', () => {
  it('the synthetic history (CLI synth, the sample export): territory names are neutralised in the roster, amounts stay numbers', () => {
    const h = synthesize(hostile, { months: 12, seed: 1, roster: true });
    for (const text of [h.opportunities, h.roster!]) {
      const t = parseCsv(text);
      for (const r of t.records) for (const f of r.fields) expect(runsAsFormula(f)).toBe(false);
    }
    const roster = parseCsv(h.roster!);
    expect(roster.records.some((r) => r.fields.includes(`'${PAYLOADS[0]}`))).toBe(true);
    const amounts = parseCsv(h.opportunities).records.map((r) => r.fields[5]).filter((a) => a !== '');
    expect(amounts.length).toBeGreaterThan(0);
    for (const a of amounts) expect(Number.isFinite(Number(a))).toBe(true);
  });

  it("the monthly table (run --monthly-csv, ?csv=monthly): every cell is a number", () => {
    const s = parseScenario({ ...hostile, customers: { annualChurn: 0.1 } });
    const text = monthlyCsv(summarize(s, simulate(s, { trials: 20, seed: 1 }), { seed: 1 }));
    const [, ...rows] = text.trim().split('\n');
    for (const r of rows) for (const c of r.split(',')) expect(Number.isNaN(Number(c)) && c !== 'NaN').toBe(false);
  });

  it("the CSV export (run --csv, Accept: text/csv, the playground's Export CSV): territory names are neutralised where they start a cell, numbers stay numbers", () => {
    const s = parseScenario({ ...hostile, territories: [{ name: '=1+1', seats: 2 }] });
    const text = summaryCsv(summarize(s, simulate(s, { trials: 20, seed: 1 }), { seed: 1 }));
    const t = parseCsv(text);
    for (const r of t.records) {
      for (const f of r.fields) expect(runsAsFormula(f)).toBe(false);
      // numbers, or empty (a whole-horizon row's month, a single figure's percentiles, an undefined figure)
      for (const f of r.fields.slice(1).filter((x) => x !== '')) expect(Number.isFinite(Number(f)), f).toBe(true);
    }
  });

  describe('the server', () => {
    const app = testApp();
    afterAll(() => app.close());
    it('POST /api/forecast/sample: the roster and opportunities cannot run as formulas', async () => {
      const res = await post(app, '/api/forecast/sample', { scenario: hostile, seed: 2 });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { opportunities: string; roster: string };
      for (const text of [body.opportunities, body.roster]) for (const r of parseCsv(text).records) for (const f of r.fields) expect(runsAsFormula(f)).toBe(false);
      expect(body.roster).toContain(`'=HYPERLINK`);
    });
  });
});

describe('the CLI warns above the work budget (SALESIM_MAX_WORK), naming the field', () => {
  it('warns over the budget and not under it', () => {
    const s = parseScenario({ reps: { seats: 100, opportunitiesPerMonth: 3, winRate: 0.3, dealSize: 1 } });
    expect(budgetWarning([{ scenario: s, trials: 1e6 }], 1e9)).toMatch(/^warning: trials: .*the largest value that fits is \d+/);
    expect(budgetWarning([{ scenario: s, trials: 10 }], 1e9)).toBeNull();
  });
});
