/**
 * The scenario JSON Schema accepts every form the parser accepts: distributions in place of numbers
 * (docs/uncertain-baseline.yaml, the presets) and the uncertainty block; it still rejects what the
 * parser rejects by shape (an unknown field, a distribution where the parser takes none).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseScenario, scenarioJsonSchema } from '../../../engine/index.js';
import { validateJson } from '../../helpers/jsonSchema.js';

const schema = scenarioJsonSchema() as Record<string, any>;
const read = (p: string) => parseYaml(readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8'));

describe('scenario JSON Schema', () => {
  it('docs/uncertain-baseline.yaml validates, and the parser takes it', () => {
    const doc = read('docs/uncertain-baseline.yaml');
    expect(() => parseScenario(doc)).not.toThrow();
    expect(validateJson(schema, doc)).toEqual([]);
  });

  it('every preset scenario validates', () => {
    const dir = new URL('../../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.study.yaml'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(validateJson(schema, read(`scenarios/${f}`)), f).toEqual([]);
  });

  it('takes each of the six distributions in place and the listed form, and rejects what the parser rejects by shape', () => {
    const reps = { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1000 };
    for (const d of [{ uniform: [0.2, 0.3] }, { triangular: [0.2, 0.25, 0.3] }, { pert: [0.2, 0.25, 0.3] }, { normal: { mean: 0.25, sd: 0.02 } }, { lognormal: { median: 0.25, sigma: 0.1 } }, { beta: { mean: 0.25, concentration: 40 } }]) {
      const s = { reps: { ...reps, winRate: d } };
      expect(() => parseScenario(s)).not.toThrow();
      expect(validateJson(schema, s), JSON.stringify(d)).toEqual([]);
    }
    const listed = { reps: { ...reps, winRate: undefined }, uncertainty: { parameters: [{ path: 'reps.cycleMonths', distribution: { uniform: [2, 4] } }], sampling: 'random' } };
    delete (listed.reps as Record<string, unknown>).winRate;
    expect(validateJson(schema, { ...listed, reps: { ...listed.reps, winRate: 0.25 } })).toEqual([]);
    // what the parser refuses by shape, the schema refuses too
    expect(validateJson(schema, { reps: { ...reps, winRat: 0.3 } })).not.toEqual([]);
    expect(validateJson(schema, { reps: reps, horizonMonths: { uniform: [6, 12] } })).not.toEqual([]);
    expect(validateJson(schema, { reps: { ...reps, winRate: { uniform: [0.2] } } })).not.toEqual([]);
    expect(validateJson(schema, { reps: { ...reps, winRate: { gamma: [1, 2] } } })).not.toEqual([]);
  });
});
