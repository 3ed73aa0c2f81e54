import { describe, expect, it } from 'vitest';
import {
  createStreams,
  seedStream,
  nextU,
  normal,
  normalQuantile,
  lognormal,
  gamma,
  betaMeanConcentration,
  poisson,
  binomial,
  binomialInverse,
  poissonInverse,
  logFactorial,
} from '../../../engine/random/index.js';
import { expectMoments, ksCritical, ksStatistic } from '../../helpers/stat.js';

const N = 40_000;
function draws(f: (S: Int32Array) => number, seed = 7, n = N): Float64Array {
  const S = createStreams(1);
  seedStream(S, 0, seed, 99, 3);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(S);
  return out;
}

// standard normal CDF via erf (Abramowitz-Stegun 7.1.26 is too coarse for KS at n = 40k; use a series)
function erf(x: number): number {
  // W. J. Cody's rational approximation via complementary error function continued fraction is long;
  // a high-precision series/continued fraction is enough here.
  const t = Math.abs(x);
  if (t < 2.5) {
    let sum = t,
      term = t;
    for (let k = 1; k < 200; k++) {
      term *= (-t * t) / k;
      const add = term / (2 * k + 1);
      sum += add;
      if (Math.abs(add) < 1e-17) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  // continued fraction for erfc
  let f = 0;
  for (let k = 60; k >= 1; k--) f = k / 2 / (t + f);
  const erfc = Math.exp(-t * t) / Math.sqrt(Math.PI) / (t + f);
  return Math.sign(x) * (1 - erfc);
}
const Phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));

/** Regularised lower incomplete gamma P(a, x) by series / continued fraction (Numerical Recipes). */
function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lg = lgamma(a);
  if (x < a + 1) {
    let sum = 1 / a,
      del = sum,
      ap = a;
    for (let n = 0; n < 1000; n++) {
      ap++;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-15) break;
    }
    return sum * Math.exp(-x + a * Math.log(x) - lg);
  }
  let b = x + 1 - a,
    c = 1e300,
    d = 1 / b,
    h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return 1 - Math.exp(-x + a * Math.log(x) - lg) * h;
}
function lgamma(x: number): number {
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + g + 0.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
/** Regularised incomplete beta I_x(a, b) by continued fraction. */
function betaI(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const bt = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  const cf = (x: number, a: number, b: number) => {
    let c = 1,
      d = 1 - ((a + b) * x) / (a + 1);
    if (Math.abs(d) < 1e-300) d = 1e-300;
    d = 1 / d;
    let h = d;
    for (let m = 1; m < 1000; m++) {
      const m2 = 2 * m;
      let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < 1e-300) d = 1e-300;
      c = 1 + aa / c;
      if (Math.abs(c) < 1e-300) c = 1e-300;
      d = 1 / d;
      h *= d * c;
      aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
      d = 1 + aa * d;
      if (Math.abs(d) < 1e-300) d = 1e-300;
      c = 1 + aa / c;
      if (Math.abs(c) < 1e-300) c = 1e-300;
      d = 1 / d;
      const del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) break;
    }
    return h;
  };
  return x < (a + 1) / (a + b + 2) ? (bt * cf(x, a, b)) / a : 1 - (bt * cf(1 - x, b, a)) / b;
}

describe('uniform streams', () => {
  it('are uniform on (0, 1): moments and KS', () => {
    const xs = draws((S) => nextU(S, 0));
    expectMoments(xs, 0.5, 1 / 12);
    expect(ksStatistic(xs, (x) => x)).toBeLessThan(ksCritical(xs.length));
  });
  it('different stream ids are uncorrelated', () => {
    const S = createStreams(2);
    seedStream(S, 0, 1, 2, 64);
    seedStream(S, 1, 1, 2, 65);
    let sxy = 0;
    for (let i = 0; i < N; i++) sxy += (nextU(S, 0) - 0.5) * (nextU(S, 1) - 0.5);
    const corr = sxy / N / (1 / 12);
    expect(Math.abs(corr)).toBeLessThan(4 / Math.sqrt(N));
  });
});

describe('normal', () => {
  it('quantile matches known values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
  });
  it('draws have mean 0, variance 1 and pass KS', () => {
    const xs = draws((S) => normal(S, 0));
    expectMoments(xs, 0, 1);
    expect(ksStatistic(xs, Phi)).toBeLessThan(ksCritical(xs.length));
  });
});

describe('lognormal', () => {
  it('has mean median*exp(s^2/2) and variance (e^{s^2}-1) e^{2mu+s^2}; KS on the log', () => {
    const med = 100,
      s = 0.5;
    const xs = draws((S) => lognormal(S, 0, med, s));
    const mean = med * Math.exp((s * s) / 2);
    const variance = (Math.exp(s * s) - 1) * med * med * Math.exp(s * s);
    expectMoments(xs, mean, variance);
    expect(ksStatistic(xs, (x) => Phi(Math.log(x / med) / s))).toBeLessThan(ksCritical(xs.length));
  });
});

describe('gamma', () => {
  for (const [shape, scale] of [
    [0.5, 2],
    [1, 19],
    [3.7, 0.5],
    [40, 1],
  ]) {
    it(`Gamma(${shape}, ${scale}): mean, variance and KS`, () => {
      const xs = draws((S) => gamma(S, 0, shape, scale));
      expectMoments(xs, shape * scale, shape * scale * scale);
      expect(ksStatistic(xs, (x) => gammaP(shape, x / scale))).toBeLessThan(ksCritical(xs.length));
    });
  }
  it('throws on a bad shape', () => {
    const S = createStreams(1);
    expect(() => gamma(S, 0, 0, 1)).toThrow(/shape/);
  });
});

describe('beta by mean and concentration', () => {
  for (const [m, k] of [
    [0.25, 8],
    [0.1, 20],
    [0.6, 2],
  ]) {
    it(`Beta(mean ${m}, k ${k}): mean, variance m(1-m)/(k+1) and KS`, () => {
      const xs = draws((S) => betaMeanConcentration(S, 0, m, k));
      expectMoments(xs, m, (m * (1 - m)) / (k + 1));
      expect(ksStatistic(xs, (x) => betaI(x, m * k, (1 - m) * k))).toBeLessThan(ksCritical(xs.length));
    });
  }
});

describe('poisson', () => {
  for (const mean of [0.3, 4, 12, 29.5, 30.5, 250, 5000]) {
    it(`mean ${mean}: mean and variance equal the mean`, () => {
      const xs = draws((S) => poisson(S, 0, mean));
      expectMoments(xs, mean, mean);
    });
  }
  it('small-mean frequencies match the pmf (chi-square, 0.1% level)', () => {
    const mean = 4;
    const xs = draws((S) => poisson(S, 0, mean));
    const K = 12;
    const obs = new Array(K + 1).fill(0);
    for (const x of xs) obs[Math.min(K, x)]++;
    let chi = 0,
      cum = 0;
    for (let k = 0; k <= K; k++) {
      const p = k < K ? Math.exp(-mean + k * Math.log(mean) - logFactorial(k)) : 1 - cum;
      cum += p;
      chi += (obs[k] - N * p) ** 2 / (N * p);
    }
    expect(chi).toBeLessThan(34.53); // chi-square 12 df, 0.1%
  });
  it('inversion is monotone in the uniform and the mean', () => {
    for (const u of [0.01, 0.3, 0.77, 0.999]) {
      expect(poissonInverse(4.1, u)).toBeGreaterThanOrEqual(poissonInverse(4, u));
      expect(poissonInverse(4, u)).toBeGreaterThanOrEqual(poissonInverse(4, u - 0.005));
    }
  });
});

describe('binomial', () => {
  for (const [n, p] of [
    [10, 0.3],
    [12, 0.9],
    [80, 0.2],
    [1000, 0.4],
    [100000, 0.03],
  ]) {
    it(`Binomial(${n}, ${p}): mean np and variance np(1-p)`, () => {
      const xs = draws((S) => binomial(S, 0, n, p));
      expectMoments(xs, n * p, n * p * (1 - p));
      for (const x of xs.subarray(0, 1000)) expect(x >= 0 && x <= n).toBe(true);
    });
  }
  it('edge cases', () => {
    expect(binomialInverse(0, 0.5, 0.7)).toBe(0);
    expect(binomialInverse(7, 0, 0.7)).toBe(0);
    expect(binomialInverse(7, 1, 0.7)).toBe(7);
  });
  it('inversion is monotone in p across 0.5', () => {
    for (const u of [0.05, 0.5, 0.95]) {
      let prev = -1;
      for (let p = 0; p <= 1.0001; p += 0.05) {
        const k = binomialInverse(20, Math.min(1, p), u);
        expect(k).toBeGreaterThanOrEqual(prev);
        prev = k;
      }
    }
  });
});

describe('logFactorial', () => {
  it('is exact for small k and accurate for large', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(10)).toBeCloseTo(Math.log(3628800), 10);
    expect(logFactorial(300)).toBeCloseTo(lgamma(301), 6);
  });
});
