/**
 * Cancellation inside a trial. A caller that may give up (a server whose client went away) hands the
 * engine a shared cell (`Int32Array` on a `SharedArrayBuffer`, set to non-zero by another thread) with
 * `withAbortCell`; the kernel looks at it once per simulated month (`checkAbort`) and throws
 * `RunAborted`, so a cancelled run stops within one month of one trial, not at the end of its chunk.
 * Without a cell (the CLI, tests) the check is one comparison with null.
 */

/** Thrown inside the engine when its abort cell is set. */
export class RunAborted extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'RunAborted';
  }
}

let cell: Int32Array | null = null;

/**
 * Runs `f` with `abort` as the engine's abort cell (restored after, so calls nest).
 * @example const cancel = new Int32Array(new SharedArrayBuffer(4)); withAbortCell(cancel, () => runTrials(s, 1, 0, 100));
 */
export function withAbortCell<T>(abort: Int32Array | null | undefined, f: () => T): T {
  const prev = cell;
  cell = abort ?? null;
  try {
    return f();
  } finally {
    cell = prev;
  }
}

/**
 * Throws RunAborted when the current abort cell is set.
 * @example checkAbort() // nothing without a cell
 */
export function checkAbort(): void {
  if (cell !== null && Atomics.load(cell, 0) !== 0) throw new RunAborted();
}

/**
 * Whether a value is the engine's cancellation (also after a trip between threads, by name).
 * @example isRunAborted(new RunAborted()) // true
 */
export function isRunAborted(e: unknown): boolean {
  return e instanceof RunAborted || (!!e && typeof e === 'object' && (e as { name?: string }).name === 'RunAborted');
}
