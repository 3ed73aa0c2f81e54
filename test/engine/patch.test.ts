import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyScenarioPatch, checkPatch, mergePatch } from '../../engine/patch.js';
import { errorsOf } from '../helpers/errors.js';

const base = {
  name: 'base',
  horizonMonths: 12,
  reps: { seats: 10, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 25000, sigma: 0.8 } },
  attrition: { annualRate: 0.3 },
};


describe('mergePatch (RFC 7396)', () => {
  // the examples of RFC 7396 appendix A
  const cases: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  it.each(cases)('%j + %j', (target, patch, expected) => {
    expect(mergePatch(target, patch)).toEqual(expected);
  });

  it('never mutates its inputs, and an empty patch is the identity', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 3 })),
    })).value;
    fc.assert(
      fc.property(json, json, (t, p) => {
        const tc = JSON.stringify(t),
          pc = JSON.stringify(p);
        mergePatch(t, p);
        expect(JSON.stringify(t)).toBe(tc);
        expect(JSON.stringify(p)).toBe(pc);
        if (t !== null && typeof t === 'object' && !Array.isArray(t)) expect(mergePatch(t, {})).toEqual(t);
      }),
    );
  });
});

describe('scenario patches', () => {
  it('changes one field and keeps the rest', () => {
    const s = applyScenarioPatch(base, { reps: { winRate: { mean: 0.26 } } });
    expect(s.reps.winRate).toEqual({ mean: 0.26, concentration: 8 });
    expect(s.reps.seats).toBe(10);
    expect(s.attrition?.annualRate).toBe(0.3);
  });

  it('null removes an optional block', () => {
    expect(applyScenarioPatch(base, { attrition: null }).attrition).toBeNull();
  });

  it('a field that does not exist fails with its path', () => {
    const errs = errorsOf(() => applyScenarioPatch(base, { reps: { winRat: 0.3 } }, 'variants[1].patch'));
    expect(errs).toEqual([expect.objectContaining({ path: 'variants[1].patch.reps.winRat', rule: 'is not a known field' })]);
  });

  it('reports every unknown field, nested and at the top, even when deleting', () => {
    const errs = checkPatch({ rep: { seats: 1 }, hiring: { ramp: { monts: 3 } }, attrition: { anualRate: null } }, 'variants[0].patch');
    expect(errs.map((e) => e.path).sort()).toEqual(['variants[0].patch.attrition.anualRate', 'variants[0].patch.hiring.ramp.monts', 'variants[0].patch.rep']);
  });

  it('fields of a union branch are known (winRate tiers, dealSize median)', () => {
    expect(checkPatch({ reps: { dealSize: { median: 1 }, winRate: { tiers: [] } } })).toEqual([]);
    expect(checkPatch({ enablement: [{ name: 'x', gapClosd: 0.3 }] })).toEqual([]); // arrays are replaced: parseScenario checks them
  });

  it('validates the patched scenario and prefixes its error paths', () => {
    const errs = errorsOf(() => applyScenarioPatch(base, { reps: { winRate: { mean: 1.5 } }, enablement: [{ gapClosd: 0.3 }] }, 'variants[1].patch'));
    expect(errs.map((e) => e.path).sort()).toEqual(['variants[1].patch.enablement[0].gapClosd', 'variants[1].patch.reps.winRate.mean']);
  });

  it('unknown fields and bad values are reported together, each once', () => {
    const errs = errorsOf(() => applyScenarioPatch(base, { reps: { winRate: { mean: 2 } }, hiring: { ramp: { monts: 3 } }, attrition: { anualRate: null } }, 'v'));
    expect(errs.map((e) => e.path)).toEqual(['v.hiring.ramp.monts', 'v.attrition.anualRate', 'v.reps.winRate.mean']);
  });

  it('a patch that is not a mapping is refused', () => {
    expect(errorsOf(() => applyScenarioPatch(base, [1], 'p'))[0].path).toBe('p');
  });
});
