/**
 * A streaming path to the Summary for runs too large to hold as one TrialResults: blocks of trials are
 * added in trial order and stored compactly (each per-trial array in the smallest typed array that holds
 * its values exactly: Uint8 for 0/1 flags, Uint16 or Float32 for head counts, Float64 otherwise, upgraded
 * when a block needs more), then summarised with the engine's `summarize`. The Summary is identical to
 * `summarize(scenario, mergeResults(blocks))` (same values, same order): only the memory differs — 100,000
 * trials x 36 months need about a third of the bytes of the merged Float64 results.
 */
import type { Scenario } from './scenario.js';
import type { Summary, TrialResults } from './types.js';
import { summarize, type SummarizeOptions } from './summarize.js';

type Compact = Uint8Array | Uint16Array | Float32Array | Float64Array;
type Kind = 0 | 1 | 2 | 3;
const MAKE = [(n: number) => new Uint8Array(n), (n: number) => new Uint16Array(n), (n: number) => new Float32Array(n), (n: number) => new Float64Array(n)];

/** The smallest kind that holds every value of `a` exactly (at least `from`). */
function kindOf(a: ArrayLike<number>, from: Kind): Kind {
  let k = from;
  for (let i = 0; i < a.length && k < 3; i++) {
    const v = a[i];
    if (k === 0 && !(v >= 0 && v <= 255 && (v | 0) === v && !Object.is(v, -0))) k = 1;
    if (k === 1 && !(v >= 0 && v <= 65535 && (v | 0) === v && !Object.is(v, -0))) k = 2;
    if (k === 2 && !(Math.fround(v) === v || v !== v)) k = 3;
  }
  return k;
}

export interface SummaryStream {
  /** trials added so far */
  readonly trials: number;
  /** adds the next block of trials (blocks must arrive in trial order, starting at trial 0 of the run) */
  add(block: TrialResults): void;
  /** the Summary of the trials added so far (can be called again after more blocks) */
  summary(opts?: SummarizeOptions): Summary;
  /** bytes held by the stored columns */
  bytes(): number;
}

/**
 * A stream for a run of `total` trials.
 * @example
 * const stream = createSummaryStream(scenario, 100_000);
 * for (let from = 0; from < 100_000; from += 5000) stream.add(runTrials(scenario, 1, from, 5000));
 * const summary = stream.summary({ seed: 1 });
 */
export function createSummaryStream(scenario: Scenario, total: number): SummaryStream {
  const cols = new Map<string, { kind: Kind; data: Compact; width: number }>();
  let layout: { months: number; territories: number; years: number; from: number } | null = null;
  let done = 0;
  let att = new Float32Array(0);
  let nAtt = 0;
  const attCounts = new Int32Array(total);

  return {
    get trials() {
      return done;
    },
    add(block: TrialResults): void {
      if (!layout) layout = { months: block.months, territories: block.territories, years: block.years, from: block.from };
      if (block.from !== layout.from + done) throw new RangeError(`summary stream: expected trials from ${layout.from + done}, got ${block.from}`);
      if (done + block.trials > total) throw new RangeError('summary stream: more trials than announced');
      for (const [key, value] of Object.entries(block)) {
        if (key === 'attainments' || key === 'attainmentCounts' || !(value instanceof Float64Array)) continue;
        const width = value.length / block.trials;
        let c = cols.get(key);
        if (!c) {
          const kind = kindOf(value, 0);
          c = { kind, data: MAKE[kind](total * width), width };
          cols.set(key, c);
        } else {
          const kind = kindOf(value, c.kind);
          if (kind !== c.kind) {
            const wider = MAKE[kind](total * width);
            wider.set(c.data.subarray(0, done * width));
            c.kind = kind;
            c.data = wider;
          }
        }
        c.data.set(value, done * width);
      }
      if (nAtt + block.attainments.length > att.length) {
        const grown = new Float32Array(Math.max(nAtt + block.attainments.length, att.length * 2, 1024));
        grown.set(att.subarray(0, nAtt));
        att = grown;
      }
      att.set(block.attainments, nAtt);
      nAtt += block.attainments.length;
      attCounts.set(block.attainmentCounts, done);
      done += block.trials;
    },
    summary(opts: SummarizeOptions = {}): Summary {
      if (!layout || done === 0) throw new RangeError('summary stream: no trials yet');
      const r: Record<string, unknown> = { ...layout, trials: done };
      for (const [key, c] of cols) r[key] = c.data.subarray(0, done * c.width);
      r.attainments = att.subarray(0, nAtt);
      r.attainmentCounts = attCounts.subarray(0, done);
      // summarize reads the columns by index only, so the compact arrays serve as they are
      return summarize(scenario, r as unknown as TrialResults, opts);
    },
    bytes(): number {
      let b = att.byteLength + attCounts.byteLength;
      for (const c of cols.values()) b += c.data.byteLength;
      return b;
    },
  };
}
