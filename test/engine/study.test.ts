import { describe, expect, it } from 'vitest';
import { errorsOf } from '../helpers/errors.js';
import { isStudy, parseCompareRequest, parseStudy } from '../../engine/study.js';

const base = {
  name: 'base',
  horizonMonths: 12,
  reps: { seats: 10, opportunitiesPerMonth: 4, winRate: { mean: 0.25, concentration: 8 }, dealSize: { median: 25000, sigma: 0.8 } },
  attrition: { annualRate: 0.3 },
};


describe('study files', () => {
  const study = {
    name: 'lever',
    compare: {
      baseline: base,
      variants: [
        { name: 'better', patch: { reps: { winRate: { mean: 0.26 } } } },
        { name: 'file', scenario: 'other.yaml' },
        { name: 'file patched', scenario: 'other.yaml', patch: { reps: { seats: 14 } } },
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
    expect(s.variants.map((v) => v.name)).toEqual(['better', 'file', 'file patched']);
    expect(s.variants[0].scenario.reps.winRate).toEqual({ mean: 0.26, concentration: 8 });
    expect(s.variants[1].scenario.reps.seats).toBe(12);
    // a patch next to a scenario applies to that scenario, not to the baseline
    expect(s.variants[2].scenario.name).toBe('other');
    expect(s.variants[2].scenario.reps.seats).toBe(14);
    expect(s.variants[2].scenario.reps.winRate).toBe(0.3);
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

describe('comparison requests (the HTTP body)', () => {
  it('takes the compare block at the root and reports paths from there', () => {
    const ok = parseCompareRequest({ baseline: base, variants: [{ name: 'a', patch: { reps: { seats: 12 } } }], trials: 50, seed: 2 });
    expect(ok.variants[0].scenario.reps.seats).toBe(12);
    expect([ok.trials, ok.seed]).toEqual([50, 2]);
    const errs = errorsOf(() => parseCompareRequest({ baseline: base, variants: [{ name: 'a', patch: {} }, { name: 'b', patch: { reps: { winRat: 0.3 } } }] }));
    expect(errs).toEqual([expect.objectContaining({ path: 'variants[1].patch.reps.winRat', rule: 'is not a known field' })]);
    expect(errorsOf(() => parseCompareRequest({ baseline: base, variants: [], extra: 1 })).map((e) => e.path).sort()).toEqual(['extra', 'variants']);
    expect(errorsOf(() => parseCompareRequest('nope'))[0].path).toBeNull();
  });

  it('a file reference without a reader is a clear error, not a crash', () => {
    expect(errorsOf(() => parseCompareRequest({ baseline: 'base.yaml', variants: [{ name: 'a', patch: {} }] }))[0]).toMatchObject({ path: 'baseline' });
  });

  it('isStudy tells studies from scenarios', () => {
    expect(isStudy({ compare: {} })).toBe(true);
    expect(isStudy(base)).toBe(false);
    expect(isStudy(null)).toBe(false);
  });
});
