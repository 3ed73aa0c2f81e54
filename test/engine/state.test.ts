import { describe, expect, it } from 'vitest';
import { createState, growPersons, CLOSED } from '../../engine/state.js';
import { compile } from '../../engine/compile.js';
import { newPerson } from '../../engine/kernel/holder.js';
import { scenario } from '../helpers/scenarios.js';

describe('state', () => {
  it('sizes every per-seat, per-programme and per-month array from the compiled scenario', () => {
    const c = compile(scenario({ horizonMonths: 30, hiring: { plan: [{ month: 4, seats: 3 }] }, enablement: [{ startMonth: 2 }, { startMonth: 5 }] }, { seats: 7 }));
    const st = createState(c);
    expect([st.N, st.P, st.Y, st.T]).toEqual([10, 2, 3, 1]);
    expect(st.openReg.length).toBe(10);
    expect(st.enrolled.length).toBe(20);
    expect(st.cumRev.length).toBe(31);
    expect(Array.from(st.status).every((x) => x === CLOSED)).toBe(true);
    expect(st.pCap).toBeGreaterThanOrEqual(20);
  });
  it('grows the person arrays by doubling and keeps what they held', () => {
    const c = compile(scenario({ horizonMonths: 24 }, { seats: 2 }));
    const st = createState(c);
    const cap = st.pCap;
    for (let p = 0; p < cap + 3; p++) {
      newPerson(st, p / 100);
      st.pYearRev[p * st.Y + 1] = p;
    }
    expect(st.pCap).toBe(2 * cap);
    expect(st.nP).toBe(cap + 3);
    for (let p = 0; p < cap + 3; p++) {
      expect(st.pBase[p]).toBe(p / 100);
      expect(st.pYearRev[p * st.Y + 1]).toBe(p);
    }
    expect(st.idxBuf.length).toBeGreaterThanOrEqual(st.pCap);
    growPersons(st);
    expect(st.pCap).toBe(4 * cap);
    expect(st.pBase[cap + 2]).toBe((cap + 2) / 100);
  });
});
