/**
 * Input distributions of uncertain scenario parameters (drawn once per trial): their schema, quantile
 * (inverse CDF, so Latin hypercube strata and rank reordering act on uniforms) and CDF.
 *
 * - `{ uniform: [lo, hi] }`, `{ triangular: [lo, mode, hi] }`, `{ pert: [lo, mode, hi] }` (Beta-PERT,
 *   shape 4: a = 1 + 4 (mode - lo) / (hi - lo), b = 1 + 4 (hi - mode) / (hi - lo)),
 * - `{ normal: { mean, sd } }`, `{ lognormal: { median, sigma } }`,
 * - `{ beta: { mean, concentration } }` (a = mean x concentration, b = (1 - mean) x concentration).
 */
import { z } from 'zod';
import { normalQuantile } from '../random/normal.js';
import { regularizedBeta } from '../stats/special.js';
import { normalCdf } from './normalCdf.js';
import { betaQuantile } from './betaQuantile.js';

const fin = () => z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');
const three = (name: string) =>
  z
    .tuple([fin(), fin(), fin()], { error: `must be [lo, mode, hi]` })
    .refine(([lo, m, hi]) => lo < hi && lo <= m && m <= hi, `${name} needs lo <= mode <= hi and lo < hi`);

/** The six input distributions, each an object with one key naming it. */
export const DistributionSchema = z.union(
  [
    z.strictObject({ uniform: z.tuple([fin(), fin()], { error: 'must be [lo, hi]' }).refine(([lo, hi]) => lo < hi, 'needs lo < hi') }),
    z.strictObject({ triangular: three('triangular') }),
    z.strictObject({ pert: three('pert') }),
    z.strictObject({ normal: z.strictObject({ mean: fin(), sd: fin().refine((v) => v > 0, 'must be > 0') }) }),
    z.strictObject({ lognormal: z.strictObject({ median: fin().refine((v) => v > 0, 'must be > 0'), sigma: fin().refine((v) => v > 0, 'must be > 0') }) }),
    z.strictObject({
      beta: z.strictObject({
        mean: fin().refine((v) => v > 0 && v < 1, 'must be between 0 and 1 (exclusive)'),
        concentration: fin().refine((v) => v > 0, 'must be > 0'),
      }),
    }),
  ],
  { error: 'must be { uniform: [lo, hi] }, { triangular: [lo, mode, hi] }, { pert: [lo, mode, hi] }, { normal: { mean, sd } }, { lognormal: { median, sigma } } or { beta: { mean, concentration } }' },
);
export type Distribution = z.output<typeof DistributionSchema>;

/** The names a distribution object may have (an object with exactly one of these keys is a distribution). */
export const DISTRIBUTION_KINDS = ['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'beta'] as const;

/**
 * Whether a raw value has the shape of a distribution (one key, a distribution's name).
 * @example isDistributionLike({ uniform: [0.2, 0.3] }) // true
 */
export function isDistributionLike(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (DISTRIBUTION_KINDS as readonly string[]).includes(keys[0]);
}

function pertShape(lo: number, m: number, hi: number): [number, number] {
  return [1 + (4 * (m - lo)) / (hi - lo), 1 + (4 * (hi - m)) / (hi - lo)];
}

/**
 * The support [lo, hi] of a distribution (infinite for the normal, [0, Infinity) for the lognormal).
 * @example distributionSupport({ pert: [1, 2, 5] }) // [1, 5]
 */
export function distributionSupport(d: Distribution): [number, number] {
  if ('uniform' in d) return [d.uniform[0], d.uniform[1]];
  if ('triangular' in d) return [d.triangular[0], d.triangular[2]];
  if ('pert' in d) return [d.pert[0], d.pert[2]];
  if ('normal' in d) return [-Infinity, Infinity];
  if ('lognormal' in d) return [0, Infinity];
  return [0, 1];
}

/**
 * The quantile (inverse CDF) at p in [0, 1].
 * @example distributionQuantile({ triangular: [0, 1, 2] }, 0.5) // 1
 */
export function distributionQuantile(d: Distribution, p: number): number {
  if ('uniform' in d) return d.uniform[0] + p * (d.uniform[1] - d.uniform[0]);
  if ('triangular' in d) {
    const [lo, m, hi] = d.triangular;
    const c = (m - lo) / (hi - lo);
    return p < c ? lo + Math.sqrt(p * (hi - lo) * (m - lo)) : hi - Math.sqrt((1 - p) * (hi - lo) * (hi - m));
  }
  if ('pert' in d) {
    const [lo, m, hi] = d.pert;
    const [a, b] = pertShape(lo, m, hi);
    return lo + (hi - lo) * betaQuantile(p, a, b);
  }
  if ('normal' in d) return d.normal.mean + d.normal.sd * normalQuantile(p);
  if ('lognormal' in d) return d.lognormal.median * Math.exp(d.lognormal.sigma * normalQuantile(p));
  const { mean, concentration } = d.beta;
  return betaQuantile(p, mean * concentration, (1 - mean) * concentration);
}

/**
 * The CDF P(X <= x).
 * @example distributionCdf({ uniform: [0, 4] }, 1) // 0.25
 */
export function distributionCdf(d: Distribution, x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  if ('uniform' in d) return Math.min(1, Math.max(0, (x - d.uniform[0]) / (d.uniform[1] - d.uniform[0])));
  if ('triangular' in d) {
    const [lo, m, hi] = d.triangular;
    if (x <= lo) return 0;
    if (x >= hi) return 1;
    return x <= m ? ((x - lo) * (x - lo)) / ((hi - lo) * (m - lo)) : 1 - ((hi - x) * (hi - x)) / ((hi - lo) * (hi - m));
  }
  if ('pert' in d) {
    const [lo, m, hi] = d.pert;
    const [a, b] = pertShape(lo, m, hi);
    return regularizedBeta((x - lo) / (hi - lo), a, b);
  }
  if ('normal' in d) return normalCdf((x - d.normal.mean) / d.normal.sd);
  if ('lognormal' in d) return x <= 0 ? 0 : normalCdf(Math.log(x / d.lognormal.median) / d.lognormal.sigma);
  const { mean, concentration } = d.beta;
  return regularizedBeta(x, mean * concentration, (1 - mean) * concentration);
}
