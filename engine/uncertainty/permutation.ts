import { nextU } from '../random/streams.js';

/**
 * A uniformly random permutation of 0..n-1 (Fisher-Yates) drawn from stream `i` of `S`.
 * @example const S = createStreams(1); seedStream(S, 0, 1, 2, 3); permutation(S, 0, 4).slice().sort() // [0, 1, 2, 3]
 */
export function permutation(S: Int32Array, i: number, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let t = 0; t < n; t++) p[t] = t;
  for (let t = n - 1; t > 0; t--) {
    const j = Math.min(t, Math.floor(nextU(S, i) * (t + 1)));
    const x = p[t];
    p[t] = p[j];
    p[j] = x;
  }
  return p;
}
