import { describe, expect, it } from 'vitest';
import { calibrateCustomers } from '../../../engine/index.js';
import { createStreams, nextU, seedStream } from '../../../engine/random/streams.js';

const month = (i: number) => `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;

/** An export of customers won uniformly over 60 months, churning at monthly hazard q, renewing yearly with ARR x (1 + e). */
function exportText(n: number, q: number, e: number, seed: number): string {
  const S = createStreams(1);
  seedStream(S, 0, seed, 7, 1);
  const asOf = 72;
  const rows = ['customer,start,end,arr'];
  for (let c = 0; c < n; c++) {
    const start = Math.floor(nextU(S, 0) * 60);
    // months at risk until churn, geometric(q) >= 1
    const life = Math.max(1, Math.ceil(Math.log(nextU(S, 0)) / Math.log(1 - q)));
    const end = start + life;
    let arr = 10000;
    for (let p = start; p < Math.min(end, asOf); p += 12) {
      const pEnd = Math.min(p + 12, end);
      const endText = pEnd >= asOf ? '' : pEnd === end ? month(end) : month(pEnd);
      rows.push(`C${c},${month(p)},${endText},${arr.toFixed(2)}`);
      arr *= 1 + e;
    }
  }
  return rows.join('\n') + '\n';
}

describe('customer calibration', () => {
  it('recovers annual churn within 4 SE and expansion from renewals', () => {
    const q = 1 - Math.pow(1 - 0.15, 1 / 12);
    const r = calibrateCustomers(exportText(3000, q, 0.1, 3), { asOf: '2021-01' });
    expect(Math.abs(r.customers.annualChurn - 0.15)).toBeLessThan(4 * r.report.annualChurnStdError);
    expect(r.customers.annualExpansion!).toBeCloseTo(0.1, 6);
    expect(r.report.customers).toBe(3000);
  });
  it('warns when expansion cannot be estimated or nobody churned; names bad rows', () => {
    const r = calibrateCustomers('customer,start,end,arr\nA,2024-01-01,,1000\nB,2024-03-01,,$2,000\n', { asOf: '2025-01' });
    expect(r.customers).toEqual({ annualChurn: 0, annualExpansion: null });
    expect(r.report.warnings).toHaveLength(2);
    expect(() => calibrateCustomers('customer,start,end,arr\nA,soon,,1000\n')).toThrow(/row 2.start/);
    expect(() => calibrateCustomers('customer,begin,arr\n')).toThrow(/customers.start/);
  });
});
