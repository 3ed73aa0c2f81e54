/**
 * Walks the scenario JSON Schema by field path: which fields exist at a location, and the valid range
 * of a numeric field. Used to check merge patches (engine/patch.ts) and to clamp sensitivity ranges.
 */
import { scenarioJsonSchema } from './scenarioSchema.js';

type Json = Record<string, unknown>;
export type PathSegment = string | number;

let cached: Json | null = null;
function root(): Json {
  return (cached ??= scenarioJsonSchema({ distributions: false }));
}

function resolveRef(s: Json): Json {
  const ref = s.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return s;
  let node: unknown = root();
  for (const part of ref.slice(2).split('/')) node = (node as Json)?.[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))];
  return resolveRef((node ?? {}) as Json);
}

/** The alternative schemas a location may take (anyOf / oneOf branches flattened, refs resolved). */
export function branches(schema: Json): Json[] {
  const s = resolveRef(schema);
  const alts = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (Array.isArray(alts)) return alts.flatMap(branches);
  if (Array.isArray(s.allOf)) return [s, ...(s.allOf as Json[]).flatMap(branches)];
  return [s];
}

/** The schemas of `key` inside an object location (from every branch that declares it). */
function child(schemas: Json[], key: PathSegment): Json[] {
  const out: Json[] = [];
  for (const b of schemas) {
    if (typeof key === 'number') {
      if (b.type === 'array' && b.items && typeof b.items === 'object') out.push(...branches(b.items as Json));
    } else {
      const props = b.properties as Json | undefined;
      if (props && Object.prototype.hasOwnProperty.call(props, key)) out.push(...branches(props[key] as Json));
    }
  }
  return out;
}

/**
 * The schema branches at a field path of the scenario, or [] when no such field exists.
 * @example schemaAt(['reps', 'winRate', 'mean']).length > 0 // true
 */
export function schemaAt(path: readonly PathSegment[]): Json[] {
  let cur = branches(root());
  for (const key of path) {
    cur = child(cur, key);
    if (cur.length === 0) return [];
  }
  return cur;
}

/** Whether a location can hold an object with named fields (some branch is an object with properties). */
export function isObjectLocation(schemas: Json[]): boolean {
  return schemas.some((b) => b.type === 'object' && b.properties !== undefined);
}

/** Whether a location can hold an array. */
export function isArrayLocation(schemas: Json[]): boolean {
  return schemas.some((b) => b.type === 'array');
}

export interface NumericRange {
  min: number;
  max: number;
  /** the bounds themselves are excluded */
  exclusiveMin: boolean;
  exclusiveMax: boolean;
  integer: boolean;
}

/**
 * The valid range of a numeric field, or null when the field is not numeric.
 * @example numericRange(['reps', 'cycleMonths']) // { min: 1, max: Infinity, exclusiveMin: false, exclusiveMax: false, integer: false }
 */
export function numericRange(path: readonly PathSegment[]): NumericRange | null {
  const nums = schemaAt(path).filter((b) => b.type === 'number' || b.type === 'integer');
  if (nums.length === 0) return null;
  const b = nums[0];
  const exMin = typeof b.exclusiveMinimum === 'number' ? b.exclusiveMinimum : null;
  const exMax = typeof b.exclusiveMaximum === 'number' ? b.exclusiveMaximum : null;
  return {
    min: exMin ?? (typeof b.minimum === 'number' ? b.minimum : -Infinity),
    max: exMax ?? (typeof b.maximum === 'number' ? b.maximum : Infinity),
    exclusiveMin: exMin !== null,
    exclusiveMax: exMax !== null,
    integer: b.type === 'integer',
  };
}

/**
 * Parses a field path written as in error messages.
 * @example parsePath('enablement[0].gapClosed') // ['enablement', 0, 'gapClosed']
 */
export function parsePath(path: string): PathSegment[] | null {
  const out: PathSegment[] = [];
  const re = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\./g;
  let pos = 0;
  let expectKey = true;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m.index !== pos) return null;
    pos = re.lastIndex;
    if (m[1] !== undefined) {
      if (!expectKey) return null;
      out.push(m[1]);
      expectKey = false;
    } else if (m[2] !== undefined) {
      if (expectKey) return null;
      out.push(Number(m[2]));
    } else {
      if (expectKey) return null;
      expectKey = true;
    }
  }
  if (pos !== path.length || expectKey || out.length === 0) return null;
  return out;
}
