import { describe, expect, it, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SALESIM } from '../helpers/cli.js';

const root = resolve(import.meta.dirname, '../..');

function salesim(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [...SALESIM, ...args], { cwd: root, env: { ...process.env, SALESIM_DEBUG: '' } }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir = '';
const scenario = (name: string, seats: number) =>
  `name: ${name}\nhorizonMonths: 12\nreps: { seats: ${seats}, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 25000, sigma: 0.8 } }\nquota: { annualPerRep: 450000 }\ncosts: { repAnnualCost: 150000 }\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesim-compare-'));
  writeFileSync(join(dir, 'a.yaml'), scenario('A', 20));
  writeFileSync(join(dir, 'b.yaml'), scenario('B', 22));
  writeFileSync(join(dir, 'long.yaml'), scenario('Long', 20).replace('horizonMonths: 12', 'horizonMonths: 24'));
  writeFileSync(
    join(dir, 'study.yaml'),
    'name: More reps or better win rates?\ntrials: 300\ncompare:\n  baseline: a.yaml\n  variants:\n    - { name: two more reps, scenario: b.yaml }\n    - { name: same, patch: {} }\n    - { name: win rate +0.01, patch: { reps: { winRate: { mean: 0.26 } } } }\n',
  );
  writeFileSync(join(dir, 'bad.study.yaml'), 'compare:\n  baseline: a.yaml\n  variants:\n    - { name: ok, patch: {} }\n    - { name: typo, patch: { reps: { winRat: 0.3 } } }\n');
});

describe('salesim compare', () => {
  it('with no trial count anywhere answers to the default precision (every design), capped by --max-trials; a study that names one runs it', async () => {
    const r = await salesim(['compare', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--json', '--quiet', '--max-trials', '600', '--workers', '1']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.precision).toMatchObject({ spec: 'p_plan=0.01,revenue=0.5%', default: true, maxTrials: 600 });
    expect(out.trials).toBe(out.precision.trials);
    const text = await salesim(['compare', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--quiet', '--max-trials', '600', '--workers', '1']);
    expect(text.stdout).toMatch(/^precision \(default\): [\d,]+ trials \(cap 600\)/m);
    const study = JSON.parse((await salesim(['compare', join(dir, 'study.yaml'), '--json', '--quiet', '--workers', '1'])).stdout);
    expect(study.trials).toBe(300);
    expect(study.precision).toBeUndefined();
    const named = await salesim(['compare', join(dir, 'study.yaml'), '--max-trials', '600', '--quiet']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('--max-trials caps a precision-targeted run');
  }, 120_000);

  it('runs a study file: --json is the comparison contract and nothing else', async () => {
    const r = await salesim(['compare', join(dir, 'study.yaml'), '--json', '--seed', '4', '--workers', '1']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.trials).toBe(300);
    expect(out.seed).toBe(4);
    expect(out.baseline.scenario.name).toBe('A');
    expect(out.variants.map((v: { name: string }) => v.name)).toEqual(['two more reps', 'same', 'win rate +0.01']);
    for (const v of out.variants) {
      expect(Object.keys(v)).toEqual(expect.arrayContaining(['name', 'summary', 'difference', 'beatsBaseline', 'crossoverMonth', 'varianceReduction']));
      expect(Object.keys(v.difference)).toEqual(expect.arrayContaining(['total', 'cost', 'margin']));
      expect(v.beatsBaseline.ci).toHaveLength(2);
    }
    const same = out.variants[1];
    expect(same.difference.total).toMatchObject({ mean: 0, sd: 0, p5: 0, p95: 0 });
    expect(same.varianceReduction).toBeNull();
    expect(out.variants[2].varianceReduction).toBeGreaterThan(5);
    expect(out.variants[0].difference.cost.mean).toBeCloseTo(2 * 150000, 6);
  });

  it('prints a readable table for baseline + variant files', async () => {
    const r = await salesim(['compare', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--trials', '200', '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('B minus baseline, trial by trial');
    for (const s of ['revenue difference', 'P10 / P50 / P90', 'P(beats baseline)', 'crossover month', 'incremental ROI', 'variance reduction']) expect(r.stdout).toContain(s);
  });

  it('a patch naming a field that does not exist exits 2 with the path', async () => {
    const r = await salesim(['compare', join(dir, 'bad.study.yaml'), '--trials', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('compare.variants[1].patch.reps.winRat: is not a known field');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('bad input exits 2 with one line per problem, never a stack trace', async () => {
    const cases = [
      [['compare', join(dir, 'a.yaml')], /is a scenario, not a study/],
      [['compare', join(dir, 'missing.yaml'), join(dir, 'a.yaml')], /no such file or preset: .*missing\.yaml/],
      [['compare', join(dir, 'a.yaml'), join(dir, 'long.yaml')], /horizonMonths: must equal the baseline's horizon .*long\.yaml/],
      [['compare', join(dir, 'study.yaml'), '--trials', '0'], /--trials must be a whole number/],
      [['compare'], /give a study file/],
    ] as const;
    const results = await Promise.all(cases.map(([args]) => salesim([...args])));
    for (const [i, [args, message]] of cases.entries()) {
      const r = results[i];
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  });
});

describe('worker threads', () => {
  const strip = (text: string) => JSON.parse(text, (k, v) => (k === 'meta' || k === 'elapsedMs' || k === 'trialsPerSecond' ? undefined : v));

  it('compare and sensitivity give identical results on 1 and 2 workers', async () => {
    const [c1, c2, s1, s2] = await Promise.all([
      salesim(['compare', join(dir, 'study.yaml'), '--json', '--trials', '120', '--workers', '1']),
      salesim(['compare', join(dir, 'study.yaml'), '--json', '--trials', '120', '--workers', '2']),
      salesim(['sensitivity', join(dir, 'a.yaml'), '--json', '--trials', '120', '--workers', '1', '--param', 'reps.cycleMonths']),
      salesim(['sensitivity', join(dir, 'a.yaml'), '--json', '--trials', '120', '--workers', '2', '--param', 'reps.cycleMonths']),
    ]);
    for (const r of [c1, c2, s1, s2]) expect(r.code, r.stderr).toBe(0);
    expect(strip(c2.stdout)).toEqual(strip(c1.stdout));
    expect(strip(s2.stdout)).toEqual(strip(s1.stdout));
  });
});

describe('salesim sensitivity', () => {
  it('--json: parameters sorted by |swing.mean|, an unused parameter last with swing 0', async () => {
    const r = await salesim(['sensitivity', join(dir, 'a.yaml'), '--trials', '200', '--json', '--param', 'costs.repAnnualCost', '--param', 'reps.winRate.mean=0.2:0.3', '--param', 'reps.cycleMonths', '--workers', '1']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.output).toBe('revenue.total');
    expect(out.parameters.map((p: { path: string }) => p.path)).toEqual(['reps.winRate.mean', 'reps.cycleMonths', 'costs.repAnnualCost']);
    expect(out.parameters[0]).toMatchObject({ low: 0.2, high: 0.3 });
    expect(out.parameters[2].swing).toEqual({ mean: 0, p50: 0, planProbability: 0 });
  });

  it('the default table ranks the default parameters', async () => {
    const r = await salesim(['sensitivity', join(dir, 'a.yaml'), '--trials', '100', '--workers', '1']);
    expect(r.code).toBe(0);
    for (const p of ['reps.winRate.mean', 'reps.opportunitiesPerMonth', 'reps.dealSize.median', 'reps.cycleMonths']) expect(r.stdout).toContain(p);
  });

  it('bad parameters exit 2 naming them', async () => {
    let r = await salesim(['sensitivity', join(dir, 'a.yaml'), '--param', 'reps.winRat']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('reps.winRat: is not a known field');
    r = await salesim(['sensitivity', join(dir, 'a.yaml'), '--param', 'reps.winRate.mean=low:high']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--param must be path or path=low:high');
  });
});

describe('salesim compare --assumptions', () => {
  it('says what the answer depends on: P(beats) over the ranges, the variance shares and a break-even per assumption that matters', async () => {
    // a paid enablement programme whose effect (gapClosed, an entered effect size) is the registry's assumption
    const base = 'name: none\nhorizonMonths: 12\nreps: { seats: 10, opportunitiesPerMonth: 4, winRate: { tiers: [ { share: 0.2, mean: 0.4, concentration: 50 }, { share: 0.8, mean: 0.2, concentration: 50 } ] }, dealSize: 10000 }\n';
    writeFileSync(join(dir, 'none.yaml'), base);
    writeFileSync(join(dir, 'prog.yaml'), base.replace('name: none', 'name: programme') + 'enablement: [ { gapClosed: 0.25, cost: { perRepPerMonth: 1500 } } ]\n');
    const r = await salesim(['compare', join(dir, 'none.yaml'), join(dir, 'prog.yaml'), '--trials', '100', '--assumptions', '--metric', 'margin', '--draws', '48', '--quiet', '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/what the answer depends on: 1 assumption varied over their plausible ranges/);
    expect(r.stdout).toMatch(/programme minus baseline, over the assumptions and the random draws:\n {2}P\(beats baseline\) {5}\d+\.\d% \[/);
    expect(r.stdout).toMatch(/variance of the difference: \d+\.\d% \[\d+\.\d%, \d+\.\d%\] from the assumptions, \d+\.\d% from simulation noise/);
    expect(r.stdout).toMatch(/break-even: programme holds if enablement\[0\]\.gapClosed > 0\.\d+ \(assumed range 0–0\.5\)/);
    const j = await salesim(['compare', join(dir, 'none.yaml'), join(dir, 'prog.yaml'), '--trials', '100', '--assumptions', '--draws', '16', '--json', '--quiet', '--workers', '1']);
    const out = JSON.parse(j.stdout);
    expect(out.assumptions.metric).toBe('revenue');
    expect(out.assumptions.variants[0].variance.assumptions + out.assumptions.variants[0].variance.noise).toBeCloseTo(1, 12);
  }, 120000);

  it('refuses a bad metric, and --metric without --assumptions, with exit 2', async () => {
    const a = await salesim(['compare', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--assumptions', '--metric', 'profit']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--metric must be one of revenue, margin, arr, plan \(got 'profit'\)/);
    const b = await salesim(['compare', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--metric', 'margin']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--metric and --draws go with --assumptions/);
  }, 60000);
});

describe('salesim sensitivity --sobol', () => {
  it('prints the assumptions\' Sobol indices and the share they explain; refuses tornado flags with it', async () => {
    writeFileSync(join(dir, 'unc.yaml'), 'horizonMonths: 6\nreps: { seats: 5, opportunitiesPerMonth: { uniform: [2, 6] }, winRate: 0.25, dealSize: 1000 }\n');
    const r = await salesim(['sensitivity', join(dir, 'unc.yaml'), '--sobol', '--draws', '32', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Variance-based sensitivity of total revenue: /);
    expect(r.stdout).toMatch(/the assumptions explain \d+\.\d% \[\d+\.\d%, \d+\.\d%\] of the variance/);
    expect(r.stdout).toMatch(/reps\.opportunitiesPerMonth +2 to 6 /);
    const bad = await salesim(['sensitivity', join(dir, 'unc.yaml'), '--sobol', '--relative', '0.1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--relative does not go with --sobol/);
  }, 60000);
});

describe('salesim run --assumptions', () => {
  it('lists the assumptions the scenario uses with their ranges; without the flag the report is as before', async () => {
    writeFileSync(join(dir, 'att.yaml'), 'horizonMonths: 3\nreps: { seats: 3, opportunitiesPerMonth: 2, winRate: 0.25, dealSize: 1000 }\nattrition: { annualRate: 0.2 }\n');
    const r = await salesim(['run', join(dir, 'att.yaml'), '--trials', '20', '--assumptions', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/attrition\.pipelineLossOnExit +0\.5 +0\.2 to 0\.8 /);
    const plain = await salesim(['run', join(dir, 'att.yaml'), '--trials', '20', '--quiet']);
    expect(plain.stdout).not.toMatch(/pipelineLossOnExit/);
    const json = JSON.parse((await salesim(['run', join(dir, 'att.yaml'), '--trials', '20', '--json', '--quiet'])).stdout);
    expect(json.assumptions[0]).toMatchObject({ path: 'attrition.pipelineLossOnExit', value: 0.5, range: [0.2, 0.8] });
  }, 60000);
});

describe('a field given both as a number and as a distribution', () => {
  it('validate and compare refuse it with exit 2, naming the field; the resolved form (median in place) is accepted', async () => {
    const both = 'horizonMonths: 3\nreps: { seats: 3, opportunitiesPerMonth: 2, winRate: 0.25, dealSize: 1000 }\nuncertainty: { parameters: [{ path: reps.winRate, distribution: { uniform: [0.3, 0.4] } }] }\n';
    writeFileSync(join(dir, 'both.yaml'), both);
    writeFileSync(join(dir, 'resolved.yaml'), both.replace('winRate: 0.25', 'winRate: 0.35'));
    const message = /reps\.winRate: is given both as a fixed value \(0\.25\) and as a distribution \(uncertainty\.parameters\[0\]\): keep one/;
    for (const args of [['validate', join(dir, 'both.yaml')], ['compare', join(dir, 'a.yaml'), join(dir, 'both.yaml'), '--trials', '5', '--quiet']]) {
      const r = await salesim(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
    expect((await salesim(['validate', join(dir, 'resolved.yaml')])).code).toBe(0);
  }, 300000);
});
