/**
 * A scenario with chosen values of some of its numeric fields: the uncertainty block dropped, each value
 * written (a single territory's seats kept in step with reps.seats), the result re-resolved. A path the
 * scenario does not hold as a number is left alone (a variant without the block the assumption is in).
 */
import { parseScenario, type Scenario } from '../../scenario.js';
import type { PathSegment } from '../../schema-walk.js';
import { valueAtPath } from '../pathValue.js';
import { setField } from '../resolve.js';

/**
 * @example scenarioAt(s, [['reps', 'winRate']], [0.3]).reps.winRate // 0.3
 */
export function scenarioAt(s: Scenario, paths: readonly PathSegment[][], values: ArrayLike<number>): Scenario {
  const { uncertainty: _drop, ...base } = s;
  let x = base as Scenario;
  for (let j = 0; j < paths.length; j++) if (typeof valueAtPath(x, paths[j]) === 'number') x = setField(x, paths[j], values[j]);
  return parseScenario(x);
}
