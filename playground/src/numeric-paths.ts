/**
 * The numeric fields of the editor's scenario, as paths with their editor labels: the levers a goal
 * seek or a tornado can vary, picked from what the scenario actually sets.
 */
import { labelForPath } from './fields.js';
import { formatPath, type PathKey } from './path.js';

/**
 * Every numeric leaf of `scenario` (trials, seed and horizon excluded: they are not levers), in order.
 * @example numericPaths({ reps: { seats: 4, winRate: { mean: 0.2 } } }) // [{ path: 'reps.seats', ... }, { path: 'reps.winRate.mean', ... }]
 */
export function numericPaths(scenario: unknown): { path: string; label: string }[] {
  const out: { path: string; label: string }[] = [];
  const walk = (v: unknown, keys: PathKey[]) => {
    if (typeof v === 'number' && Number.isFinite(v)) {
      const path = formatPath(keys);
      if (!['trials', 'seed', 'horizonMonths'].includes(path)) out.push({ path, label: labelForPath(path) });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...keys, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...keys, k]);
  };
  walk(scenario, []);
  return out;
}
