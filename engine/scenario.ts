/**
 * The scenario file: one zod schema for every block of DESIGN.md §6, the defaults of §8,
 * YAML or JSON text, unknown fields rejected, and a JSON Schema exported from the same schema.
 */
import { z } from 'zod';
import { parseDocument } from 'yaml';
import { InputError, formatPath, issue, type InputIssue } from './errors.js';

const BETWEEN_0_1 = 'must be between 0 and 1';
const num = () => z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');
const prob = () => z.number({ error: 'must be a number' }).min(0, BETWEEN_0_1).max(1, BETWEEN_0_1);
const nonNeg = () => z.number({ error: 'must be a number' }).min(0, 'must be >= 0').refine(Number.isFinite, 'must be a finite number');
const pos = () => z.number({ error: 'must be a number' }).gt(0, 'must be > 0').refine(Number.isFinite, 'must be a finite number');
const int = (min: number, max?: number) => {
  let s = z.number({ error: 'must be a number' }).int('must be a whole number').min(min, max === undefined ? `must be >= ${min}` : `must be between ${min} and ${max}`);
  if (max !== undefined) s = s.max(max, `must be between ${min} and ${max}`);
  return s;
};
const str = () => z.string({ error: 'must be a string' });
const bool = () => z.boolean({ error: 'must be true or false' });

/** A probability distribution for win rates: a scalar, a Beta by mean and concentration, or exact tiers. */
const BetaSpec = z.strictObject({ mean: prob(), concentration: pos() });
const TierSpec = z.strictObject({
  share: prob(),
  mean: prob(),
  /** absent: every rep of the tier has exactly `mean` */
  concentration: pos().nullable().default(null),
});
const TiersSpec = z.strictObject({ tiers: z.array(TierSpec, { error: 'must be a list' }).min(1, 'must have at least one tier') });
export const WinRateSchema = z.union([prob(), BetaSpec, TiersSpec], { error: 'must be a number between 0 and 1, { mean, concentration } or { tiers: [...] }' });

const DealSizeSchema = z.union([pos(), z.strictObject({ median: pos(), sigma: nonNeg() })], {
  error: 'must be a positive number or { median, sigma }',
});
const TimeToFillSchema = z.union([nonNeg(), z.strictObject({ mean: nonNeg(), sd: nonNeg() })], {
  error: 'must be a number of months or { mean, sd }',
});

const TerritorySchema = z.strictObject({
  name: str().min(1, 'must not be empty'),
  seats: int(0, 100_000),
  potential: pos().nullable().default(null),
});

const RepsSchema = z.strictObject({
  seats: int(0, 100_000).optional(),
  opportunitiesPerMonth: nonNeg(),
  winRate: WinRateSchema,
  dealSize: DealSizeSchema,
  repDealSizeSpread: nonNeg().default(0),
  cycleMonths: num().min(1, 'must be >= 1').default(3),
  noDecisionRate: prob().default(0),
  capacity: pos().nullable().default(null),
  initialPipeline: z.enum(['steady-state', 'empty'], { error: 'must be steady-state or empty' }).default('steady-state'),
});

const HiringSchema = z.strictObject({
  plan: z
    .array(
      z.strictObject({
        month: int(1, 120),
        seats: int(0, 100_000),
        territory: str().optional(),
      }),
      { error: 'must be a list' },
    )
    .default([]),
  backfill: bool().default(true),
  timeToFillMonths: TimeToFillSchema.default(2),
  ramp: z
    .strictObject({
      months: nonNeg().max(120, 'must be <= 120').default(5),
      curve: z.enum(['linear', 's-curve', 'step'], { error: 'must be linear, s-curve or step' }).default('linear'),
    })
    .default({ months: 5, curve: 'linear' }),
  onboardingCapacityPerMonth: int(1).nullable().default(null),
  newHireWinRate: WinRateSchema.nullable().default(null),
  costPerHire: nonNeg().default(0),
});

const AttritionSchema = z.strictObject({
  annualRate: prob(),
  pipelineLossOnExit: prob().default(0.5),
  lowPerformerExit: z
    .strictObject({ attainmentBelow: nonNeg(), consecutiveQuarters: int(1, 40).default(2) })
    .nullable()
    .default(null),
});

const LeadershipSchema = z.strictObject({
  tenureMonths: z.strictObject({ mean: pos(), shape: pos().default(1) }),
  vacancyMonths: nonNeg().default(0),
  disruption: z
    .strictObject({ months: int(0, 120), productivityDip: prob().default(0), attritionMultiplier: nonNeg().default(1) })
    .nullable()
    .default(null),
  changeProgram: z.strictObject({ monthsToEffect: nonNeg(), winRateLift: nonNeg() }).nullable().default(null),
  impatience: z.strictObject({ graceMonths: nonNeg(), attainmentBelow: nonNeg() }).nullable().default(null),
});

const ProgrammeSchema = z.strictObject({
  name: str().default('Programme'),
  startMonth: int(1, 120).default(1),
  endMonth: int(1, 120).nullable().default(null),
  monthsToFullEffect: nonNeg().default(0),
  target: z.enum(['all', 'bottom80', 'newHires'], { error: 'must be all, bottom80 or newHires' }).default('all'),
  adoption: prob().default(1),
  gapClosed: prob().default(0),
  rampMonthsSaved: nonNeg().default(0),
  noDecisionCut: prob().default(0),
  sellingTimeGain: nonNeg().default(0),
  cost: z.strictObject({ oneTime: nonNeg().default(0), perRepPerMonth: nonNeg().default(0) }).default({ oneTime: 0, perRepPerMonth: 0 }),
});

const QuotaSchema = z.strictObject({
  method: z.enum(['flat', 'potential', 'none'], { error: 'must be flat, potential or none' }).default('flat'),
  annualPerRep: nonNeg().nullable().default(null),
  rampAdjusted: bool().default(true),
  plan: pos().nullable().default(null),
});

const CoverageSchema = z.strictObject({
  policy: z.enum(['none', 'global', 'individual'], { error: 'must be none, global or individual' }).default('none'),
  multiple: pos().default(3),
  paddingQuality: prob().default(0.2),
});

const CostsSchema = z.strictObject({
  repAnnualCost: nonNeg().default(0),
  managerSpan: int(1).nullable().default(null),
  managerAnnualCost: nonNeg().default(0),
  leaderSearchCost: nonNeg().default(0),
  vacancyMonthlyCost: nonNeg().default(0),
});

/** An ARR distribution: a fixed value or lognormal by median and sigma (like deal sizes). */
const ArrSchema = z.union([pos(), z.strictObject({ median: pos(), sigma: nonNeg() })], {
  error: 'must be a positive number or { median, sigma }',
});

/**
 * Recurring revenue (optional; absent = one-off bookings only). Each won deal becomes a customer whose ARR
 * is the deal size (ACV); churn is a hazard from the annual gross (logo) churn rate, decided every month
 * or only at contract anniversaries; retained ARR expands at the annual net expansion rate (compounded
 * monthly); customers yield referral opportunities; a customer-experience programme lowers churn and
 * raises expansion and referrals.
 */
const CustomersSchema = z.strictObject({
  annualChurn: prob(),
  churnDecided: z.enum(['monthly', 'anniversary'], { error: 'must be monthly or anniversary' }).default('monthly'),
  annualExpansion: nonNeg().default(0),
  grossMargin: prob().default(1),
  initial: z
    .union([z.literal('steady-state', { error: "must be 'steady-state' or { count, arr }" }), z.strictObject({ count: int(0, 1_000_000), arr: ArrSchema })], {
      error: "must be 'steady-state' or { count, arr }",
    })
    .nullable()
    .default(null),
  referrals: z
    .strictObject({ perCustomerPerYear: nonNeg(), winRate: prob() })
    .nullable()
    .default(null),
  experience: z
    .strictObject({
      name: str().default('Customer success'),
      startMonth: int(1, 120).default(1),
      monthsToFullEffect: nonNeg().default(0),
      churnCut: prob().default(0),
      expansionLift: nonNeg().default(0),
      referralLift: nonNeg().default(0),
      cost: z
        .strictObject({ oneTime: nonNeg().default(0), perMonth: nonNeg().default(0), perCustomerPerMonth: nonNeg().default(0) })
        .default({ oneTime: 0, perMonth: 0, perCustomerPerMonth: 0 }),
    })
    .nullable()
    .default(null),
});

/** The scenario file schema (input form: fields may be absent and take defaults). */
export const ScenarioSchema = z
  .strictObject({
    $schema: str().optional(),
    name: str().default('Untitled scenario'),
    description: str().optional(),
    horizonMonths: int(1, 120).default(12),
    trials: int(1, 1_000_000).default(2000),
    seed: int(0, 2 ** 32 - 1).default(1),
    territories: z.array(TerritorySchema, { error: 'must be a list' }).min(1, 'must have at least one territory').nullable().optional(),
    reps: RepsSchema,
    hiring: HiringSchema.nullable().optional(),
    attrition: AttritionSchema.nullable().optional(),
    leadership: LeadershipSchema.nullable().optional(),
    enablement: z.array(ProgrammeSchema, { error: 'must be a list' }).default([]),
    quota: QuotaSchema.nullable().optional(),
    coverage: CoverageSchema.nullable().optional(),
    costs: CostsSchema.nullable().optional(),
    customers: CustomersSchema.nullable().optional(),
  })
  .superRefine((s, ctx) => {
    const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (!s.territories && s.reps.seats === undefined) add(['reps', 'seats'], 'is required when there are no territories');
    if (s.territories && s.reps.seats !== undefined) {
      const total = s.territories.reduce((a, t) => a + t.seats, 0);
      if (total !== s.reps.seats) add(['reps', 'seats'], `must equal the territories' total seats (${total}) or be left out`);
    }
    if (s.territories) {
      const seen = new Set<string>();
      s.territories.forEach((t, i) => {
        if (seen.has(t.name)) add(['territories', i, 'name'], 'must be unique');
        seen.add(t.name);
      });
    }
    const checkTiers = (w: unknown, path: (string | number)[]) => {
      if (w && typeof w === 'object' && 'tiers' in w) {
        const tiers = (w as { tiers: { share: number }[] }).tiers;
        const sum = tiers.reduce((a, t) => a + t.share, 0);
        if (Math.abs(sum - 1) > 1e-9) add([...path, 'tiers'], `shares must add up to 1 (they add up to ${+sum.toFixed(6)})`);
      }
    };
    checkTiers(s.reps.winRate, ['reps', 'winRate']);
    if (s.hiring) {
      checkTiers(s.hiring.newHireWinRate, ['hiring', 'newHireWinRate']);
      const names = new Set((s.territories ?? [{ name: DEFAULT_TERRITORY }]).map((t) => t.name));
      s.hiring.plan.forEach((p, i) => {
        if (p.territory !== undefined && !names.has(p.territory)) add(['hiring', 'plan', i, 'territory'], `must name a territory (${[...names].join(', ')})`);
        if (p.month > s.horizonMonths) add(['hiring', 'plan', i, 'month'], `must be within the horizon (1..${s.horizonMonths})`);
      });
    }
    s.enablement.forEach((e, i) => {
      if (e.endMonth !== null && e.endMonth < e.startMonth) add(['enablement', i, 'endMonth'], 'must be >= startMonth');
    });
    if (s.quota && s.quota.method !== 'none') {
      if (s.quota.annualPerRep === null && s.quota.plan === null) add(['quota', 'annualPerRep'], `is required when quota.method is ${s.quota.method}`);
      if (s.quota.method === 'potential') {
        (s.territories ?? []).forEach((t, i) => {
          if (t.potential === null) add(['territories', i, 'potential'], 'must be a number when quota.method is potential');
        });
        if (!s.territories) add(['territories'], 'are required when quota.method is potential');
      }
    }
    if (s.coverage && s.coverage.policy !== 'none' && (!s.quota || s.quota.method === 'none' || s.quota.annualPerRep === null))
      add(['coverage', 'policy'], 'needs a per-rep quota (quota.annualPerRep) to measure coverage against');
    if (s.customers?.experience && s.customers.experience.startMonth > s.horizonMonths)
      add(['customers', 'experience', 'startMonth'], `must be within the horizon (1..${s.horizonMonths})`);
    if (s.customers?.initial === 'steady-state' && s.customers.annualChurn === 0)
      add(['customers', 'initial'], 'steady-state needs annualChurn > 0 (without churn the base has no steady state)');
  });

export const DEFAULT_TERRITORY = 'All';

export type ScenarioInput = z.input<typeof ScenarioSchema>;
type Parsed = z.output<typeof ScenarioSchema>;
export type WinRateSpec = z.output<typeof WinRateSchema>;
export type Territory = z.output<typeof TerritorySchema>;
export type Programme = z.output<typeof ProgrammeSchema>;
export type Customers = z.output<typeof CustomersSchema>;

/** A resolved scenario: every default filled, territories explicit, absent blocks null. */
export interface Scenario extends Omit<Parsed, 'territories' | 'hiring' | 'attrition' | 'leadership' | 'quota' | 'coverage' | 'costs' | 'customers' | '$schema'> {
  territories: Territory[];
  hiring: z.output<typeof HiringSchema> | null;
  attrition: z.output<typeof AttritionSchema> | null;
  leadership: z.output<typeof LeadershipSchema> | null;
  quota: z.output<typeof QuotaSchema> | null;
  coverage: z.output<typeof CoverageSchema> | null;
  costs: z.output<typeof CostsSchema> | null;
  /** absent (null): bookings only, bit-identical to a scenario without the block */
  customers?: Customers | null;
}

/** Maps zod issues to the project's error shape, picking the most specific branch of a union. */
export function zodIssues(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = [], raw?: unknown): InputIssue[] {
  const out: InputIssue[] = [];
  for (const is of issues) {
    const path = [...prefix, ...(is.path as (string | number)[])];
    if (raw !== undefined && valueAt(raw, path) === undefined && (is.code === 'invalid_union' || is.code === 'invalid_type')) {
      out.push(issue(formatPath(path), 'is required'));
      continue;
    }
    if (is.code === 'invalid_union' && 'errors' in is && is.errors.length > 0) {
      // a value of the wrong kind for every branch: one message naming what is accepted
      const branches = is.errors.map((b) => b.filter((x) => !(x.code === 'invalid_type' && x.path.length === 0)));
      const specific = branches.filter((b, i) => b.length > 0 && b.length === is.errors[i].length);
      if (specific.length > 0) {
        const best = specific.reduce((a, b) => (b.length < a.length ? b : a));
        out.push(...zodIssues(best, path, raw));
        continue;
      }
      out.push(issue(formatPath(path), is.message));
      continue;
    }
    if (is.code === 'unrecognized_keys') {
      for (const k of is.keys) out.push(issue(formatPath([...path, k]), 'is not a known field'));
      continue;
    }
    if (is.code === 'invalid_type' && is.message.startsWith('Invalid input')) {
      out.push(issue(formatPath(path), is.input === undefined ? 'is required' : `must be a ${is.expected}`));
      continue;
    }
    if (is.code === 'invalid_type' && (is as { input?: unknown }).input === undefined) {
      out.push(issue(formatPath(path), 'is required'));
      continue;
    }
    out.push(issue(formatPath(path), is.message));
  }
  return out;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** Parses YAML or JSON text into a plain value; syntax errors carry line and column. */
export function parseText(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const rule = e.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
        return { path: null, rule, message: `line ${pos?.line ?? 1}, column ${pos?.col ?? 1}: ${rule}`, line: pos?.line ?? 1, column: pos?.col ?? 1 };
      }),
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // e.g. an alias with no anchor (`reps: *missing`) or an alias bomb: the YAML is well-formed but not a value
    const rule = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new InputError([{ path: null, rule, message: `line 1, column 1: ${rule}`, line: 1, column: 1 }]);
  }
}

/**
 * Validates and resolves a scenario from YAML/JSON text or a plain object.
 * Throws an `InputError` listing every problem with its field path and rule.
 * @example parseScenario('reps: { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 25000 }').horizonMonths // 12
 */
export function parseScenario(input: string | unknown): Scenario {
  const raw = typeof input === 'string' ? parseText(input) : input;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError([issue(null, 'a scenario must be a mapping of fields (an object)')]);
  }
  const r = ScenarioSchema.safeParse(raw);
  if (!r.success) throw new InputError(zodIssues(r.error.issues, [], raw));
  const s = r.data;
  const territories = s.territories ?? [{ name: DEFAULT_TERRITORY, seats: s.reps.seats ?? 0, potential: null }];
  const { $schema: _ignored, ...rest } = s;
  const reps = { ...s.reps, seats: territories.reduce((a, t) => a + t.seats, 0) };
  return {
    ...rest,
    territories,
    reps,
    hiring: s.hiring ?? null,
    attrition: s.attrition ?? null,
    leadership: s.leadership ?? null,
    quota: s.quota ?? null,
    coverage: s.coverage ?? null,
    costs: s.costs ?? null,
    ...(s.customers ? { customers: s.customers } : {}),
  };
}

/**
 * Checks a scenario without throwing.
 * @example validateScenario({}).ok // false
 */
export function validateScenario(input: string | unknown): { ok: true; scenario: Scenario } | { ok: false; errors: InputIssue[] } {
  try {
    return { ok: true, scenario: parseScenario(input) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, errors: e.errors };
    throw e;
  }
}

/** The scenario JSON Schema (draft 2020-12), for editors' autocompletion and the HTTP API. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://salesim.dev/scenario.schema.json', title: 'salesim scenario' };
}

/** Canonical JSON (sorted keys) used for hashing. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/**
 * A stable 64-bit hash (hex) of the resolved scenario's model: trials, seed and name excluded,
 * so two files that describe the same organisation hash alike.
 * @example scenarioHash(parseScenario({ reps: { seats: 1, opportunitiesPerMonth: 1, winRate: 0.2, dealSize: 1 } })).length // 16
 */
export function scenarioHash(s: Scenario): string {
  const { trials: _t, seed: _s, name: _n, description: _d, ...model } = s;
  const text = canonicalJson(model);
  let h1 = 0xdeadbeef ^ 0,
    h2 = 0x41c6ce57 ^ 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
