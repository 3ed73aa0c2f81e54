/**
 * Saltelli's sampling plan for Sobol indices: two independent n x k matrices of uniforms A and B, and
 * for each input i the matrix AB_i, A with its column i taken from B (Saltelli et al. 2010, "Variance
 * based sensitivity analysis of model output", Comput. Phys. Commun. 181, 259-270). The model runs on
 * n (k + 2) rows: A, B, then AB_1 .. AB_k, stacked in that order.
 *
 * The uniforms come from one engine stream keyed by (seed, a trial index no run uses), so a plan is a
 * function of (seed, n, k) only.
 */
import { createStreams, nextU, seedStream } from '../../random/streams.js';
import { trialKey } from '../../random/trialKey.js';

/** The trial index the plan's key is drawn from: below every real trial and every design key (-1 - n). */
const PLAN_TRIAL = -(2 ** 40);
/** The plan's stream id (any fixed id: the key is already disjoint from every trial's). */
const PLAN_STREAM = 0x50b01;

/**
 * The stacked rows [A; B; AB_1; ...; AB_k] (row-major, n (k + 2) rows of k uniforms in (0, 1)).
 * @example saltelliPlan(1, 4, 2).length // 4 x (2 + 2) x 2 = 32
 */
export function saltelliPlan(seed: number, n: number, k: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 2 && Number.isInteger(k) && k >= 1)) throw new RangeError(`saltelliPlan: needs n >= 2 and k >= 1 (got n = ${n}, k = ${k})`);
  const key = new Int32Array(2);
  trialKey(seed, PLAN_TRIAL, key);
  const S = createStreams(1);
  seedStream(S, 0, key[0], key[1], PLAN_STREAM);
  const out = new Float64Array(n * (k + 2) * k);
  const A = 0;
  const B = n * k;
  for (let r = 0; r < n; r++) for (let j = 0; j < k; j++) out[A + r * k + j] = nextU(S, 0);
  for (let r = 0; r < n; r++) for (let j = 0; j < k; j++) out[B + r * k + j] = nextU(S, 0);
  for (let i = 0; i < k; i++) {
    const o = (2 + i) * n * k;
    for (let r = 0; r < n; r++) for (let j = 0; j < k; j++) out[o + r * k + j] = j === i ? out[B + r * k + j] : out[A + r * k + j];
  }
  return out;
}
