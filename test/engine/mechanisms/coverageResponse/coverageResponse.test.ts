import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { compileResponse, prospectingHours } from '../../../../engine/mechanisms/coverageResponse/coverageResponse.js';
import { responseRule } from '../../../../engine/mechanisms/coverageResponse/schema.js';
import { parseScenario, summarize } from '../../../../engine/index.js';
import { expectMoments } from '../../../helpers/stat.js';
import { simulate } from '../../../helpers/scenarios.js';

const preset = parseYaml(readFileSync(new URL('../../../../scenarios/coverage-policy.individual.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const withResponse = (r: Record<string, unknown> | undefined) => parseScenario({ ...preset, ...(r ? { coverageResponse: r } : {}) });

describe('coverage response (prospecting before padding)', () => {
  it('the hours: the share of the shortfall at the hours per opportunity, at most the allowed share of the hours left', () => {
    expect(prospectingHours(4, 0.5, 10, 40, 0.5)).toBe(20);
    expect(prospectingHours(4, 0.25, 10, 100, 0.5)).toBe(10);
    expect(prospectingHours(4, 0, 10, 100, 1)).toBe(0);
  });

  it('prospectShare 0 is the pad-only model: bit-identical results', () => {
    const a = simulate(withResponse(undefined), { trials: 40, seed: 3 });
    const b = simulate(withResponse({ prospectShare: 0 }), { trials: 40, seed: 3 });
    expect(Array.from(b.revenue)).toEqual(Array.from(a.revenue));
    expect(Array.from(b.padded)).toEqual(Array.from(a.padded));
    expect(Array.from(b.responseOpps)).toEqual(new Array(40).fill(0));
  });

  it('the extra opportunities are Poisson with the means the rule asks for (their total within 4 SE of the sum of means)', () => {
    const r = simulate(withResponse({ prospectShare: 0.6, maxShareOfWorkHours: 0.5 }), { trials: 400, seed: 5 });
    const diff = Float64Array.from(r.responseOpps, (x, t) => x - r.responseExpected[t]);
    let ex = 0;
    for (const x of r.responseExpected) ex += x;
    expect(ex / r.trials).toBeGreaterThan(10);
    // Var(sum of Poissons | means) = sum of means: SE of the mean difference from it
    expectMoments(diff, 0, null);
  });

  it('reps who prospect first pad less and create more real opportunities; the hours come out of working deals', () => {
    const a = simulate(withResponse(undefined), { trials: 300, seed: 7 });
    const b = simulate(withResponse({ prospectShare: 1, maxShareOfWorkHours: 1 }), { trials: 300, seed: 7 });
    const sum = (x: Float64Array) => x.reduce((p, q) => p + q, 0);
    expect(sum(b.padded)).toBeLessThan(sum(a.padded));
    expect(sum(b.createdOpps)).toBeGreaterThan(sum(a.createdOpps));
    const sb = summarize(withResponse({ prospectShare: 1, maxShareOfWorkHours: 1 }), b);
    expect(sb.coverageResponse!.hours.mean).toBeGreaterThan(0);
    expect(sb.coverageResponse!.opportunities.mean).toBeCloseTo(sum(b.responseOpps) / b.trials, 9);
  });

  it('answers the coverage rule it finds (responseRule): on only with the block, a policy and a selling-time budget', () => {
    const ind = withResponse({ prospectShare: 0.5 });
    expect(ind.coverage?.policy).toBe('individual');
    expect(responseRule(ind)).toBe('individual');
    expect(compileResponse(ind)).toEqual({ prospectShare: 0.5, maxShareOfWorkHours: 0.5, individual: true });
    expect(responseRule({ ...ind, coverage: { ...ind.coverage!, policy: 'global' } })).toBe('global');
    expect(compileResponse({ ...ind, coverage: { ...ind.coverage!, policy: 'global' } })?.individual).toBe(false);
    expect(responseRule({ ...ind, coverage: { ...ind.coverage!, policy: 'none' } })).toBeNull();
    expect(responseRule({ ...ind, sellingTime: null })).toBeNull();
    expect(responseRule(withResponse(undefined))).toBeNull();
    expect(compileResponse(withResponse(undefined))).toBeNull();
  });

  it('needs a coverage rule and selling time, naming the block', () => {
    expect(() => parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 3, winRate: 0.2, dealSize: 1 }, coverageResponse: {} })).toThrow(/coverageResponse: needs a coverage block/);
  });
});
