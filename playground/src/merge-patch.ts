/**
 * A forecast intervention as the API takes it: a JSON merge patch (RFC 7396) that sets one field of
 * the scenario. Merge patches replace arrays whole, so a field inside a list patches the whole list.
 */
import { getIn, parsePath, setIn } from './path.js';

/**
 * The merge patch setting `path` to `value` in `scenario`.
 * @example patchFor({ reps: { seats: 4 } }, 'reps.seats', 6) // { reps: { seats: 6 } }
 * @example patchFor({ territories: [{ name: 'A', seats: 2 }] }, 'territories[0].seats', 3) // { territories: [{ name: 'A', seats: 3 }] }
 */
export function patchFor(scenario: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = parsePath(path);
  const firstList = keys.findIndex((k) => typeof k === 'number');
  const cut = firstList < 0 ? keys.length : firstList;
  const edited = setIn(scenario, path, value);
  // the object path down to the first list, then the list (or the leaf) whole
  let patch: unknown = cut === keys.length ? value : getIn(edited, keys.slice(0, cut));
  for (let i = cut - 1; i >= 0; i--) patch = { [keys[i] as string]: patch };
  return patch as Record<string, unknown>;
}
