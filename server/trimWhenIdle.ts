/**
 * Gives the memory a burst of requests freed back to the system once the server has been quiet.
 *
 * glibc's malloc keeps the pages of freed small allocations: a free chunk between live ones is never
 * returned by free(), only the arena's top. After a burst of varied requests (the issue-32 fuzz) the
 * server's RSS stayed 240 MB above idle with nothing live in it; `malloc_trim(0)` gives every whole free
 * page of every arena back (measured on a held server after 300 fuzzed simulate bodies: 414 to 355 MB,
 * idle 274 MB). Node has no binding for it, so `native/trim` is a 40-line addon built at install
 * (`npm install` runs scripts/build-native.mjs); where it could not be built, or off glibc, the server
 * runs as before without it.
 *
 * The timer checks every `checkMs`; once `quietMs` have passed since the last sign of work and there has
 * been work since the last trim, it trims (once). Work is a request starting (`touch`) or a change of the
 * `activity` counter (the pool's completed tasks: a run ending frees its memory after its request
 * started). Trimming is safe at any moment (it takes the arenas' locks like any malloc); waiting for
 * quiet keeps its few milliseconds (20-30 ms for 180 MB of free pages) out of a request's way, and
 * trims after the workers' own idle collection (parallel/worker.ts, 0.5 s).
 * @example
 * const idle = trimWhenIdle({ trim: () => true, quietMs: 2000 });
 * idle.touch(); // a request started
 * idle.stop();
 */
export interface IdleTrimmer {
  /** a request started now */
  touch(): void;
  /** trims done so far, and the milliseconds the last one took */
  stats(): { trims: number; lastMs: number };
  stop(): void;
}

export function trimWhenIdle(opts: { trim: () => boolean; activity?: () => number; quietMs?: number; checkMs?: number; now?: () => number }): IdleTrimmer {
  const quietMs = opts.quietMs ?? 2000;
  const now = opts.now ?? (() => performance.now());
  let last = now();
  let dirty = false;
  let trims = 0;
  let lastMs = 0;
  let seen = opts.activity?.() ?? 0;
  const timer = setInterval(() => {
    const a = opts.activity?.() ?? 0;
    if (a !== seen) {
      seen = a;
      last = now();
      dirty = true;
    }
    if (!dirty || now() - last < quietMs) return;
    dirty = false;
    const t0 = performance.now();
    opts.trim();
    lastMs = performance.now() - t0;
    trims++;
  }, opts.checkMs ?? 500);
  timer.unref();
  return {
    touch() {
      last = now();
      dirty = true;
    },
    stats: () => ({ trims, lastMs }),
    stop: () => clearInterval(timer),
  };
}
