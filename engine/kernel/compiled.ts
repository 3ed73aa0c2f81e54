/**
 * The compiled scenario: flat numbers and typed arrays the trial loop reads without lookups. A type-only
 * module of the kernel: mechanisms import it, `compile.ts` builds it from each mechanism's slice, and it
 * imports only the mechanisms' leaf `types.ts` files (so there is no import cycle).
 */
import type { WinRateDist } from '../mechanisms/reps/types.js';
import type { BinomialTable } from '../random/binomialTable.js';
import type { LognormalTable } from '../random/lognormalTable.js';
import type { EmpiricalTable } from '../random/empiricalTable.js';
import type { TeamParams } from '../mechanisms/team/types.js';
import type { LeaderParams } from '../mechanisms/leadership/types.js';
import type { CompiledProgramme } from '../mechanisms/enablement/types.js';
import type { PlanTargets } from '../mechanisms/coverage/types.js';
import type { OpenBook } from '../mechanisms/openBook/types.js';
import type { CompiledCustomers } from '../mechanisms/customers/types.js';
import type { CompiledDemand } from '../mechanisms/demand/types.js';
import type { CompiledDrift } from '../mechanisms/drift/types.js';
import type { CompiledCompensation } from '../mechanisms/compensation/types.js';
import type { CompiledRetention } from '../mechanisms/retention/types.js';
import type { CompiledResponse } from '../mechanisms/coverageResponse/types.js';
import type { CompiledManagers } from '../mechanisms/managers/types.js';

export interface Compiled {
  H: number;
  years: number;
  seats: number;
  initialSeats: number;
  territories: number;
  seatTerritory: Int32Array;
  seatOpens: Int32Array;
  /** Infinity = unlimited */
  potential: Float64Array;
  /** every territory has unlimited potential (demand becomes arrivals one for one) */
  unlimited: boolean;
  /** the seat-stream purposes this scenario draws from, as a bit mask (the others are never seeded) */
  purposes: number;
  /** how many trial-level streams it draws from (GLOBAL.customers only with a customers or demand block, GLOBAL.demand only with a demand block) */
  globals: number;
  rate: number;
  cycle: number;
  pResolve: number;
  /** CDFs of Binomial(n, 1/cycleMonths) for the monthly resolutions */
  resolveTable: BinomialTable;
  noDecision: number;
  capacity: number;
  steadyStart: boolean;
  /** the stationary start of the initial seats (initialTeam: steady-state); null = ramped */
  team: TeamParams | null;
  dealMedian: number;
  dealSigma: number;
  expectedDeal: number;
  /** won deal sizes (median 1) by table inversion; null = fixed size */
  dealTable: LognormalTable | null;
  dealSpread: number;
  /** deal sizes as they are (`dealSize: { empirical }`), sampled by inversion; null = lognormal or fixed */
  dealEmpirical: EmpiricalTable | null;
  /** arrival multiplier of months 1..H (index m - 1), all 1 without a market block */
  market: Float64Array;
  winRate: WinRateDist;
  hireWinRate: WinRateDist;
  // hiring
  hiring: boolean;
  backfill: boolean;
  ttfMean: number;
  ttfSd: number;
  rampMonths: number;
  rampCurve: number;
  onboardingCapacity: number;
  costPerHire: number;
  // attrition
  attrition: boolean;
  hazard: number;
  pipelineLoss: number;
  lowPerf: boolean;
  lowPerfBelow: number;
  lowPerfQuarters: number;
  // leadership
  leadership: LeaderParams | null;
  // enablement
  programmes: CompiledProgramme[];
  // quota & coverage
  quotaAnnual: Float64Array | null;
  rampAdjusted: boolean;
  plan: PlanTargets | null;
  coverage: number;
  coverageMultiple: number;
  paddingQuality: number;
  /** escalation of the global multiple at quarter ends (0 step = off) */
  escalate: boolean;
  escalationStep: number;
  escalationCap: number;
  /** the coverage figures (realised win rate, velocity, stalled share, win-rate groups) are recorded */
  coverageFigures: boolean;
  // selling time (off: hours 0, budget Infinity)
  sellingTime: boolean;
  hoursBudget: number;
  hoursReal: number;
  hoursPad: number;
  hoursOpen: number;
  // stalled deals (off: stallAfter 0)
  stalls: boolean;
  /** months open (month-ends survived) after which a real / padded opportunity is stalled */
  stallAfter: number;
  stallAfterPad: number;
  /** age buckets per seat: 0..stallAge, the last one holding the stalled (stallAge = max of the two thresholds) */
  stallAge: number;
  pStall: number;
  ndStall: number;
  /**
   * resolution by age (the `resolution` block): the chance of resolving at a month end by month-ends survived,
   * the last for every older age; null without. With it the aged buckets run (stalls on, nothing ever stalled:
   * stallAfter = its length > stallAge) and each bucket resolves at its age's chance.
   */
  byAge: Float64Array | null;
  /** month m's (index m - 1) factors on the win rate and on the chance of resolving (resolution.monthInQuarter); null without */
  calWin: Float64Array | null;
  calResolve: Float64Array | null;
  // costs
  hasCosts: boolean;
  repMonthlyCost: number;
  managerSpan: number | null;
  managerMonthlyCost: number;
  leaderSearchCost: number;
  vacancyMonthlyCost: number;
  /** the open opportunities at the start (openPipeline); null without */
  book: OpenBook | null;
  /** recurring revenue (null: the block is absent and nothing of it runs) */
  customers: CompiledCustomers | null;
  /** demand generation (null: the block is absent and nothing of it runs) */
  demand: CompiledDemand | null;
  /** markets that move (null: the block is absent and nothing of it runs) */
  drift: CompiledDrift | null;
  /** the compensation plan (null: the block is absent and nothing of it runs) */
  comp: CompiledCompensation | null;
  /** performance- and pay-dependent voluntary attrition (null: the block is absent) */
  retention: CompiledRetention | null;
  /** reps answer a coverage rule by prospecting before padding (null: the block is absent) */
  response: CompiledResponse | null;
  /** first-line managers (null: the block is absent) */
  managers: CompiledManagers | null;
}
