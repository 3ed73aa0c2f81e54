/**
 * Saving keeps the scenario's text: the editor's changes are written into the YAML source it was loaded
 * from, key by key, so comments, key order and untouched values stay as the author wrote them.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import type { PathKey } from './path.js';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * `source` (YAML or JSON text whose scenario is `before`) edited so that it describes `after`: only the
 * values that differ between `before` and `after` are written; everything else, comments included, is
 * kept. Without a source, `after` as plain YAML.
 * @example applyEdits('# note\nreps:\n  seats: 4 # four\n', { reps: { seats: 4 } }, { reps: { seats: 6 } }) // '# note\nreps:\n  seats: 6 # four\n'
 */
export function applyEdits(source: string | null, before: unknown, after: unknown): string {
  if (source === null) return stringify(after);
  if (same(before, after)) return source;
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return stringify(after);
  const walk = (a: unknown, b: unknown, path: PathKey[]) => {
    if (same(a, b)) return;
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (isObj(a) && isObj(b) && (path.length === 0 || isMap(node))) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], [...path, k]);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && isSeq(node)) {
      b.forEach((v, i) => walk(a[i], v, [...path, i]));
      return;
    }
    if (b === undefined || b === null) doc.deleteIn(path);
    else if (isScalar(node) && (b === null || typeof b !== 'object')) node.value = b; // keeps the line's comment
    else doc.setIn(path, doc.createNode(b));
  };
  walk(before, after, []);
  return doc.toString();
}
