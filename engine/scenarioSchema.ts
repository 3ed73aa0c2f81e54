/**
 * The scenario schema, composed from each mechanism's block (engine/mechanisms/<name>/schema.ts) plus the
 * rules that span blocks. Imports no parser code, so engine/schema-walk.ts can read it without an
 * import cycle.
 */
import { z } from 'zod';
import { withDistributions } from './uncertainty/jsonSchema.js';
import { checkCycle, checkMagnitudes, checkOpenPipeline, expectedDeal } from './runnable.js';
import { DistributionSchema } from './uncertainty/distribution.js';
import { num, prob, pos, int, str, WinRateSchema } from './kernel/schemaRules.js';

/** The name of the one territory of a scenario without a territories list. */
export const DEFAULT_TERRITORY = 'All';
export { WinRateSchema, BetaSpec, TierSpec, TiersSpec } from './kernel/schemaRules.js';
import { EmpiricalDealSize, DealSizeSchema, RepsSchema } from './mechanisms/reps/schema.js';
export { EmpiricalDealSize, DealSizeSchema, RepsSchema } from './mechanisms/reps/schema.js';
import { monthText, MarketSchema, marketPeak } from './mechanisms/market/schema.js';
export { monthText, MarketSchema } from './mechanisms/market/schema.js';
import { dateText, RosterSeatSchema, RosterTeamSchema, InitialTeamSchema } from './mechanisms/team/schema.js';
export { dateText, RosterSeatSchema, RosterTeamSchema, InitialTeamSchema } from './mechanisms/team/schema.js';
import { OpenDealSchema } from './mechanisms/openBook/schema.js';
export { OpenDealSchema } from './mechanisms/openBook/schema.js';
import { TimeToFillSchema, HiringSchema } from './mechanisms/hiring/schema.js';
export { TimeToFillSchema, HiringSchema } from './mechanisms/hiring/schema.js';
import { TerritorySchema } from './mechanisms/territories/schema.js';
export { TerritorySchema } from './mechanisms/territories/schema.js';
import { AttritionSchema } from './mechanisms/attrition/schema.js';
export { AttritionSchema } from './mechanisms/attrition/schema.js';
import { LeadershipSchema, leadershipBounds } from './mechanisms/leadership/schema.js';
export { LeadershipSchema } from './mechanisms/leadership/schema.js';
import { ProgrammeSchema } from './mechanisms/enablement/schema.js';
export { ProgrammeSchema } from './mechanisms/enablement/schema.js';
import { QuotaSchema, EscalationSchema, CoverageSchema, paddingBounds } from './mechanisms/coverage/schema.js';
export { QuotaSchema, EscalationSchema, CoverageSchema } from './mechanisms/coverage/schema.js';
import { SellingTimeSchema } from './mechanisms/sellingTime/schema.js';
export { SellingTimeSchema } from './mechanisms/sellingTime/schema.js';
import { StallsSchema, ResolutionSchema } from './mechanisms/stalls/schema.js';
export { StallsSchema, ResolutionSchema } from './mechanisms/stalls/schema.js';
import { CostsSchema } from './mechanisms/costs/schema.js';
export { CostsSchema } from './mechanisms/costs/schema.js';
import { ArrSchema, CustomersSchema } from './mechanisms/customers/schema.js';
export { ArrSchema, CustomersSchema } from './mechanisms/customers/schema.js';
import { LeadsSchema, DemandSchema } from './mechanisms/demand/schema.js';
import { DriftSchema } from './mechanisms/drift/schema.js';
import { CompensationSchema, compensationRules } from './mechanisms/compensation/schema.js';
import { RetentionSchema, retentionRules } from './mechanisms/retention/schema.js';
import { CoverageResponseSchema, coverageResponseRules } from './mechanisms/coverageResponse/schema.js';
import { ManagersSchema } from './mechanisms/managers/schema.js';
import { ScalingSchema } from './mechanisms/scaling/schema.js';
export { LeadsSchema, DemandSchema } from './mechanisms/demand/schema.js';

/**
 * Uncertain inputs (optional; engine/uncertainty/resolve.ts): parameters drawn once per trial (also
 * written in place as a distribution at the field), their rank correlations, and the sampling design.
 */
export const UncertaintySchema = z.strictObject({
  parameters: z.array(z.strictObject({ path: str(), distribution: DistributionSchema }), { error: 'must be a list' }).default([]),
  correlations: z
    .array(z.strictObject({ between: z.tuple([str(), str()], { error: 'must be [pathA, pathB]' }), rho: num() }), { error: 'must be a list' })
    .default([]),
  sampling: z.enum(['lhs', 'random'], { error: 'must be lhs or random' }).default('lhs'),
});

/** The scenario file schema (input form: fields may be absent and take defaults). */
export const ScenarioBase = z.strictObject({
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
    resolution: ResolutionSchema.nullable().optional(),
    costs: CostsSchema.nullable().optional(),
    market: MarketSchema.nullable().optional(),
    initialTeam: InitialTeamSchema.optional(),
    openPipeline: z.array(OpenDealSchema, { error: 'must be a list of open opportunities' }).max(1_000_000, 'must have at most 1000000 opportunities').optional(),
    customers: CustomersSchema.nullable().optional(),
    demand: DemandSchema.nullable().optional(),
    drift: DriftSchema.optional(),
    compensation: CompensationSchema.optional(),
    retention: RetentionSchema.optional(),
    coverageResponse: CoverageResponseSchema.optional(),
    managers: ManagersSchema.optional(),
    scaling: ScalingSchema.optional(),
    uncertainty: UncertaintySchema.nullable().optional(),
  });
/**
 * The cross-field rules of a scenario that one field's schema cannot state (the scenario schema's
 * superRefine; exported so a trial's patched scenario can be re-checked without re-parsing every block,
 * engine/uncertainty/patchedScenario.ts).
 * @example // scenarioRules(s, { addIssue: (i) => issues.push(i) })
 */
export function scenarioRules(s: z.output<typeof ScenarioBase>, ctx: { addIssue(i: { code: 'custom'; path: (string | number)[]; message: string }): void }): void {
    const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const roster = typeof s.initialTeam === 'object';
    compensationRules(s, add);
    retentionRules(s, add);
    coverageResponseRules(s, add);
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
    if (s.stalls && s.resolution) add(['resolution'], 'cannot be combined with stalls (resolution by age already says how old deals resolve)');
    if (s.resolution?.monthInQuarter && s.resolution.start === null) add(['resolution', 'start'], 'is required with monthInQuarter (the calendar month of month 1)');
    if (s.customers?.experience && s.customers.experience.startMonth > s.horizonMonths)
      add(['customers', 'experience', 'startMonth'], `must be within the horizon (1..${s.horizonMonths})`);
    if (s.customers?.initial === 'steady-state' && s.customers.annualChurn === 0)
      add(['customers', 'initial'], 'steady-state needs annualChurn > 0 (without churn the base has no steady state)');
    if (s.customers && typeof s.reps.dealSize === 'object' && 'empirical' in s.reps.dealSize)
      add(['customers'], 'cannot be combined with an empirical reps.dealSize yet (use a fixed or lognormal deal size)');
    checkRoster(s, add);
    checkRunnable(s, add);
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
  }
export const ScenarioSchema = ScenarioBase.superRefine(scenarioRules);

/**
 * What the engine can run, beyond what one field's schema states (engine/runnable.ts): every number within the
 * kernel's magnitudes, then the leader's tenure, the core's cycle, the market's growth and a seat's open and padded
 * pipeline within its 32-bit counts (the two pipelines only when the market's growth is within bounds). `s` is the
 * parsed scenario (defaults filled in).
 * @example checkRunnable(parsed, (path, message) => issues.push({ path, message }))
 */
export function checkRunnable(s: z.output<typeof ScenarioBase>, add: (path: (string | number)[], message: string) => void): void {
  checkMagnitudes(s, add);
  leadershipBounds(s, add);
  checkCycle(s, add);
  const peak = marketPeak(s, add);
  if (peak === null) return;
  checkOpenPipeline(s, peak, add);
  paddingBounds(s, expectedDeal(s.reps.dealSize), add);
}

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

/** The scenario JSON Schema (draft 2020-12), for editors' autocompletion and the HTTP API. */
export function scenarioJsonSchema(opts: { distributions?: boolean } = {}): Record<string, unknown> {
  // numeric fields also take a distribution in place, as the parser does (engine/uncertainty/jsonSchema.ts);
  // `distributions: false` gives the model's own fields only (engine/schema-walk.ts walks that one)
  const plain = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const schema = opts.distributions === false ? plain : withDistributions(plain);
  return { ...schema, $id: 'https://salesim.dev/scenario.schema.json', title: 'salesim scenario' };
}
