/**
 * Field paths in the project's error format (`territories[1].potential`, `reps.winRate.mean`):
 * parse them and read or write a nested value immutably. Used by the editor to bind inputs to the
 * scenario and to place the server's 400 errors next to the field they name.
 */
export type PathKey = string | number;

/**
 * Splits a path string into keys.
 * @example parsePath('territories[1].potential') // ['territories', 1, 'potential']
 */
export function parsePath(path: string): PathKey[] {
  const out: PathKey[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/**
 * Formats keys back into a path string.
 * @example formatPath(['territories', 1, 'potential']) // 'territories[1].potential'
 */
export function formatPath(keys: readonly PathKey[]): string {
  let out = '';
  for (const k of keys) out += typeof k === 'number' ? `[${k}]` : out === '' ? k : `.${k}`;
  return out;
}

/**
 * Reads a nested value; undefined when any step is missing.
 * @example getIn({ a: [{ b: 2 }] }, 'a[0].b') // 2
 */
export function getIn(obj: unknown, path: string | readonly PathKey[]): unknown {
  const keys = typeof path === 'string' ? parsePath(path) : path;
  let cur: unknown = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PathKey, unknown>)[k];
  }
  return cur;
}

/**
 * Returns a copy of `obj` with the value at `path` replaced (`undefined` deletes the key),
 * creating intermediate objects or arrays as needed. The input is never mutated.
 * @example setIn({ a: { b: 1 } }, 'a.c', 2) // { a: { b: 1, c: 2 } }
 */
export function setIn<T>(obj: T, path: string | readonly PathKey[], value: unknown): T {
  const keys = typeof path === 'string' ? parsePath(path) : path;
  if (keys.length === 0) return value as T;
  const [head, ...rest] = keys;
  const base: unknown = obj ?? (typeof head === 'number' ? [] : {});
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<PathKey, unknown>;
  const child = copy[head];
  const next = rest.length === 0 ? value : setIn(child ?? (typeof rest[0] === 'number' ? [] : {}), rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[head];
  else copy[head] = next;
  return copy as T;
}
