/**
 * The API's answers and analysis request bodies as zod schemas: the OpenAPI document is generated from
 * them (z.toJSONSchema), and the tests parse real engine output with them (objects strict: a field the
 * engine adds and the document does not describe fails), so the document cannot lag the product.
 */
import { z } from 'zod';
import { DistributionSchema, ScenarioSchema } from '../engine/index.js';

const num = z.number();
const nullable = <T extends z.ZodType>(t: T) => t.nullable();
const obj = <S extends z.ZodRawShape>(shape: S, description?: string) => {
  const o = z.strictObject(shape);
  return description ? o.describe(description) : o;
};

/**
 * The scenario wherever an answer echoes it (a Summary's, a fitted one, a saved one, a preset's, a
 * validated one): the engine's input schema itself. In the document every echo is a `$ref` to
 * `#/components/schemas/Scenario`, which is the engine's published JSON Schema of the same zod schema
 * (`scenarioJsonSchema()`, what GET /api/schema serves), so no echo is described apart from the input
 * and none can lag it; parsing an answer checks its echo against the engine's schema.
 */
export const ScenarioEchoSchema = z
  .unknown()
  .superRefine((v, ctx) => {
    const r = ScenarioSchema.safeParse(v);
    if (!r.success) for (const i of r.error.issues.slice(0, 20)) ctx.addIssue({ code: 'custom', path: i.path as (string | number)[], message: i.message });
  })
  .meta({ id: 'Scenario' });

/**
 * A distribution as a scenario writes it (an uncertain input's, `{ pert: [a, b, c] }`), wherever an answer
 * echoes one: the engine's schema, a `$ref` to `#/components/schemas/ScenarioDistribution` (the scenario
 * schema's `$defs.distribution`, server/openapi.ts scenarioComponents).
 */
export const DistributionEchoSchema = z
  .unknown()
  .superRefine((v, ctx) => {
    const r = DistributionSchema.safeParse(v);
    if (!r.success) ctx.addIssue({ code: 'custom', message: `not a distribution: ${r.error.issues[0]?.message ?? 'invalid'}` });
  })
  .meta({ id: 'ScenarioDistribution' });

/** Scenario source text, `{ yaml }` (YAML or JSON), where a body takes a scenario. */
export const SourceTextSchema = z.strictObject({ yaml: z.string() }).meta({ id: 'SourceText' });

export const StatsSchema = obj(
  { mean: num, sd: num, p5: num, p10: num, p25: num, p50: num, p75: num, p90: num, p95: num },
  'mean, standard deviation and percentiles of one figure over the trials',
).meta({ id: 'Stats' });
const stats = StatsSchema;
const statsList = z.array(stats);
const interval = z.tuple([num, num]).describe('Wilson 95% interval');
const HistogramSchema = obj({ edges: z.array(num), counts: z.array(num) }, 'bin edges (one more than counts)');
const monthlyAnnual = obj({ monthly: statsList.describe('by month'), annual: statsList.describe('per plan year') });
const monthlyAnnualTotal = obj({ monthly: statsList, annual: statsList, total: stats.describe('over the horizon') });

const winRateGroup = obj({ revenuePerRep: stats, attainment: nullable(stats), paddedShare: nullable(stats) });

const CoverageSchema = obj(
  {
    paddedShare: stats.describe('padded / created opportunities'),
    realisedCoverage: nullable(stats).describe('pipeline value after padding / remaining quarterly quota'),
    requiredCoverage: nullable(stats).describe('the multiple the rule required, weighted by remaining quota'),
    realisedWinRate: nullable(stats).describe('won / resolved opportunities over the horizon'),
    stalledShare: nullable(stats).describe('stalled / open opportunities over month ends'),
    byMonth: obj({ winRate: statsList, velocity: statsList, stalledShare: nullable(statsList), multiple: nullable(statsList) }),
    top20: winRateGroup.describe('top 20% of persons by base win rate'),
    bottom80: winRateGroup.describe('the other 80%'),
  },
  'coverage, selling time and stalls (present when the scenario has one of those blocks)',
);

const CustomersSchema = obj(
  {
    arr: monthlyAnnual.describe('end-of-month ARR; annual = at each plan year end'),
    newArr: monthlyAnnual,
    expansionArr: monthlyAnnual,
    churnedArr: monthlyAnnual,
    customers: monthlyAnnual,
    recognisedRevenue: monthlyAnnualTotal.describe('subscription revenue recognised (end-of-month ARR / 12)'),
    grr: z.array(nullable(stats)).describe('gross revenue retention per plan year'),
    nrr: z.array(nullable(stats)).describe('net revenue retention per plan year'),
    newCustomers: stats,
    cac: nullable(stats),
    ltv: nullable(stats),
    cacPaybackMonths: nullable(stats),
    referralOpportunities: obj({ monthly: statsList }),
    customerSuccessCost: stats,
    arrStdError: num.describe('standard error of mean end-of-horizon ARR'),
  },
  'recurring revenue (present only with a customers block)',
);

const DemandSchema = obj(
  {
    leads: monthlyAnnualTotal,
    qualified: monthlyAnnualTotal,
    opportunities: monthlyAnnualTotal.describe('marketing-sourced opportunities created in the reps pipelines'),
    won: monthlyAnnualTotal,
    revenue: monthlyAnnualTotal,
    nurturePool: nullable(monthlyAnnual),
    backlog: nullable(monthlyAnnual),
    shareOfPipeline: nullable(stats),
    shareOfRevenue: nullable(stats),
    cost: obj({ total: stats, leads: stats, sdr: stats, nurture: stats }),
    costPerLead: nullable(num),
    costPerOpportunity: nullable(num),
    costPerWonDeal: nullable(num),
    roi: nullable(num),
    revenueStdError: num,
  },
  'demand generation (present only with a demand block)',
);

const UncertaintySchema = obj(
  {
    sampling: z.enum(['lhs', 'random']),
    designTrials: z.int(),
    parameters: z.array(
      obj({
        path: z.string(),
        distribution: DistributionEchoSchema.describe('the distribution as written in the scenario'),
        range: z.tuple([nullable(num), nullable(num)]).describe("the field's valid range; null = unbounded on that side (JSON has no infinity)"),
        bounds: z.enum(['inside', 'truncated']),
        integer: z.boolean(),
        draws: stats.describe('the realised marginal of the draws'),
      }),
    ),
    correlations: z.array(obj({ between: z.tuple([z.string(), z.string()]), target: num, realised: num, stdError: num })),
    contribution: obj({
      method: z.literal('srrc2'),
      description: z.string(),
      r2: num,
      adequate: z.boolean().describe('whether SRRC² is an adequate screen (R² >= 0.7)'),
      note: nullable(z.string()).describe('when not adequate: why, and what to use instead'),
      parameters: z.array(obj({ path: z.string(), srrc: num, share: num })),
    }),
  },
  'uncertain inputs: what was sampled and their contributions to the variance of total revenue (present only with uncertain parameters)',
);

const CompensationSchema = obj(
  {
    cost: stats.describe('per trial: total rep pay (base, commission, guarantees, SPIFs)'),
    breakdown: obj({ base: stats, commission: stats, guarantee: stats, spif: stats }),
    costOfSales: nullable(stats).describe('per trial: rep pay / revenue; null when no trial had revenue'),
    shareAtCap: nullable(stats).describe('per trial: share of person-years (seated >= 3 months of the plan year) whose variable reached the cap; null without a cap'),
    payout: obj({ edges: z.array(num), shares: z.array(num) }, 'person-years by variable earned / target variable, pooled over trials: bin lower edges and shares (the last bin is open)'),
  },
  'the compensation plan: cost, cost of sales, share at the cap and payout distribution (present only with a compensation block)',
);

const exitGroup = obj({ exits: stats, revenueLost: stats.describe("the leavers' trailing-year revenue"), pipelineLost: stats.describe('open pipeline value of the leavers') });
const RetentionSchema = obj(
  { top20: exitGroup.describe('top 20% by base win rate'), other80: exitGroup.describe('the other 80%'), raiseCost: stats.describe('cost of the retention raise') },
  'exits by performance group and what they cost (present only with retention and attrition blocks)',
);

const CoverageResponseSchema = obj(
  { opportunities: stats.describe('per trial: extra real opportunities prospected in answer to the coverage rule'), hours: stats.describe('per trial: hours taken from working deals for it') },
  "the reps' prospecting in answer to the coverage rule (present only with coverageResponse, a coverage policy and sellingTime)",
);

const ManagersSchema = obj(
  { teamsAtStart: z.int().describe('teams of the seats at the start (ceil(seats / span))'), exits: stats.describe("managers' exits per trial"), teamMonthsWithoutManager: stats },
  "first-line managers' exits and vacancies (present only with a managers block)",
);

const ScalingSchema = obj(
  {
    referenceSeats: nullable(z.int()).describe('the team size the rates describe, with no drag up to it (null: the seats at the start)'),
    rushedHires: stats.describe('per trial: hires made beyond the recruiting capacity of their month (each at rushedWinRate x its win rate)'),
    dragShare: stats.describe("per trial: share of a rep's new opportunities lost to coordination drag, averaged over the months"),
    peakSeated: stats.describe('per trial: the largest seated team'),
  },
  'what gets harder as the team grows (present only with a scaling block)',
);

const PrecisionSchema = obj(
  {
    spec: z.string(),
    trials: num,
    maxTrials: num,
    met: z.boolean(),
    targets: z.array(obj({ name: z.enum(['p_plan', 'revenue', 'arr', 'diff', 'bracket']), target: num, reached: nullable(num).describe('null while undefined (e.g. a mean of 0)'), met: z.boolean() })),
    projected: nullable(num).optional().describe('the trials the run is expected to need: n (reached / asked)^2 for the worst target, at most maxTrials'),
    default: z.boolean().optional().describe('the default precision: the request named no trial count'),
  },
  'a precision-targeted run: the trials used and the precision reached (absent for a run of a given trial count)',
).meta({ id: 'Precision' });

export const SummarySchema = obj(
  {
    trials: z.int(),
    seed: z.int(),
    horizonMonths: z.int(),
    scenario: ScenarioEchoSchema.describe('the resolved scenario the run used (defaults filled)'),
    scenarioHash: z.string(),
    revenue: obj({ total: stats, monthly: statsList, annual: statsList, cumulative: statsList, histogram: HistogramSchema }, 'bookings (sales revenue won)'),
    plan: nullable(
      obj({
        target: num,
        probability: num.describe('P(plan): share of trials at or above plan over the horizon'),
        ci: interval,
        monthly: z.array(num).describe('the plan month by month'),
        annual: z.array(obj({ year: z.int(), months: z.int(), target: num, probability: num, ci: interval })),
      }),
    ),
    reps: obj({
      shareAtQuota: nullable(stats),
      attainment: nullable(stats),
      attainmentHistogram: nullable(HistogramSchema),
      top20Share: stats,
      gini: stats,
      lorenz: z.array(z.tuple([num, num])),
      topVsBottom: obj({ top20: obj({ revenuePerRep: stats }), bottom80: obj({ revenuePerRep: stats }) }, 'revenue per rep of the top 20% vs the other 80%'),
    }),
    territories: z.array(obj({ name: z.string(), revenue: stats })),
    headcount: obj({ monthly: statsList, productive: statsList, ramping: statsList, vacant: statsList }),
    hiring: obj({ hires: stats, exits: stats }),
    leadership: obj({ changes: stats, monthsWithoutLeader: stats, programmesLost: stats, presentByMonth: z.array(num), disruptedByMonth: z.array(num) }),
    coverage: nullable(CoverageSchema),
    cost: obj({ total: stats, monthly: statsList, breakdown: z.record(z.string(), stats).describe('cost by item (reps, managers, hiring, vacancy, enablement, leadership, enablement:<programme>, demand, customer success)') }),
    margin: stats,
    roi: nullable(stats),
    roiOfMeans: nullable(num).describe('the headline ROI: (mean revenue - mean cost) / mean cost'),
    diagnostics: obj({
      revenueStdError: num,
      planProbabilityStdError: nullable(num),
      halfWidth: obj(
        { pPlan: nullable(num).describe("half-width of P(plan)'s 95% interval"), revenue: nullable(num).describe("mean total revenue's 95% half-width / |mean|"), arr: nullable(num).describe("mean ARR at the horizon's 95% half-width / |mean| (customers block)") },
        'the precision the run reached',
      ),
    }),
    precision: PrecisionSchema.optional(),
    customers: CustomersSchema.optional(),
    demand: DemandSchema.optional(),
    uncertainty: UncertaintySchema.optional(),
    assumptions: z
      .array(
        obj({
          path: z.string(),
          value: num,
          range: z.tuple([num, num]),
          why: z.string(),
          source: z.string().optional(),
          distribution: nullable(DistributionEchoSchema).describe("an uncertain input's distribution as the scenario writes it; null for a number"),
        }),
      )
      .describe('the assumptions (unsourced numbers with plausible ranges, engine/assumptions.ts) the scenario uses'),
    compensation: CompensationSchema.optional(),
    retention: RetentionSchema.optional(),
    coverageResponse: CoverageResponseSchema.optional(),
    managers: ManagersSchema.optional(),
    scaling: ScalingSchema.optional(),
    meta: obj({ elapsedMs: num, engineVersion: z.string(), trialsPerSecond: nullable(num) }),
  },
  'The engine Summary of one run',
).meta({ id: 'Summary' });

const VariantSchema = obj({
  name: z.string(),
  summary: SummarySchema,
  difference: obj({
    total: stats,
    cost: stats,
    margin: stats,
    stdError: obj({ total: num, cost: num, margin: num }),
    cumulative: statsList,
    histogram: HistogramSchema,
    arr: obj({
      end: stats,
      endStdError: num,
      recognised: stats,
      recognisedStdError: num,
      recognisedMargin: stats,
      recognisedMarginStdError: num,
      beatsBaseline: obj({ probability: num, ci: interval }),
    }).optional(),
  }),
  beatsBaseline: obj({ probability: num, ci: interval }),
  crossoverMonth: nullable(stats),
  neverCrosses: num,
  paybackMonth: nullable(stats),
  neverPaysBack: num,
  incrementalRoi: nullable(num),
  varianceReduction: nullable(num),
});

const ciPair = z.tuple([num, num]);
const assumptionItem = obj({
  path: z.string(),
  value: num.describe('the value the baseline holds (the median of an uncertain input)'),
  distribution: DistributionEchoSchema.describe("the distribution drawn: an uncertain input's own, or uniform over the plausible range"),
  range: ciPair.describe('the plausible range'),
  from: z.enum(['registry', 'uncertain']).describe("registry: an unsourced number of the model (engine/assumptions.ts); uncertain: the scenario's own distribution"),
  why: z.string().optional(),
});
/** a figure of the analysis that is undefined (null) when no assumption is in play (the assumptions list is empty) */
const numOrNullNone = num.nullable().describe('null when no assumption is in play');
const AssumptionAnalysisSchema = obj(
  {
    metric: z.enum(['revenue', 'margin', 'arr', 'plan']).describe('what the analysis judges: the difference in total revenue, margin, ARR at the horizon, or hitting plan'),
    assumptions: z.array(assumptionItem).describe('the assumptions varied (the union over the variants)'),
    n: z.int().describe('rows of the Sobol plan\'s A and B: 2n independent draws per variant'),
    breakEvenTrials: z.int().describe('trials per break-even evaluation'),
    seed: z.int(),
    level: num.describe('the bootstrap level of the Sobol intervals'),
    variants: z.array(
      obj({
        name: z.string(),
        difference: obj({ mean: numOrNullNone, stdError: numOrNullNone }, 'the mean difference (variant - baseline) over assumptions and random draws'),
        beatsBaseline: obj({ probability: numOrNullNone, ci: z.tuple([numOrNullNone, numOrNullNone]) }, 'P(variant > baseline) over both the assumptions and the random draws (Wilson 95%)'),
        variance: obj({ total: numOrNullNone, assumptions: num, assumptionsCi: ciPair, noise: num }, "shares of the difference's variance: from the assumptions (with its interval) and from simulation noise"),
        assumptionsSd: num.describe('sqrt(Var(E[difference | assumptions]))'),
        corners: obj(
          {
            best: obj({ mean: numOrNullNone, stdError: numOrNullNone, values: z.record(z.string(), num).describe('the value of each assumption, by path') }),
            worst: obj({ mean: numOrNullNone, stdError: numOrNullNone, values: z.record(z.string(), num).describe('the value of each assumption, by path') }),
          },
          'the difference with every assumption at the end of its range that favours the variant (best) or the baseline (worst)',
        ),
        indices: z.array(
          obj({ path: z.string(), first: num, firstCi: ciPair, total: num, totalCi: ciPair, matters: z.boolean().describe('involved in at least 5% of what the assumptions explain, and distinguishable from 0') }),
        ).describe('first-order and total Sobol index of the difference per assumption'),
        breakEvens: z.array(
          obj({
            path: z.string(),
            assumed: ciPair.describe('the assumed range searched first'),
            value: nullable(num).describe('the value at which the variant ties the baseline; null when it does not within the field\'s valid range'),
            insideAssumed: z.boolean(),
            holds: z.enum(['above', 'below', 'everywhere', 'nowhere']).describe('where the variant beats the baseline'),
            searched: ciPair.describe('the range searched (the assumed range, or the field\'s valid range when widened)'),
            atAssumed: obj({ low: num, high: num, stdError: num }, 'the mean difference at the ends of the assumed range, and its standard error'),
            withinNoise: z.boolean().describe('both ends within 2 standard errors of 0: a tie anywhere is noise'),
            evaluations: z.int(),
            text: z.string().describe('"holds if X > b (assumed range a-c)"'),
          }),
        ),
      }),
    ),
    work: obj({ sobolRows: z.int(), breakEvenEvaluations: z.int() }, 'rows of the Sobol plans and break-even evaluations run'),
  },
  "with `assumptions` in the request: per variant, P(beats baseline) over the assumptions' ranges and the random draws, the variance shares, Sobol indices and break-evens (engine AssumptionAnalysis)",
);

export const CompareResultSchema = obj({
  trials: z.int(),
  seed: z.int(),
  horizonMonths: z.int(),
  baseline: SummarySchema,
  variants: z.array(VariantSchema),
  assumptions: AssumptionAnalysisSchema.optional(),
  precision: PrecisionSchema.optional(),
  meta: obj({ elapsedMs: num }),
}).meta({ id: 'CompareResult' });

const sensOutput = { mean: num, p50: num, planProbability: nullable(num) };
export const SensitivityResultSchema = obj({
  output: z.enum(['revenue.total', 'arr.end']),
  trials: z.int(),
  seed: z.int(),
  base: obj({ ...sensOutput, stdError: num }),
  parameters: z.array(
    obj({ path: z.string(), baseValue: num, low: num, high: num, lowOutput: obj(sensOutput), highOutput: obj(sensOutput), swing: obj(sensOutput), swingStdError: num }),
  ),
  meta: obj({ elapsedMs: num }),
  precision: PrecisionSchema.optional(),
}).meta({ id: 'SensitivityResult' });

export const SobolResultSchema = obj(
  {
    metric: z.enum(['revenue', 'margin', 'arr', 'plan']).describe('the outcome: total revenue, margin, ARR at the horizon, or reaching plan'),
    n: z.int().describe("rows of the Sobol plan's A and B"),
    seed: z.int(),
    level: num.describe('the bootstrap level of the intervals'),
    assumptions: z.array(assumptionItem).describe('the assumptions varied (unsourced numbers the scenario uses, and its uncertain inputs)'),
    mean: nullable(num).describe('the outcome\'s mean over the assumptions and the random draws (null with no assumption)'),
    variance: nullable(num).describe('its variance (null with no assumption)'),
    assumptionsShare: num.describe("the share of the outcome's variance the assumptions explain together (1 - the noise's total index)"),
    assumptionsShareCi: ciPair,
    indices: z.array(obj({ path: z.string(), first: num, firstCi: ciPair, total: num, totalCi: ciPair })).describe('first-order and total Sobol index per assumption, largest total first'),
  },
  'with `sobol` in the request (salesim sensitivity --sobol): variance-based sensitivity of the outcome over the scenario\'s assumptions, with the simulation\'s noise as one more input',
).meta({ id: 'SobolResult' });

const solvePoint = obj({ x: num, value: num, ci: z.tuple([num, num]), met: z.boolean() });
export const SolveResultSchema = obj({
  vary: z.string(),
  target: obj({ stat: z.string(), metric: z.enum(['plan', 'revenue', 'margin', 'arr']), op: z.enum(['>=', '<=']), value: num, text: z.string() }),
  trials: z.int(),
  seed: z.int(),
  range: z.tuple([num, num]),
  integer: z.boolean(),
  direction: z.enum(['smallest', 'largest']),
  answer: nullable(solvePoint),
  neighbours: z.array(solvePoint),
  evaluations: z.array(solvePoint),
  withinNoise: z.boolean(),
  message: z.string(),
  plan: nullable(num),
  precision: PrecisionSchema.optional(),
}).meta({ id: 'SolveResult' });

const band = { actual: num, mean: num, p10: num, p50: num, p90: num, inside: z.boolean() };
export const BacktestResultSchema = obj({
  from: z.string(),
  to: z.string(),
  trials: z.int(),
  seed: z.int(),
  months: z.array(obj({ month: z.string(), ...band, pit: num, intervalScore: num })),
  inside: z.int(),
  insideShare: num,
  total: obj(band),
  scores: obj({
    bias: obj({ ratio: num, interval: z.tuple([num, num]), level: num }),
    meanPit: num,
    meanIntervalScore: num,
    relativeIntervalScore: num,
    pit: obj(
      {
        histogram: obj({ counts: z.array(z.int()).length(10), chiSquare: num, df: z.int(), pValue: num, test: z.string() }),
        ks: obj({ d: num, pValue: num, test: z.string() }),
      },
      "the months' reliability (PIT) histogram: counts in ten bins, chi-square and Kolmogorov-Smirnov tests of uniformity",
    ),
  }),
  warnings: z.array(z.string()),
}).meta({ id: 'BacktestResult' });

const test = { test: z.string().describe('the test and what it compares'), pValue: num };
const numOrNull = nullable(num);
const trendFit = nullable(
  obj(
    {
      slope: num.describe('per month: logit of the win rate, or log of the deal size'),
      slopeSe: num,
      intercept: num.describe('at the centre month'),
      center: num.describe("the centre month (window month index, 0 = the window's first)"),
      pooled: num.describe('the pooled value over the window'),
      lr: num,
      ...test,
      kept: z.boolean(),
      n: z.int().describe('observations used (decided deals or won amounts)'),
      months: z.int(),
    },
    'a trend over the window; null with too little data',
  ),
);
const trendDrift = nullable(obj({ change: num, changeSe: num, overMonths: num, level: num }, "the drift written for a kept trend (with trend); null when not written"));
const quarterEffect = obj(
  {
    term: z.enum(['win', 'resolve']),
    ...test,
    factors: z.tuple([num, num, num]).describe("factors for the quarter's first, second and third month"),
    se: z.tuple([num, num, num]),
    events: z.tuple([num, num, num]).describe('wins or resolutions by month of the quarter'),
    base: z.tuple([num, num, num]).describe('decided deals or expected resolutions by month of the quarter'),
    lr: num,
    df: z.int(),
    kept: z.boolean(),
  },
  'a month-of-quarter effect and its likelihood-ratio test',
);
export const CalibrationReportSchema = obj(
  {
    parameters: z.array(obj({ path: z.string(), value: num, se: numOrNull.describe('standard error; null when the method gives none'), method: z.string() })).describe('every fitted value, with its standard error and method'),
    rows: obj({
      total: z.int(),
      used: z.int(),
      rejected: z.int(),
      open: z.int(),
      prePipeline: z.int().describe('rows with no created date in a pre-pipeline stage, excluded'),
      rejections: z.array(z.strictObject({ path: nullable(z.string()), rule: z.string(), message: z.string(), line: z.int().optional(), column: z.int().optional() })).describe('the rows dropped with invalidRows: skip, each with its row and column'),
    }),
    warnings: z.array(z.string()),
    window: obj({ from: z.string(), to: z.string(), months: z.int() }, 'the months fitted'),
    asOf: nullable(obj({ date: z.string(), createdLater: z.int(), decidedLater: z.int() }, 'the cut as of a date: rows created later dropped, decided later taken as open')),
    reps: z.array(obj({ owner: z.string(), wins: z.int(), decided: z.int(), raw: nullable(num).describe('wins / decided; null (NaN in the engine) for an owner with no decided deal'), shrunk: num.describe('the empirical-Bayes win rate') })).describe("each owner's win rate, raw and shrunk"),
    tiersTest: obj({ test: z.string(), bicSingle: num, bicMixture: num, tiers: z.boolean() }, 'one beta against a two-tier mixture of win rates (BIC)'),
    productivity: z.array(obj({ tenureMonth: z.int(), repMonths: num, productivity: num })).describe('observed opportunities created / the rate, by tenure month'),
    cycle: obj({ naiveMeanMonths: num, resolutions: z.int(), monthsAtRisk: num }),
    resolution: obj(
      {
        fit: obj({
          atRisk: z.array(num),
          resolved: z.array(num),
          won: z.array(num),
          lost: z.array(num),
          noDecision: z.array(num),
          hazard: z.array(num).describe('resolutions / at risk by age in month ends'),
          se: z.array(numOrNull),
          survival: z.array(num),
          maxResolvedAge: num,
        }),
        test: obj({ ...test, lr: num, df: z.int(), kept: z.boolean() }),
        kept: z.boolean(),
        openAtEnd: z.int(),
        staleShare: num,
      },
      'resolution by age: the censored hazard table, its test against one constant rate, and the open book at the end',
    ),
    calendar: obj({ win: quarterEffect, resolve: quarterEffect }),
    winDispersion: obj({ ...test, chiSquare: num, df: z.int(), kept: z.boolean(), tau2: num, months: z.int() }, "the win rate's month-to-month variation beyond binomial"),
    drift: nullable(obj({ q: num, s2: num, level: num, levelVar: num, pooled: num, lr: num, df: z.int(), ...test, kept: z.boolean(), months: z.int() }, "drift of the monthly opportunity rate; null under 6 months")),
    trend: obj({ winRate: trendFit, dealSize: trendFit, written: obj({ winRate: trendDrift, dealSize: trendDrift }), alpha: num }, 'win-rate and deal-size trends over the window'),
    attrition: nullable(obj({ exits: z.int(), repMonths: num, backfilled: z.int(), hires: z.int() }, 'from the roster; null without one')),
    dealSize: obj(
      {
        distribution: z.enum(['lognormal', 'empirical']),
        test: obj({ ...test, n: z.int(), statistic: num, adjusted: num, alpha: num, rejected: z.boolean() }),
        meanWon: num,
        meanWonSe: num,
        meanLognormal: num,
        meanFitted: num,
        reason: z.string(),
      },
      'the deal-size distribution chosen, the test that chose it, and the means',
    ),
    revenue: obj({ meanMonthly: num, se: num }, 'mean revenue per month the fitted scenario implies in steady state'),
    market: obj(
      {
        tests: z.array(obj({ term: z.enum(['growth', 'seasonality']), ...test, lr: num, df: z.int(), dispersion: num, f: num, kept: z.boolean() })),
        growth: z.boolean(),
        seasonality: z.boolean(),
        annualGrowth: num,
        annualGrowthSe: numOrNull,
        multipliers: z.array(num).describe('12 monthly multipliers, January first'),
        multipliersSe: z.array(numOrNull),
      },
      'market growth and seasonality tests and terms',
    ),
  },
  'the fit report',
).meta({ id: 'CalibrationReport' });

export const CalibrateResultSchema = obj({
  scenario: ScenarioEchoSchema.describe('the fitted scenario'),
  yaml: z.string().describe('the fitted scenario as commented YAML'),
  report: CalibrationReportSchema,
  demandReport: obj(
    {
      leads: z.int(),
      qualified: z.int(),
      months: z.int(),
      asOf: z.string(),
      leadsPerMonthStdError: num,
      eligibleLeads: z.int().describe('leads old enough for the shares'),
      censoredLeads: z.int().describe('leads too recent to be used'),
      qualifiedShareStdError: num,
      delayMonths: obj({ median: num, max: num }),
      warnings: z.array(z.string()),
    },
    'the lead-export fit (given leads)',
  ).optional(),
}).meta({ id: 'CalibrateResult' });

// --- request bodies --------------------------------------------------------------------------------
const scenarioRef = z.union([ScenarioEchoSchema, SourceTextSchema, z.string()]).describe('a scenario object, { yaml } text, or the name of a preset file');
const trials = z.int().min(1).max(1_000_000).describe("overrides the scenario's trials");
const seed = z.int().min(0).max(4294967295).describe("overrides the scenario's seed");
const yaml = z.string().describe('the body as YAML or JSON text instead');
const precision = z
  .string()
  .describe('instead of trials: run until every target holds, e.g. "p_plan=0.01", "revenue=0.5%", "arr=1%", "diff=50000" (compare), "bracket" (solve); the result carries `precision`')
  .optional();
const maxTrials = z.int().min(1).max(1_000_000).describe('the cap of a precision-targeted run (default 100,000, lowered to fit the work budget)').optional();
const precisionFields = { precision, maxTrials };
const assumptionsOpt = z
  .union([z.boolean(), z.strictObject({ metric: z.enum(['revenue', 'margin', 'arr', 'plan']).optional(), draws: z.int().min(8).max(4096).optional() })])
  .optional()
  .describe('also report what the answer depends on (the assumption analysis)');
const variant = z.object({ name: z.string(), patch: z.record(z.string(), z.unknown()).optional(), scenario: scenarioRef.optional() }).describe('a variant: a merge patch on the baseline, or a whole scenario');

export const CompareBodySchema = z
  .union([
    z.strictObject({ name: z.string().optional(), description: z.string().optional(), trials: trials.optional(), seed: seed.optional(), compare: z.strictObject({ baseline: scenarioRef, variants: z.array(variant).min(1) }), assumptions: assumptionsOpt, ...precisionFields }).describe('a study'),
    z.strictObject({ baseline: scenarioRef, variants: z.array(variant).min(1), trials: trials.optional(), seed: seed.optional(), assumptions: assumptionsOpt, ...precisionFields }).describe('baseline and variants'),
    z.strictObject({ yaml, trials: trials.optional(), seed: seed.optional(), assumptions: assumptionsOpt, ...precisionFields }).describe('either form as text; trials and seed override the text'),
  ])
  .meta({ id: 'CompareBody' });

const scenarioBody = { scenario: scenarioRef.optional(), yaml: yaml.optional(), trials: trials.optional(), seed: seed.optional(), ...precisionFields };
export const SensitivityBodySchema = z
  .strictObject({
    ...scenarioBody,
    params: z.array(z.strictObject({ path: z.string(), low: num.optional(), high: num.optional() })).optional().describe('parameters to swing (default: the scenario\'s main levers)'),
    relative: num.gt(0).lt(1).optional().describe('default low/high = base x (1 -/+ relative); 0.2 unless given'),
    sobol: z
      .union([z.boolean(), z.strictObject({ metric: z.enum(['revenue', 'margin', 'arr', 'plan']).optional(), draws: z.int().min(8).max(4096).optional() })])
      .optional()
      .describe("instead of the tornado: Sobol indices over the scenario's assumptions (salesim sensitivity --sobol; metric default ARR with a customers block, else revenue; draws default 256); the answer is a SobolResult. Not with params, relative, trials or precision"),
  })
  .meta({ id: 'SensitivityBody' });

export const SolveBodySchema = z
  .strictObject({
    ...scenarioBody,
    vary: z.string().describe('field path, e.g. hiring.plan[0].seats'),
    target: z.string().describe('e.g. P(plan) >= 0.8, mean(revenue) >= 2e7, P10(margin) >= 0'),
    min: num.optional(),
    max: num.optional(),
    tolerance: num.optional(),
  })
  .meta({ id: 'SolveBody' });

const invalidRows = z.enum(['error', 'skip']).describe("'skip' drops malformed rows (counted in the report) instead of refusing the export");
export const BacktestBodySchema = z
  .strictObject({
    csv: z.string().describe('the opportunity export (CSV)'),
    scenario: scenarioRef,
    from: z.string().describe('first month, YYYY-MM'),
    to: z.string().describe('last month, YYYY-MM'),
    trials: trials.optional(),
    seed: seed.optional(),
    mapping: z.union([z.record(z.string(), z.unknown()), z.string()]).optional().describe('column mapping (object or YAML/JSON text)'),
    invalidRows: invalidRows.optional(),
  })
  .meta({ id: 'BacktestBody' });

const month = z.string().regex(/^\d{4}-\d{2}$/).describe('a month YYYY-MM');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('a date YYYY-MM-DD (best a month end)');
const mapping = z.union([z.record(z.string(), z.unknown()), z.string()]).describe('columns / stages / dateOrder mapping, or its YAML text');
const roster = z.string().describe('rep roster CSV: Name, Territory, Hire Date, Exit Date');

export const CalibrateBodySchema = z
  .strictObject({
    csv: z.string().describe('the opportunity export (CSV). Default columns: Opportunity Owner, Created Date, Close Date, Stage, Amount'),
    roster: roster.optional(),
    leads: z
      .string()
      .optional()
      .describe('a lead export (CSV: Created Date, Converted Date or Qualified Date, optional Lead Status): adds a demand block (leads a month, qualified share, qualification delay, not-ready share) and `demandReport` to the answer, as `salesim calibrate --leads`'),
    mapping: mapping.optional(),
    from: month.optional(),
    to: month.optional(),
    asOf: day.optional().describe('calibrate as of this date: rows created later are dropped, deals decided later are open'),
    name: z.string().optional(),
    horizonMonths: z.int().min(1).max(120).optional(),
    invalidRows: invalidRows.optional(),
    point: z.boolean().optional().describe('point estimates only, no uncertainty block (salesim calibrate --point)'),
    trend: z.boolean().optional().describe('write a kept win-rate or deal-size trend as the drift block; by default it is reported only (salesim calibrate --trend)'),
  })
  .meta({ id: 'CalibrateBody' });

export const RollingBacktestBodySchema = z
  .strictObject({
    csv: z.string().describe('the opportunity export (CSV)'),
    asOf: z.array(day).min(1).max(24).describe('as-of dates (month ends), each cut calibrated on the export as it stood then'),
    horizon: z.int().min(1).max(24).optional().describe('months forecast and scored after each date (default 3)'),
    trials: z.int().min(10).optional().describe('trials per cut (bounded by the server so cuts x trials fit the work budget)'),
    seed: seed.optional(),
    point: z.boolean().optional().describe('calibrate with point estimates only (no parameter uncertainty)'),
    roster: roster.optional(),
    mapping: mapping.optional(),
    invalidRows: invalidRows.optional(),
  })
  .meta({ id: 'RollingBacktestBody' });

const scoreBand = { actual: num, mean: num, p10: num, p25: num, p50: num, p75: num, p90: num, pit: num, crps: num, inside80: z.boolean(), inside50: z.boolean() };
const pointScore = obj({ forecast: num, crps: num.describe('absolute error'), bias: num.describe('actual / forecast') });
export const RollingResultSchema = obj({
  horizon: z.int(),
  trials: z.int(),
  seed: z.int(),
  point: z.boolean(),
  cuts: z.array(
    obj({
      asOf: z.string(),
      from: z.string(),
      to: z.string(),
      window: obj({ from: z.string(), to: z.string() }),
      salesim: obj({ ...scoreBand, bias: num }).describe("the forecast of the horizon's total bookings, scored"),
      months: z.array(obj({ month: z.string(), actual: num, p10: num, p50: num, p90: num, pit: num })),
      baselines: obj({ pipeline: pointScore, runRate: pointScore }),
      open: obj({ deals: z.int(), staleShare: num }),
      fit: obj({ resolutionByAge: z.boolean(), uncertainParameters: z.int() }),
    }),
  ),
  summary: obj({
    cuts: z.int(),
    inside80: z.int(),
    inside80Share: num,
    inside80Se: num,
    inside50Share: num,
    extremePits: z.int().describe('PITs outside [0.02, 0.98]'),
    extremeExpected: num.describe('PITs outside [0.02, 0.98] a calibrated forecast gives by chance: 0.04 x cuts'),
    extremeUpper: z.int().describe("the binomial's 97.5th percentile of that count: more is a sign of bands too narrow"),
    pitHistogram: obj({ counts: z.array(z.int()), chiSquare: num, df: z.int(), pValue: num, test: z.string() }),
    ks: obj({ d: num, pValue: num, test: z.string() }),
    meanCrps: obj({ salesim: num, pipeline: num, runRate: num }),
    meanBias: obj({ salesim: num, pipeline: num, runRate: num }),
    beats: obj({ pipeline: z.boolean(), runRate: z.boolean() }),
    verdict: z.string(),
  }),
  warnings: z.array(z.string()),
}).meta({ id: 'RollingResult' });

const scenarioOrName = z.union([ScenarioEchoSchema, SourceTextSchema, z.string()]).describe("a scenario object, { yaml } text, YAML text, or a preset's name");
export const ForecastBodySchema = z
  .strictObject({
    opportunities: z.string().describe('the opportunity export (CSV): Opportunity Owner, Created Date, Close Date, Stage, Amount'),
    roster: roster.optional(),
    scenario: scenarioOrName,
    asOf: day.describe('the as-of date'),
    through: month.optional().describe("the last month forecast (default: the plan year's last month)"),
    plan: num.gt(0).optional().describe("the year's plan (default: the scenario's first-year plan)"),
    mapping: mapping.optional(),
    invalidRows: invalidRows.optional(),
    point: z.boolean().optional().describe("ignore the scenario's uncertainty block: its parameters at their fitted values, no draws (salesim forecast --point)"),
    actions: z
      .array(
        z.strictObject({
          name: z.string(),
          patch: z.record(z.string(), z.unknown()).optional().describe('a merge patch on the forecast scenario'),
          hire: z.strictObject({ seats: z.int().min(1).max(10000), territory: z.string().optional() }).optional().describe('seats opening now (needs a hiring block)'),
        }),
      )
      .max(10)
      .optional()
      .describe('interventions, each run on the same seed'),
    trials: trials.optional(),
    seed: seed.optional(),
    precision: z.string().optional().describe('instead of trials: run until the forecast from today holds the targets, p_plan=H (P(plan | bookings to date)) and revenue=R (its mean plan-year total), as salesim forecast --precision; the interventions take the same trials and the answer carries `precision`'),
    maxTrials,
  })
  .meta({ id: 'ForecastBody' });

export const ForecastSampleBodySchema = z
  .strictObject({
    scenario: scenarioOrName,
    months: z.int().min(1).max(120).optional().describe('months of history (salesim synth --months; default 12)'),
    start: z.string().regex(/^\s*\d{4}-(0?[1-9]|1[0-2])\s*$/).optional().describe("the first month, YYYY-MM (--start; default the scenario's market.start, else 2025-01)"),
    seed: z.int().min(0).max(4294967295).optional().describe('the history\'s seed (--seed; default 1)'),
    prospects: num.min(0).max(1000).optional().describe('pre-pipeline rows (stage Prospecting, no created date) per seated rep-month (--prospects; default 0)'),
    resolveByAge: z.array(num.min(0).max(1)).min(1).max(120).optional().describe('the monthly chance an open opportunity resolves by its age in month-ends, the last for every older age; ending in 0 leaves stale deals (--resolve-by-age)'),
    quarterEndWin: num.gt(0).max(10).optional().describe('the win-rate factor in March, June, September and December (--quarter-end-win)'),
    arrivalDrift: num.min(0).max(1).optional().describe("the SD per month of a random walk of the opportunity rate's log (--drift)"),
  })
  .describe('a synthetic history with salesim synth\'s options; the roster is always in the answer. Over limits.maxSynthRows expected rows: a 400 naming months (with the most that fit) or reps.opportunitiesPerMonth, before any row is made')
  .meta({ id: 'ForecastSampleBody' });

export const SampleExportSchema = obj({
  opportunities: z.string().describe('the opportunity export as CSV (Salesforce column names)'),
  roster: z.string().describe('the rep roster as CSV (Name, Territory, Hire Date, Exit Date)'),
  asOf: z.string().describe("an as-of date to forecast from: the end of the history's month months - 6 (its middle month when shorter than a year)"),
  warnings: z.array(z.string()).describe('mechanisms of the scenario the synthetic history does not model (ignored)'),
}).meta({ id: 'SampleExport' });

/** The schemas the OpenAPI document lists as components, by name. */
export const API_SCHEMAS = {
  Scenario: ScenarioEchoSchema,
  ScenarioDistribution: DistributionEchoSchema,
  SourceText: SourceTextSchema,
  Summary: SummarySchema,
  CompareResult: CompareResultSchema,
  SensitivityResult: SensitivityResultSchema,
  SolveResult: SolveResultSchema,
  Precision: PrecisionSchema,
  CalibrateResult: CalibrateResultSchema,
  CalibrationReport: CalibrationReportSchema,
  SobolResult: SobolResultSchema,
  BacktestResult: BacktestResultSchema,
  CompareBody: CompareBodySchema,
  SensitivityBody: SensitivityBodySchema,
  SolveBody: SolveBodySchema,
  BacktestBody: BacktestBodySchema,
  RollingBacktestBody: RollingBacktestBodySchema,
  RollingResult: RollingResultSchema,
  CalibrateBody: CalibrateBodySchema,
  ForecastBody: ForecastBodySchema,
  ForecastSampleBody: ForecastSampleBodySchema,
  SampleExport: SampleExportSchema,
} as const;

/**
 * The JSON Schemas of API_SCHEMAS (OpenAPI 3.1 = JSON Schema 2020-12), shared parts as $refs into
 * `#/components/schemas`.
 * @example apiComponentSchemas().Summary.properties.customers
 */
export function apiComponentSchemas(): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, s] of Object.entries(API_SCHEMAS)) registry.add(s, { id });
  registry.add(StatsSchema, { id: 'Stats' });
  const out = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, target: 'draft-2020-12', unrepresentable: 'any' }) as { schemas: Record<string, Record<string, unknown>> };
  const schemas: Record<string, Record<string, unknown>> = {};
  for (const [id, s] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = s;
    schemas[id] = rest;
  }
  return schemas;
}
