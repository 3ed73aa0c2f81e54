/**
 * Sales cycle. The engine resolves each open opportunity at the end of every month with probability
 * 1 / cycleMonths, the month of creation counting, so the number of month-ends an opportunity stays open
 * up to and including its resolution is geometric with mean cycleMonths. Fitted by the exact maximum
 * likelihood of that geometric under right-censoring (opportunities still open at the end of the window, or
 * dropped) and left-truncation (created before the window: only month-ends inside the window count, which
 * is exact because the geometric is memoryless): p = resolutions / month-ends at risk, cycleMonths = 1/p,
 * SE from the observed information, SE(cycle) = SE(p) / p^2.
 */

/** One opportunity's months as the cycle fit needs them. */
export interface CycleRecord {
  createdMonth: number;
  /** month of resolution (won, lost or no decision); null when open or dropped */
  resolvedMonth: number | null;
  /** month it was dropped (censored after that month's resolution chance); null otherwise */
  droppedMonth: number | null;
}

/** The fitted cycle and the plain mean of created -> closed for comparison. */
export interface CycleFit {
  cycleMonths: number;
  se: number;
  resolutions: number;
  exposure: number;
  /** mean of (close month - created month + 1) over resolved deals: biased low by censoring */
  naiveMeanMonths: number;
}

/**
 * Fits cycleMonths from opportunities observed in months [from, to].
 * @example fitCycle([{ createdMonth: 0, resolvedMonth: 2, droppedMonth: null }], 0, 11).cycleMonths // 3
 */
export function fitCycle(opps: CycleRecord[], from: number, to: number): CycleFit {
  let resolutions = 0;
  let exposure = 0;
  let naive = 0;
  let naiveN = 0;
  for (const o of opps) {
    const start = Math.max(o.createdMonth, from);
    if (o.resolvedMonth !== null) {
      naive += o.resolvedMonth - o.createdMonth + 1;
      naiveN++;
      if (o.resolvedMonth < from || o.resolvedMonth > to) continue;
      exposure += o.resolvedMonth - start + 1;
      resolutions++;
    } else {
      const end = Math.min(o.droppedMonth ?? to, to);
      if (end >= start) exposure += end - start + 1;
    }
  }
  const p = resolutions / exposure;
  const info = resolutions / (p * p) + (exposure - resolutions) / ((1 - p) * (1 - p));
  const seP = p < 1 ? 1 / Math.sqrt(info) : Math.sqrt(1 / resolutions);
  return { cycleMonths: 1 / p, se: seP / (p * p), resolutions, exposure, naiveMeanMonths: naiveN ? naive / naiveN : NaN };
}
