/** One fitted parameter as the report lists it: scenario path, value, standard error and method. */
export interface FittedParameter {
  path: string;
  value: number;
  /** standard error; null when the method gives none (e.g. a count or a grid choice) */
  se: number | null;
  method: string;
}

/**
 * Makes a fitted-parameter line.
 * @example param('reps.cycleMonths', 3.1, 0.05, 'censored geometric MLE').path // 'reps.cycleMonths'
 */
export function param(path: string, value: number, se: number | null, method: string): FittedParameter {
  return { path, value, se: se !== null && Number.isFinite(se) ? se : null, method };
}
