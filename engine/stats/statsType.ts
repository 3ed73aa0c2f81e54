/** Percentile summary used everywhere. */
export interface Stats {
  mean: number;
  sd: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
}
