/** The static build's client: the engine in Web Workers in the page (used instead of select.ts by `npm run build:static`). */
import { createBrowserClient } from './browser.js';
import type { SalesimClient } from './types.js';

/** @example selectClient().kind // 'browser' */
export function selectClient(): SalesimClient {
  return createBrowserClient();
}
