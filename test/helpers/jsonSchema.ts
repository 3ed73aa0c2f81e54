/**
 * A small JSON Schema (2020-12) validator for the keywords the scenario schema uses: type, properties,
 * required, additionalProperties, items (schema or false), prefixItems, minItems, maxItems, anyOf, oneOf,
 * enum, const, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, pattern, propertyNames, $ref to any
 * `#/...` JSON pointer of the root (#/$defs/x in a schema, #/components/schemas/X in an OpenAPI
 * document); `format` is an annotation, as 2020-12 has it by default. Unknown keywords fail loudly, so a schema using more than this is not silently accepted.
 */
const KNOWN = new Set(['$schema', '$id', 'title', 'description', 'default', '$defs', 'type', 'properties', 'required', 'additionalProperties', 'items', 'prefixItems', 'minItems', 'maxItems', 'anyOf', 'oneOf', 'enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'pattern', '$ref', 'propertyNames', 'format']);

type S = Record<string, any> | boolean;

/**
 * The node a `#/...` reference points to in `root` (JSON pointer, ~1 and ~0 unescaped), or undefined.
 * @example resolvePointer({ a: { 'b/c': 1 } }, '#/a/b~1c') // 1
 */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const parts = ref.slice(1).split('/').slice(1).map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = root;
  for (const p of parts) {
    if (node === null || typeof node !== 'object' || !(p in (node as object))) return undefined;
    node = (node as Record<string, unknown>)[p];
  }
  return node;
}

/** Errors of `value` against `schema` (default: the root itself; refs resolve in the root) (empty when valid), each `path: what`. */
export function validateJson(root: Record<string, any>, value: unknown, schema: S = root): string[] {
  const errs: string[] = [];
  const typeOk = (t: string, v: unknown) =>
    t === 'null' ? v === null : t === 'array' ? Array.isArray(v) : t === 'object' ? v !== null && typeof v === 'object' && !Array.isArray(v) : t === 'integer' ? Number.isInteger(v) : t === 'number' ? typeof v === 'number' : typeof v === t;
  const check = (s: S, v: unknown, at: string, out: string[]): void => {
    if (s === true) return;
    if (s === false) return void out.push(`${at}: not allowed`);
    // x-… keywords are annotations (the assumptions' marks, engine/scenarioJsonSchema.ts): they constrain nothing
    for (const k of Object.keys(s)) if (!KNOWN.has(k) && !k.startsWith('x-')) throw new Error(`validateJson: unsupported keyword ${k} at ${at}`);
    if (s.$ref) {
      const target = resolvePointer(root, s.$ref) as S | undefined;
      if (target === undefined) throw new Error(`validateJson: $ref ${s.$ref} resolves to nothing`);
      check(target, v, at, out);
    }
    if (s.type !== undefined && !(Array.isArray(s.type) ? s.type : [s.type]).some((t: string) => typeOk(t, v))) return void out.push(`${at}: must be ${s.type}`);
    if (s.enum && !s.enum.some((e: unknown) => e === v)) out.push(`${at}: must be one of ${s.enum.join(', ')}`);
    if ('const' in s && s.const !== v) out.push(`${at}: must be ${s.const}`);
    if (typeof v === 'number') {
      if (s.minimum !== undefined && v < s.minimum) out.push(`${at}: below minimum`);
      if (s.maximum !== undefined && v > s.maximum) out.push(`${at}: above maximum`);
      if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) out.push(`${at}: not above exclusiveMinimum`);
      if (s.exclusiveMaximum !== undefined && v >= s.exclusiveMaximum) out.push(`${at}: not below exclusiveMaximum`);
    }
    if (typeof v === 'string') {
      if (s.minLength !== undefined && v.length < s.minLength) out.push(`${at}: too short`);
      if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v)) out.push(`${at}: does not match ${s.pattern}`);
    }
    if (Array.isArray(v)) {
      if (s.minItems !== undefined && v.length < s.minItems) out.push(`${at}: too few items`);
      if (s.maxItems !== undefined && v.length > s.maxItems) out.push(`${at}: too many items`);
      const pre: S[] = s.prefixItems ?? [];
      v.forEach((x, i) => {
        if (i < pre.length) check(pre[i], x, `${at}[${i}]`, out);
        else if (s.items !== undefined) check(s.items, x, `${at}[${i}]`, out);
      });
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      for (const r of s.required ?? []) if (!(r in o)) out.push(`${at}.${r}: is required`);
      if (s.propertyNames !== undefined) for (const k of Object.keys(o)) check(s.propertyNames, k, `${at}[${JSON.stringify(k)}]`, out);
      for (const [k, x] of Object.entries(o)) {
        if (s.properties && k in s.properties) check(s.properties[k], x, `${at}.${k}`, out);
        else if (s.additionalProperties !== undefined) check(s.additionalProperties, x, `${at}.${k}`, out);
      }
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
      if (!s[key]) continue;
      const passing = (s[key] as S[]).filter((sub) => {
        const e: string[] = [];
        check(sub, v, at, e);
        return e.length === 0;
      }).length;
      if (key === 'anyOf' ? passing === 0 : passing !== 1) out.push(`${at}: matches ${passing} of the ${key} alternatives`);
    }
  };
  check(schema, value, '$', errs);
  return errs;
}
