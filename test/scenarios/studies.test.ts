import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseStudy } from '../../engine/study.js';
import { compare } from '../../engine/compare.js';

const dir = resolve(import.meta.dirname, '../../scenarios');
const studies = readdirSync(dir).filter((f) => f.endsWith('.study.yaml'));
const load = (f: string) => parseStudy(readFileSync(join(dir, f), 'utf8'), (ref) => readFileSync(resolve(dir, ref), 'utf8'));

describe('preset studies', () => {
  it('there is at least the hiring-vs-enablement study', () => {
    expect(studies).toContain('hiring-vs-enablement.study.yaml');
  });

  it.each(studies)('%s parses, starts with a header comment and runs on common random numbers', (f) => {
    expect(readFileSync(join(dir, f), 'utf8').startsWith('#')).toBe(true);
    const study = load(f);
    const r = compare(study.baseline, study.variants, { trials: 150, seed: study.seed ?? 1 });
    expect(r.variants).toHaveLength(study.variants.length);
    for (const v of r.variants) {
      // CRN never makes the difference noisier than independent runs would on these designs
      if (v.varianceReduction !== null) expect(v.varianceReduction).toBeGreaterThan(1);
      expect(v.summary.plan?.target ?? null).toBe(r.baseline.plan?.target ?? null);
    }
  });

  it('hiring-vs-enablement spends the same budget on both designs (within 5%)', () => {
    const study = load('hiring-vs-enablement.study.yaml');
    const r = compare(study.baseline, study.variants, { trials: 200, seed: 1 });
    const [hire, enable] = r.variants.map((v) => v.difference.cost.mean);
    expect(hire).toBeGreaterThan(0);
    expect(Math.abs(enable - hire) / hire).toBeLessThan(0.05);
  });
});
