import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario, runTrials } from '../../engine/index.js';
import { rowMajorColumns } from '../../engine/columns.js';

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
