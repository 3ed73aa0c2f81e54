/**
 * A streaming path to the Summary for runs too large to hold as one TrialResults: blocks of trials are
 * added in trial order and only what the Summary reads is kept, compactly. Each column (a month, a cost
 * item, a territory) is stored contiguously, in the smallest typed array that holds its values exactly
 * (Uint8 for 0/1 flags, Uint16 or Float32 for head counts, Float64 otherwise, upgraded when a block needs
 * more), and is summarised where it is, without copies; arrays of which the Summary needs only means
 * (Lorenz points, leader present, disrupted) are summed as blocks arrive. The Summary is identical to
 * `summarize(scenario, mergeResults(blocks))` (same values, same order): only the memory and the time
 * differ — 100,000 trials x 36 months need about a sixth of the bytes of the merged Float64 results.
 * With a spill (`opts.spill`: a temporary file, parallel/spill.ts), only the last `stageTrials` trials stay in
 * memory: each time that many have arrived their columns are written out, column by column, and the Summary
 * reads each column back whole when it needs it (one or two at a time), so a run's memory no longer grows with
 * its trials and the Summary is still the same, bit for bit.
 */
import type { Scenario } from './scenario.js';
import { drawsPerTrial } from './drawn.js';
import type { Summary, TrialResults } from './types.js';
import { ATTAINMENT_EDGES, summarizeColumns, type SummarizeOptions } from './summarize.js';
import { createAttainmentSketch, EXACT_UP_TO } from './stats/attainmentSketch.js';
import { COUNT_CAP, COUNTED_KEYS, SCALAR_KEYS, SUMMED_KEYS, WIDE_KEYS, type ColumnSum, type CountedKey, type TrialColumns } from './columns.js';
import { countIntegers } from './stats/countIntegers.js';

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

/** The largest value when every value is an integer in [0, COUNT_CAP), else -1. */
function maxCountable(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0 && v < COUNT_CAP) || (v | 0) !== v) return -1;
    if (v > max) max = v;
  }
  return max;
}

/**
 * Where a stream puts the columns of the trials it keeps out of memory: an append-only byte store (a temporary
 * file in the CLI, parallel/spill.ts; the engine does no I/O itself).
 */
export interface ColumnSpill {
  /** appends `bytes` and returns the offset they start at */
  write(bytes: Uint8Array): number;
  /** fills `into` with the bytes written at `offset` */
  read(offset: number, into: Uint8Array): void;
}

/** One stretch of a column written to the spill: `count` values of kind `kind` at byte `offset`. */
interface Segment {
  offset: number;
  kind: Kind;
  count: number;
}

export interface SummaryStream {
  /** trials added so far */
  readonly trials: number;
  /** adds the next block of trials (blocks must arrive in trial order, starting at trial 0 of the run) */
  add(block: TrialResults): void;
  /** the Summary of the trials added so far (can be called again after more blocks) */
  summary(opts?: SummarizeOptions): Summary;
  /** bytes held in memory by the stored columns */
  bytes(): number;
  /** bytes of columns written to the spill (0 without one) */
  spilled(): number;
}

/**
 * A stream for a run of `total` trials.
 * @example
 * const stream = createSummaryStream(scenario, 100_000);
 * for (let from = 0; from < 100_000; from += 5000) stream.add(runTrials(scenario, 1, from, 5000));
 * const summary = stream.summary({ seed: 1 });
 */
export function createSummaryStream(
  scenario: Scenario,
  total: number,
  opts: { initialCapacity?: number; exactAttainments?: number; spill?: { store: ColumnSpill; stageTrials: number } } = {},
): SummaryStream {
  const spill = opts.spill ?? null;
  if (spill && !(Number.isInteger(spill.stageTrials) && spill.stageTrials >= 1)) throw new RangeError('summary stream: stageTrials must be a whole number >= 1');
  /**
   * trials the columns have room for in memory: `total`, or with `initialCapacity` (a precision-targeted run,
   * which may stop long before its cap) less, doubled as trials arrive; with a spill, `stageTrials`
   */
  let cap = Math.max(1, Math.min(total, Math.floor(spill ? spill.stageTrials : (opts.initialCapacity ?? total))));
  /**
   * column k of a stored array holds trial `base + t` at data[k * cap + t] (the trials before `base` are in
   * the spill: segs[k], in trial order)
   */
  const cols = new Map<string, { kind: Kind; data: Compact; width: number; segs: Segment[][] }>();
  let base = 0;
  let spilledBytes = 0;
  const sums = new Map<string, { all: Float64Array; notNaN: Float64Array; count: Float64Array }>();
  /** counts of each month's values of the head-count arrays, while every value is an integer in [0, COUNT_CAP) */
  const counted = new Map<string, Int32Array[] | null>();
  let started = false;
  let months = 0;
  let from = 0;
  let done = 0;
  /** the attainments: every one up to `exactAttainments` (4 million), then bounded (stats/attainmentSketch.ts) */
  const sketch = createAttainmentSketch(ATTAINMENT_EDGES, opts.exactAttainments ?? EXACT_UP_TO);

  /** moves every stored column to room for `room` trials (the `done - base` in memory kept) */
  function grow(room: number): void {
    const kept = done - base;
    for (const c of cols.values()) {
      const wider = MAKE[c.kind](room * c.width);
      for (let k = 0; k < c.width; k++) wider.set(c.data.subarray(k * cap, k * cap + kept), k * room);
      c.data = wider;
    }
    cap = room;
  }

  /** writes the columns of the trials in memory to the spill, one segment per column, and empties memory */
  function flush(store: ColumnSpill): void {
    const kept = done - base;
    if (kept === 0) return;
    for (const c of cols.values())
      for (let k = 0; k < c.width; k++) {
        const part = c.data.subarray(k * cap, k * cap + kept);
        const offset = store.write(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
        spilledBytes += part.byteLength;
        c.segs[k].push({ offset, kind: c.kind, count: kept });
      }
    base = done;
  }

  /** column k of `key` over trials [0, done): in place without a spill, else read back whole */
  function columnOf(key: string, k: number): Compact {
    const c = cols.get(key)!;
    const kept = done - base;
    const inMemory = c.data.subarray(k * cap, k * cap + kept);
    const segs = c.segs[k];
    if (segs.length === 0) return inMemory;
    const out = MAKE[c.kind](done);
    let at = 0;
    for (const g of segs) {
      // a segment written before the column widened is read in its own kind and widened (exactly)
      const into = g.kind === c.kind ? out.subarray(at, at + g.count) : MAKE[g.kind](g.count);
      spill!.store.read(g.offset, new Uint8Array(into.buffer, into.byteOffset, into.byteLength));
      if (into.buffer !== out.buffer) out.set(into, at);
      at += g.count;
    }
    out.set(inMemory, at);
    return out;
  }

  return {
    get trials() {
      return done;
    },
    add(block: TrialResults): void {
      const b = block.trials;
      if (!started) {
        started = true;
        months = block.months;
        from = block.from;
      }
      if (block.from !== from + done) throw new RangeError(`summary stream: expected trials from ${from + done}, got ${block.from}`);
      if (done + b > total) throw new RangeError('summary stream: more trials than announced');
      if (b === 0) return;
      if (spill && done - base + b > cap) flush(spill.store);
      if (done - base + b > cap) grow(spill ? b : Math.min(total, Math.max(done + b, 2 * cap)));
      /** where this block's trials go in memory */
      const at = done - base;
      const arrays = block as unknown as Record<string, Float64Array>;
      for (const key of [...WIDE_KEYS, ...SCALAR_KEYS]) {
        const value = arrays[key];
        const width = value.length / b;
        let c = cols.get(key);
        if (!c) {
          const kind = kindOf(value, 0);
          c = { kind, data: MAKE[kind](cap * width), width, segs: Array.from({ length: width }, () => []) };
          cols.set(key, c);
        } else {
          const kind = kindOf(value, c.kind);
          if (kind !== c.kind) {
            const wider = MAKE[kind](cap * width);
            wider.set(c.data);
            c.kind = kind;
            c.data = wider;
          }
        }
        const d = c.data;
        if (width === 1) d.set(value, at);
        else
          for (let k = 0; k < width; k++) {
            for (let t = 0, i = k * cap + at, o = k; t < b; t++, i++, o += width) d[i] = value[o];
          }
        if ((COUNTED_KEYS as readonly string[]).includes(key)) {
          let counts = counted.get(key);
          if (counts === undefined) counted.set(key, (counts = Array.from({ length: width }, () => new Int32Array(16))));
          for (let k = 0; counts && k < width; k++) {
            const values = d.subarray(k * cap + at, k * cap + at + b);
            const max = maxCountable(values);
            if (max < 0) {
              counted.set(key, (counts = null));
              break;
            }
            if (max >= counts[k].length) {
              // room up to the next power of two (counts beyond the largest value are zeros, which change no statistic)
              const grown = new Int32Array(Math.min(COUNT_CAP, 2 ** Math.ceil(Math.log2(max + 1))));
              grown.set(counts[k]);
              counts[k] = grown;
            }
            countIntegers(values, counts[k]);
          }
        }
      }
      // sums in trial order, as summarize adds them
      for (const key of SUMMED_KEYS) {
        const value = arrays[key];
        const width = value.length / b;
        let acc = sums.get(key);
        if (!acc) {
          acc = { all: new Float64Array(width), notNaN: new Float64Array(width), count: new Float64Array(width) };
          sums.set(key, acc);
        }
        for (let t = 0, o = 0; t < b; t++)
          for (let k = 0; k < width; k++, o++) {
            const v = value[o];
            acc.all[k] += v;
            if (v === v) {
              acc.notNaN[k] += v;
              acc.count[k]++;
            }
          }
      }
      sketch.add(block.attainments);
      done += b;
    },
    summary(opts: SummarizeOptions = {}): Summary {
      if (done === 0) throw new RangeError('summary stream: no trials yet');
      const n = done;
      const src: TrialColumns = {
        trials: n,
        months,
        column: (key, k) => columnOf(key, k),
        scalar: (key) => columnOf(key, 0),
        sum(key, k): ColumnSum {
          const acc = sums.get(key)!;
          return { all: acc.all[k], notNaN: acc.notNaN[k], count: acc.count[k] };
        },
        attainments: new Float32Array(0),
        attainmentSketch: sketch,
        counts: (key: CountedKey) => counted.get(key) ?? null,
      };
      return summarizeColumns(scenario, src, drawsPerTrial(scenario) ? { designTrials: total, ...opts } : opts);
    },
    bytes(): number {
      let bytes = sketch.bytes();
      for (const c of cols.values()) bytes += c.data.byteLength;
      for (const acc of sums.values()) bytes += 3 * acc.all.byteLength;
      for (const counts of counted.values()) for (const c of counts ?? []) bytes += c.byteLength;
      return bytes;
    },
    spilled(): number {
      return spilledBytes;
    },
  };
}
