/**
 * The probabilities of the percentiles in every Stats (p5, p10, p25, p50, p75, p90, p95), ascending.
 * @example PERCENTILES[3] // 0.5
 */
export const PERCENTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;
