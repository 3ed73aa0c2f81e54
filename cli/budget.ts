/**
 * The CLI's side of the one cost model (engine/work.ts): a run over the work budget a server would
 * refuse is run anyway (it is the user's own machine), with a warning on stderr naming the field that
 * drives the cost and the largest value that fits. The budget is SALESIM_MAX_WORK (default 1e9 units,
 * the server's default).
 */
import { checkBudget, type WorkRun } from '../engine/work.js';

/** The server's default work budget (server/limits.ts). */
export const DEFAULT_MAX_WORK = 1e9;

/**
 * SALESIM_MAX_WORK from the environment, else the default; an unreadable value is the default.
 * @example maxWorkFromEnv({ SALESIM_MAX_WORK: '5e8' }) // 5e8
 */
export function maxWorkFromEnv(env: Record<string, string | undefined> = process.env): number {
  const v = Number(env.SALESIM_MAX_WORK);
  return env.SALESIM_MAX_WORK && Number.isFinite(v) && v > 0 ? v : DEFAULT_MAX_WORK;
}

/**
 * The warning for runs over the work budget, or null.
 * @example budgetWarning([{ scenario, trials: 1e6 }], 1e9) // 'warning: trials: the run needs ...'
 */
export function budgetWarning(runs: WorkRun[], maxWork = maxWorkFromEnv(), sequential = false): string | null {
  const over = checkBudget(runs, maxWork, Infinity, { sequential });
  return over ? `warning: ${over.message} (SALESIM_MAX_WORK; a server with this budget would refuse it, running anyway)` : null;
}

/** Writes the warning (if any) to stderr as `salesim <command>: warning: ...`. */
export function warnOverBudget(command: string, runs: WorkRun[], sequential = false): void {
  const w = budgetWarning(runs, maxWorkFromEnv(), sequential);
  if (w) process.stderr.write(`salesim ${command}: ${w}\n`);
}
