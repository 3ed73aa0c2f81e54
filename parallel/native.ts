/**
 * The optional native addon native/trim (built at install by scripts/build-native.mjs; null where it is
 * not built or the C library is not glibc): `trim()` is glibc's `malloc_trim(0)` (server/trimWhenIdle.ts
 * says why), `limitArenas(n)` is `mallopt(M_ARENA_MAX, n)` (`limitMallocArenas` below says why).
 * Found beside the sources (parallel/) and beside the built code (dist/parallel/, dist/bundle/).
 * @example const native = loadNative(); if (native) native.trim(); // true when memory was given back
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface NativeAddon {
  /** malloc_trim(0): gives every whole free page of every arena back; true when some was */
  trim(): boolean;
  /** mallopt(M_ARENA_MAX, n): at most n malloc arenas for threads started from now on; true when set */
  limitArenas(n: number): boolean;
}

/** Where the built addon is, from the sources and from the built code. */
export const NATIVE_ADDON_PATHS = ['../native/trim/build/Release/trim.node', '../../native/trim/build/Release/trim.node'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

let loaded: NativeAddon | null | undefined;

export function loadNative(paths: readonly string[] = NATIVE_ADDON_PATHS): NativeAddon | null {
  if (paths === NATIVE_ADDON_PATHS && loaded !== undefined) return loaded;
  const require = createRequire(import.meta.url);
  let out: NativeAddon | null = null;
  for (const path of paths) {
    try {
      const m = require(path) as { trim(): boolean; available(): boolean; limitArenas?(n: number): boolean };
      if (!m.available()) break;
      // an addon built before limitArenas existed still trims
      out = { trim: () => m.trim(), limitArenas: (n) => m.limitArenas?.(n) ?? false };
      break;
    } catch {
      // not at this path
    }
  }
  if (paths === NATIVE_ADDON_PATHS) loaded = out;
  return out;
}

/** Malloc arenas for the whole process once a pool of worker threads runs (see limitMallocArenas). */
export const MALLOC_ARENAS = 2;
let limited = false;

/**
 * Caps glibc's malloc arenas (mallopt M_ARENA_MAX) before the first pool starts its threads, as
 * `MALLOC_ARENA_MAX=2` does for `npm start`'s server (docs/server.md), for every process that runs a pool
 * (the CLI's runs, the bench, an embedding). glibc gives each thread that meets contention an arena of its
 * own (up to 8 per core; 9 in a process with three worker threads, test/parallel/native.test.ts), and each
 * arena keeps the pages of its freed allocations; worker threads simulate in typed arrays and allocate
 * little through malloc (V8's compiler zones, array buffers), so sharing two arenas keeps a run's freed
 * native memory in two places instead of one per thread. Measured on a 100,000-trial full-model
 * `salesim run` on 2 workers: 411 MB peak without a cap, 375 MB with MALLOC_ARENA_MAX=2, in the same time
 * (docs/performance.md). `SALESIM_ARENAS=default` leaves glibc's default (the bench compares both).
 * Does nothing without the addon.
 * @example limitMallocArenas(); // true once the cap is set
 */
export function limitMallocArenas(): boolean {
  if (limited) return true;
  const native = loadNative();
  limited = native !== null && native.limitArenas(MALLOC_ARENAS);
  return limited;
}
