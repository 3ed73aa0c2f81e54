/**
 * The published scenario JSON Schema marks every assumption at its field (x-assumption: range, why,
 * source), so the schema says which numbers are not measured; a path that names no field fails.
 */
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, scenarioJsonSchema, withAssumptions } from '../../engine/index.js';

type Node = Record<string, any>;
/** The node at a dotted path (`[]`: the list's items), through anyOf wrappers. */
function at(schema: Node, path: string): Node {
  const obj = (n: Node): Node => (n.properties ? n : obj((n.anyOf ?? n.oneOf).find((x: Node) => x.properties || x.anyOf || x.oneOf)));
  const items = (n: Node): Node => n.items ?? items((n.anyOf ?? n.oneOf).find((x: Node) => x.items || x.anyOf || x.oneOf));
  return path.split('.').reduce((n, seg) => (seg.endsWith('[]') ? items(obj(n).properties[seg.slice(0, -2)]) : obj(n).properties[seg]), schema);
}

describe('the published scenario schema marks the assumptions', () => {
  it('every assumption, at its field, with its range, why and source', () => {
    const schema = scenarioJsonSchema();
    expect(ASSUMPTIONS.length).toBeGreaterThan(30);
    for (const a of ASSUMPTIONS) expect(at(schema, a.path)['x-assumption'], a.path).toEqual({ range: a.range, why: a.why, ...(a.source ? { source: a.source } : {}) });
    expect(at(schema, 'coverage.paddingQuality')['x-assumption'].range).toEqual([0, 0.4]);
    expect(at(schema, 'enablement[].gapClosed')['x-assumption'].range).toEqual([0, 0.5]);
    // a measured field is not marked
    expect(at(schema, 'reps.opportunitiesPerMonth')['x-assumption']).toBeUndefined();
    // the model-only form (no distributions) is marked too
    expect(at(scenarioJsonSchema({ distributions: false }), 'scaling.dragPerDoubling')['x-assumption'].range).toEqual([0, 0.1]);
  });

  it('a path that names no field, or a list that is not one, is an error naming it', () => {
    const s = { properties: { a: { type: 'number' }, b: { type: 'object', properties: { c: { type: 'number' } } } } };
    expect(withAssumptions(s, [{ path: 'b.c', range: [0, 1], why: 'w' }]).properties).toMatchObject({ b: { properties: { c: { 'x-assumption': { range: [0, 1], why: 'w' } } } } });
    expect(s.properties.b.properties.c).toEqual({ type: 'number' });
    expect(() => withAssumptions(s, [{ path: 'b.d', range: [0, 1], why: 'w' }])).toThrow("assumption b.d: the scenario schema has no field 'b.d'");
    expect(() => withAssumptions(s, [{ path: 'a[].x', range: [0, 1], why: 'w' }])).toThrow("assumption a[].x: 'a' is not a list in the scenario schema");
  });
});
