import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario, simulate, summarize, compare } from '../../engine/index.js';
import { readable, summaryCsv } from '../../cli/commands/run.js';
import { formatComparison } from '../../cli/commands/compare.js';

const ROOT = join(import.meta.dirname, '..', '..');
const reps = { seats: 4, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 20000 };
const s = parseScenario({ horizonMonths: 18, reps, costs: { repAnnualCost: 120000 }, demand: { budgetPerMonth: 6000, costPerLead: 50, nurture: { monthlyConversion: 0.05, monthlyExit: 0.1, costPerMonth: 1000 }, sdr: { count: 1, leadsPerSdrMonth: 100, monthlyCost: 5000, waitDecay: 0.5 } } });
const summary = summarize(s, simulate(s, { trials: 100, seed: 1 }), { seed: 1 });

describe('CLI: demand generation', () => {
  it('run prints the funnel per plan year, the marketing-sourced shares, unit costs and marketing ROI', () => {
    const text = readable(summary);
    for (const row of ['leads', 'qualified opportunities', 'marketing-sourced opps', 'marketing-sourced revenue', 'nurture pool at year end', 'leads waiting for an SDR', 'per won deal', 'marketing ROI']) expect(text).toContain(row);
    expect(text).toMatch(/demand funnel \(means\)\s+year 1\s+year 2\s+total/);
    expect(text).toMatch(/marketing-sourced share: of created opportunities \d+\.\d%, of revenue \d+\.\d%/);
  });
  it('--csv adds the funnel columns', () => {
    const [head, first] = summaryCsv(summary).split('\n');
    expect(head.endsWith(',leads_mean,qualified_mean,marketing_opps_mean,marketing_won_mean,marketing_revenue_mean,nurture_pool_mean,lead_backlog_mean')).toBe(true);
    expect(first.split(',')).toHaveLength(head.split(',').length);
  });
  it('compare adds a demand table when a scenario has the block', () => {
    const r = compare(parseScenario({ reps }), [{ name: 'with marketing', scenario: parseScenario({ reps, demand: { leadsPerMonth: 100 } }) }], { trials: 50, seed: 1 });
    const text = formatComparison('t', r);
    expect(text).toContain('demand generation (means over trials');
    expect(text).toMatch(/with marketing\s+\d+/);
  });
  it('bad demand input exits 2 naming the field', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'salesim-demand-')), 'bad.yaml');
    writeFileSync(f, 'reps: { seats: 2, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1 }\ndemand: { leadsPerMonth: 10, routing: [ { territory: Nowhere, share: 1 } ] }\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'run', f, '--trials', '10'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('demand.routing[0].territory');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
