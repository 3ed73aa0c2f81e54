/**
 * Where a trial state's typed arrays come from. `FRESH` allocates each one; an array pool hands the arrays
 * of the previous state out again, zeroed, when the next state asks for the same arrays in the same order,
 * which is what a state for a scenario of the same shape does.
 *
 * Why: with uncertain inputs every trial runs on its own compiled scenario and so its own state
 * (engine/simulate.ts, `uncertainTrials`); allocating its ~50 arrays (~70 KB for 100 seats) cost more than
 * compiling it. A recycled array is zero-filled before it is handed out, exactly as a new one is, so a
 * state built from a pool is indistinguishable from a fresh one: every number is unchanged.
 */

/** A source of zeroed typed arrays. */
export interface Alloc {
  f64(n: number): Float64Array;
  f32(n: number): Float32Array;
  i32(n: number): Int32Array;
  u8(n: number): Uint8Array;
}

/** New arrays every time. */
export const FRESH: Alloc = {
  f64: (n) => new Float64Array(n),
  f32: (n) => new Float32Array(n),
  i32: (n) => new Int32Array(n),
  u8: (n) => new Uint8Array(n),
};

/** A pool: the arrays handed out since the previous `reset` may be handed out again after the next one. */
export interface ArrayPool extends Alloc {
  /**
   * Starts a new state. The caller promises that nothing of the previous state (built from this pool) is
   * used any more.
   */
  reset(): void;
}

type Typed = Float64Array | Float32Array | Int32Array | Uint8Array;
type Ctor<T extends Typed> = { new (n: number): T };

/**
 * A pool that records the arrays of one state in the order they were asked for. The i-th request after a
 * reset gets the i-th recorded array, zero-filled, when it has the same type and length; at the first
 * request that differs the rest of the record is dropped and arrays are allocated (and recorded) anew.
 * @example
 * const pool = createArrayPool();
 * const a = pool.f64(3); a[0] = 5;
 * pool.reset();
 * const b = pool.f64(3); // the same array as a, zeroed: b === a && b[0] === 0
 */
export function createArrayPool(): ArrayPool {
  const held: Typed[] = [];
  let next = 0;
  function take<T extends Typed>(C: Ctor<T>, n: number): T {
    if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`array length must be a non-negative integer (got ${n})`);
    if (next < held.length) {
      const a = held[next];
      if (a instanceof C && a.length === n) {
        next++;
        return a.fill(0) as T;
      }
      held.length = next;
    }
    const a = new C(n);
    held.push(a);
    next++;
    return a;
  }
  return {
    f64: (n) => take(Float64Array, n),
    f32: (n) => take(Float32Array, n),
    i32: (n) => take(Int32Array, n),
    u8: (n) => take(Uint8Array, n),
    reset() {
      next = 0;
    },
  };
}
