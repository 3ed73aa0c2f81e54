import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario, simulate, summarize, compare } from '../../engine/index.js';
import { readFileSync } from 'node:fs';
import { readable, monthlyCsv } from '../../cli/commands/run.js';
import { formatComparison } from '../../cli/commands/compare.js';
import { SALESIM } from '../helpers/cli.js';

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
  it('--monthly-csv adds the funnel columns', () => {
    const [head, first] = monthlyCsv(summary).split('\n');
    expect(head.endsWith(',leads_mean,qualified_mean,marketing_opps_mean,marketing_won_mean,marketing_revenue_mean,nurture_pool_mean,lead_backlog_mean')).toBe(true);
    expect(first.split(',')).toHaveLength(head.split(',').length);
  });
  it('compare adds a demand table when a scenario has the block', () => {
    const r = compare(parseScenario({ reps }), [{ name: 'with marketing', scenario: parseScenario({ reps, demand: { leadsPerMonth: 100 } }) }], { trials: 50, seed: 1 });
    const text = formatComparison('t', r);
    expect(text).toContain('demand generation (means over trials');
    expect(text).toMatch(/with marketing\s+\d+/);
  });
  it('calibrate --leads adds a demand block fitted from a lead export to the fitted scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesim-leads-'));
    const cli = (args: string[]) => spawnSync(process.execPath, [...SALESIM, ...args], { cwd: ROOT, encoding: 'utf8' });
    writeFileSync(join(dir, 't.yaml'), 'reps: { seats: 6, opportunitiesPerMonth: 3, winRate: 0.3, dealSize: { median: 20000, sigma: 0.5 } }\n');
    const opps = cli(['synth', join(dir, 't.yaml'), '--months', '12', '--start', '2025-01', '--seed', '2']);
    expect(opps.status, opps.stderr).toBe(0);
    writeFileSync(join(dir, 'opps.csv'), opps.stdout);
    // 12 months x 50 leads; every 10th qualifies the next month; every other of the rest is nurturing
    const lines = ['Lead ID,Created Date,Lead Status,Converted Date'];
    for (let m = 1; m <= 12; m++)
      for (let i = 0; i < 50; i++) {
        const q = i % 10 === 0 && m < 12;
        lines.push(`L${m}-${i},${m}/${1 + (i % 28)}/2025,${q ? 'Converted' : i % 2 ? 'Nurturing' : 'Unqualified'},${q ? `${m + 1}/15/2025` : ''}`);
      }
    writeFileSync(join(dir, 'leads.csv'), lines.join('\n') + '\n');
    const c = cli(['calibrate', join(dir, 'opps.csv'), '--leads', join(dir, 'leads.csv'), '--out', join(dir, 'fit.yaml')]);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toMatch(/leads: 600 over 12 months/);
    const fitted = parseScenario(readFileSync(join(dir, 'fit.yaml'), 'utf8'));
    expect(fitted.demand).toMatchObject({ leadsPerMonth: 50, qualifiedShare: 0.1, qualificationDelayMonths: 1, notReadyShare: 0.5 });
  });

  it('bad demand input exits 2 naming the field', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'salesim-demand-')), 'bad.yaml');
    writeFileSync(f, 'reps: { seats: 2, opportunitiesPerMonth: 2, winRate: 0.3, dealSize: 1 }\ndemand: { leadsPerMonth: 10, routing: [ { territory: Nowhere, share: 1 } ] }\n');
    const r = spawnSync(process.execPath, [...SALESIM, 'run', f, '--trials', '10'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('demand.routing[0].territory');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
