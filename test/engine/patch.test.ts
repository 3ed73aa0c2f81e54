import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyScenarioPatch, checkPatch, mergePatch } from '../../engine/patch.js';
import { InputError } from '../../engine/errors.js';
import { parseStudy } from '../../engine/study.js';

const base = {
  name: 'base',
  horizonMonths: 12,
  reps: { seats: 10, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 25000, sigma: 0.8 } },
  attrition: { annualRate: 0.3 },
};

function errorsOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).errors;
  }
  throw new Error('expected an InputError');
}

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

  it('a patch that is not a mapping is refused', () => {
    expect(errorsOf(() => applyScenarioPatch(base, [1], 'p'))[0].path).toBe('p');
  });
});

describe('study files', () => {
  const study = {
    name: 'lever',
    compare: {
      baseline: base,
      variants: [
        { name: 'better', patch: { reps: { winRate: { mean: 0.26 } } } },
        { name: 'file', scenario: 'other.yaml' },
      ],
    },
  };
  const files: Record<string, string> = {
    'other.yaml': 'name: other\nreps: { seats: 12, opportunitiesPerMonth: 4, winRate: 0.3, dealSize: 20000 }\n',
    'base.yaml': 'name: from file\nreps:\n  seats: 5\n  opportunitiesPerMonth: 4\n  winRate: 0.2\n  dealSize: 1000\n',
    'broken.yaml': 'reps: [1,\n',
  };
  const read = (p: string) => {
    if (!(p in files)) throw new Error('no such file');
    return files[p];
  };

  it('parses inline and file scenarios and patches', () => {
    const s = parseStudy(study, read);
    expect(s.name).toBe('lever');
    expect(s.baseline.name).toBe('base');
    expect(s.variants.map((v) => v.name)).toEqual(['better', 'file']);
    expect(s.variants[0].scenario.reps.winRate).toEqual({ mean: 0.26, concentration: 8 });
    expect(s.variants[1].scenario.reps.seats).toBe(12);
  });

  it('patches a baseline read from a file, from YAML text', () => {
    const s = parseStudy('trials: 100\nseed: 3\ncompare:\n  baseline: base.yaml\n  variants:\n    - { name: more, patch: { reps: { seats: 7 } } }\n', read);
    expect(s.baselineSource).toBe('base.yaml');
    expect(s.trials).toBe(100);
    expect(s.seed).toBe(3);
    expect(s.variants[0].scenario.reps.seats).toBe(7);
    expect(s.variants[0].scenario.name).toBe('from file');
  });

  it('unknown fields in a variant patch fail with the full path', () => {
    const bad = { compare: { baseline: base, variants: [{ name: 'a', patch: {} }, { name: 'b', patch: { reps: { winRat: 0.3 } } }] } };
    expect(errorsOf(() => parseStudy(bad)).map((e) => e.path)).toEqual(['compare.variants[1].patch.reps.winRat']);
  });

  it('collects every problem: bad values, duplicate names, seed in a patch, horizon mismatch, missing file', () => {
    const bad = {
      compare: {
        baseline: base,
        variants: [
          { name: 'a', patch: { reps: { cycleMonths: 0 } } },
          { name: 'a', patch: { seed: 4 } },
          { name: 'c', patch: { horizonMonths: 24 } },
          { name: 'd', scenario: 'missing.yaml' },
          { name: 'e' },
        ],
      },
    };
    const paths = errorsOf(() => parseStudy(bad, read)).map((e) => e.path);
    expect(paths).toEqual([
      'compare.variants[0].patch.reps.cycleMonths',
      'compare.variants[1].name',
      'compare.variants[1].patch.seed',
      'compare.variants[2].patch.horizonMonths',
      'compare.variants[3].scenario',
      'compare.variants[4]',
    ]);
  });

  it('errors inside the baseline carry the baseline path; YAML errors name the file', () => {
    expect(errorsOf(() => parseStudy({ compare: { baseline: { reps: { seats: 1 } }, variants: [{ name: 'a', patch: {} }] } })).map((e) => e.path)).toEqual([
      'compare.baseline.reps.opportunitiesPerMonth',
      'compare.baseline.reps.winRate',
      'compare.baseline.reps.dealSize',
    ]);
    const yamlErr = errorsOf(() => parseStudy({ compare: { baseline: 'broken.yaml', variants: [{ name: 'a', patch: {} }] } }, read))[0];
    expect(yamlErr.line).toBeGreaterThan(0);
    expect(yamlErr.rule).toMatch(/^in broken\.yaml: /);
  });

  it('the study envelope itself is strict', () => {
    expect(errorsOf(() => parseStudy({ compare: { baseline: base, variants: [] }, trails: 3 })).map((e) => e.path).sort()).toEqual(['compare.variants', 'trails']);
  });
});
