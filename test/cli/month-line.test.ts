import { describe, expect, it } from 'vitest';
import { monthLine } from '../../cli/commands/compare.js';

const m = { p10: 10, p50: 35, p90: 40 };
describe('monthLine', () => {
  it('leads with "never in N of M trials" when most trials never pay back, not a P50 of the few that do', () => {
    expect(monthLine(m, 1999 / 2000, 2000, 'paid back')).toBe('never in 1999 of 2000 trials (not paid back by the horizon); in the 1 that get there: P50 35 (P10 10, P90 40)');
    expect(monthLine(null, 1, 2000, 'paid back')).toBe('never in 2000 of 2000 trials (not paid back by the horizon)');
    expect(monthLine(m, 0.5, 2000, 'ahead')).toMatch(/^never in 1000 of 2000/);
  });
  it('leads with the P50 when most trials get there', () => {
    expect(monthLine(m, 0.1, 2000, 'ahead')).toBe('P50 35 (P10 10, P90 40); never ahead by the horizon in 200 of 2000 trials (10.0%)');
  });
});
