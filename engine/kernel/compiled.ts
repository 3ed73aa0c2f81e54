/**
 * The compiled scenario: flat numbers and typed arrays the trial loop reads without lookups. A type-only
 * module of the kernel: mechanisms import it, `compile.ts` builds it from the registry's slices.
 */
import type { WinRateDist } from '../mechanisms/reps/types.js';
import type { BinomialTable } from '../random/binomialTable.js';
import type { LognormalTable } from '../random/lognormalTable.js';
import type { EmpiricalTable } from '../random/empiricalTable.js';

/** The core's compiled parameters (the reps and the territories): what every scenario has. */
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
  hireWinRate: WinRateDist;
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
