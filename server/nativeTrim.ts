/**
 * `malloc_trim(0)` from native/trim (built at install by scripts/build-native.mjs; loaded by
 * parallel/native.ts), or null where the addon is not built or the C library is not glibc. See
 * server/trimWhenIdle.ts for why.
 * @example const trim = loadTrim(); if (trim) trim(); // true when memory was given back
 */
import { loadNative, NATIVE_ADDON_PATHS } from '../parallel/native.js';

export const TRIM_ADDON = NATIVE_ADDON_PATHS[0];

export function loadTrim(path?: string): (() => boolean) | null {
  const native = loadNative(path === undefined ? NATIVE_ADDON_PATHS : [path]);
  return native ? () => native.trim() : null;
}
