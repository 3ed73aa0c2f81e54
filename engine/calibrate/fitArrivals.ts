/**
 * Opportunities per rep-month at full ramp, and the ramp. Each seated rep-month inside the window is one
 * cell with the number of opportunities the rep created that month. Counts ~ Poisson(rate x ramp(k)) with
 * k the tenure month (hire month = 1) and the engine's linear ramp min(1, k / R); reps of unknown tenure
 * count as fully ramped. The rate is the Poisson MLE given R (created / ramp-weighted rep-months, SE
 * sqrt(rate / weighted rep-months)); R is chosen over whole months 0..24 by profile likelihood, when rep-months
 * of early tenure are observed. The observed productivity by tenure month is reported alongside.
 * Opportunities created in a month their current owner was not seated (inherited from a predecessor) count
 * toward the rate (`unattributed`) but not toward the ramp, whose tenure they cannot tell.
 */

/** One rep-month: tenure month (null = unknown, taken as ramped) and opportunities created. */
export interface RepMonth {
  tenure: number | null;
  count: number;
  /** calendar month index (year x 12 + month - 1), for the market fit */
  month?: number;
}

/** The arrival fit. */
export interface ArrivalFit {
  rate: number;
  rateSe: number;
  rampMonths: number | null;
  repMonths: number;
  created: number;
  /** observed productivity (mean created / rate) by tenure month, where observed */
  productivity: { tenureMonth: number; repMonths: number; productivity: number }[];
}

const MAX_RAMP = 24;

/**
 * Fits the full-ramp rate (and the linear ramp when `fitRamp`).
 * @example fitArrivals([{ tenure: null, count: 3 }, { tenure: null, count: 5 }], false).rate // 4
 */
export function fitArrivals(cells: RepMonth[], fitRamp: boolean, unattributed = 0): ArrivalFit {
  const C = cells.reduce((s, c) => s + c.count, 0);
  const ramp = (k: number | null, R: number) => (k === null || R === 0 ? 1 : Math.min(1, k / R));
  const early = cells.some((c) => c.tenure !== null && c.tenure <= MAX_RAMP);
  let bestR = 0;
  if (fitRamp && early && C > 0) {
    let bestLL = -Infinity;
    for (let R = 0; R <= MAX_RAMP; R++) {
      let E = 0;
      let sumLog = 0;
      for (const c of cells) {
        const r = ramp(c.tenure, R);
        E += r;
        if (c.count > 0) sumLog += c.count * Math.log(r);
      }
      const ll = sumLog + C * Math.log(C / E) - C;
      if (ll > bestLL + 1e-9) {
        bestLL = ll;
        bestR = R;
      }
    }
  }
  const E = cells.reduce((s, c) => s + ramp(c.tenure, bestR), 0);
  const rate = E > 0 ? (C + unattributed) / E : 0;
  const byTenure = new Map<number, { n: number; c: number }>();
  for (const c of cells) {
    if (c.tenure === null || c.tenure > MAX_RAMP) continue;
    const t = byTenure.get(c.tenure) ?? { n: 0, c: 0 };
    t.n++;
    t.c += c.count;
    byTenure.set(c.tenure, t);
  }
  const productivity = [...byTenure.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, t]) => ({ tenureMonth: k, repMonths: t.n, productivity: rate > 0 ? t.c / t.n / rate : NaN }));
  return {
    rate,
    rateSe: E > 0 ? Math.sqrt(rate / E) : NaN,
    rampMonths: fitRamp && early ? bestR : null,
    repMonths: cells.length,
    created: C + unattributed,
    productivity,
  };
}
