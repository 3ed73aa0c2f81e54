/**
 * The core's random streams (docs/design.md, Streams): those of the kernel's seat, holder and deal model
 * (engine/kernel/holder.ts, engine/kernel/deals.ts and the core's steps in engine/mechanisms/reps/), which the
 * mechanisms that seat holders or start pipelines (hiring, the starting team) draw from as the core does. The
 * registry lists them as the `reps` entry's streams.
 * Ids are fixed forever (every earlier draw depends on them): a new stream takes the next free id. The
 * registry collects every mechanism's ids and checks them unique (engine/mechanisms/registry.ts, collectStreams).
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
  /**
   * each new holder's adoption uniform per enablement programme, drawn with the holder's attributes
   * (engine/kernel/holder.ts; enablement reads them, and its slice seeds the stream when there are programmes)
   */
  adoption: 8,
} as const;
/** Trial-level streams (id = the index after the seat streams). */
export const GLOBAL = {
  /** permutation of win-rate tiers over the initial seats */
  tiers: 1,
} as const;
