/**
 * `malloc_trim(0)` from native/trim (built at install by scripts/build-native.mjs), or null where the
 * addon is not built or the C library is not glibc. See server/trimWhenIdle.ts for why.
 * @example const trim = loadTrim(); if (trim) trim(); // true when memory was given back
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const TRIM_ADDON = fileURLToPath(new URL('../native/trim/build/Release/trim.node', import.meta.url));

export function loadTrim(path = TRIM_ADDON): (() => boolean) | null {
  try {
    const m = createRequire(import.meta.url)(path) as { trim(): boolean; available(): boolean };
    return m.available() ? () => m.trim() : null;
  } catch {
    return null;
  }
}
