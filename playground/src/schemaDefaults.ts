/**
 * The engine's defaults of every scenario block's fields (engine/blockDefaults.ts, read from the zod
 * schemas), so a section switched on starts from the engine's own defaults rather than a copy of them.
 * The object is embedded at build time (`define` in playground/vite.config.ts, and in vite.config.ts for the
 * tests), so the server build and the static build both have it without a request.
 */
import type { BlockDefaults } from '../../engine/index.js';

declare const __SALESIM_BLOCK_DEFAULTS__: BlockDefaults;

/** Each block's field defaults, by scenario key. */
export const SCHEMA_DEFAULTS: BlockDefaults = __SALESIM_BLOCK_DEFAULTS__;

/**
 * A block's schema defaults (every field that has one), with the editor's starting values for the fields
 * the schema requires merged over them.
 * @example schemaDefaults('retention').paySlope // -3
 */
export function schemaDefaults(block: string, starting: Record<string, unknown> = {}): Record<string, unknown> {
  const d = SCHEMA_DEFAULTS[block];
  if (!d) throw new Error(`no block '${block}' in the scenario schema`);
  return { ...structuredClone(d), ...starting };
}
