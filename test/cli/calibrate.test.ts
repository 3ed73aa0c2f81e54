import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario } from '../../engine/scenario.js';
import { SALESIM } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');

function salesim(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [...SALESIM, ...args], { cwd: dir, encoding: 'utf8', input, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
const TRUTH = `name: Truth
territories:
  - { name: East, seats: 12 }
  - { name: West, seats: 12 }
reps:
  opportunitiesPerMonth: 4
  winRate: { mean: 0.3, concentration: 10 }
  dealSize: { median: 20000, sigma: 0.7 }
  cycleMonths: 2.5
  noDecisionRate: 0.2
hiring: { backfill: true, timeToFillMonths: 1, ramp: { months: 3 } }
attrition: { annualRate: 0.2 }
`;
const HEAD = 'Opportunity Owner,Created Date,Close Date,Stage,Amount';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesim-calibrate-'));
  writeFileSync(join(dir, 'truth.yaml'), TRUTH);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('salesim synth | calibrate | backtest', () => {
  it('runs end to end: synth writes CSV and roster, calibrate writes a valid commented scenario, backtest compares', () => {
    const s = salesim(['synth', 'truth.yaml', '--months', '24', '--start', '2025-01', '--seed', '3', '--roster', 'reps.csv']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout.split('\n')[0]).toBe('Opportunity Name,Opportunity Owner,Created Date,Close Date,Stage,Amount');
    writeFileSync(join(dir, 'opps.csv'), s.stdout);
    expect(readFileSync(join(dir, 'reps.csv'), 'utf8').split('\n')[0]).toBe('Name,Territory,Hire Date,Exit Date');
    // same seed, same history
    expect(salesim(['synth', 'truth.yaml', '--months', '24', '--seed', '3']).stdout).toBe(s.stdout);

    const c = salesim(['calibrate', 'opps.csv', '--reps', 'reps.csv', '--out', 'fit.yaml']);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toMatch(/reps\.winRate\.mean/);
    const yaml = readFileSync(join(dir, 'fit.yaml'), 'utf8');
    expect(yaml).toMatch(/^# Calibrated by salesim calibrate from opps\.csv/);
    expect(yaml).toMatch(/mean: [0-9.]+ {2}# ± [0-9.]+ \(empirical-Bayes beta-binomial/);
    const fitted = parseScenario(yaml);
    expect(fitted.territories.map((t) => t.name)).toEqual(['East', 'West']);
    expect(fitted.attrition).not.toBeNull();

    const j = salesim(['calibrate', 'opps.csv', '--reps', 'reps.csv', '--json']);
    expect(j.code, j.stderr).toBe(0);
    const out = JSON.parse(j.stdout);
    expect(Object.keys(out)).toEqual(['scenario', 'report']);
    expect(out.report.parameters.every((p: { path: string; method: string }) => p.path && p.method)).toBe(true);
    expect(out.report.rows).toMatchObject({ rejected: 0 });

    const b = salesim(['backtest', 'opps.csv', 'fit.yaml', '--from', '2025-01', '--to', '2026-12', '--trials', '300', '--json']);
    expect(b.code, b.stderr).toBe(0);
    const bt = JSON.parse(b.stdout);
    expect(bt.months).toHaveLength(24);
    expect(bt.insideShare).toBeGreaterThan(0.5);

    // piping: calibrate to stdout, backtest reads the scenario from stdin
    const y = salesim(['calibrate', 'opps.csv']);
    expect(y.code).toBe(0);
    const p = salesim(['backtest', 'opps.csv', '-', '--from', '2025-01', '--to', '2025-06', '--trials', '200'], y.stdout);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toMatch(/months inside P10-P90: \d+ of 6/);
    expect(p.stdout).toMatch(/bias \(actual total \/ simulated P50\): [0-9.]+, 80% interval [0-9.]+ to [0-9.]+/);
    expect(p.stdout).toMatch(/mean interval score \(80%\): /);
    // the months' PIT histogram and its uniformity tests, as the playground's Calibrate view draws them
    expect(p.stdout).toMatch(/PIT uniformity: .*D = [0-9.]+, p = [0-9.]+; .*p = [0-9.]+/);
    const bins = p.stdout.split('\n').filter((l) => /^ {2}0\.\d-[01]\.\d /.test(l));
    expect(bins).toHaveLength(10);
    expect(bins.reduce((a, l) => a + Number(/ (\d+)$/.exec(l)?.[1] ?? 0), 0)).toBe(6);
    expect(y.stderr).toMatch(/deal size: (lognormal|empirical), mean [0-9.]+ \(mean won amount/);
  });
});

describe('calibrate --as-of', () => {
  it('fits the cut the CRM would have exported that day, and says so', () => {
    const s = salesim(['synth', 'truth.yaml', '--months', '18', '--start', '2025-01', '--seed', '4']);
    expect(s.code, s.stderr).toBe(0);
    writeFileSync(join(dir, 'asof.csv'), s.stdout);
    const j = salesim(['calibrate', 'asof.csv', '--as-of', '2025-09-30', '--json']);
    expect(j.code, j.stderr).toBe(0);
    const r = JSON.parse(j.stdout).report;
    expect(r.window.to).toBe('2025-09');
    expect(r.asOf.createdLater).toBeGreaterThan(0);
    expect(r.asOf.decidedLater).toBeGreaterThan(0);
    expect(r.warnings[0]).toMatch(/^as of 2025-09-30: \d+ rows created later are dropped and \d+ decided later are taken as open/);
    const bad = salesim(['calibrate', 'asof.csv', '--as-of', '2025-09-31']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/asOf.*not a date/);
  });
});

describe('backtest --as-of (rolling origin)', () => {
  it('cuts, calibrates, forecasts and scores at each date, with the analyst baselines and a PIT histogram', () => {
    const s = salesim(['synth', 'truth.yaml', '--months', '20', '--start', '2025-01', '--seed', '5', '--resolve-by-age', '0.4,0.35,0.3,0.2,0.05,0', '--quarter-end-win', '1.5']);
    expect(s.code, s.stderr).toBe(0);
    writeFileSync(join(dir, 'rolling.csv'), s.stdout);
    const r = salesim(['backtest', 'rolling.csv', '--as-of', '2025-12-31,2026-03-31', '--horizon', '3', '--trials', '100', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^rolling-origin back-test: 2 cuts, 3-month horizon, 100 trials/);
    expect(r.stdout).toMatch(/2025-12-31 +2026-01\.\.2026-03/);
    expect(r.stdout).toMatch(/mean CRPS \(lower is better\): salesim \$[0-9.]+[kM]?, pipeline/);
    expect(r.stdout).toMatch(/PIT histogram/);
    expect(r.stdout).toMatch(/verdict: \d of 2 actuals inside the P10-P90 band/);
    const j = JSON.parse(salesim(['backtest', 'rolling.csv', '--as-of', '2025-12-31', '--trials', '100', '--point', '--json']).stdout);
    expect(j.point).toBe(true);
    expect(j.cuts[0].fit.uncertainParameters).toBe(0);
    const bad = salesim(['backtest', 'rolling.csv', '--as-of', '2026-08-31']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/asOf\[0\].*runs past the export/);
  });
});

describe('pre-pipeline rows', () => {
  it('synth --prospects writes them; calibrate excludes and counts them with a warning', () => {
    const s = salesim(['synth', 'truth.yaml', '--months', '12', '--seed', '2', '--prospects', '0.5', '--out', 'pp.csv']);
    expect(s.code, s.stderr).toBe(0);
    const n = readFileSync(join(dir, 'pp.csv'), 'utf8').split('\n').filter((l) => l.includes(',Prospecting,')).length;
    expect(n).toBeGreaterThan(0);
    const c = salesim(['calibrate', 'pp.csv', '--out', 'pp.yaml']);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toContain(`${n} pre-pipeline excluded`);
    expect(c.stdout).toContain(`warning: ${n} rows in a pre-pipeline stage (Prospecting) have no created date`);
  });
});

describe('bad input exits 2 with named errors and writes nothing', () => {
  const cases: [string, string, RegExp][] = [
    ['missing column', 'Owner,Created Date,Close Date,Stage,Amount\nAna,2025-01-01,2025-02-01,Closed Won,1\n', /columns\.Opportunity Owner: is missing from the header/],
    ['unparseable date', `${HEAD}\nAna,2025-01-01,2025-02-01,Closed Won,1\nAna,01/32/2025,2025-02-01,Closed Won,1\n`, /rows\[3\]\.Created Date: '01\/32\/2025' is not a date/],
    ['unparseable amount', `${HEAD}\nAna,2025-01-01,2025-02-01,Closed Won,1\nAna,2025-01-01,2025-02-01,Closed Won,1.2.3\n`, /rows\[3\]\.Amount: '1\.2\.3' is not an amount/],
    ['negative amount', `${HEAD}\nAna,2025-01-01,2025-02-01,Closed Won,1\nAna,2025-01-01,2025-02-01,Closed Won,-40\n`, /rows\[3\]\.Amount: -40 must not be negative/],
    ['no closed deals', `${HEAD}\nAna,2025-01-01,,Prospecting,1\n`, /columns\.Stage: has no closed deals/],
    ['unterminated quote', `${HEAD}\nAna,"2025-01-01,2025-02-01,Closed Won,1\n`, /never closed/],
  ];
  for (const [name, text, message] of cases) {
    it(`calibrate: ${name}`, () => {
      writeFileSync(join(dir, 'bad.csv'), text);
      writeFileSync(join(dir, 'keep.yaml'), 'original\n');
      const before = readdirSync(dir).sort();
      const r = salesim(['calibrate', 'bad.csv', '--out', 'keep.yaml']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
      expect(r.stdout).toBe('');
      expect(readFileSync(join(dir, 'keep.yaml'), 'utf8')).toBe('original\n');
      expect(readdirSync(dir).sort()).toEqual(before);
    });
  }

  it('backtest: malformed CSV, bad months, missing files', () => {
    writeFileSync(join(dir, 'bad.csv'), `${HEAD}\nAna,2025-01-01,2025-02-01,Closed Won,-1\n`);
    let r = salesim(['backtest', 'bad.csv', 'truth.yaml', '--from', '2025-01', '--to', '2025-12']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rows\[2\]\.Amount: -1 must not be negative/);
    writeFileSync(join(dir, 'ok.csv'), `${HEAD}\nAna,2025-01-01,2025-02-01,Closed Won,10\n`);
    r = salesim(['backtest', 'ok.csv', 'truth.yaml', '--from', '2025-1x', '--to', '2025-12']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/from: '2025-1x' must be a month YYYY-MM/);
    r = salesim(['backtest', 'nope.csv', 'truth.yaml', '--from', '2025-01', '--to', '2025-12']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/opportunities: no such file: 'nope.csv'/);
    r = salesim(['backtest', 'ok.csv', 'truth.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--from and --to/);
  });

  it('synth and calibrate: usage errors and bad mapping files', () => {
    let r = salesim(['synth', 'truth.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--months is required/);
    r = salesim(['synth', 'truth.yaml', '--months', '12', '--start', '2025/01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/start: '2025\/01' must be a month YYYY-MM/);
    writeFileSync(join(dir, 'map.yaml'), 'columns: { amout: ARR }\n');
    writeFileSync(join(dir, 'ok.csv'), `${HEAD}\nAna,2025-01-01,2025-02-01,Closed Won,10\n`);
    r = salesim(['calibrate', 'ok.csv', '--map', 'map.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mapping\.columns\.amout: is not a known field/);
    r = salesim(['calibrate', 'ok.csv', '--out', 'no/such/dir/fit.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/out: cannot write 'no\/such\/dir\/fit.yaml'/);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});
