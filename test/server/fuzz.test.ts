/**
 * Fuzz: fast-check bodies (valid with tiny trials, near-valid, garbage) against /api/simulate and
 * /api/scenarios through app.request. No 5xx ever; every 400 lists its problems with a path field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SalesimApp } from '../../server/app.js';
import { testApp } from './helpers.js';

// 2,000 bodies a route here (SALESIM_FUZZ_RUNS for more); bench/fuzz-bounds.ts runs 10,000 against a real server
const RUNS = Number(process.env.SALESIM_FUZZ_RUNS ?? 2000);

const prob = fc.double({ min: 0, max: 1, noNaN: true });
const winRate = fc.oneof(prob, fc.record({ mean: fc.double({ min: 0.01, max: 0.99, noNaN: true }), concentration: fc.double({ min: 0.5, max: 50, noNaN: true }) }));
const dealSize = fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.record({ median: fc.integer({ min: 1, max: 100_000 }), sigma: fc.double({ min: 0, max: 1.5, noNaN: true }) }));

/** A valid scenario, small enough to run in a few milliseconds. */
const validScenario = fc
  .record(
    {
      name: fc.string({ maxLength: 20 }),
      horizonMonths: fc.integer({ min: 1, max: 6 }),
      trials: fc.integer({ min: 1, max: 3 }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      reps: fc.record({
        seats: fc.integer({ min: 0, max: 5 }),
        opportunitiesPerMonth: fc.double({ min: 0, max: 6, noNaN: true }),
        winRate,
        dealSize,
        cycleMonths: fc.double({ min: 1, max: 6, noNaN: true }),
        noDecisionRate: prob,
      }),
      attrition: fc.record({ annualRate: prob }),
      leadership: fc.record({ tenureMonths: fc.record({ mean: fc.double({ min: 1, max: 40, noNaN: true }) }) }),
      costs: fc.record({ repAnnualCost: fc.integer({ min: 0, max: 300_000 }) }),
    },
    { requiredKeys: ['reps'] },
  );

type Json = Record<string, unknown>;

/** One field of a valid scenario made wrong: a bad type, out of range, unknown, or removed. */
const nearValid = fc
  .tuple(
    validScenario,
    fc.constantFrom('reps.seats', 'reps.winRate', 'reps.dealSize', 'reps.opportunitiesPerMonth', 'horizonMonths', 'trials', 'reps', 'attrition.annualRate', 'reps.cycleMonths'),
    fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant(-1), fc.constant(1e9), fc.constant('x'), fc.constant([]), fc.constant({}), fc.constant(NaN), fc.constant(1.5), fc.constant(true)),
    fc.boolean(),
  )
  .map(([s, path, bad, addUnknown]) => {
    const copy = JSON.parse(JSON.stringify(s)) as Json;
    const keys = path.split('.');
    let cur = copy;
    for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Json;
    if (bad === undefined) delete cur[keys.at(-1)!];
    else cur[keys.at(-1)!] = bad;
    const reps = copy.reps;
    if (addUnknown && reps && typeof reps === 'object' && !Array.isArray(reps)) (reps as Json).unknownField = 1;
    return copy;
  });

const garbage = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '[]', 'null', '"x"', '{"scenario":', '\u0000', 'reps: [', '{"scenario": {"yaml": 5}}'),
);

/** What a client might send: a body string and its content type. */
const simulateBody = fc.oneof(
  { weight: 4, arbitrary: validScenario.map((s) => ({ text: JSON.stringify({ scenario: s, trials: s.trials }), type: 'application/json', kind: 'valid' })) },
  { weight: 4, arbitrary: nearValid.map((s) => ({ text: JSON.stringify({ scenario: s }), type: 'application/json', kind: 'near' })) },
  { weight: 1, arbitrary: fc.tuple(nearValid, fc.constantFrom('trials', 'seed'), fc.constantFrom(0, -5, 1.5, 'x', 2e6, null)).map(([s, k, v]) => ({ text: JSON.stringify({ scenario: s, [k]: v }), type: 'application/json', kind: 'near' })) },
  { weight: 1, arbitrary: validScenario.map((s) => ({ text: JSON.stringify({ yaml: JSON.stringify(s) }), type: 'application/json', kind: 'valid' })) },
  { weight: 3, arbitrary: garbage.map((g) => ({ text: typeof g === 'string' ? g : (JSON.stringify(g) ?? ''), type: 'application/json', kind: 'garbage' })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((t) => ({ text: t, type: 'application/yaml', kind: 'garbage' })) },
);

let app: SalesimApp;
const counts = { simulate: new Map<number, number>(), scenarios: new Map<number, number>() };

beforeAll(() => {
  // a body naming no trial count runs to the default precision, capped by what the budget fits: a small
  // trials x months budget keeps those runs (and the fuzz) short; every valid body here asks for 3 trials x 6 months at most.
  // 600 (100 trials at 6 months) rather than 3,000: the same statuses body for body (775/1,225, 256/744,
  // 736/1,264 with these seeds), the ~100 default-precision runs a fifth as long
  app = testApp({ limits: { maxTrialMonths: 600 } });
});
afterAll(async () => {
  await app.close();
  for (const [k, m] of Object.entries(counts)) console.log(`fuzz /api/${k}: ${[...m.values()].reduce((a, b) => a + b, 0)} bodies, statuses ${JSON.stringify(Object.fromEntries(m))}`);
});

async function check(path: string, body: { text: string; type: string; kind: string }, tally: Map<number, number>) {
  const res = await app.request(path, { method: 'POST', body: body.text, headers: { 'content-type': body.type } });
  tally.set(res.status, (tally.get(res.status) ?? 0) + 1);
  expect(res.status, body.text.slice(0, 300)).toBeLessThan(500);
  const json = (await res.json()) as Json;
  if (body.kind === 'valid') expect(res.status, JSON.stringify(json).slice(0, 300)).toBeLessThan(300);
  if (res.status === 400) {
    const errors = json.errors as Json[];
    expect(Array.isArray(errors) && errors.length > 0).toBe(true);
    for (const e of errors) {
      expect('path' in e && (e.path === null || typeof e.path === 'string')).toBe(true);
      expect(typeof e.rule).toBe('string');
      expect(typeof e.message).toBe('string');
    }
    // a scenario-level mistake is located by a field path
    if (body.kind === 'near') expect(errors.some((e) => typeof e.path === 'string' && e.path.length > 0), JSON.stringify(errors)).toBe(true);
  }
}

describe('fuzz', () => {
  it(`POST /api/simulate: ${RUNS} bodies, no 5xx, every 400 with paths`, async () => {
    await fc.assert(fc.asyncProperty(simulateBody, (b) => check('/api/simulate', b, counts.simulate)), { numRuns: RUNS, seed: 42 });
    expect(counts.simulate.get(200) ?? 0).toBeGreaterThan(RUNS / 10);
    expect(counts.simulate.get(400) ?? 0).toBeGreaterThan(RUNS / 10);
  }, 600_000);

  it('POST /api/compare and /api/sensitivity: 1,000 bodies, no 5xx', async () => {
    const tally = new Map<number, number>();
    const patch = fc.oneof(fc.constant({}), nearValid.map((s) => ({ reps: s.reps })), fc.record({ reps: fc.record({ winRate: winRate }) }), fc.anything({ maxDepth: 2 }));
    const compareBody = fc.oneof(
      fc.tuple(validScenario, patch, fc.boolean()).map(([b, p, study]) => {
        const c = { baseline: b, variants: [{ name: 'v', patch: p }] };
        return { text: JSON.stringify(study ? { trials: 2, compare: c } : { ...c, trials: 2 }), type: 'application/json', kind: 'garbage' };
      }),
      garbage.map((g) => ({ text: typeof g === 'string' ? g : (JSON.stringify(g) ?? ''), type: 'application/json', kind: 'garbage' })),
    );
    const sensitivityBody = fc.oneof(
      fc.tuple(validScenario, fc.option(fc.array(fc.record({ path: fc.constantFrom('reps.winRate', 'reps.dealSize', 'reps.nope', 'attrition.annualRate', 'x[0]', ''), low: fc.double(), high: fc.double() }), { maxLength: 2 }))).map(([s, params]) => ({
        text: JSON.stringify({ scenario: s, trials: 2, ...(params ? { params } : {}) }),
        type: 'application/json',
        kind: 'garbage',
      })),
      garbage.map((g) => ({ text: typeof g === 'string' ? g : (JSON.stringify(g) ?? ''), type: 'application/json', kind: 'garbage' })),
    );
    await fc.assert(fc.asyncProperty(compareBody, (b) => check('/api/compare', b, tally)), { numRuns: 500, seed: 44 });
    await fc.assert(fc.asyncProperty(sensitivityBody, (b) => check('/api/sensitivity', b, tally)), { numRuns: 500, seed: 45 });
    console.log(`fuzz /api/compare + /api/sensitivity: 1000 bodies, statuses ${JSON.stringify(Object.fromEntries(tally))}`);
    expect(tally.get(200) ?? 0).toBeGreaterThan(50);
  }, 600_000);

  it(`POST /api/scenarios: ${RUNS} bodies, no 5xx, every 400 with paths`, async () => {
    const scenariosBody = simulateBody.map((b) => ({ ...b, text: b.text.replace(/,"trials":\d+}$/, '}') }));
    await fc.assert(fc.asyncProperty(scenariosBody, (b) => check('/api/scenarios', b, counts.scenarios)), { numRuns: RUNS, seed: 43 });
    expect(counts.scenarios.get(201) ?? 0).toBeGreaterThan(RUNS / 10);
  }, 600_000);
});
