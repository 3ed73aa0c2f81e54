/** The body of a run request as both clients send it. */
import type { RunRequest } from './types.js';

/**
 * `trials: 'auto'` names no trial count anywhere (no `trials`, the scenario's own dropped), so the run
 * answers to the engine's default precision; otherwise the request as it is.
 * @example runBody({ scenario: { trials: 2000, reps: {} }, trials: 'auto' }) // { scenario: { reps: {} } }
 */
export function runBody(req: RunRequest): Record<string, unknown> {
  if (req.trials !== 'auto') return { ...req };
  const { trials: _auto, scenario, ...rest } = req;
  return { ...rest, scenario: withoutTrials(scenario) };
}

/**
 * A scenario object without its own trial count (a request with it names no trial count anywhere); anything else as it is.
 * @example withoutTrials({ trials: 2000, reps: {} }) // { reps: {} }
 */
export function withoutTrials<T>(scenario: T): T {
  if (!scenario || typeof scenario !== 'object' || Array.isArray(scenario)) return scenario;
  const { trials: _own, ...own } = scenario as Record<string, unknown>;
  return own as T;
}
