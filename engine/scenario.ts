/**
 * The scenario file: one zod schema for every block of DESIGN.md §6, the defaults of §8,
 * YAML or JSON text, unknown fields rejected, and a JSON Schema exported from the same schema.
 */
import { z } from 'zod';
import { LineCounter, parseDocument, visit } from 'yaml';
import { InputError, formatPath, issue, type InputIssue } from './errors.js';
import { MAX_DEPTH, MAX_TEXT_CHARS, valueDepth, yamlTextDepth } from './textLimits.js';
import { DistributionSchema } from './uncertainty/distribution.js';
import { resolveUncertainty, takeDistributions, type Uncertainty } from './uncertainty/resolve.js';
import { withDistributions } from './uncertainty/jsonSchema.js';

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

/** Won deal sizes as they are (a price list, or every won amount of a history): sampled exactly by inversion. */
const EmpiricalDealSize = z.strictObject({
  empirical: z
    .array(z.number({ error: 'must be a number' }).gt(0, 'must be positive').refine(Number.isFinite, 'must be a finite number'), { error: 'must be a list of amounts' })
    .min(1, 'must have at least one amount')
    .max(1_000_000, 'must have at most 1000000 amounts'),
});
const DealSizeSchema = z.union([pos(), z.strictObject({ median: pos(), sigma: nonNeg() }), EmpiricalDealSize], {
  error: 'must be a positive number, { median, sigma } or { empirical: [amounts] }',
});

const monthText = () => str().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
/** The market: growth of opportunity supply and month-of-year multipliers on arrivals (engine/model/market.ts). */
const MarketSchema = z.strictObject({
  /** annual growth of opportunity supply: 0.1 = +10% a year */
  annualGrowth: num().gt(-1, 'must be > -1').default(0),
  /** 12 month-of-year multipliers on arrivals, January first, averaging 1 */
  seasonality: z
    .array(pos(), { error: 'must be a list of 12 multipliers' })
    .length(12, 'must have 12 month-of-year multipliers (January first)')
    .default([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
  /** calendar month of simulation month 1 (names the month of year); null = month 1 is a January */
  start: monthText().nullable().default(null),
  /** month in which reps.opportunitiesPerMonth holds before seasonality; null = start */
  baseMonth: monthText().nullable().default(null),
});
const dateText = () => str().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD');
/** One seat of an explicit starting team: held since a hire date, or vacant (engine/model/team.ts). */
const RosterSeatSchema = z.strictObject({
  /** the holder (or, for a vacant seat, its leaver): what `openPipeline[].owner` names */
  name: str().min(1, 'must not be empty').optional(),
  /** required when the scenario has more than one territory */
  territory: str().optional(),
  /** the holder's hire date (on or before asOf); absent with `vacant: true` */
  hired: dateText().optional(),
  /** the seat has no holder at asOf: it is filled after the time to fill (needs a hiring block) */
  vacant: z.literal(true, { error: 'must be true (or left out)' }).optional(),
  /** when the vacancy began (on or before asOf): the months it has been open count against the time to fill */
  since: dateText().optional(),
  /** the holder's (a vacancy's leaver's) track record before asOf: updates the prior of their win rate and deal size (engine/model/record.ts) */
  record: z
    .strictObject({
      /** decided deals won and lost (no-decisions left out) */
      won: int(0, 10_000_000),
      lost: int(0, 10_000_000),
      /** geometric mean of the won amounts; null = the deal-size multiplier is not updated */
      wonGeoMean: pos().nullable().default(null),
    })
    .optional(),
});
/** The team as it stands at `asOf`: month 1 is the month after it; each territory's seats are its entries. */
const RosterTeamSchema = z.strictObject({
  asOf: dateText(),
  roster: z.array(RosterSeatSchema, { error: 'must be a list of seats' }).min(1, 'must have at least one seat').max(100_000, 'must have at most 100000 seats'),
});
const InitialTeamSchema = z.union([z.enum(['ramped', 'steady-state'], { error: 'must be ramped or steady-state' }), RosterTeamSchema], {
  error: 'must be ramped, steady-state or { asOf, roster: [...] }',
});
/** Open opportunities at the start, each owned by a roster seat (engine/model/openBook.ts). */
const OpenDealSchema = z.strictObject({
  /** the `name` of a roster seat */
  owner: str().min(1, 'must not be empty'),
  /** whole months open at the start (month-ends survived since it was created) */
  ageMonths: int(0, 1200),
  /** its value if won; null = drawn from reps.dealSize at the win, like a new opportunity */
  amount: pos().nullable().default(null),
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

/**
 * Escalation: at each quarter end, when the team's realised win rate over the quarter (won / resolved,
 * padded opportunities included) is below 1 / multiple, leadership raises the global multiple by `step`,
 * up to `cap`; it never comes down.
 */
const EscalationSchema = z.strictObject({
  step: pos().default(1),
  cap: pos().default(7),
});

const CoverageSchema = z.strictObject({
  policy: z.enum(['none', 'global', 'individual'], { error: 'must be none, global or individual' }).default('none'),
  multiple: pos().default(3),
  paddingQuality: prob().default(0.2),
  escalation: EscalationSchema.nullable().default(null),
});

/**
 * A rep's monthly selling-time budget (hours). Real prospecting costs hoursPerOpportunity per qualified
 * opportunity, padding hoursPerPaddedOpportunity per padded one, and every open opportunity
 * hoursPerOpenOpportunityPerMonth of work a month. Padding hours come out of the next month's
 * prospecting (fewer real arrivals) and, beyond it, out of the time to work deals (diluted win rates).
 */
const SellingTimeSchema = z.strictObject({
  hoursPerMonth: pos().nullable().default(null),
  hoursPerOpportunity: pos(),
  hoursPerPaddedOpportunity: nonNeg(),
  hoursPerOpenOpportunityPerMonth: nonNeg().default(0),
});

/**
 * Stalled deals: an open opportunity that has been open for more than afterCycles x cycleMonths months
 * (paddedAfterCycles for padded ones) is stalled; a stalled opportunity resolves with probability
 * resolveMultiplier / cycleMonths a month and ends in no decision with probability noDecisionRate.
 */
const StallsSchema = z.strictObject({
  afterCycles: pos().default(2),
  paddedAfterCycles: pos().default(1),
  resolveMultiplier: z.number({ error: 'must be a number' }).gt(0, 'must be > 0 and <= 1').max(1, 'must be > 0 and <= 1').default(0.5),
  noDecisionRate: prob().default(0.6),
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

/** Leads a month: a mean (the month's count is Poisson, as independent arrivals are) or { mean, sd }: the month's mean drawn from a gamma. */
const LeadsSchema = z.union([nonNeg(), z.strictObject({ mean: nonNeg(), sd: nonNeg() })], { error: 'must be a number of leads a month or { mean, sd }' });

/**
 * Demand generation (optional; absent = opportunities only from the reps' own prospecting, as before):
 * marketing leads, worked by SDRs (optional capacity), qualified after a delay, the not-ready share
 * nurtured (or lost without a programme), the hand-off to sales and its quality penalty
 * (engine/model/demand.ts). Defaults cite DESIGN.md §1's source material.
 */
const DemandSchema = z.strictObject({
  /** leads a month (one of leadsPerMonth or budgetPerMonth; null = not given) */
  leadsPerMonth: LeadsSchema.nullable().optional(),
  /** marketing budget a month; leads a month = budgetPerMonth / costPerLead (null = not given) */
  budgetPerMonth: nonNeg().nullable().optional(),
  /** cost of one lead (charged per lead with leadsPerMonth) */
  costPerLead: nonNeg().default(0),
  /** how qualified opportunities are shared between territories: by initial seats, by potential, or by listed shares */
  routing: z
    .union(
      [
        z.enum(['seats', 'potential'], { error: 'must be seats, potential or a list of { territory, share }' }),
        z.array(z.strictObject({ territory: str(), share: prob() }), { error: 'must be a list of { territory, share }' }).min(1, 'must name at least one territory'),
      ],
      { error: 'must be seats, potential or a list of { territory, share }' },
    )
    .default('seats'),
  /** share of worked leads that become qualified opportunities; DESIGN.md §1: "about 1 in 10 prospects becomes a qualified opportunity" */
  qualifiedShare: prob().default(0.1),
  /** months from a lead being worked to its qualified opportunity reaching sales (0 = the same month) */
  qualificationDelayMonths: int(0, 24).default(0),
  /** share of worked leads not ready to buy; DESIGN.md §1: "half of leads are not ready to buy" */
  notReadyShare: prob().default(0.5),
  /** a nurturing programme for the not-ready leads; null: "most are never nurtured" (DESIGN.md §1), and they are lost */
  nurture: z
    .strictObject({
      /** share of the pool that becomes a qualified opportunity each month */
      monthlyConversion: prob(),
      /** share of the pool that leaves (buys elsewhere, goes cold) each month */
      monthlyExit: prob(),
      costPerMonth: nonNeg().default(0),
      costPerLeadPerMonth: nonNeg().default(0),
    })
    .nullable()
    .default(null),
  /** share of qualified opportunities lost in the marketing-to-sales hand-off (the "Telephone" game) */
  handoffLoss: prob().default(0),
  /** win-rate multiplier of marketing-sourced opportunities (sales and marketing disagree on what a lead is) */
  quality: z.number({ error: 'must be a number' }).min(0, 'must be between 0 and 2').max(2, 'must be between 0 and 2').default(1),
  /** SDRs who work the leads (null: every lead is worked in the month it arrives) */
  sdr: z
    .strictObject({
      count: int(0, 100_000),
      leadsPerSdrMonth: pos(),
      monthlyCost: nonNeg().default(0),
      /** months to full capacity of SDRs who start at month 1 (linear); 0 = ramped */
      rampMonths: nonNeg().default(0),
      /** share of the leads waiting for an SDR that decay (are lost) each month */
      waitDecay: prob(),
    })
    .nullable()
    .default(null),
});

/**
 * Uncertain inputs (optional; engine/uncertainty/resolve.ts): parameters drawn once per trial (also
 * written in place as a distribution at the field), their rank correlations, and the sampling design.
 */
const UncertaintySchema = z.strictObject({
  parameters: z.array(z.strictObject({ path: str(), distribution: DistributionSchema }), { error: 'must be a list' }).default([]),
  correlations: z
    .array(z.strictObject({ between: z.tuple([str(), str()], { error: 'must be [pathA, pathB]' }), rho: num() }), { error: 'must be a list' })
    .default([]),
  sampling: z.enum(['lhs', 'random'], { error: 'must be lhs or random' }).default('lhs'),
});

/** The scenario file schema (input form: fields may be absent and take defaults). */
const ScenarioBase = z.strictObject({
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
    sellingTime: SellingTimeSchema.nullable().optional(),
    stalls: StallsSchema.nullable().optional(),
    costs: CostsSchema.nullable().optional(),
    market: MarketSchema.nullable().optional(),
    initialTeam: InitialTeamSchema.optional(),
    openPipeline: z.array(OpenDealSchema, { error: 'must be a list of open opportunities' }).max(1_000_000, 'must have at most 1000000 opportunities').optional(),
    customers: CustomersSchema.nullable().optional(),
    demand: DemandSchema.nullable().optional(),
    uncertainty: UncertaintySchema.nullable().optional(),
  });
export const ScenarioSchema = ScenarioBase.superRefine((s, ctx) => {
    const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const roster = typeof s.initialTeam === 'object';
    if (!s.territories && s.reps.seats === undefined && !roster) add(['reps', 'seats'], 'is required when there are no territories');
    if (s.territories && s.reps.seats !== undefined && !roster) {
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
    if (s.market) {
      const mean = s.market.seasonality.reduce((a, b) => a + b, 0) / s.market.seasonality.length;
      if (Math.abs(mean - 1) > 1e-3) add(['market', 'seasonality'], `must average 1 (they average ${+mean.toFixed(6)})`);
      if (s.market.baseMonth !== null && s.market.start === null) add(['market', 'baseMonth'], 'needs market.start (the calendar month of month 1)');
    }
    if (s.coverage && s.coverage.policy !== 'none' && (!s.quota || s.quota.method === 'none' || s.quota.annualPerRep === null))
      add(['coverage', 'policy'], 'needs a per-rep quota (quota.annualPerRep) to measure coverage against');
    const esc = s.coverage?.escalation;
    if (esc) {
      if (s.coverage!.policy !== 'global') add(['coverage', 'escalation'], 'applies to the global policy only (policy: global)');
      if (esc.cap < s.coverage!.multiple) add(['coverage', 'escalation', 'cap'], `must be >= coverage.multiple (${s.coverage!.multiple})`);
    }
    if (s.stalls && s.stalls.paddedAfterCycles * s.reps.cycleMonths > 120) add(['stalls', 'paddedAfterCycles'], 'must give at most 120 months (x reps.cycleMonths)');
    if (s.stalls && s.stalls.afterCycles * s.reps.cycleMonths > 120) add(['stalls', 'afterCycles'], 'must give at most 120 months (x reps.cycleMonths)');
    if (s.customers?.experience && s.customers.experience.startMonth > s.horizonMonths)
      add(['customers', 'experience', 'startMonth'], `must be within the horizon (1..${s.horizonMonths})`);
    if (s.customers?.initial === 'steady-state' && s.customers.annualChurn === 0)
      add(['customers', 'initial'], 'steady-state needs annualChurn > 0 (without churn the base has no steady state)');
    if (s.customers && typeof s.reps.dealSize === 'object' && 'empirical' in s.reps.dealSize)
      add(['customers'], 'cannot be combined with an empirical reps.dealSize yet (use a fixed or lognormal deal size)');
    checkRoster(s, add);
    const d = s.demand;
    if (d) {
      if ((d.leadsPerMonth == null) === (d.budgetPerMonth == null)) add(['demand', 'leadsPerMonth'], 'give exactly one of demand.leadsPerMonth or demand.budgetPerMonth');
      if (d.budgetPerMonth != null && d.costPerLead <= 0) add(['demand', 'costPerLead'], 'must be > 0 when demand.budgetPerMonth is given');
      else {
        const lp = d.leadsPerMonth;
        const mean = d.budgetPerMonth != null ? d.budgetPerMonth / d.costPerLead : typeof lp === 'number' ? lp : (lp?.mean ?? 0);
        const sd = lp != null && typeof lp === 'object' ? lp.sd : 0;
        if (mean > 1_000_000 || sd > 1_000_000) add(['demand', d.budgetPerMonth != null ? 'budgetPerMonth' : 'leadsPerMonth'], 'must give at most 1000000 leads a month (mean and sd)');
      }
      if (d.qualifiedShare <= 1 && d.notReadyShare <= 1 && d.qualifiedShare + d.notReadyShare > 1 + 1e-12) add(['demand', 'notReadyShare'], `must be <= 1 - demand.qualifiedShare (${+(1 - d.qualifiedShare).toFixed(6)})`);
      if (d.nurture && d.nurture.monthlyConversion <= 1 && d.nurture.monthlyExit <= 1 && d.nurture.monthlyConversion + d.nurture.monthlyExit > 1 + 1e-12) add(['demand', 'nurture', 'monthlyExit'], `must be <= 1 - demand.nurture.monthlyConversion (${+(1 - d.nurture.monthlyConversion).toFixed(6)})`);
      const terr = s.territories ?? [{ name: DEFAULT_TERRITORY, potential: null }];
      if (d.routing === 'potential') terr.forEach((t, i) => t.potential === null && add(['territories', i, 'potential'], 'must be a number when demand.routing is potential'));
      if (Array.isArray(d.routing)) {
        const names = new Set(terr.map((t) => t.name));
        const seen = new Set<string>();
        d.routing.forEach((r, i) => {
          if (!names.has(r.territory)) add(['demand', 'routing', i, 'territory'], `must name a territory (${[...names].join(', ')})`);
          else if (seen.has(r.territory)) add(['demand', 'routing', i, 'territory'], 'must be listed once');
          seen.add(r.territory);
        });
        const sum = d.routing.reduce((a, r) => a + r.share, 0);
        if (Math.abs(sum - 1) > 1e-9) add(['demand', 'routing'], `shares must add up to 1 (they add up to ${+sum.toFixed(6)})`);
      }
    }
  });

/** The rules of an explicit starting team and its open pipeline that one field's schema cannot state. */
function checkRoster(s: z.output<typeof ScenarioBase>, add: (path: (string | number)[], message: string) => void): void {
  const team = typeof s.initialTeam === 'object' ? s.initialTeam : null;
  if (!team) {
    if (s.openPipeline && s.openPipeline.length > 0) add(['openPipeline'], 'needs initialTeam: { asOf, roster } (each open opportunity is owned by a roster seat)');
    return;
  }
  const names = (s.territories ?? [{ name: DEFAULT_TERRITORY }]).map((t) => t.name);
  const owners = new Set<string>();
  team.roster.forEach((r, i) => {
    const at = ['initialTeam', 'roster', i];
    if (r.territory === undefined && names.length > 1) add([...at, 'territory'], `is required when the scenario has several territories (${names.join(', ')})`);
    if (r.territory !== undefined && !names.includes(r.territory)) add([...at, 'territory'], `must name a territory (${names.join(', ')})`);
    if ((r.hired === undefined) === (r.vacant === undefined)) add(at, 'must have either hired (a held seat) or vacant: true');
    if (r.hired !== undefined && r.hired > team.asOf) add([...at, 'hired'], `must be on or before asOf (${team.asOf}); a later hire is a vacancy or a hiring.plan entry`);
    if (r.since !== undefined && r.vacant === undefined) add([...at, 'since'], 'applies to a vacant seat only (vacant: true)');
    if (r.since !== undefined && r.since > team.asOf) add([...at, 'since'], `must be on or before asOf (${team.asOf})`);
    if (r.name !== undefined) {
      if (owners.has(r.name)) add([...at, 'name'], `'${r.name}' names two seats`);
      owners.add(r.name);
    }
  });
  (s.openPipeline ?? []).forEach((d, i) => {
    if (!owners.has(d.owner)) add(['openPipeline', i, 'owner'], `'${d.owner}' is not the name of a roster seat (initialTeam.roster[].name)`);
  });
}

export const DEFAULT_TERRITORY = 'All';

export type ScenarioInput = z.input<typeof ScenarioSchema>;
type Parsed = z.output<typeof ScenarioSchema>;
export type WinRateSpec = z.output<typeof WinRateSchema>;
export type Territory = z.output<typeof TerritorySchema>;
export type Programme = z.output<typeof ProgrammeSchema>;
export type MarketSpec = z.output<typeof MarketSchema>;
export type Customers = z.output<typeof CustomersSchema>;
export type Demand = z.output<typeof DemandSchema>;

export type RosterSeat = z.output<typeof RosterSeatSchema>;
export type RosterTeam = z.output<typeof RosterTeamSchema>;
export type OpenDeal = z.output<typeof OpenDealSchema>;

/** A resolved scenario: every default filled, territories explicit, absent blocks null. */
export interface Scenario extends Omit<Parsed, 'territories' | 'hiring' | 'attrition' | 'leadership' | 'quota' | 'coverage' | 'sellingTime' | 'stalls' | 'costs' | 'market' | 'initialTeam' | 'openPipeline' | 'customers' | 'demand' | '$schema' | 'uncertainty'> {
  territories: Territory[];
  hiring: z.output<typeof HiringSchema> | null;
  attrition: z.output<typeof AttritionSchema> | null;
  leadership: z.output<typeof LeadershipSchema> | null;
  quota: z.output<typeof QuotaSchema> | null;
  coverage: z.output<typeof CoverageSchema> | null;
  sellingTime: z.output<typeof SellingTimeSchema> | null;
  stalls: z.output<typeof StallsSchema> | null;
  costs: z.output<typeof CostsSchema> | null;
  /** present only when the file has a market block (absent keeps the resolved scenario, and its hash, as before) */
  market?: MarketSpec;
  /**
   * present only as `steady-state`: the initial seats start vacant, ramping or productive in the
   * stationary proportions of attrition, time to fill, backfill and ramp (engine/model/team.ts)
   */
  initialTeam?: 'steady-state' | RosterTeam;
  /**
   * present only with a roster: the open opportunities at the start (owners are roster names). With a roster,
   * `initialTeam.roster` is in seat order (territory by territory) and each territory's `seats` is its count.
   */
  openPipeline?: OpenDeal[];
  /** absent (null): bookings only, bit-identical to a scenario without the block */
  customers?: Customers | null;
  /** demand generation; absent (null): the reps' own prospecting only, bit-identical to a scenario without the block */
  demand?: Demand | null;
  /** present only with uncertain parameters: drawn per trial (engine/model/uncertainty.ts); their fields hold the medians */
  uncertainty?: Uncertainty;
}

/** Maps zod issues to the project's error shape, picking the most specific branch of a union. */
export function zodIssues(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = [], raw?: unknown): InputIssue[] {
  const out: InputIssue[] = [];
  for (const is of issues) {
    const path = [...prefix, ...(is.path as (string | number)[])];
    // zod 4 leaves `input` out of issues (unless asked), so whether the value is missing is read from
    // the raw input when there is one: a present value of the wrong type says what type is wanted
    const missing = raw !== undefined ? valueAt(raw, path) === undefined : (is as { input?: unknown }).input === undefined;
    if (raw !== undefined && missing && (is.code === 'invalid_union' || is.code === 'invalid_type')) {
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
      out.push(issue(formatPath(path), missing ? 'is required' : `must be a ${is.expected}`));
      continue;
    }
    if (is.code === 'invalid_type' && missing) {
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

/** An issue located in the text (1-based line and column), as YAML syntax errors are reported. */
function atLine(rule: string, line: number, column: number): InputIssue {
  return { path: null, rule, message: `line ${line}, column ${column}: ${rule}`, line, column };
}

/** Offset of the innermost `[` or `{` still open at `end` (quoted scalars and comments skipped), or undefined. */
function unclosedBracket(text: string, end: number): number | undefined {
  const open: number[] = [];
  let quote = '';
  let prev = ' ';
  let lastSignificant = '\n'; // the last character that is not a space or tab
  for (let i = 0; i < end && i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) {
      while (i + 1 < end && text[i + 1] !== '\n') i++;
    } else if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) quote = c;
    // a bracket opens a collection only where a node starts (`see [1` is plain text)
    else if ((c === '[' || c === '{') && (open.length > 0 || /[\n:,[{?-]/.test(lastSignificant))) open.push(i);
    else if ((c === ']' || c === '}') && open.length > 0) open.pop();
    prev = text[i] ?? ' ';
    if (prev !== ' ' && prev !== '\t') lastSignificant = prev;
  }
  return open.at(-1);
}

/** Offset of the first non-blank content of the first line after line `line` (1-based) indented further than it. */
function overIndentedLine(text: string, lineStarts: number[], line: number): number | undefined {
  const indentAt = (i: number) => {
    const m = /^( *)(\S?)/.exec(text.slice(lineStarts[i], lineStarts[i + 1] ?? text.length));
    return m && m[2] !== '' && m[2] !== '#' ? m[1].length : -1;
  };
  const base = indentAt(line - 1);
  for (let i = line; i < lineStarts.length; i++) {
    const ind = indentAt(i);
    if (ind > base) return lineStarts[i] + ind;
    if (ind >= 0) return undefined;
  }
  return undefined;
}

/**
 * Parses YAML or JSON text into a plain value; syntax errors carry their real line and column. Text
 * over MAX_TEXT_CHARS or nested deeper than MAX_DEPTH is refused before the YAML library (which
 * recurses) sees it, with an issue naming the limit.
 */
export function parseText(text: string): unknown {
  if (text.length > MAX_TEXT_CHARS) {
    throw new InputError([issue(null, `must be at most ${MAX_TEXT_CHARS} characters (size limit)`)]);
  }
  const deep = yamlTextDepth(text, MAX_DEPTH);
  if (deep.depth > MAX_DEPTH) {
    throw new InputError([atLine(`nests deeper than ${MAX_DEPTH} levels (depth limit)`, deep.line, deep.column)]);
  }
  const lineCounter = new LineCounter();
  // prettyErrors off: its context printer is slow on long lines; positions come from the line counter
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const where = (offset: number | undefined) => lineCounter.linePos(Math.max(0, Math.min(offset ?? 0, text.length)));
  if (doc.errors.length > 0) {
    const seen = new Set<string>();
    const issues: InputIssue[] = [];
    // a bracket never closed confuses the library into errors on later lines: name the bracket first
    const unclosed = unclosedBracket(text, text.length);
    if (unclosed !== undefined) {
      const { line, col } = where(unclosed);
      seen.add(`${line}`);
      issues.push(atLine(`this '${text[unclosed]}' is never closed (a flow ${text[unclosed] === '[' ? 'sequence must end with ]' : 'mapping must end with }'})`, line, col));
    }
    for (const e of doc.errors) {
      let rule = e.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
      let at = e.pos?.[0];
      if (e.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(rule)) {
        // the library notices an unclosed bracket where the collection should have ended: point at the bracket
        at = unclosedBracket(text, at ?? text.length) ?? at;
      } else if (e.code === 'MISSING_CHAR' && /quote/.test(rule)) {
        const q = rule.includes("'") ? "'" : '"';
        const open = text.lastIndexOf(q, (at ?? text.length) - 1);
        if (open >= 0) at = open;
      } else if (unclosed === undefined && (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY')) {
        // a line indented too far continues the value above it: point at that line
        at = overIndentedLine(text, lineCounter.lineStarts, where(at).line) ?? at;
        rule = `is indented further than the keys beside it allow (${rule})`;
      }
      const { line, col } = where(at);
      if (seen.has(`${line}`)) continue;
      seen.add(`${line}`);
      issues.push(atLine(rule, line, col));
    }
    throw new InputError(issues);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // e.g. an alias with no anchor (`reps: *missing`) or an alias bomb: the YAML is well-formed but not
    // a value; located at the first alias that does not resolve, else the first alias
    const rule = e instanceof Error ? e.message.split('\n')[0] : String(e);
    let first: number | undefined;
    let unresolved: number | undefined;
    visit(doc, {
      Alias(_, node) {
        first ??= node.range?.[0];
        if (node.resolve(doc) === undefined) {
          unresolved = node.range?.[0];
          return visit.BREAK;
        }
      },
    });
    const at = unresolved ?? first;
    const { line, col } = where(at);
    throw new InputError([atLine(rule, line, col)]);
  }
  // aliases can nest what the text does not
  if (valueDepth(value, MAX_DEPTH) > MAX_DEPTH) throw new InputError([issue(null, `nests deeper than ${MAX_DEPTH} levels (depth limit)`)]);
  return value;
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
  // an object built by a caller: the same depth limit as text, before zod recurses into it
  if (typeof input !== 'string' && valueDepth(raw, MAX_DEPTH) > MAX_DEPTH) throw new InputError([issue(null, `nests deeper than ${MAX_DEPTH} levels (depth limit)`)]);
  // distributions written in place (engine/uncertainty/resolve.ts): a placeholder while the rest is validated
  const taken = takeDistributions(raw as Record<string, unknown>, (e, at) => zodIssues((e as z.ZodError).issues, at));
  const r = ScenarioSchema.safeParse(taken.raw);
  if (!r.success) throw new InputError(zodIssues(r.error.issues, [], taken.raw));
  const s = r.data;
  let territories = s.territories ?? [{ name: DEFAULT_TERRITORY, seats: s.reps.seats ?? 0, potential: null }];
  const { $schema: _ignored, market, initialTeam, openPipeline, uncertainty, ...rest } = s;
  let team: RosterTeam | null = null;
  if (typeof initialTeam === 'object') {
    // the roster decides the seats: each territory's are its entries, laid out territory by territory (seat order)
    const of = (r: RosterSeat) => (r.territory === undefined ? 0 : territories.findIndex((t) => t.name === r.territory));
    const roster = territories.flatMap((_, ti) => initialTeam.roster.filter((r) => of(r) === ti));
    territories = territories.map((t, ti) => ({ ...t, seats: roster.filter((r) => of(r) === ti).length }));
    team = { asOf: initialTeam.asOf, roster };
  }
  delete (rest as { demand?: unknown }).demand; // `demand: null` resolves (and hashes) as absent
  const reps = { ...s.reps, seats: territories.reduce((a, t) => a + t.seats, 0) };
  const resolved: Scenario = {
    ...rest,
    territories,
    reps,
    hiring: s.hiring ?? null,
    attrition: s.attrition ?? null,
    leadership: s.leadership ?? null,
    quota: s.quota ?? null,
    coverage: s.coverage ?? null,
    sellingTime: s.sellingTime ?? null,
    stalls: s.stalls ?? null,
    costs: s.costs ?? null,
    ...(market ? { market } : {}),
    // absent and `ramped` resolve alike (every initial seat held by a fully ramped rep), and keep the resolved scenario as before
    ...(initialTeam === 'steady-state' ? { initialTeam } : team ? { initialTeam: team } : {}),
    ...(team && openPipeline ? { openPipeline } : {}),
    ...(s.customers ? { customers: s.customers } : {}),
    ...(s.demand ? { demand: s.demand } : {}),
  };
  if (taken.found.length === 0 && !uncertainty) return resolved;
  return resolveUncertainty(resolved, taken.found, uncertainty, (x) => parseScenario(x), raw);
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

/**
 * The scenario JSON Schema (draft 2020-12), for editors' autocompletion and the HTTP API. Numeric fields
 * also take a distribution in place, as the parser does (engine/uncertainty/jsonSchema.ts); `distributions:
 * false` gives the model's own fields only (engine/schema-walk.ts walks that one).
 */
export function scenarioJsonSchema(opts: { distributions?: boolean } = {}): Record<string, unknown> {
  const plain = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const schema = opts.distributions === false ? plain : withDistributions(plain);
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
