// @vitest-environment happy-dom
/**
 * One set of numbers: for the same run, the ROI and incremental ROI the CLI prints are the numbers the
 * playground shows (the engine's `roiOfMeans` and `incrementalRoi`, mean margin / mean cost, in %).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import '../../playground/src/components/sim-kpis.js';
import { incrementalRoi } from '../../playground/src/components/sim-compare.js';
import type { SimKpis } from '../../playground/src/components/sim-kpis.js';
import type { Summary } from '../../engine/index.js';
import type { CompareResult } from '../../engine/compare.js';
import { SALESIM } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
function salesim(...args: string[]): string {
  const r = spawnSync(process.execPath, [...SALESIM, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('ROI: the CLI and the playground agree', () => {
  it('run: the ROI on the cost card is the CLI run ROI', async () => {
    const args = ['run', 'baseline', '--trials', '300', '--seed', '5', '--workers', '1'];
    const cli = /ROI (-?[\d.]+%) \(mean margin \/ mean cost\)/.exec(salesim(...args))?.[1];
    expect(cli).toMatch(/%$/);
    const summary = JSON.parse(salesim(...args, '--json')) as Summary;
    const el = document.createElement('sim-kpis') as SimKpis;
    el.summary = summary;
    document.body.append(el);
    await el.updateComplete;
    const shown = el.shadowRoot!.querySelector('[data-testid=kpi-roi]')!;
    expect(shown.textContent!.trim()).toBe(`ROI ${cli}`);
    expect(shown.getAttribute('data-value')).toBe(String(summary.roiOfMeans));
    // the named statistic: mean margin / mean cost
    expect(summary.roiOfMeans).toBeCloseTo(summary.margin.mean / summary.cost.total.mean, 9);
  });

  it('compare: the incremental ROI in the compare table is the CLI compare figure', () => {
    const args = ['compare', 'baseline', 'hiring-vs-enablement.hire', '--trials', '200', '--seed', '3', '--workers', '1'];
    const cli = /incremental ROI\s+(-?[\d.]+%) on the extra/.exec(salesim(...args))?.[1];
    expect(cli).toMatch(/%$/);
    const result = JSON.parse(salesim(...args, '--json')) as CompareResult;
    const v = result.variants[0];
    expect(incrementalRoi(v)).toBe(cli);
    expect(v.incrementalRoi).toBeCloseTo((v.difference.total.mean - v.difference.cost.mean) / v.difference.cost.mean, 9);
  });
});
