/** `salesim solve` and the uncertainty tornado of `salesim run`. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SALESIM } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
function salesim(...args: string[]) {
  const r = spawnSync(process.execPath, [...SALESIM, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'salesim-solve-'));
const core = join(tmp, 'core.yaml');
writeFileSync(core, 'horizonMonths: 12\ntrials: 300\nreps: { seats: 10, opportunitiesPerMonth: 3, winRate: 0.2, dealSize: 1 }\nquota: { method: flat, plan: 150 }\n');

describe('salesim solve', () => {
  it('prints the answer, the target at it and its neighbours; --json the engine result', () => {
    const r = salesim('solve', core, '--vary', 'reps.seats', '--target', 'P(plan) >= 0.8', '--min', '1', '--max', '40', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/answer: reps\.seats = \d+/);
    expect(r.stdout).toMatch(/P\(plan\)\s+95% interval\s+meets target/);
    const j = JSON.parse(salesim('solve', core, '--vary', 'reps.seats', '--target', 'P(plan) >= 0.8', '--min', '1', '--max', '40', '--json').stdout);
    expect(j.answer.x).toBe(Number(/answer: reps\.seats = (\d+)/.exec(r.stdout)![1]));
  });
  it('takes a managers field as the lever (how wide a span, so how many managers)', () => {
    const r = salesim('solve', 'scenarios/people-managers.yaml', '--vary', 'managers.span', '--target', 'mean(revenue) >= 37000000', '--min', '4', '--max', '12', '--trials', '100', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/varying managers\.span over \[4, 12\]/);
    expect(r.stdout).toMatch(/managers\.span\s+mean\(revenue\)\s+95% interval\s+meets target/);
  });
  it('exits 2 with the field named on bad input', () => {
    const a = salesim('solve', core, '--vary', 'reps.seats', '--target', 'P(revenue) >= 0.8');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/salesim: target: P\(\.\.\.\) is the probability of plan/);
    const b = salesim('solve', core, '--target', 'P(plan) >= 0.8');
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--vary PATH is required/);
  });
});

describe('salesim run with uncertain inputs', () => {
  it('prints the variance-contribution tornado and the realised correlation', () => {
    const f = join(tmp, 'unc.yaml');
    writeFileSync(
      f,
      'horizonMonths: 12\nreps: { seats: 10, opportunitiesPerMonth: { triangular: [2, 3, 4] }, winRate: { pert: [0.15, 0.2, 0.3] }, dealSize: 1 }\nuncertainty:\n  correlations: [{ between: [reps.winRate, reps.opportunitiesPerMonth], rho: 0.3 }]\n',
    );
    const r = salesim('run', f, '--trials', '300', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/uncertain inputs \(Latin hypercube sampling over 300 trials\): contribution to the variance of total revenue, SRRC²/);
    expect(r.stdout).toMatch(/reps\.opportunitiesPerMonth\s+\d+\.\d%\s+█/);
    expect(r.stdout).toMatch(/rank correlation reps\.winRate ~ reps\.opportunitiesPerMonth: target 0\.3, realised 0\.\d+/);
  });
});
