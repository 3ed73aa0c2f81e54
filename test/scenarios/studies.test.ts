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

  it('a study whose note says what its answer depends on gives the --assumptions command, and every study docs/studies.md analyses has such a note', () => {
    const header = (f: string) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.startsWith('#')).join('\n');
    const noted = studies.filter((f) => /What the answer depends on/.test(header(f)));
    for (const f of noted) expect(header(f), f).toMatch(new RegExp(`salesim compare ${f.replace('.study.yaml', '').replace('.', '\\.')} --assumptions`));
    const docs = readFileSync(resolve(dir, '../docs/studies.md'), 'utf8');
    const analysed = [...docs.matchAll(/^salesim compare ([\w.-]+) --assumptions/gm)].map((m) => `${m[1]}.study.yaml`);
    expect(analysed.length).toBeGreaterThan(4);
    for (const f of analysed) expect(noted, f).toContain(f);
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
    const r = compare(study.baseline, study.variants, { trials: 150, seed: 2 }); // the tolerance is 4 SE at whatever trial count
    const base = r.baseline.revenue.total;
    const seBase = base.sd / Math.sqrt(r.trials);
    for (const [v, f] of r.variants.map((v, i) => [v, [0.25, 0.5, 1][i]] as const)) {
      expect(Math.abs(v.difference.total.mean - 3 * f * base.mean)).toBeLessThan(4 * (v.difference.stdError.total + 3 * f * seBase));
    }
  });

  it('buyers-change: the win-rate trend costs sum over months of (factor - 1) x the baseline month (closed form of the trend), within 4 SE', async () => {
    const { compileDrift, expectedRevenueFactor } = await import('../../engine/mechanisms/drift/drift.js');
    const study = load('buyers-change.study.yaml');
    const r = compare(study.baseline, study.variants.slice(0, 1), { trials: 150, seed: 1 }); // 4 SE at whatever trial count
    const d = compileDrift(study.variants[0].scenario)!;
    let expected = 0,
      se = 0;
    r.baseline.revenue.monthly.forEach((x, i) => {
      const f = expectedRevenueFactor(d, study.baseline.reps.noDecisionRate, i + 1) - 1;
      expected += f * x.mean;
      se += Math.abs(f) * (x.sd / Math.sqrt(r.trials));
    });
    const v = r.variants[0];
    expect(expected).toBeLessThan(0);
    expect(Math.abs(v.difference.total.mean - expected)).toBeLessThan(4 * (v.difference.stdError.total + se));
  });

  it('comp-cap: a cap lowers pay and never lowers top-20% exits; retention-raise: the raise costs money and keeps top reps', () => {
    const cap = load('comp-cap.study.yaml');
    const rc = compare(cap.baseline, cap.variants, { trials: 150, seed: 1 });
    for (const v of rc.variants) {
      expect(v.difference.cost.mean).toBeLessThan(0);
      expect(v.summary.retention!.top20.exits.mean).toBeGreaterThanOrEqual(rc.baseline.retention!.top20.exits.mean);
      expect(v.summary.compensation!.shareAtCap!.mean).toBeGreaterThan(0);
    }
    const raise = load('retention-raise.study.yaml');
    const rr = compare(raise.baseline, raise.variants, { trials: 150, seed: 1 });
    for (const v of rr.variants) {
      expect(v.summary.retention!.raiseCost.mean).toBeGreaterThan(0);
      expect(v.summary.retention!.top20.exits.mean).toBeLessThan(rr.baseline.retention!.top20.exits.mean);
    }
  });

  it('coverage-response: reps who prospect first pad less than reps who only pad; manager-span: a narrower span costs more managers', () => {
    const cov = load('coverage-response.study.yaml');
    const rc = compare(cov.baseline, cov.variants.slice(0, 2), { trials: 150, seed: 1 });
    for (const v of rc.variants) {
      expect(v.summary.coverage!.paddedShare.mean).toBeLessThan(rc.baseline.coverage!.paddedShare.mean);
      expect(v.summary.coverageResponse!.opportunities.mean).toBeGreaterThan(0);
    }
    const span = load('manager-span.study.yaml');
    const rs = compare(span.baseline, span.variants, { trials: 100, seed: 1 });
    const mgr = (x: typeof rs.baseline) => x.cost.breakdown.managers!.mean;
    expect(mgr(rs.variants[0].summary)).toBeGreaterThan(mgr(rs.baseline));
    expect(mgr(rs.variants[1].summary)).toBeLessThan(mgr(rs.baseline));
  });
});
