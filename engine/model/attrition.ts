/**
 * Attrition: a monthly hazard from an annual rate, applied at month end; an optional involuntary exit
 * after consecutive quarters below an attainment threshold.
 */

/**
 * Monthly exit hazard 1 - (1 - a)^(1/12) for an annual rate a.
 * @example monthlyHazard(0.3) // ≈ 0.02928
 */
export function monthlyHazard(annualRate: number): number {
  if (annualRate >= 1) return 1;
  return -Math.expm1(Math.log1p(-annualRate) / 12);
}

/**
 * Whether the low-performer rule removes a rep at a quarter end: `quartersBelow` consecutive quarters
 * below the threshold, and never within the first ramp + cycle months of tenure.
 * @example lowPerformerExits(2, 2, 12, 6, 3) // true
 */
export function lowPerformerExits(quartersBelow: number, required: number, tenureMonths: number, rampMonths: number, cycleMonths: number): boolean {
  return quartersBelow >= required && tenureMonths > rampMonths + cycleMonths;
}
