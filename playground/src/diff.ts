/**
 * What changed between two scenarios, in words, to name a comparison variant after its edit
 * ("Qualified opps / rep / month 4 → 4.4"). Compares inputs only; no statistics.
 */
import { labelForPath } from './fields.js';
import { formatPath, type PathKey } from './path.js';

/**
 * Leaf paths whose values differ (absent and null count as the same; arrays compared element-wise).
 * @example changedPaths({ a: { b: 1 } }, { a: { b: 2 } }) // ['a.b']
 */
export function changedPaths(a: unknown, b: unknown, prefix: PathKey[] = []): string[] {
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return [formatPath(prefix)];
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => changedPaths(a[k], b[k], [...prefix, Array.isArray(a) ? Number(k) : k]));
  }
  const same = (a ?? null) === (b ?? null) || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return same ? [] : [formatPath(prefix)];
}

function show(v: unknown): string {
  if (v === null || v === undefined) return 'off';
  if (typeof v === 'number') return String(Math.round(v * 1e4) / 1e4);
  if (typeof v === 'object') return 'changed';
  return String(v);
}

/**
 * A short description of the edit from `a` to `b`: up to two changes spelled out, else a count.
 * @example describeChanges({ reps: { cycleMonths: 3 } }, { reps: { cycleMonths: 4 } }) // 'Sales cycle 3 → 4'
 */
export function describeChanges(a: Record<string, unknown>, b: Record<string, unknown>): string {
  const paths = changedPaths(a, b).filter((p) => p !== 'name' && p !== 'description');
  if (paths.length === 0) return '';
  if (paths.length > 2) return `${paths.length} changes`;
  const get = (o: unknown, p: string) => p.split(/[.[\]]+/).filter(Boolean).reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);
  return paths.map((p) => `${labelForPath(p)} ${show(get(a, p))} → ${show(get(b, p))}`).join(', ');
}
