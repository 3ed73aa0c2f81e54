/** `--precision` on run, compare, sensitivity and solve: the trials used and the precision reached, bad targets exit 2. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitTrialsToBudget, parseScenario, solve } from '../../engine/index.js';
import { bracketDecided } from '../../engine/index.js';
import { SALESIM } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
function salesim(...args: string[]) {
  const r = spawnSync(process.execPath, [...SALESIM, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'salesim-precision-'));
const text = 'horizonMonths: 12\ntrials: 300\nseed: 2\nreps: { seats: 10, opportunitiesPerMonth: 3, winRate: 0.2, dealSize: 1 }\nquota: { method: flat, plan: 150 }\n';
const core = join(tmp, 'core.yaml');
writeFileSync(core, text);
const more = join(tmp, 'more.yaml');
writeFileSync(more, text.replace('seats: 10', 'seats: 11'));

describe('salesim run: the default is a precision, an explicit trial count runs exactly', () => {
  const bare = join(tmp, 'bare.yaml');
  writeFileSync(bare, text.replace('trials: 300\n', ''));
  const noPlan = join(tmp, 'noplan.yaml');
  writeFileSync(noPlan, text.replace('trials: 300\n', '').replace(/quota:.*\n/, ''));

  it('a scenario without trials, run without --trials or --precision, answers to P(plan) ± 0.01 and revenue ± 0.5%', () => {
    const r = salesim('run', bare, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.precision).toMatchObject({ spec: 'p_plan=0.01,revenue=0.5%', default: true, met: true, trials: j.trials, maxTrials: 100000 });
    expect(j.precision.targets.map((t: { name: string }) => t.name)).toEqual(['p_plan', 'revenue']);
    expect(j.precision.targets[0].reached).toBeLessThanOrEqual(0.01);
    expect(j.precision.targets[1].reached).toBeLessThanOrEqual(0.005);
    // the theory's trials for P(plan) ± 0.01 (p(1-p)(1.96/0.01)^2), within the blocks' overshoot and the noise of p
    const p = j.plan.probability;
    expect(j.trials).toBeGreaterThan(0.85 * p * (1 - p) * (1.96 / 0.01) ** 2);
    // the same as asking for it
    const asked = JSON.parse(salesim('run', bare, '--precision', 'p_plan=0.01,revenue=0.5%', '--json').stdout);
    expect({ ...asked.precision, default: true }).toEqual(j.precision);
    expect(asked.plan).toEqual(j.plan);
    const readable = salesim('run', bare, '--quiet').stdout;
    expect(readable).toContain(`precision (default): ${j.trials.toLocaleString('en-US')} trials (cap 100,000): p_plan ±0.0`);
  }, 120_000);

  it('without a plan the default is revenue ± 0.5% alone; --max-trials caps it', () => {
    const j = JSON.parse(salesim('run', noPlan, '--json', '--max-trials', '500').stdout);
    expect(j.precision).toMatchObject({ spec: 'revenue=0.5%', default: true, maxTrials: 500 });
    expect(j.trials).toBeLessThanOrEqual(500);
  });

  it('sensitivity defaults the same way: the base scenario answers to the default precision and the low/high runs take its trials', () => {
    const j = JSON.parse(salesim('sensitivity', bare, '--param', 'reps.winRate', '--json', '--quiet', '--max-trials', '800', '--workers', '1').stdout);
    expect(j.precision).toMatchObject({ spec: 'p_plan=0.01,revenue=0.5%', default: true, maxTrials: 800 });
    expect(j.trials).toBe(j.precision.trials);
    const own = JSON.parse(salesim('sensitivity', core, '--param', 'reps.winRate', '--json', '--quiet', '--workers', '1').stdout);
    expect(own.trials).toBe(300);
    expect(own.precision).toBeUndefined();
    // --sobol runs one trial per draw: no default precision there
    expect(salesim('sensitivity', bare, '--sobol', '--draws', '8', '--json', '--quiet').code).toBe(0);
  });

  it('SALESIM_MAX_WORK lowers the default cap to what the budget fits', () => {
    const r = spawnSync(process.execPath, [...SALESIM, 'run', bare, '--json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SALESIM_MAX_WORK: '2e5' } });
    const j = JSON.parse(r.stdout);
    const fitted = fitTrialsToBudget([parseScenario(text.replace('trials: 300\n', ''))], { maxWork: 2e5, maxMemoryBytes: Infinity }, 100_000);
    expect(fitted).toBeLessThan(100_000);
    expect(j.precision.maxTrials).toBe(fitted);
    expect(j.trials).toBeLessThanOrEqual(fitted);
  });

  it('--trials, or trials in the file, run exactly that many and print the precision reached', () => {
    const j = JSON.parse(salesim('run', bare, '--trials', '250', '--json').stdout);
    expect(j.trials).toBe(250);
    expect(j.precision).toBeUndefined();
    const r = salesim('run', core, '--quiet');
    expect(r.stdout).toMatch(/— 300 trials/);
    const f = JSON.parse(salesim('run', core, '--json').stdout);
    const half = (f.plan.ci[1] - f.plan.ci[0]) / 2;
    const rev = (1.959963984540054 * f.diagnostics.revenueStdError) / f.revenue.total.mean;
    expect(r.stdout).toContain(`precision: 300 trials (as set): p_plan ±${half.toFixed(4)}; revenue ±${(rev * 100).toFixed(2)}%`);
  });
});

describe('salesim --precision', () => {
  it('run: stops when P(plan) is known to the half-width asked, reports it in the table and the JSON', () => {
    const r = salesim('run', core, '--precision', 'p_plan=0.03', '--quiet');
    expect(r.code).toBe(0);
    const trials = Number(/— (\d+) trials/.exec(r.stdout)![1]);
    expect(r.stdout).toMatch(new RegExp(`precision: ${trials.toLocaleString('en-US')} trials \\(cap 100,000\\): p_plan ±0\\.0\\d+ \\(asked ±0\\.0300\\)`));
    const j = JSON.parse(salesim('run', core, '--precision', 'p_plan=0.03', '--json').stdout);
    expect(j.trials).toBe(trials);
    expect(j.precision).toMatchObject({ spec: 'p_plan=0.03', trials, maxTrials: 100000, met: true });
    expect(j.precision.targets[0].reached).toBeCloseTo((j.plan.ci[1] - j.plan.ci[0]) / 2, 15);
    expect(j.precision.targets[0].reached).toBeLessThanOrEqual(0.03);
    // the same answer on worker threads
    const w = JSON.parse(salesim('run', core, '--precision', 'p_plan=0.03', '--json', '--workers', '2').stdout);
    expect(w.precision).toEqual(j.precision);
    expect(w.plan).toEqual(j.plan);
  });

  it('run: --max-trials caps it and the report says the target was not met', () => {
    const j = JSON.parse(salesim('run', core, '--precision', 'p_plan=0.001', '--max-trials', '400', '--json').stdout);
    expect(j.trials).toBe(400);
    expect(j.precision).toMatchObject({ trials: 400, maxTrials: 400, met: false });
    expect(salesim('run', core, '--precision', 'p_plan=0.001', '--max-trials', '400', '--quiet').stdout).toContain('NOT met');
  });

  it('compare: diff= is the half-width of the mean paired difference', () => {
    const j = JSON.parse(salesim('compare', core, more, '--precision', 'diff=2', '--json', '--workers', '1').stdout);
    expect(j.precision.met).toBe(true);
    expect(j.trials).toBe(j.precision.trials);
    expect(j.precision.targets[0].reached).toBeCloseTo(1.959963984540054 * j.variants[0].difference.stdError.total, 12);
  });

  it('sensitivity and solve take --precision too', () => {
    const s = JSON.parse(salesim('sensitivity', core, '--param', 'reps.winRate', '--precision', 'revenue=2%', '--json', '--workers', '1').stdout);
    expect(s.trials).toBe(s.precision.trials);
    expect(s.precision.met).toBe(true);
    const r = JSON.parse(salesim('solve', core, '--vary', 'reps.seats', '--target', 'P(plan) >= 0.8', '--min', '1', '--max', '40', '--precision', 'bracket', '--max-trials', '4000', '--json').stdout);
    // the last search is an ordinary solve at the trials reported
    const direct = solve(parseScenario(text), { vary: 'reps.seats', target: 'P(plan) >= 0.8', min: 1, max: 40, trials: r.trials, seed: 2 });
    expect(r.answer).toEqual(JSON.parse(JSON.stringify(direct.answer)));
    expect(r.precision.met).toBe(bracketDecided(direct));
    expect([500, 1000, 2000, 4000]).toContain(r.trials);
  });

  it.each([
    [['run', 'CORE', '--precision', 'p_plan=0.6'], /--precision: p_plan=0\.6 asks for no precision/],
    [['run', 'CORE', '--precision', 'speed=1'], /'speed' is not a precision target/],
    [['run', 'CORE', '--precision', 'p_plan=0.01', '--trials', '50'], /--trials and --precision cannot be combined/],
    [['run', 'CORE', '--max-trials', '50'], /--max-trials caps a precision-targeted run/],
    [['run', 'CORE', '--precision', 'diff=10'], /diff is not a target of this command/],
  ])('bad input %j exits 2 with the flag and the rule', (args, message) => {
    const r = salesim(...args.map((a) => (a === 'CORE' ? core : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('salesim forecast --precision', () => {
  it('runs the forecast from today until P(plan | bookings to date) is known to the half-width asked; the report is the fixed run of the trials used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesim-precision-forecast-'));
    const synth = spawnSync(process.execPath, [...SALESIM, 'synth', 'baseline', '--months', '18', '--start', '2024-07', '--seed', '3', '--roster', join(dir, 'reps.csv')], { cwd: ROOT, encoding: 'utf8' });
    expect(synth.status).toBe(0);
    const forecast = (extra: string[]) =>
      spawnSync(process.execPath, [...SALESIM, 'forecast', '-', 'baseline', '--reps', join(dir, 'reps.csv'), '--as-of', '2025-06-30', '--hire', '5', '--workers', '1', '--quiet', '--json', ...extra], {
        cwd: ROOT,
        encoding: 'utf8',
        input: synth.stdout,
      });
    const p = forecast(['--precision', 'p_plan=0.04']);
    expect(p.stderr).toBe('');
    const rep = JSON.parse(p.stdout);
    expect(rep.precision).toMatchObject({ met: true, trials: rep.trials });
    expect(rep.precision.targets[0].reached).toBe((rep.now.pPlanInterval[1] - rep.now.pPlanInterval[0]) / 2);
    const fixed = JSON.parse(forecast(['--trials', String(rep.trials)]).stdout);
    expect({ ...rep, precision: undefined }).toEqual(JSON.parse(JSON.stringify({ ...fixed, precision: undefined })));
    // a scenario that names no trials, forecast without --trials: the default precision (capped here to stay quick)
    const bare = join(dir, 'bare.yaml');
    writeFileSync(bare, readFileSync(join(ROOT, 'scenarios', 'baseline.yaml'), 'utf8').replace(/^trials:.*\n/m, ''));
    const d = spawnSync(process.execPath, [...SALESIM, 'forecast', '-', bare, '--reps', join(dir, 'reps.csv'), '--as-of', '2025-06-30', '--workers', '1', '--quiet', '--json', '--max-trials', '400'], { cwd: ROOT, encoding: 'utf8', input: synth.stdout });
    expect(d.stderr).toBe('');
    expect(JSON.parse(d.stdout).precision).toMatchObject({ spec: 'p_plan=0.01,revenue=0.5%', default: true, maxTrials: 400 });
  }, 120_000);
});
