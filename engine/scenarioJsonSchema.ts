/**
 * The scenario JSON Schema as the product publishes it (`salesim schema`, GET /api/schema, editors): the
 * schema of engine/scenarioSchema.ts with every assumption marked where its field is. Each field listed in
 * engine/assumptions.ts (and the mechanisms' assumptions) carries `x-assumption`: its plausible range, why it
 * is an assumption, and the source of one end where there is one. So the schema itself says which numbers
 * are not measured, not only a comment beside the code.
 */
import { scenarioJsonSchema as baseSchema } from './scenarioSchema.js';
import { ASSUMPTIONS, type Assumption } from './assumptions.js';

type Node = Record<string, unknown>;

/** The object schema under a node (through anyOf / oneOf / allOf, e.g. a nullable block), or null. */
function objectOf(node: Node): Node | null {
  if (node.properties && typeof node.properties === 'object') return node;
  for (const k of ['anyOf', 'oneOf', 'allOf']) {
    for (const x of (node[k] as Node[] | undefined) ?? []) {
      const o = objectOf(x);
      if (o) return o;
    }
  }
  return null;
}

/** The item schema of an array under a node (through anyOf / oneOf / allOf), or null. */
function itemsOf(node: Node): Node | null {
  if (node.items && typeof node.items === 'object') return node.items as Node;
  for (const k of ['anyOf', 'oneOf', 'allOf']) {
    for (const x of (node[k] as Node[] | undefined) ?? []) {
      const o = itemsOf(x);
      if (o) return o;
    }
  }
  return null;
}

/**
 * Marks each assumption's field in a scenario JSON Schema (returns a copy). Throws when a path names no
 * field of the schema, so a renamed field cannot leave its assumption unmarked.
 * @example withAssumptions({ properties: { a: { type: 'number' } } }, [{ path: 'a', range: [0, 1], why: 'w' }]).properties.a['x-assumption'] // { range: [0, 1], why: 'w' }
 */
export function withAssumptions(schema: Node, list: readonly Assumption[]): Node {
  const out = structuredClone(schema);
  for (const a of list) {
    let node: Node = out;
    const segs = a.path.split('.');
    segs.forEach((seg, i) => {
      const list = seg.endsWith('[]');
      const key = list ? seg.slice(0, -2) : seg;
      const obj = objectOf(node);
      const next = obj ? (obj.properties as Record<string, Node>)[key] : undefined;
      if (!next) throw new Error(`assumption ${a.path}: the scenario schema has no field '${segs.slice(0, i + 1).join('.')}'`);
      if (list) {
        const items = itemsOf(next);
        if (!items) throw new Error(`assumption ${a.path}: '${key}' is not a list in the scenario schema`);
        node = items;
      } else node = next;
    });
    node['x-assumption'] = { range: a.range, why: a.why, ...(a.source ? { source: a.source } : {}) };
  }
  return out;
}

/**
 * The scenario JSON Schema (draft 2020-12) with distributions in place of numbers and the assumptions
 * marked (`x-assumption`).
 * @example scenarioJsonSchema().$id // 'https://salesim.dev/scenario.schema.json' (test/engine/scenarioJsonSchema.test.ts reads the marks)
 */
export function scenarioJsonSchema(opts: { distributions?: boolean } = {}): Node {
  return withAssumptions(baseSchema(opts), ASSUMPTIONS);
}
