/**
 * Drift's random streams.
 * Ids are fixed forever (every earlier draw depends on them): a new stream takes the next free id. The
 * registry collects every mechanism's ids and checks them unique (engine/mechanisms/registry.ts: collectStreams builds PURPOSE and GLOBAL).
 */
/** Seat-stream purposes (id = the purpose's index among a seat's streams). */
export const PURPOSE = {} as const;
/** Trial-level streams (id = the index after the seat streams). */
export const GLOBAL = {
  /** the market's random walk of win rate, no-decision rate and deal size (with a walk) */
  drift: 4,
} as const;
