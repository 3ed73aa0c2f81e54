/** Annual rates as monthly hazards, shared by attrition, customers' churn and the starting team. */

/**
 * Monthly exit hazard 1 - (1 - a)^(1/12) for an annual rate a.
 * @example monthlyHazard(0.3) // ≈ 0.02928
 */
export function monthlyHazard(annualRate: number): number {
  if (annualRate >= 1) return 1;
  return -Math.expm1(Math.log1p(-annualRate) / 12);
}
