/**
 * Costs: rep on-target earnings, managers by span of control (ceil(seated / span)), vacancies, hiring,
 * enablement and leader search. Each is one item of `cost.breakdown`.
 */

export const COST = { reps: 0, managers: 1, hiring: 2, vacancy: 3, enablement: 4, leadership: 5 } as const;

/**
 * Managers needed for `seated` reps at a span of control (null span = no managers).
 * @example managers(17, 8) // 3
 */
export function managers(seated: number, span: number | null): number {
  return span && seated > 0 ? Math.ceil(seated / span) : 0;
}
