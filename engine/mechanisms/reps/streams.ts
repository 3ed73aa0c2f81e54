/**
 * The core's random streams (docs/design.md, Streams).
 * Ids are fixed forever (every earlier draw depends on them): a new stream takes the next free id. The
 * registry collects every mechanism's ids and checks them unique (engine/mechanisms/registry.ts, STREAM_IDS).
 */
/** Seat-stream purposes (id = the purpose's index among a seat's streams). */
export const PURPOSE = {
  /** win rate, tier, deal-size multiplier of each new holder of the seat */
  attributes: 0,
  /** the steady-state initial pipeline */
  initial: 1,
  /** new opportunities each month */
  arrivals: 2,
  /** resolution, no-decision and win counts each month */
  resolutions: 3,
  /** won deal sizes */
  deals: 4,
  /** padded opportunities' outcomes (coverage padding creates them; the core's pipeline step resolves them) */
  padding: 7,
} as const;
/** Trial-level streams (id = the index after the seat streams). */
export const GLOBAL = {
  /** permutation of win-rate tiers over the initial seats */
  tiers: 1,
} as const;
