/** Hiring's compile code: the whole months a requisition takes to fill (`c.fillMonths`, which the starting team's vacancies and backfills read). */
import { gammaMeanSdCdf } from '../../random/gammaCdf.js';

/** Probability mass of D = round(time to fill), d = 0..Dmax, with P(D > Dmax) < 1e-12. */
export function vacancyMonthsPmf(mean: number, sd: number): Float64Array {
  if (sd === 0 || mean === 0) {
    const d = Math.round(mean);
    const pmf = new Float64Array(d + 1);
    pmf[d] = 1;
    return pmf;
  }
  const out: number[] = [];
  let prev = 0;
  for (let d = 0; d < 10_000; d++) {
    const cdf = gammaMeanSdCdf(mean, sd, d + 0.5);
    out.push(cdf - prev);
    prev = cdf;
    if (1 - cdf < 1e-12) break;
  }
  return Float64Array.from(out);
}
