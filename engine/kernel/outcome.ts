/**
 * An outcome a mechanism adds to the ones every scenario has (total revenue, margin, P(plan)): a figure a
 * goal seek's target (`P10(arr) >= 2e7`), a precision target (`arr=1%`), the tornado and the variance
 * analysis (`--metric arr`) can measure. The mechanism declares it in its registry entry (`outcomes`);
 * engine/outcomes.ts looks it up by name, so the generic code names no block.
 * @example const arr: OutcomeHook = { name: 'arr', needs: 'a customers block', on: (s) => !!s.customers, headline: true, trial: (r, t) => ..., summary: (sum) => ... };
 */
import type { Scenario } from '../scenario.js';
import type { Stats } from '../stats/statsType.js';

export interface OutcomeHook {
  /** its name in targets, precision specs and --metric (`arr`) */
  readonly name: string;
  /** what a scenario needs to measure it, for messages (`arr needs a customers block`) */
  readonly needs: string;
  /** whether a resolved scenario can measure it */
  readonly on: (s: Scenario) => boolean;
  /** the scenario's headline outcome when on: the tornado and the variance analysis measure it by default */
  readonly headline?: true;
  /** trial t's value, from trial results (NaN when the results do not record it) */
  readonly trial: (r: never, t: number) => number;
  /** its statistics over the trials and the standard error of their mean, from a Summary (null when the Summary has no such section) */
  readonly summary: (sum: never) => { readonly stats: Stats; readonly stdError: number } | null;
}
