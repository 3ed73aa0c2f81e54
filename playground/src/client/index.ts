/**
 * The page's client, chosen at build time: `npm run build:static` (playground/vite.config.ts with
 * `--mode static`) resolves `./select.js` to `./select.browser.ts`, the engine in Web Workers (nothing
 * is fetched from /api); every other build and the tests use `./select.ts`, HTTP to the server, so no
 * engine code enters the server build's bundle.
 */
import { selectClient } from './select.js';
import type { SalesimClient } from './types.js';

export type { SalesimClient } from './types.js';
export { NEEDS_SERVER } from './types.js';

/** The page's client. */
export const client: SalesimClient = selectClient();
