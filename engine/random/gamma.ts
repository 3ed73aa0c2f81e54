import { nextU } from './streams.js';
import { normal } from './normal.js';

/**
 * A Gamma(shape, scale) draw: Marsaglia and Tsang's method (normal by inversion), with the
 * shape < 1 boost x * U^(1/shape). Mean shape * scale, variance shape * scale^2.
 * @example
 * const S = createStreams(1);
 * seedStream(S, 0, 1, 2, 3); // stream 0, from trial key (1, 2) and stream id 3
 * const tenure = gamma(S, 0, 1, 19); // shape 1: an exponential with mean 19
 * tenure > 0 // true
 */
export function gamma(S: Int32Array, i: number, shape: number, scale: number): number {
  if (!(shape > 0) || !(scale >= 0)) throw new RangeError('gamma: shape must be > 0 and scale >= 0');
  if (scale === 0) return 0;
  if (shape < 1) {
    const g = gamma(S, i, shape + 1, 1);
    return g * Math.pow(nextU(S, i), 1 / shape) * scale;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(S, i);
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = nextU(S, i);
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/**
 * A gamma draw by mean and standard deviation (sd 0 gives the mean exactly).
 * @example
 * const S = createStreams(1);
 * seedStream(S, 0, 1, 2, 3); // stream 0, from trial key (1, 2) and stream id 3
 * gammaMeanSd(S, 0, 3, 0) // 3
 */
export function gammaMeanSd(S: Int32Array, i: number, mean: number, sd: number): number {
  if (sd === 0 || mean === 0) return mean;
  const shape = (mean * mean) / (sd * sd);
  // the limits where the shape leaves the doubles: all mass at the mean (shape -> inf) or at 0 (shape -> 0)
  if (!(shape < Infinity) || !(mean / shape < Infinity)) return shape === Infinity ? mean : 0;
  if (shape === 0) return 0;
  return gamma(S, i, shape, mean / shape);
}
