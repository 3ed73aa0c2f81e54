/**
 * Enablement's random streams.
 * Ids are fixed forever (every earlier draw depends on them): a new stream takes the next free id. The
 * registry collects every mechanism's ids and checks them unique (engine/mechanisms/registry.ts, STREAM_IDS).
 */
/** Seat-stream purposes (id = the purpose's index among a seat's streams). */
export const PURPOSE = {
  /** enablement adoption of each new holder, one uniform per programme (drawn by the core when it seats a holder) */
  adoption: 8,
} as const;
/** Trial-level streams (id = the index after the seat streams). */
export const GLOBAL = {} as const;
