import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseScenario, runTrials } from '../../engine/index.js';
import { rowMajorColumns, SCALAR_KEYS, SUMMED_KEYS, WIDE_KEYS, type TrialColumns } from '../../engine/columns.js';
import { summarizeColumns } from '../../engine/summarize.js';

const baseline = parseScenario(readFileSync(new URL('../../scenarios/baseline.yaml', import.meta.url), 'utf8'));

describe('rowMajorColumns', () => {
  const r = runTrials({ ...baseline, horizonMonths: 20 }, 2, 0, 37);
  const cols = rowMajorColumns(r);

  it('serves every column of a row-major array in trial order, in any order of requests', () => {
    const H = r.months;
    for (const m of [0, 7, 8, 19, 3, 12, 19, 0]) {
      const col = Array.from(cols.column('revenue', m));
      expect(col).toEqual(Array.from({ length: r.trials }, (_, t) => r.revenue[t * H + m]));
    }
    const k = 3;
    expect(Array.from(cols.column('costItems', k))).toEqual(Array.from({ length: r.trials }, (_, t) => r.costItems[t * (r.costItems.length / r.trials) + k]));
    expect(cols.scalar('hires')).toBe(r.hires);
  });

  it('sums a column in trial order, all values and those that are not NaN', () => {
    const lorenz = Float64Array.from(r.lorenz);
    lorenz[5] = NaN;
    const c = rowMajorColumns({ ...r, lorenz });
    const width = lorenz.length / r.trials;
    let all = 0,
      notNaN = 0,
      count = 0;
    for (let t = 0; t < r.trials; t++) {
      const v = lorenz[t * width + 5];
      all += v;
      if (v === v) {
        notNaN += v;
        count++;
      }
    }
    expect(c.sum('lorenz', 5)).toEqual({ all, notNaN, count });
    expect(Number.isNaN(all)).toBe(true);
  });
});

describe('the columns the Summary reads', () => {
  it('every column declared as read (wide, scalar or summed) is read by the Summary of some preset or of the full model with every block', () => {
    const root = new URL('../../', import.meta.url);
    const yaml = (f: string) => parseYaml(readFileSync(new URL(f, root), 'utf8'));
    const presets = readdirSync(new URL('scenarios/', root))
      .filter((f) => f.endsWith('.yaml') && !f.endsWith('.study.yaml'))
      .map((f) => parseScenario(yaml(`scenarios/${f}`)));
    const blocks = {
      drift: { winRate: { change: -0.2, overMonths: 24, walkSd: 0.02 } },
      compensation: { ote: 180000, accelerators: [{ above: 1, rate: 1.5 }], cap: 2.5 },
      retention: { raise: { amount: 0.1 } },
      managers: { span: 8 },
      scaling: {},
      sellingTime: { hoursPerMonth: 70, hoursPerOpportunity: 10, hoursPerPaddedOpportunity: 2, hoursPerOpenOpportunityPerMonth: 3 },
      coverageResponse: { prospectShare: 0.5 },
    };
    const read = new Set<string>();
    for (const s of [...presets, parseScenario({ ...yaml('bench/full-model.yaml'), ...blocks })]) {
      const src = rowMajorColumns(runTrials(s, 1, 0, 8, 8));
      const recording: TrialColumns = {
        ...src,
        attainments: src.attainments,
        column: (key, k) => (read.add(key), src.column(key, k)),
        scalar: (key) => (read.add(key), src.scalar(key)),
        sum: (key, k) => (read.add(key), src.sum(key, k)),
      };
      summarizeColumns(s, recording);
    }
    // a declared key nobody reads would be kept by the streamed Summary for nothing (8 bytes a trial-month)
    expect([...WIDE_KEYS, ...SCALAR_KEYS, ...SUMMED_KEYS].filter((k) => !read.has(k))).toEqual([]);
  });
});
