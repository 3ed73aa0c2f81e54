import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseStudy } from '../../engine/study.js';
import { compare } from '../../engine/compare.js';

const dir = resolve(import.meta.dirname, '../../scenarios');
const studies = readdirSync(dir).filter((f) => f.endsWith('.study.yaml'));
const load = (f: string) => parseStudy(readFileSync(join(dir, f), 'utf8'), (ref) => readFileSync(resolve(dir, ref), 'utf8'));

describe('preset studies', () => {
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

  it('every preset that compares designs has a study', () => {
    for (const id of ['hiring-vs-enablement', 'coverage-policy', 'pareto-numerator', 'leadership-churn', 'reps-or-customer-success', 'reps-marketing-nurture']) expect(studies).toContain(`${id}.study.yaml`);
  });

  it('hiring-vs-enablement: both designs spend the same budget (within 2% of total cost)', () => {
    const study = load('hiring-vs-enablement.study.yaml');
    const r = compare(study.baseline, study.variants.slice(0, 1), { trials: 200, seed: 1 });
    expect(Math.abs(r.variants[0].difference.cost.mean) / r.baseline.cost.total.mean).toBeLessThan(0.02);
  });

  it('reps-or-customer-success: the 5 AEs and the programme spend the same budget (within 2% of total cost)', () => {
    const study = load('reps-or-customer-success.study.yaml');
    const r = compare(study.baseline, study.variants.slice(0, 2), { trials: 150, seed: 1 });
    expect(Math.abs(r.variants[0].difference.cost.mean - r.variants[1].difference.cost.mean) / r.baseline.cost.total.mean).toBeLessThan(0.02);
  });

  it('reps-marketing-nurture: the 3 AEs, the marketing spend and the nurture programme spend the same budget (within 2% of total cost)', () => {
    const study = load('reps-marketing-nurture.study.yaml');
    const r = compare(study.baseline, study.variants, { trials: 150, seed: 1 });
    const ae = r.variants[0].difference.cost.mean;
    for (const v of r.variants.slice(1)) expect(Math.abs(v.difference.cost.mean - ae) / r.baseline.cost.total.mean).toBeLessThan(0.02);
    // the presets the playground compares are the baseline with one change each
    const same = (a: object, b: object) => expect({ ...a, name: '' }).toEqual({ ...b, name: '' });
    const [hire, , sdr, nurture] = study.variants.map((v) => v.scenario);
    same(hire, { ...study.baseline, hiring: { ...study.baseline.hiring!, plan: [{ month: 1, seats: 3 }] } });
    same(sdr, { ...study.baseline, demand: { ...study.baseline.demand!, budgetPerMonth: 53700, sdr: { ...study.baseline.demand!.sdr!, count: 5 } } });
    same(nurture, { ...study.baseline, demand: { ...study.baseline.demand!, nurture: { monthlyConversion: 0.02, monthlyExit: 0.08, costPerMonth: 35700, costPerLeadPerMonth: 0 } } });
    // the baseline's funnel: 1 lead in 10 qualifies, a month after it is worked (500 leads a month)
    const q = r.baseline.demand!.qualified.total;
    expect(Math.abs(q.mean - 500 * 0.1 * 23)).toBeLessThan(4 * (q.sd / Math.sqrt(r.trials)));
  });

  it('pareto-numerator: lifting the 80% by f adds 3f times the baseline revenue (1 + 3f), within 4 SE', () => {
    const study = load('pareto-numerator.study.yaml');
    const r = compare(study.baseline, study.variants, { trials: 300, seed: 2 });
    const base = r.baseline.revenue.total;
    const seBase = base.sd / Math.sqrt(r.trials);
    for (const [v, f] of r.variants.map((v, i) => [v, [0.25, 0.5, 1][i]] as const)) {
      expect(Math.abs(v.difference.total.mean - 3 * f * base.mean)).toBeLessThan(4 * (v.difference.stdError.total + 3 * f * seBase));
    }
  });
});
