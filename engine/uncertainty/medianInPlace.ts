import { parsePath } from '../schema-walk.js';
import type { Distribution } from './distribution.js';
import { valueAtPath, withValueAt } from './pathValue.js';
import { compileParameter, drawValue } from './resolve.js';

/**
 * A scenario's field written in the resolved form of an uncertain input: the value in place is the
 * listed distribution's median as the parser computes it (truncated to the field's range, rounded for
 * whole-number fields), to `digits` significant digits. A file that lists `{ path, distribution }` in
 * `uncertainty.parameters` and holds this value in place says one thing, so it parses (a different number
 * in place is refused as a field given both ways, engine/uncertainty/resolve.ts). Returns a copy; a
 * path that holds no number is left alone (the parser names it).
 * @example medianInPlace({ reps: { winRate: 0.3 } }, 'reps.winRate', { uniform: [0.2, 0.3] }) // { reps: { winRate: 0.25 } }
 */
export function medianInPlace<T>(scenario: T, path: string, distribution: Distribution, digits = 4): T {
  const segs = parsePath(path);
  if (!segs || typeof valueAtPath(scenario, segs) !== 'number') return scenario;
  const median = drawValue(compileParameter({ path, distribution }), 0.5);
  return withValueAt(scenario, segs, median === 0 ? 0 : Number(median.toPrecision(digits)));
}
