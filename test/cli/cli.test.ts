import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SALESIM } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
function salesim(...args: string[]) {
  const r = spawnSync(process.execPath, [...SALESIM, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'salesim-cli-'));
function file(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

describe('salesim run', () => {
  it('--json prints the Summary contract and nothing else', () => {
    const r = salesim('run', 'scenarios/baseline.yaml', '--json', '--trials', '60', '--seed', '3');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    for (const k of ['trials', 'seed', 'horizonMonths', 'scenario', 'scenarioHash', 'revenue', 'plan', 'reps', 'territories', 'headcount', 'hiring', 'leadership', 'cost', 'margin', 'roi', 'diagnostics', 'meta']) expect(s).toHaveProperty(k);
    expect(s.trials).toBe(60);
    expect(s.seed).toBe(3);
    expect(s.revenue.monthly).toHaveLength(24);
    expect(s.revenue.annual).toHaveLength(2);
    expect(Object.keys(s.revenue.total).sort()).toEqual(['mean', 'p10', 'p25', 'p5', 'p50', 'p75', 'p90', 'p95', 'sd']);
    expect(s.revenue.histogram.edges.length).toBe(s.revenue.histogram.counts.length + 1);
    expect(s.plan.ci[0]).toBeLessThanOrEqual(s.plan.probability);
    expect(s.plan.annual).toHaveLength(2);
    for (const k of ['shareAtQuota', 'attainment', 'attainmentHistogram', 'top20Share', 'gini', 'lorenz', 'topVsBottom']) expect(s.reps).toHaveProperty(k);
    for (const k of ['monthly', 'productive', 'ramping', 'vacant']) expect(s.headcount[k]).toHaveLength(24);
    expect(s.cost.breakdown).toHaveProperty('reps');
    expect(typeof s.diagnostics.revenueStdError).toBe('number');
    expect(s.meta).toHaveProperty('engineVersion');
  });
  it('the same seed gives the same JSON, meta aside', () => {
    const a = JSON.parse(salesim('run', 'pareto-numerator.f50', '--json', '--trials', '40').stdout);
    const b = JSON.parse(salesim('run', 'pareto-numerator.f50', '--json', '--trials', '40').stdout);
    delete a.meta;
    delete b.meta;
    expect(a).toEqual(b);
  });
  it('prints a readable table by default, the CSV export with --csv and the monthly table with --monthly-csv', () => {
    const r = salesim('run', 'baseline', '--trials', '40');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/year 1/);
    expect(r.stdout).toMatch(/P\(hit\)/);
    expect(r.stdout).toMatch(/top-20% share/);
    const c = salesim('run', 'baseline', '--trials', '40', '--csv');
    expect(c.code).toBe(0);
    const csv = c.stdout.trim().split('\n');
    expect(csv[0]).toBe('metric,month,mean,sd,p5,p10,p25,p50,p75,p90,p95');
    expect(csv.filter((l) => l.startsWith('revenue.monthly,'))).toHaveLength(24);
    const m = salesim('run', 'baseline', '--trials', '40', '--monthly-csv');
    const lines = m.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^month,revenue_mean/);
    expect(lines).toHaveLength(25);
    const both = salesim('run', 'baseline', '--trials', '40', '--csv', '--monthly-csv');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--csv and --monthly-csv cannot be combined/);
  });
  it('bad input exits 2 with one line per problem naming the field and the rule, never a stack trace', () => {
    const bad = file('bad.yaml', 'reps:\n  seats: 10\n  opportunitiesPerMonth: -1\n  winRate: { mean: 1.4, concentration: 8 }\n  dealSize: 1000\n  colour: red\n');
    const r = salesim('run', bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual(['salesim: reps.opportunitiesPerMonth: must be >= 0', 'salesim: reps.winRate.mean: must be between 0 and 1', 'salesim: reps.colour: is not a known field']);
  });
  it('a YAML syntax error names the line and column', () => {
    const r = salesim('run', file('syntax.yaml', 'reps: {seats: 1\nname: x\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line \d+, column \d+/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('a missing file, a bad flag value and an unknown flag exit 2', () => {
    expect(salesim('run', 'no/such/file.yaml').code).toBe(2);
    const t = salesim('run', 'baseline', '--trials', 'many');
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/--trials must be a whole number/);
    expect(salesim('run', 'baseline', '--colour').code).toBe(2);
    expect(salesim('frobnicate').code).toBe(2);
  });
});

describe('salesim validate, schema, presets', () => {
  it('validate accepts every shipped scenario and rejects a bad one', () => {
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml') && !f.endsWith('.study.yaml'));
    const r = salesim('validate', ...files.map((f) => join('scenarios', f)));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(files.length);
    expect(salesim('validate', file('v.json', '{"reps": {"seats": 1}}')).code).toBe(2);
  });
  it('schema prints a JSON Schema', () => {
    const js = JSON.parse(salesim('schema').stdout);
    expect(js.properties.reps).toBeTruthy();
  });
  it('presets lists each preset with the question it answers', () => {
    const list = JSON.parse(salesim('presets', '--json').stdout) as { id: string; description: string }[];
    const ids = list.map((p) => p.id);
    for (const id of ['baseline', 'hiring-vs-enablement.hire', 'hiring-vs-enablement.enable', 'coverage-policy.global', 'pareto-numerator.f100', 'leadership-churn.tenure-19']) expect(ids).toContain(id);
    for (const p of list) expect(p.description.length).toBeGreaterThan(20);
    // the readable list fits a terminal: no line over 100 characters, each preset named once
    const text = salesim('presets').stdout;
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    for (const id of ids) expect(text).toMatch(new RegExp(`^${id.replace(/\./g, '\\.')}\\s`, 'm'));
  });
  it('a study given to run or sensitivity says to use compare', () => {
    for (const args of [['run', 'scenarios/hiring-vs-enablement.study.yaml'], ['run', 'hiring-vs-enablement'], ['sensitivity', 'hiring-vs-enablement']]) {
      const r = salesim(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is a study .*use `salesim compare /);
      expect(r.stderr).not.toContain('is required');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
