/**
 * The editor's description of the scenario format (docs/design.md, The scenario file): grouped sections, optional blocks
 * with the defaults they start from when switched on, and each field's unit and sensible range.
 * Ranges bound the sliders only; the number field accepts anything and the server validates it.
 */
import type { Unit } from './format.js';
import { schemaDefaults } from './schemaDefaults.js';

export interface FieldSpec {
  /** path relative to the block (or list item) that holds it */
  key: string;
  label: string;
  kind: 'number' | 'select' | 'bool' | 'text' | 'winRate' | 'dealSize' | 'timeToFill' | 'territory' | 'month' | 'seasonality' | 'leads' | 'routing' | 'initialBase' | 'arr';
  unit?: Unit;
  min?: number;
  max?: number;
  step?: number;
  options?: string[];
  /** the field may be null: `nullLabel` names what null means, `nullDefault` is used when turned on */
  nullable?: { label: string; default: unknown };
  help?: string;
  /** shown only when a sibling field of the same block has one of these values (e.g. coverage policy) */
  when?: { key: string; in: string[] };
}

/** An optional nested object inside a block (e.g. `leadership.disruption`): null = off. */
export interface SubBlockSpec {
  key: string;
  title: string;
  defaults: Record<string, unknown>;
  fields: FieldSpec[];
  /** shown only when a field of the enclosing block has one of these values */
  when?: { key: string; in: string[] };
  /** the schema has the key optional, not nullable: switching it off removes the key (e.g. `drift.winRate`) */
  optional?: boolean;
}

/** A list inside a section (territories, enablement, hiring.plan, compensation tiers and SPIFs). */
export interface ListSpec {
  key: string;
  itemTitle: string;
  itemDefaults: Record<string, unknown>;
  fields: FieldSpec[];
  max?: number;
  /** the item added after `last` when the schema orders the items (accelerator tiers rise); itemDefaults otherwise */
  itemAfter?: (last: Record<string, unknown>) => Record<string, unknown>;
}

export interface SectionSpec {
  id: string;
  title: string;
  /** the scenario key of an optional block; absent for always-present sections */
  block?: string;
  /** what a newly enabled block contains */
  defaults?: unknown;
  fields: FieldSpec[];
  subBlocks?: SubBlockSpec[];
  /** a list block (territories, enablement, hiring.plan) */
  list?: ListSpec;
  /** further lists of the block, after `list` (compensation's SPIFs) */
  lists?: ListSpec[];
  /** blocks this one needs (the schema's cross-block rules): switching it on switches these on at their sections' defaults */
  requires?: string[];
  help?: string;
}

/**
 * Every list a section holds (`list`, then `lists`).
 * @example sectionLists(SECTIONS.find((s) => s.id === 'compensation')!).map((l) => l.key) // ['accelerators', 'spifs']
 */
export function sectionLists(s: SectionSpec): ListSpec[] {
  return [...(s.list ? [s.list] : []), ...(s.lists ?? [])];
}

const pct = (key: string, label: string, help?: string): FieldSpec => ({ key, label, kind: 'number', unit: 'pct', min: 0, max: 1, step: 0.01, help });
const months = (key: string, label: string, max = 36, step = 1): FieldSpec => ({ key, label, kind: 'number', unit: 'months', min: 0, max, step });
const usd = (key: string, label: string, max: number, step: number): FieldSpec => ({ key, label, kind: 'number', unit: 'usd', min: 0, max, step });

/** A drift trend at the schema's defaults (engine/mechanisms/drift/schema.ts): no change, no walk. */
const TREND = { change: 0, overMonths: 12, startMonth: 1, walkSd: 0 };
const TREND_FIELDS: FieldSpec[] = [{ key: 'change', label: 'Change reached', kind: 'number', unit: 'pct', min: -0.5, max: 1, step: 0.01 }, months('overMonths', 'Over', 60), { key: 'startMonth', label: 'Starting after month', kind: 'number', unit: 'months', min: 1, max: 60, step: 1 }, { key: 'walkSd', label: 'Random walk (monthly sd of log)', kind: 'number', unit: 'none', min: 0, max: 0.5, step: 0.01 }];

export const SECTIONS: SectionSpec[] = [
  {
    id: 'general',
    title: 'General',
    fields: [
      { key: 'name', label: 'Scenario name', kind: 'text' },
      { key: 'description', label: 'Description', kind: 'text' },
      { key: 'horizonMonths', label: 'Horizon', kind: 'number', unit: 'months', min: 1, max: 60, step: 1 },
    ],
  },
  {
    id: 'territories',
    title: 'Territories',
    help: 'Potential is the qualified opportunities per month the market can yield; hiring into a saturated territory has diminishing returns.',
    fields: [],
    list: {
      key: 'territories',
      itemTitle: 'Territory',
      itemDefaults: { name: 'New territory', seats: 5, potential: null },
      max: 12,
      fields: [
        { key: 'name', label: 'Name', kind: 'text' },
        { key: 'seats', label: 'Seats', kind: 'number', unit: 'count', min: 0, max: 200, step: 1 },
        { key: 'potential', label: 'Potential', kind: 'number', unit: 'opps', min: 1, max: 1000, step: 1, nullable: { label: 'unlimited', default: 100 } },
      ],
    },
  },
  {
    id: 'reps',
    title: 'Reps & pipeline',
    fields: [
      { key: 'reps.seats', label: 'Seats', kind: 'number', unit: 'count', min: 0, max: 300, step: 1, help: 'Used when no territories are listed' },
      { key: 'reps.opportunitiesPerMonth', label: 'Qualified opps / rep / month', kind: 'number', unit: 'opps', min: 0, max: 20, step: 0.1 },
      { key: 'reps.winRate', label: 'Win rate', kind: 'winRate' },
      { key: 'reps.dealSize', label: 'Deal size', kind: 'dealSize' },
      { key: 'reps.repDealSizeSpread', label: 'Rep deal-size spread (σ)', kind: 'number', unit: 'none', min: 0, max: 1.5, step: 0.05 },
      { key: 'reps.cycleMonths', label: 'Sales cycle', kind: 'number', unit: 'months', min: 1, max: 24, step: 0.5 },
      pct('reps.noDecisionRate', 'No-decision rate'),
      { key: 'reps.capacity', label: 'Working capacity', kind: 'number', unit: 'opps', min: 1, max: 200, step: 1, nullable: { label: 'unlimited', default: 40 } },
      { key: 'reps.initialPipeline', label: 'Initial pipeline', kind: 'select', options: ['steady-state', 'empty'] },
      { key: 'initialTeam', label: 'Starting team', kind: 'select', options: ['ramped', 'steady-state'], help: 'ramped: every seat held by a fully ramped rep; steady-state: seats vacant, ramping or productive as attrition, time to fill and ramp imply' },
    ],
  },
  {
    id: 'hiring',
    title: 'Hiring & ramp',
    block: 'hiring',
    // the schema's defaults (engine/mechanisms/hiring/schema.ts)
    defaults: schemaDefaults('hiring'),
    fields: [
      { key: 'backfill', label: 'Backfill departures', kind: 'bool' },
      { key: 'timeToFillMonths', label: 'Time to fill', kind: 'timeToFill' },
      months('ramp.months', 'Ramp', 24),
      { key: 'ramp.curve', label: 'Ramp curve', kind: 'select', options: ['linear', 's-curve', 'step'] },
      { key: 'onboardingCapacityPerMonth', label: 'Onboarding capacity / month', kind: 'number', unit: 'count', min: 1, max: 50, step: 1, nullable: { label: 'unlimited', default: 5 } },
      { key: 'newHireWinRate', label: 'New-hire win rate', kind: 'winRate', nullable: { label: 'same as reps', default: { mean: 0.2, concentration: 8 } } },
      usd('costPerHire', 'Cost per hire', 100_000, 1000),
    ],
    list: {
      key: 'plan',
      itemTitle: 'Hiring wave',
      itemDefaults: { month: 1, seats: 5 },
      max: 24,
      fields: [
        { key: 'month', label: 'Month', kind: 'number', unit: 'months', min: 1, max: 60, step: 1 },
        { key: 'seats', label: 'Extra seats', kind: 'number', unit: 'count', min: 0, max: 100, step: 1 },
        { key: 'territory', label: 'Territory', kind: 'territory' },
      ],
    },
  },
  {
    id: 'attrition',
    title: 'Attrition',
    block: 'attrition',
    defaults: { annualRate: 0.3, pipelineLossOnExit: 0.5 },
    fields: [pct('annualRate', 'Annual attrition'), pct('pipelineLossOnExit', 'Pipeline lost on exit')],
    subBlocks: [
      {
        key: 'lowPerformerExit',
        title: 'Low-performer exits',
        defaults: { attainmentBelow: 0.5, consecutiveQuarters: 2 },
        fields: [pct('attainmentBelow', 'Attainment below'), { key: 'consecutiveQuarters', label: 'Consecutive quarters', kind: 'number', unit: 'count', min: 1, max: 8, step: 1 }],
      },
    ],
  },
  {
    id: 'retention',
    title: 'Performance-based retention',
    block: 'retention',
    requires: ['attrition', 'quota'],
    // the schema's defaults (engine/mechanisms/retention/schema.ts), every field set
    defaults: schemaDefaults('retention'),
    help: 'Voluntary exits depend on trailing attainment and on pay against the market (logistic in both); annual attrition is the rate at quota and market pay. The slopes and the market premium are assumptions, not measured: no source gives their size (assumed ranges: attainment slope -2 to 0, pay slope -5 to -1, market premium 0.25 to 1; 0 switches a slope off).',
    fields: [
      { key: 'attainmentSlope', label: 'Exit log-odds per unit of attainment', kind: 'number', unit: 'none', min: -10, max: 10, step: 0.1, help: 'negative: top performers stay more, low performers leave more (assumed range -2 to 0)' },
      { key: 'paySlope', label: 'Exit log-odds per unit of log pay vs market', kind: 'number', unit: 'none', min: -20, max: 20, step: 0.5, help: 'negative: paid above market, they stay (assumed range -5 to -1)' },
      { key: 'payLevel', label: 'Pay at quota vs market', kind: 'number', unit: 'x', min: 0.5, max: 2, step: 0.05 },
      { ...pct('variableShare', 'Variable share of pay'), nullable: { label: 'compensation plan’s, else 50%', default: 0.5 } },
      { key: 'marketPremium', label: 'Market premium per unit of attainment above quota', kind: 'number', unit: 'none', min: 0, max: 5, step: 0.05 },
      { ...usd('ote', 'OTE for the raise’s cost', 500_000, 5000), nullable: { label: 'compensation OTE, else rep cost', default: 180000 } },
    ],
    subBlocks: [
      {
        key: 'raise',
        title: 'Retention raise for the top 20%',
        defaults: { amount: 0.1 },
        fields: [pct('amount', 'Raise (share of OTE / year)')],
      },
    ],
  },
  {
    id: 'leadership',
    title: 'Sales leadership',
    block: 'leadership',
    defaults: { tenureMonths: { mean: 19, shape: 1 }, vacancyMonths: 3 },
    fields: [
      months('tenureMonths.mean', 'Mean leader tenure', 60),
      { key: 'tenureMonths.shape', label: 'Tenure shape (1 = exponential)', kind: 'number', unit: 'none', min: 0.5, max: 10, step: 0.5 },
      months('vacancyMonths', 'Vacancy', 12, 0.5),
    ],
    subBlocks: [
      {
        key: 'disruption',
        title: 'Disruption after a change',
        defaults: { months: 6, productivityDip: 0.1, attritionMultiplier: 1.5 },
        fields: [months('months', 'Window', 24), pct('productivityDip', 'Productivity dip'), { key: 'attritionMultiplier', label: 'Attrition multiplier', kind: 'number', unit: 'x', min: 1, max: 4, step: 0.1 }],
      },
      {
        key: 'changeProgram',
        title: 'Change programme',
        defaults: { monthsToEffect: 12, winRateLift: 0.1 },
        fields: [months('monthsToEffect', 'Months to effect', 36), pct('winRateLift', 'Win-rate lift')],
      },
      {
        key: 'impatience',
        title: 'Board impatience',
        defaults: { graceMonths: 12, attainmentBelow: 0.85 },
        fields: [months('graceMonths', 'Grace period', 36), pct('attainmentBelow', 'Replace below attainment')],
      },
    ],
  },
  {
    id: 'managers',
    title: 'Managers',
    block: 'managers',
    // the schema's defaults (engine/mechanisms/managers/schema.ts), every field set
    defaults: schemaDefaults('managers'),
    help: 'First-line managers: span and quality move coaching (win rate, ramp) and who stays; a manager’s exit disrupts the team. Every effect size here is an assumption, not measured (assumed ranges: win-rate lift 0-20%, ramp speed-up 0-50%, exit multiplier 1-1.6 under a poor manager and 0.6-1 under a good one).',
    fields: [
      { key: 'span', label: 'Reps per manager', kind: 'number', unit: 'count', min: 1, max: 30, step: 1 },
      pct('quality.mean', 'Mean manager quality'),
      pct('quality.sd', 'Quality spread (sd)'),
      { key: 'referenceSpan', label: 'Span with full coaching time', kind: 'number', unit: 'count', min: 1, max: 30, step: 1 },
      pct('winRateLift', 'Win-rate lift (perfect manager)'),
      pct('rampSpeedup', 'Ramp speed-up (perfect manager)'),
      { key: 'poorManagerAttrition', label: 'Exit multiplier, poor manager', kind: 'number', unit: 'x', min: 0.2, max: 5, step: 0.05 },
      { key: 'goodManagerAttrition', label: 'Exit multiplier, good manager', kind: 'number', unit: 'x', min: 0.2, max: 5, step: 0.05 },
      pct('annualExitRate', 'Managers’ annual exit rate'),
      months('vacancyMonths', 'Manager vacancy', 24),
      months('disruption.months', 'Disruption after an exit', 24),
      { key: 'disruption.attritionMultiplier', label: 'Disruption exit multiplier', kind: 'number', unit: 'x', min: 0.2, max: 5, step: 0.05 },
    ],
  },
  {
    id: 'scaling',
    title: 'Growth limits',
    block: 'scaling',
    // the schema's defaults (engine/mechanisms/scaling/schema.ts), every field set
    defaults: schemaDefaults('scaling'),
    help: 'What gets harder as the team grows: each rep creates fewer opportunities per doubling of the team beyond the size the rates describe, and hires beyond the recruiters’ monthly capacity win less. Both sizes are assumptions, not measured (assumed ranges: drag 0-10% per doubling, rushed hire win rate x0.7-1).',
    fields: [
      { key: 'referenceSeats', label: 'Team size the rates describe', kind: 'number', unit: 'count', min: 1, max: 10000, step: 1, nullable: { label: 'the seats at the start', default: 20 } },
      pct('dragPerDoubling', 'Opportunities lost per doubling'),
      { key: 'recruitingCapacity', label: 'Hires a month at the usual bar', kind: 'number', unit: 'count', min: 0, max: 1000, step: 1, nullable: { label: 'no limit', default: 3 } },
      { key: 'rushedWinRate', label: 'Rushed hire win rate (x its own)', kind: 'number', unit: 'x', min: 0, max: 1, step: 0.05 },
    ],
  },
  {
    id: 'enablement',
    title: 'Enablement',
    help: 'Gap closed lifts each targeted rep part of the way to the top-20% win rate: the 80/20 numerator.',
    fields: [],
    list: {
      key: 'enablement',
      itemTitle: 'Programme',
      // every lever present (at the schema's defaults, 0 = no effect) so a new programme's fields are all editable
      itemDefaults: { name: 'Coach the middle', startMonth: 3, endMonth: null, monthsToFullEffect: 6, target: 'bottom80', adoption: 0.8, gapClosed: 0.3, rampMonthsSaved: 0, noDecisionCut: 0, sellingTimeGain: 0, cost: { oneTime: 150000, perRepPerMonth: 100 } },
      max: 6,
      fields: [
        { key: 'name', label: 'Name', kind: 'text' },
        { key: 'target', label: 'Target group', kind: 'select', options: ['all', 'bottom80', 'newHires'] },
        { key: 'startMonth', label: 'Start month', kind: 'number', unit: 'months', min: 1, max: 60, step: 1 },
        { key: 'endMonth', label: 'End month', kind: 'number', unit: 'months', min: 1, max: 60, step: 1, nullable: { label: 'runs to the end', default: 12 } },
        months('monthsToFullEffect', 'Months to full effect', 24),
        pct('adoption', 'Adoption'),
        pct('gapClosed', 'Gap to top 20% closed'),
        months('rampMonthsSaved', 'Ramp months saved', 12),
        pct('noDecisionCut', 'No-decision cut'),
        pct('sellingTimeGain', 'Selling-time gain'),
        usd('cost.oneTime', 'One-time cost', 2_000_000, 10_000),
        usd('cost.perRepPerMonth', 'Cost / rep / month', 2000, 10),
      ],
    },
  },
  {
    id: 'quota',
    title: 'Quota & plan',
    block: 'quota',
    // the schema's defaults, with a quota to start from (the schema has none: it is the user's)
    defaults: schemaDefaults('quota', { annualPerRep: 900000 }),
    fields: [
      { key: 'method', label: 'Quota method', kind: 'select', options: ['flat', 'potential', 'none'] },
      { key: 'annualPerRep', label: 'Annual quota / rep', kind: 'number', unit: 'usd', min: 0, max: 3_000_000, step: 10_000, nullable: { label: 'none', default: 900000 } },
      { key: 'rampAdjusted', label: 'Ramp-adjusted quota', kind: 'bool' },
      { key: 'plan', label: 'Company plan (annual)', kind: 'number', unit: 'usd', min: 0, max: 200_000_000, step: 100_000, nullable: { label: 'sum of quotas', default: 30_000_000 } },
    ],
  },
  {
    id: 'coverage',
    title: 'Pipeline coverage',
    block: 'coverage',
    defaults: { policy: 'global', multiple: 3, paddingQuality: 0.2 },
    help: 'Coverage = 1 / win rate. A global 3X overloads a 50%-win rep and under-covers a 20%-win rep; shortfalls are padded with low-quality deals.',
    fields: [
      { key: 'policy', label: 'Policy', kind: 'select', options: ['none', 'global', 'individual'] },
      { key: 'multiple', label: 'Required multiple', kind: 'number', unit: 'x', min: 1, max: 10, step: 0.5, when: { key: 'policy', in: ['global'] } },
      { ...pct('paddingQuality', 'Padded-deal quality'), when: { key: 'policy', in: ['global', 'individual'] } },
    ],
    subBlocks: [
      {
        key: 'escalation',
        title: 'Escalation (leadership raises the multiple)',
        defaults: { step: 1, cap: 7 },
        when: { key: 'policy', in: ['global'] },
        fields: [
          { key: 'step', label: 'Rise per quarter', kind: 'number', unit: 'x', min: 0.5, max: 3, step: 0.5, help: 'Each quarter the team wins less than 1 / multiple of what it resolves.' },
          { key: 'cap', label: 'Cap', kind: 'number', unit: 'x', min: 1, max: 15, step: 0.5 },
        ],
      },
    ],
  },
  {
    id: 'coverageResponse',
    title: 'Coverage response',
    block: 'coverageResponse',
    requires: ['coverage', 'sellingTime'],
    // the schema's defaults (engine/mechanisms/coverageResponse/schema.ts)
    defaults: schemaDefaults('coverageResponse'),
    help: 'Below the required multiple a rep first prospects for real (hours taken from working deals), and pads only the rest. The split is an assumption, not observed (assumed range 0-100%; 0 is the pad-only model).',
    fields: [pct('prospectShare', 'Shortfall covered by prospecting'), pct('maxShareOfWorkHours', 'Most of deal-working hours diverted')],
  },
  {
    id: 'sellingTime',
    title: 'Selling time',
    block: 'sellingTime',
    defaults: { hoursPerMonth: 70, hoursPerOpportunity: 10, hoursPerPaddedOpportunity: 2, hoursPerOpenOpportunityPerMonth: 3 },
    help: 'Padding costs hours: they come out of next month’s prospecting (fewer real deals), then out of working deals (lower win rates).',
    fields: [
      { key: 'hoursPerMonth', label: 'Selling hours / month', kind: 'number', unit: 'none', min: 10, max: 180, step: 5, nullable: { label: 'unlimited', default: 70 } },
      { key: 'hoursPerOpportunity', label: 'Hours / real opportunity', kind: 'number', unit: 'none', min: 0.5, max: 40, step: 0.5 },
      { key: 'hoursPerPaddedOpportunity', label: 'Hours / padded opportunity', kind: 'number', unit: 'none', min: 0, max: 20, step: 0.5 },
      { key: 'hoursPerOpenOpportunityPerMonth', label: 'Hours / open deal / month', kind: 'number', unit: 'none', min: 0, max: 20, step: 0.5 },
    ],
  },
  {
    id: 'stalls',
    title: 'Stalled deals',
    block: 'stalls',
    // the schema's defaults (engine/mechanisms/stalls/schema.ts)
    defaults: schemaDefaults('stalls'),
    help: 'A deal open longer than a few sales cycles stalls: it resolves slower and more often in no decision.',
    fields: [
      { key: 'afterCycles', label: 'Stalls after (cycles)', kind: 'number', unit: 'none', min: 0.5, max: 6, step: 0.5 },
      { key: 'paddedAfterCycles', label: 'Padded stall after (cycles)', kind: 'number', unit: 'none', min: 0.5, max: 6, step: 0.5 },
      { key: 'resolveMultiplier', label: 'Stalled resolution speed', kind: 'number', unit: 'pct', min: 0, max: 1, step: 0.05 },
      pct('noDecisionRate', 'Stalled no-decision rate'),
    ],
  },
  {
    id: 'customers',
    title: 'Customers & ARR',
    block: 'customers',
    defaults: { annualChurn: 0.08, churnDecided: 'anniversary', annualExpansion: 0.12, grossMargin: 1, initial: null, referrals: null, experience: null },
    help: 'Each won deal becomes a customer (ARR = the deal). Churn and expansion default to SaaS Capital 2023 medians for ACV $25k-$50k (GRR 92%, NRR 103%).',
    fields: [
      pct('annualChurn', 'Annual gross churn'),
      { key: 'churnDecided', label: 'Churn decided', kind: 'select', options: ['monthly', 'anniversary'] },
      pct('annualExpansion', 'Annual expansion of retained ARR'),
      pct('grossMargin', 'Gross margin (for LTV)'),
      { key: 'initial', label: 'Initial customer base', kind: 'initialBase', help: 'steady-state: the base the churn and new-business rates settle to; or a given count of customers and their ARR' },
    ],
    subBlocks: [
      {
        key: 'referrals',
        title: 'Referrals',
        defaults: { perCustomerPerYear: 0.05, winRate: 0.45 },
        fields: [
          { key: 'perCustomerPerYear', label: 'Referrals / customer / year', kind: 'number', unit: 'none', min: 0, max: 2, step: 0.01 },
          pct('winRate', 'Referral win rate'),
        ],
      },
      {
        key: 'experience',
        title: 'Customer-experience programme',
        defaults: { name: 'Customer success', startMonth: 1, monthsToFullEffect: 6, churnCut: 0.25, expansionLift: 0.03, referralLift: 0.5, cost: { oneTime: 125000, perMonth: 70000, perCustomerPerMonth: 0 } },
        fields: [
          { key: 'name', label: 'Name', kind: 'text' },
          { key: 'startMonth', label: 'Start month', kind: 'number', unit: 'months', min: 1, max: 60, step: 1 },
          months('monthsToFullEffect', 'Months to full effect', 24),
          pct('churnCut', 'Churn cut (relative)'),
          pct('expansionLift', 'Expansion lift (points)'),
          pct('referralLift', 'Referral lift'),
          usd('cost.oneTime', 'One-time cost', 2_000_000, 10_000),
          usd('cost.perMonth', 'Cost / month', 500_000, 1000),
          usd('cost.perCustomerPerMonth', 'Cost / customer / month', 1000, 5),
        ],
      },
    ],
  },
  {
    id: 'demand',
    title: 'Demand generation',
    block: 'demand',
    defaults: { leadsPerMonth: null, budgetPerMonth: 30000, costPerLead: 60, qualifiedShare: 0.1, qualificationDelayMonths: 0, notReadyShare: 0.5, nurture: null, handoffLoss: 0, quality: 1, routing: 'seats', sdr: null },
    help: 'Marketing leads beside the reps’ own prospecting. About 1 prospect in 10 becomes a qualified opportunity; half of leads are not ready to buy and are lost unless nurtured; the hand-off to sales loses and garbles leads.',
    fields: [
      { key: 'budgetPerMonth', label: 'Marketing budget / month', kind: 'number', unit: 'usd', min: 0, max: 1_000_000, step: 1000, nullable: { label: 'leads given instead', default: 30000 } },
      { key: 'leadsPerMonth', label: 'Leads / month', kind: 'leads', help: 'Give the budget or the leads, not both. A month’s leads are Poisson; varying: the monthly mean itself varies ({ mean, sd }).' },
      usd('costPerLead', 'Cost / lead', 1000, 5),
      pct('qualifiedShare', 'Leads that qualify'),
      months('qualificationDelayMonths', 'Months to qualify', 12),
      pct('notReadyShare', 'Leads not ready to buy'),
      pct('handoffLoss', 'Lost in the hand-off'),
      { key: 'quality', label: 'Win-rate multiplier (marketing-sourced)', kind: 'number', unit: 'x', min: 0, max: 2, step: 0.05 },
      { key: 'routing', label: 'Routing to territories', kind: 'routing', help: 'seats: in proportion to initial seats; potential: to territory potentials; shares: a share per territory (adding to 100%)' },
    ],
    subBlocks: [
      {
        key: 'nurture',
        title: 'Nurturing programme',
        defaults: { monthlyConversion: 0.02, monthlyExit: 0.08, costPerMonth: 10000, costPerLeadPerMonth: 0 },
        fields: [
          pct('monthlyConversion', 'Pool converting / month'),
          pct('monthlyExit', 'Pool leaving / month'),
          usd('costPerMonth', 'Cost / month', 500_000, 1000),
          usd('costPerLeadPerMonth', 'Cost / nurtured lead / month', 20, 0.1),
        ],
      },
      {
        key: 'sdr',
        title: 'SDRs',
        defaults: { count: 3, leadsPerSdrMonth: 200, monthlyCost: 6000, rampMonths: 0, waitDecay: 0.5 },
        fields: [
          { key: 'count', label: 'SDRs', kind: 'number', unit: 'count', min: 0, max: 100, step: 1 },
          { key: 'leadsPerSdrMonth', label: 'Leads / SDR / month', kind: 'number', unit: 'count', min: 10, max: 2000, step: 10 },
          usd('monthlyCost', 'Cost / SDR / month', 30_000, 500),
          months('rampMonths', 'Ramp', 12),
          pct('waitDecay', 'Waiting leads lost / month'),
        ],
      },
    ],
  },
  {
    id: 'market',
    title: 'Market',
    block: 'market',
    defaults: { annualGrowth: 0, seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], start: null, baseMonth: null },
    help: 'Growth of opportunity supply and month-of-year multipliers on arrivals (they must average 1).',
    fields: [
      { key: 'annualGrowth', label: 'Annual growth of opportunities', kind: 'number', unit: 'pct', min: -0.5, max: 1, step: 0.01 },
      { key: 'seasonality', label: 'Seasonality (January first)', kind: 'seasonality' },
      { key: 'start', label: 'Calendar month of month 1', kind: 'month', nullable: { label: 'January', default: null } },
      { key: 'baseMonth', label: 'Month the opportunity rate holds in', kind: 'month', nullable: { label: 'month 1', default: null } },
    ],
  },
  {
    id: 'drift',
    title: 'Market drift',
    block: 'drift',
    // a trend at the schema's defaults (engine/mechanisms/drift/schema.ts): no change until one is entered
    defaults: { winRate: { ...TREND } },
    help: 'Win rate, deal size and no-decision rate follow a trend (and optionally a random walk) over the horizon. The size of a future change is an assumption you enter, not a forecast (assumed ranges: win rate -30% to 0 over 12-36 months, deal size ±20%, no-decision rate 0 to +30%).',
    fields: [],
    subBlocks: [
      { key: 'winRate', title: 'Win rate drifts', optional: true, defaults: { ...TREND }, fields: TREND_FIELDS },
      { key: 'dealSize', title: 'Deal size drifts', optional: true, defaults: { ...TREND }, fields: TREND_FIELDS },
      { key: 'noDecisionRate', title: 'No-decision rate drifts', optional: true, defaults: { ...TREND }, fields: TREND_FIELDS },
    ],
  },
  {
    id: 'costs',
    title: 'Costs',
    block: 'costs',
    defaults: { repAnnualCost: 180000, managerSpan: 8, managerAnnualCost: 220000, leaderSearchCost: 100000, vacancyMonthlyCost: 0 },
    fields: [
      usd('repAnnualCost', 'Rep on-target earnings / year', 500_000, 5000),
      { key: 'managerSpan', label: 'Manager span of control', kind: 'number', unit: 'count', min: 1, max: 20, step: 1, nullable: { label: 'no managers', default: 8 } },
      usd('managerAnnualCost', 'Manager cost / year', 500_000, 5000),
      usd('leaderSearchCost', 'Leader search cost', 500_000, 5000),
      usd('vacancyMonthlyCost', 'Vacant seat cost / month', 50_000, 500),
    ],
  },
  {
    id: 'compensation',
    title: 'Compensation plan',
    block: 'compensation',
    requires: ['quota'],
    // the schema's defaults (engine/mechanisms/compensation/schema.ts); OTE has none there: the costs section's rep cost
    defaults: { ote: 180000, variableShare: 0.5, quota: null, decelerator: null, accelerators: [], cap: null, guarantee: null, spifs: [] },
    help: 'Commission cost per rep-month from attainment: pay mix, tiers, cap, guarantees for new hires and SPIFs. The plan is your decision; the default 50% variable share is a rule of thumb, not a measurement (assumed range 30-60%), and how pay moves who stays is the retention section’s assumption.',
    fields: [
      usd('ote', 'On-target earnings / rep / year', 500_000, 5000),
      pct('variableShare', 'Variable share of OTE'),
      { key: 'quota', label: 'Plan quota / rep / year', kind: 'number', unit: 'usd', min: 0, max: 3_000_000, step: 10_000, nullable: { label: 'quota section’s', default: 900000 } },
      { key: 'cap', label: 'Payout cap (x target variable)', kind: 'number', unit: 'x', min: 0.5, max: 5, step: 0.1, nullable: { label: 'uncapped', default: 2 } },
    ],
    subBlocks: [
      { key: 'decelerator', title: 'Decelerator below a threshold', defaults: { below: 0.5, rate: 0.5 }, fields: [pct('below', 'Below attainment'), pct('rate', 'Rate (x base rate)')] },
      { key: 'guarantee', title: 'Guarantee for new hires', defaults: { months: 3, share: 1 }, fields: [months('months', 'Months', 24), pct('share', 'Share of target variable')] },
    ],
    list: {
      key: 'accelerators',
      itemTitle: 'Accelerator tier',
      itemDefaults: { above: 1, rate: 1.5 },
      // tiers must rise: a new one starts 0.25 above the last, at its rate + 0.5
      itemAfter: (last) => (typeof last.above === 'number' && typeof last.rate === 'number' ? { above: Math.round((last.above + 0.25) * 100) / 100, rate: Math.round((last.rate + 0.5) * 100) / 100 } : { above: 1, rate: 1.5 }),
      max: 8,
      fields: [
        { key: 'above', label: 'Above attainment', kind: 'number', unit: 'x', min: 1, max: 3, step: 0.05, help: 'each tier above the previous one' },
        { key: 'rate', label: 'Rate (x base rate)', kind: 'number', unit: 'x', min: 0.1, max: 5, step: 0.1 },
      ],
    },
    lists: [
      {
        key: 'spifs',
        itemTitle: 'SPIF',
        itemDefaults: { fromMonth: 1, toMonth: 3, rate: 0.02 },
        max: 24,
        fields: [
          { key: 'fromMonth', label: 'From month', kind: 'number', unit: 'months', min: 1, max: 60, step: 1 },
          { key: 'toMonth', label: 'To month', kind: 'number', unit: 'months', min: 1, max: 60, step: 1 },
          pct('rate', 'Extra pay (share of booking)'),
        ],
      },
    ],
  },
];

/** The paths a field of each kind edits, below its own (the object forms it can switch to). */
const KIND_PATHS: Partial<Record<FieldSpec['kind'], string[]>> = {
  winRate: ['.mean', '.concentration', '.tiers[].share', '.tiers[].mean', '.tiers[].concentration'],
  dealSize: ['.median', '.sigma'],
  timeToFill: ['.mean', '.sd'],
  leads: ['.mean', '.sd'],
  routing: ['[].territory', '[].share'],
  initialBase: ['.count', '.arr', '.arr.median', '.arr.sigma'],
  seasonality: ['[]'],
};

/**
 * Every scenario path the editor can reach (list items as `[]`), derived from SECTIONS and the object
 * forms each kind of field can take: the schema walk test checks it against the engine's schema.
 * @example editorPaths().has('costs.vacancyMonthlyCost') // true
 */
export function editorPaths(): Set<string> {
  const out = new Set<string>();
  const add = (path: string, f: FieldSpec) => {
    if (f.kind !== 'seasonality') out.add(path);
    for (const sub of KIND_PATHS[f.kind] ?? []) out.add(path + sub);
  };
  for (const s of SECTIONS) {
    const pre = s.block ? `${s.block}.` : '';
    for (const f of s.fields) add(pre + f.key, f);
    for (const b of s.subBlocks ?? []) for (const f of b.fields) add(`${pre}${b.key}.${f.key}`, f);
    for (const l of sectionLists(s)) for (const f of l.fields) add(`${pre}${l.key}[].${f.key}`, f);
  }
  return out;
}

/**
 * Every field path the editor can show for a scenario, used to decide whether a server error can be
 * placed next to a field or must be listed at the top.
 * @example sectionForPath('leadership.disruption.months') // 'leadership'
 */
export function sectionForPath(path: string | null): string | null {
  if (!path) return null;
  const head = path.split(/[.[]/)[0];
  if (head === 'reps') return 'reps';
  if (head === 'name' || head === 'horizonMonths' || head === 'trials' || head === 'seed') return 'general';
  const s = SECTIONS.find((x) => x.block === head || x.list?.key === head);
  return s ? s.id : null;
}

const SPECIAL_LABELS: Record<string, string> = {
  'reps.winRate': 'Win rate',
  'reps.winRate.mean': 'Mean win rate',
  'reps.winRate.concentration': 'Win-rate concentration',
  'reps.dealSize': 'Deal size',
  'reps.dealSize.median': 'Median deal size',
  'reps.dealSize.sigma': 'Deal-size spread',
  'hiring.timeToFillMonths': 'Time to fill',
  'hiring.timeToFillMonths.mean': 'Time to fill',
};

/**
 * A readable name for a scenario path (the editor's label), or the path itself.
 * @example labelForPath('attrition.annualRate') // 'Annual attrition'
 */
export function labelForPath(path: string): string {
  if (SPECIAL_LABELS[path]) return SPECIAL_LABELS[path];
  const generic = path.replace(/\[\d+\]/g, '[]');
  for (const s of SECTIONS) {
    const pre = s.block ? `${s.block}.` : '';
    for (const f of s.fields) if (pre + f.key === generic) return f.label;
    for (const b of s.subBlocks ?? []) for (const f of b.fields) if (`${pre}${b.key}.${f.key}` === generic) return `${b.title}: ${f.label.toLowerCase()}`;
    for (const l of sectionLists(s)) for (const f of l.fields) if (`${pre}${l.key}[].${f.key}` === generic) return `${l.itemTitle} ${f.label.toLowerCase()}`;
  }
  return path;
}

const SPECIAL_UNITS: Record<string, Unit> = {
  'reps.winRate': 'pct',
  'reps.winRate.mean': 'pct',
  'reps.winRate.concentration': 'none',
  'reps.dealSize': 'usd',
  'reps.dealSize.median': 'usd',
  'reps.dealSize.sigma': 'none',
  'hiring.timeToFillMonths': 'months',
  'hiring.timeToFillMonths.mean': 'months',
  'hiring.timeToFillMonths.sd': 'months',
  'reps.winRate.tiers[].share': 'pct',
  'reps.winRate.tiers[].mean': 'pct',
};

/**
 * The editor's unit for a scenario path ('none' when the editor does not show it).
 * @example unitForPath('attrition.annualRate') // 'pct'
 */
export function unitForPath(path: string): Unit {
  const generic = path.replace(/\[\d+\]/g, '[]');
  if (SPECIAL_UNITS[generic]) return SPECIAL_UNITS[generic];
  for (const s of SECTIONS) {
    const pre = s.block ? `${s.block}.` : '';
    for (const f of s.fields) if (pre + f.key === generic) return f.unit ?? 'none';
    for (const b of s.subBlocks ?? []) for (const f of b.fields) if (`${pre}${b.key}.${f.key}` === generic) return f.unit ?? 'none';
    for (const l of sectionLists(s)) for (const f of l.fields) if (`${pre}${l.key}[].${f.key}` === generic) return f.unit ?? 'none';
  }
  return 'none';
}
