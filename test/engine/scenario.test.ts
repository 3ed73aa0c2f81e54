import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, validateScenario, scenarioJsonSchema, scenarioHash, InputError } from '../../engine/index.js';

const minimal = { reps: { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 25000 } };

function errorsOf(input: unknown) {
  const r = validateScenario(input);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('parseScenario', () => {
  it('fills the defaults of each block schema', () => {
    const s = parseScenario(minimal);
    expect(s.horizonMonths).toBe(12);
    expect(s.trials).toBe(2000);
    expect(s.seed).toBe(1);
    expect(s.territories).toEqual([{ name: 'All', seats: 10, potential: null }]);
    expect(s.reps).toMatchObject({ repDealSizeSpread: 0, cycleMonths: 3, noDecisionRate: 0, capacity: null, initialPipeline: 'steady-state' });
    expect(s.hiring).toBeNull();
    expect(s.quota).toBeNull();
    expect(s.enablement).toEqual([]);
  });
  it('fills block defaults when a block is present', () => {
    const s = parseScenario({ ...minimal, hiring: {}, attrition: { annualRate: 0.3 }, leadership: { tenureMonths: { mean: 19 } }, quota: { annualPerRep: 1 }, coverage: {}, enablement: [{}] });
    expect(s.hiring).toMatchObject({ plan: [], backfill: true, timeToFillMonths: 2, ramp: { months: 5, curve: 'linear' }, onboardingCapacityPerMonth: null, newHireWinRate: null, costPerHire: 0 });
    expect(s.attrition).toMatchObject({ pipelineLossOnExit: 0.5, lowPerformerExit: null });
    expect(s.leadership).toMatchObject({ tenureMonths: { mean: 19, shape: 1 }, vacancyMonths: 0, disruption: null, changeProgram: null, impatience: null });
    expect(s.quota).toMatchObject({ method: 'flat', rampAdjusted: true, plan: null });
    expect(s.coverage).toMatchObject({ policy: 'none', multiple: 3, paddingQuality: 0.2 });
    expect(s.enablement[0]).toMatchObject({ monthsToFullEffect: 0, target: 'all', adoption: 1, gapClosed: 0, endMonth: null, cost: { oneTime: 0, perRepPerMonth: 0 } });
  });
  it('accepts YAML and JSON text alike and ignores $schema', () => {
    const y = parseScenario('reps: { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 25000 }');
    const j = parseScenario(JSON.stringify({ $schema: 'x', ...minimal }));
    expect(j).toEqual(y);
  });
  it('names the path and the rule of every problem', () => {
    expect(errorsOf({ reps: { ...minimal.reps, winRate: { mean: 1.5, concentration: 8 } } })).toEqual([
      { path: 'reps.winRate.mean', rule: 'must be between 0 and 1', message: 'reps.winRate.mean: must be between 0 and 1' },
    ]);
    const errs = errorsOf({ territories: [{ name: 'A', seats: 3 }, { name: 'B', seats: 2, potential: -1 }], reps: { ...minimal.reps, seats: undefined, colour: 'red' } });
    expect(errs.map((e) => e.path)).toEqual(['territories[1].potential', 'reps.colour']);
    expect(errs[1].rule).toBe('is not a known field');
  });
  it('reports required fields as required', () => {
    const errs = errorsOf({ reps: { seats: 1 } });
    expect(errs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'reps.opportunitiesPerMonth', rule: 'is required' }),
        expect.objectContaining({ path: 'reps.winRate', rule: 'is required' }),
        expect.objectContaining({ path: 'reps.dealSize', rule: 'is required' }),
      ]),
    );
  });
  it('gives YAML syntax errors a line and column', () => {
    const errs = errorsOf('name: x\nreps: [1, 2\n');
    expect(errs[0].path).toBeNull();
    expect(errs[0].line).toBeGreaterThanOrEqual(1);
    expect(errs[0].column).toBeGreaterThanOrEqual(1);
  });
  it('turns unresolved YAML aliases and alias bombs into input errors, not exceptions', () => {
    expect(errorsOf('reps: *missing\n')[0].rule).toMatch(/alias/i);
    const bomb = ['a: &a [1, 2]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]', 'reps: { seats: 1 }'].join('\n');
    expect(errorsOf(bomb)[0].path).toBeNull();
  });
  it('checks cross-field rules', () => {
    expect(errorsOf({ ...minimal, reps: { ...minimal.reps, winRate: { tiers: [{ share: 0.5, mean: 0.1 }] } } })[0]).toMatchObject({ path: 'reps.winRate.tiers' });
    expect(errorsOf({ ...minimal, hiring: { plan: [{ month: 1, seats: 2, territory: 'Mars' }] } })[0]).toMatchObject({ path: 'hiring.plan[0].territory' });
    expect(errorsOf({ ...minimal, quota: { method: 'potential', annualPerRep: 1 } })[0]).toMatchObject({ path: 'territories' });
    expect(errorsOf({ ...minimal, coverage: { policy: 'global' } })[0]).toMatchObject({ path: 'coverage.policy' });
    expect(errorsOf({ reps: { ...minimal.reps, seats: undefined } })[0]).toMatchObject({ path: 'reps.seats', rule: 'is required when there are no territories' });
  });
  it('rejects a non-object scenario', () => {
    expect(() => parseScenario('42')).toThrow(InputError);
  });
  it('exports a JSON Schema that knows every block', () => {
    const js = scenarioJsonSchema() as { properties: Record<string, unknown> };
    for (const k of ['territories', 'reps', 'hiring', 'attrition', 'leadership', 'enablement', 'quota', 'coverage', 'costs']) expect(js.properties).toHaveProperty(k);
  });
  it('hashes the model, not the run settings', () => {
    const a = parseScenario(minimal);
    expect(scenarioHash(parseScenario({ ...minimal, trials: 5, seed: 9, name: 'x' }))).toBe(scenarioHash(a));
    expect(scenarioHash(parseScenario({ ...minimal, horizonMonths: 13 }))).not.toBe(scenarioHash(a));
  });
});

const prob = fc.double({ min: 0, max: 1, noNaN: true });
const validScenario = fc.record({
  horizonMonths: fc.integer({ min: 1, max: 120 }),
  reps: fc.record({
    seats: fc.integer({ min: 0, max: 500 }),
    opportunitiesPerMonth: fc.double({ min: 0, max: 50, noNaN: true }),
    winRate: fc.oneof(prob, fc.record({ mean: prob, concentration: fc.double({ min: 0.01, max: 100, noNaN: true }) })),
    dealSize: fc.oneof(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.record({ median: fc.double({ min: 1, max: 1e6, noNaN: true }), sigma: fc.double({ min: 0, max: 2, noNaN: true }) })),
    cycleMonths: fc.double({ min: 1, max: 24, noNaN: true }),
    noDecisionRate: prob,
  }),
  attrition: fc.option(fc.record({ annualRate: prob }), { nil: undefined }),
});

type Mutation = { path: string; apply: (s: Record<string, any>) => void };
const mutations: Mutation[] = [
  { path: 'horizonMonths', apply: (s) => (s.horizonMonths = 0) },
  { path: 'horizonMonths', apply: (s) => (s.horizonMonths = 1.5) },
  { path: 'reps.opportunitiesPerMonth', apply: (s) => (s.reps.opportunitiesPerMonth = -1) },
  { path: 'reps.winRate', apply: (s) => (s.reps.winRate = 'high') },
  { path: 'reps.winRate.mean', apply: (s) => (s.reps.winRate = { mean: 2, concentration: 3 }) },
  { path: 'reps.dealSize.sigma', apply: (s) => (s.reps.dealSize = { median: 10, sigma: -1 }) },
  { path: 'reps.cycleMonths', apply: (s) => (s.reps.cycleMonths = 0.5) },
  { path: 'reps.noDecisionRate', apply: (s) => (s.reps.noDecisionRate = 1.01) },
  { path: 'reps.extra', apply: (s) => (s.reps.extra = 1) },
  { path: 'attrition.annualRate', apply: (s) => (s.attrition = { annualRate: -0.1 }) },
  { path: 'hiring.ramp.curve', apply: (s) => (s.hiring = { ramp: { curve: 'cubic' } }) },
  { path: 'enablement[0].target', apply: (s) => (s.enablement = [{ target: 'top' }]) },
];

describe('scenario properties', () => {
  it('every generated valid scenario parses', () => {
    fc.assert(
      fc.property(validScenario, (raw) => {
        const r = validateScenario(raw);
        expect(r.ok).toBe(true);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
  it('every generated invalid scenario fails with the mutated path', () => {
    fc.assert(
      fc.property(validScenario, fc.constantFrom(...mutations), (raw, mut) => {
        const s = structuredClone(raw) as Record<string, any>;
        mut.apply(s);
        const r = validateScenario(s);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(mut.path);
      }),
      { numRuns: 300, seed: 43 },
    );
  });
});
