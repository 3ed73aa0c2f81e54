/**
 * The first-line managers' random streams.
 * Ids are fixed forever (every earlier draw depends on them): a new stream takes the next free id. The
 * registry collects every mechanism's ids and checks them unique (engine/mechanisms/registry.ts: collectStreams builds PURPOSE and GLOBAL).
 */
/** Seat-stream purposes (id = the purpose's index among a seat's streams). */
export const PURPOSE = {} as const;
/** Trial-level streams (id = the index after the seat streams). */
export const GLOBAL = {
  /** first-line managers' qualities and exits */
  managers: 5,
} as const;
