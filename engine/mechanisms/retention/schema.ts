/** The scenario block of this mechanism (zod; composed into the scenario schema by engine/scenarioSchema.ts). */
import { z } from 'zod';
import { nonNeg, num, pos, prob } from '../../kernel/schemaRules.js';

/** A retention raise: reps in the top 20% (by base win rate) are paid `amount` x OTE more a year. */
export const RaiseSchema = z.strictObject({
  amount: nonNeg().max(5, 'must be between 0 and 5'),
});

/**
 * Performance-dependent voluntary attrition (engine/mechanisms/retention/retention.ts): the annual exit
 * rate is logistic in trailing attainment and in the log of pay relative to the market; attrition.annualRate
 * is the rate at quota and market pay.
 */
export const RetentionSchema = z.strictObject({
  /** change of the exit log-odds per unit of trailing attainment above 1 (negative: top performers stay more, low performers leave more) */
  attainmentSlope: num().min(-10, 'must be between -10 and 10').max(10, 'must be between -10 and 10').default(-1),
  /** change of the exit log-odds per unit of log(pay / market pay) (negative: paid above market, they stay) */
  paySlope: num().min(-20, 'must be between -20 and 20').max(20, 'must be between -20 and 20').default(-3),
  /** the reps' pay at quota relative to the market's (1 = at market) */
  payLevel: pos().default(1),
  /** variable share of pay (pay at attainment A is 1 - v + v A of OTE); null = the compensation block's, else 0.5 */
  variableShare: prob().nullable().default(null),
  /** how much more the market pays per unit of attainment above 1 (what a top performer is offered elsewhere) */
  marketPremium: nonNeg().max(5, 'must be between 0 and 5').default(0.5),
  /** annual OTE for the raise's cost; null = compensation.ote, else costs.repAnnualCost */
  ote: pos().nullable().default(null),
  raise: RaiseSchema.nullable().default(null),
});

/**
 * The exit rate at quota and market pay: the attrition block's annual rate, when the scenario has a retention
 * block and an attrition block (the hazard is on), else null. The one place the retention mechanism reads the
 * attrition block (its compile and its assumptions ask here).
 * @example retentionBaseRate({ retention: {}, attrition: { annualRate: 0.2 } }) // 0.2
 */
export function retentionBaseRate(s: { retention?: unknown; attrition?: { annualRate: number } | null }): number | null {
  return s.retention && s.attrition ? s.attrition.annualRate : null;
}

/**
 * The rules that span blocks: the hazard needs attrition (its base rate) and a quota (attainment).
 * @example // retentionRules(s, add) inside the scenario schema's superRefine
 */
export function retentionRules(s: { retention?: unknown; attrition?: unknown; quota?: { method: string } | null }, add: (path: (string | number)[], message: string) => void): void {
  if (!s.retention) return;
  if (!s.attrition) add(['retention'], 'needs an attrition block (its annualRate is the exit rate at quota and market pay)');
  if (!s.quota || s.quota.method === 'none') add(['retention'], 'needs a quota block (the hazard depends on trailing attainment)');
}
