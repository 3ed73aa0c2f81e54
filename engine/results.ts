/**
 * Allocation, merging and slicing of TrialResults blocks. Merging keeps trial order, so any chunking
 * gives the same arrays.
 */
import type { TrialResults } from './types.js';
import type { ResultLayout } from './kernel/outputs.js';
import { MECHANISMS, type ColumnKey } from './mechanisms/registry.js';

type Layout = Omit<ResultLayout, 'figures'> & Partial<Pick<ResultLayout, 'figures'>>;

/**
 * Per-trial arrays and how many values each trial has in them (given the layout), as the mechanisms
 * declare them (registry order). The coverage figures, the customers' and the demand's columns have
 * width 0 in a run that does not record them, so a scenario without those blocks carries none of their memory.
 */
function widths(l: ResultLayout): Record<ColumnKey, number> {
  const out = {} as Record<ColumnKey, number>;
  for (const m of MECHANISMS) for (const [k, spec] of Object.entries(m.columns)) out[k as ColumnKey] = spec.width(l);
  return out;
}

/** Every column's name, in registry order. */
function columnKeys(): ColumnKey[] {
  return MECHANISMS.flatMap((m) => Object.keys(m.columns) as ColumnKey[]);
}

/**
 * A zeroed block for `trials` trials starting at `from`.
 * @example allocateResults({ from: 0, trials: 2, months: 12, territories: 1, years: 1 }).revenue.length // 24
 */
export function allocateResults(l: Layout): TrialResults {
  const layout: ResultLayout = { from: l.from, trials: l.trials, months: l.months, territories: l.territories, years: l.years, figures: l.figures ?? false };
  if (l.compensation) layout.compensation = l.compensation;
  if (l.retention) layout.retention = l.retention;
  if (l.coverageResponse) layout.coverageResponse = l.coverageResponse;
  if (l.managers) layout.managers = l.managers;
  if (l.recorded) layout.recorded = l.recorded;
  const w = widths(layout);
  const columns = {} as { [K in ColumnKey]: Float64Array };
  for (const k of Object.keys(w) as ColumnKey[]) columns[k] = new Float64Array(l.trials * w[k]);
  return { ...layout, ...columns, attainments: new Float32Array(0), attainmentCounts: new Int32Array(l.trials) };
}

/**
 * Concatenates blocks that are consecutive in trial order.
 * @example // mergeResults([runTrials(s, 1, 0, 50), runTrials(s, 1, 50, 50)]) equals runTrials(s, 1, 0, 100)
 */
export function mergeResults(parts: TrialResults[]): TrialResults {
  if (parts.length === 0) throw new RangeError('mergeResults: no blocks');
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].from !== sorted[i - 1].from + sorted[i - 1].trials) throw new RangeError('mergeResults: blocks are not consecutive');
  }
  const first = sorted[0];
  const trials = sorted.reduce((a, p) => a + p.trials, 0);
  const out = allocateResults({ ...first, from: first.from, trials });
  for (const k of columnKeys()) {
    const dst = out[k];
    let o = 0;
    for (const p of sorted) {
      const src = p[k];
      dst.set(src, o);
      o += src.length;
    }
  }
  const nAtt = sorted.reduce((a, p) => a + p.attainments.length, 0);
  out.attainments = new Float32Array(nAtt);
  let o = 0,
    t = 0;
  for (const p of sorted) {
    out.attainments.set(p.attainments, o);
    o += p.attainments.length;
    out.attainmentCounts.set(p.attainmentCounts, t);
    t += p.trials;
  }
  return out;
}

/**
 * The block of `count` trials starting at absolute trial index `from` (copies).
 * @example // sliceResults(r, 10, 5).from === 10
 */
export function sliceResults(r: TrialResults, from: number, count: number): TrialResults {
  const start = from - r.from;
  if (start < 0 || count < 0 || start + count > r.trials) throw new RangeError('sliceResults: out of range');
  const out = allocateResults({ ...r, from, trials: count });
  const w = widths(r);
  for (const k of columnKeys()) out[k].set(r[k].subarray(start * w[k], (start + count) * w[k]));
  let a0 = 0;
  for (let t = 0; t < start; t++) a0 += r.attainmentCounts[t];
  let a1 = a0;
  for (let t = start; t < start + count; t++) a1 += r.attainmentCounts[t];
  out.attainments = r.attainments.slice(a0, a1);
  out.attainmentCounts = r.attainmentCounts.slice(start, start + count);
  return out;
}

/** Names of the per-trial Float64Array fields, for code that ships results between threads. */
export function resultArrays(r: TrialResults): ArrayBuffer[] {
  return [...columnKeys().map((k) => r[k].buffer as ArrayBuffer), r.attainments.buffer as ArrayBuffer, r.attainmentCounts.buffer as ArrayBuffer];
}
