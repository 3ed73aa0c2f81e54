/**
 * JSON merge patches (RFC 7396) on scenarios, checked against the scenario schema: a patch that names a
 * field the schema does not have fails with that field's path, and the patched scenario is validated by
 * `parseScenario` with its error paths prefixed by where the patch came from.
 */
import { InputError, formatPath, issue, type InputIssue } from './errors.js';
import { parseScenario, type Scenario } from './scenario.js';
import { isObjectLocation, schemaAt, type PathSegment } from './schema-walk.js';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Applies a JSON merge patch (RFC 7396) without mutating either argument: objects merge key by key,
 * `null` deletes a key, anything else (arrays included) replaces the target.
 * @example mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 } }) // { a: 1, b: { d: 3, e: 4 } }
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return cloneJson(patch);
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/**
 * A deep copy of a JSON-like value (plain objects, arrays, primitives).
 * @example cloneJson({ a: [1, { b: 2 }] }) // { a: [1, { b: 2 }] }, sharing nothing with the input
 */
export function cloneJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneJson(x)])) as T;
  return v;
}

/**
 * Joins a prefix such as `variants[1].patch` and a field path such as `reps.winRate`.
 * @example joinPath('variants[1].patch', 'reps.winRate') // 'variants[1].patch.reps.winRate'
 */
export function joinPath(prefix: string, path: string | null): string {
  if (!path) return prefix;
  if (!prefix) return path;
  return path.startsWith('[') ? prefix + path : `${prefix}.${path}`;
}

/** Prefixes every issue's path (issues with a line/column keep them). */
export function prefixIssues(issues: InputIssue[], prefix: string): InputIssue[] {
  return issues.map((e) => {
    if (e.line !== undefined) return e;
    const path = joinPath(prefix, e.path);
    return { ...e, path, message: `${path}: ${e.rule}` };
  });
}

/**
 * Lists the fields a merge patch names that the scenario schema does not have, with their paths
 * under `prefix`. Values are not checked here (the patched scenario is parsed for that).
 * @example checkPatch({ reps: { winRat: 0.3 } }, 'variants[1].patch')[0].path // 'variants[1].patch.reps.winRat'
 */
export function checkPatch(patch: unknown, prefix = 'patch'): InputIssue[] {
  if (!isPlainObject(patch)) return [issue(prefix, 'must be a mapping of fields to change (a JSON merge patch)')];
  const out: InputIssue[] = [];
  const walk = (obj: Record<string, unknown>, at: PathSegment[]) => {
    for (const [key, value] of Object.entries(obj)) {
      const path = [...at, key];
      const here = schemaAt(path);
      if (here.length === 0) {
        out.push(issue(joinPath(prefix, formatPath(path)), 'is not a known field'));
        continue;
      }
      if (isPlainObject(value) && isObjectLocation(here)) walk(value, path);
    }
  };
  walk(patch, []);
  return out;
}

/**
 * Applies a merge patch to a scenario (raw file content or a resolved scenario) and validates the result.
 * Throws an `InputError` whose paths start with `prefix`, e.g. `variants[1].patch.reps.winRate.mean`.
 * @example applyScenarioPatch({ reps: { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1 } }, { reps: { seats: 12 } }).reps.seats // 12
 */
export function applyScenarioPatch(base: unknown, patch: unknown, prefix = 'patch'): Scenario {
  const unknownFields = checkPatch(patch, prefix);
  if (unknownFields.length > 0 && (patch === null || typeof patch !== 'object' || Array.isArray(patch))) throw new InputError(unknownFields);
  try {
    const scenario = parseScenario(mergePatch(base, patch));
    if (unknownFields.length > 0) throw new InputError(unknownFields); // e.g. deleting a field that does not exist
    return scenario;
  } catch (e) {
    if (!(e instanceof InputError) || e.errors === unknownFields) throw e;
    // every problem at once: the unknown fields, then the patched scenario's other errors
    const seen = new Set(unknownFields.map((x) => x.path));
    throw new InputError([...unknownFields, ...prefixIssues(e.errors, prefix).filter((x) => !seen.has(x.path))]);
  }
}
