/**
 * The compiled scenario: flat numbers and typed arrays the trial loop reads without lookups. A type-only
 * module of the kernel: mechanisms import it, `compile.ts` builds it from the registry's slices.
 */
import type { WinRateDist } from './winRate.js';
import type { BinomialTable } from '../random/binomialTable.js';
import type { LognormalTable } from '../random/lognormalTable.js';
import type { EmpiricalTable } from '../random/empiricalTable.js';

/** The core's compiled parameters (the reps, the territories, stalls): what every scenario has. */
export interface CoreCompiled {
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
  /** the on mechanisms whose result columns are recorded by name (registry entries with `recorded`); null: none */
  recorded: Readonly<Record<string, true>> | null;
  /** the seat-stream purposes this scenario draws from, as a bit mask (the others are never seeded) */
  purposes: number;
  /** how many trial-level streams it draws from (the leader's and the tiers', and those the slices ask for) */
  globals: number;
  rate: number;
  cycle: number;
  pResolve: number;
  /** CDFs of Binomial(n, 1/cycleMonths) for the monthly resolutions */
  resolveTable: BinomialTable;
  noDecision: number;
  capacity: number;
  steadyStart: boolean;
  dealMedian: number;
  dealSigma: number;
  expectedDeal: number;
  /** won deal sizes (median 1) by table inversion; null = fixed size */
  dealTable: LognormalTable | null;
  dealSpread: number;
  /** deal sizes as they are (`dealSize: { empirical }`), sampled by inversion; null = lognormal or fixed */
  dealEmpirical: EmpiricalTable | null;
  winRate: WinRateDist;
  // the open pipeline by age (engine/kernel/aged.ts) and stalled deals (off: stallAfter 0)
  /** open opportunities are kept by age: a stalls block or resolution by age */
  aged: boolean;
  /** months open (month-ends survived) after which a real / padded opportunity is stalled */
  stallAfter: number;
  stallAfterPad: number;
  /** age buckets per seat: 0..stallAge, the last one holding the stalled (stallAge = max of the two thresholds) */
  stallAge: number;
  pStall: number;
  ndStall: number;
  /**
   * resolution by age (the `resolution` block): the chance of resolving at a month end by month-ends survived,
   * the last for every older age; null without. With it the aged buckets run (`aged`, nothing ever stalled:
   * stallAfter = its length > stallAge) and each bucket resolves at its age's chance.
   */
  byAge: Float64Array | null;
  /** month m's (index m - 1) factors on the win rate and on the chance of resolving (resolution.monthInQuarter); null without */
  calWin: Float64Array | null;
  calResolve: Float64Array | null;
}

/**
 * The compiled scenario: the core's parameters and every mechanism's slice. Each mechanism adds its slice's
 * fields to this interface from its own folder (engine/mechanisms/<name>/slice.ts, by module augmentation),
 * so this file names no mechanism; engine/compile.ts builds it from the registry's slices and checks, as a
 * type, that `Compiled` is exactly the core plus the registry's slices (a slice left out of the registry,
 * or a registry slice that does not declare its fields here, is a type error).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Compiled extends CoreCompiled {}
