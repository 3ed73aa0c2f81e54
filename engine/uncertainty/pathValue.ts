import type { PathSegment } from '../schema-walk.js';

/**
 * The value at a field path of a plain value, or undefined.
 * @example valueAtPath({ a: [{ b: 2 }] }, ['a', 0, 'b']) // 2
 */
export function valueAtPath(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/**
 * A copy of `root` with `value` at `path`: the objects and arrays along the path are copied, everything
 * else is shared (so a trial's scenario costs a few small copies, not a deep clone).
 * @example withValueAt({ a: { b: 1, c: 2 } }, ['a', 'b'], 5) // { a: { b: 5, c: 2 } }
 */
export function withValueAt<T>(root: T, path: readonly PathSegment[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [k, ...rest] = path;
  const here = (root ?? (typeof k === 'number' ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(here) ? [...here] : { ...here }) as Record<string | number, unknown>;
  copy[k] = withValueAt(here[k], rest, value);
  return copy as T;
}
