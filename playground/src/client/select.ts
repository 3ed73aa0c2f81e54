/** The server build's client: HTTP to the salesim server (the static build swaps this file for select.browser.ts). */
import { httpClient } from './http.js';
import type { SalesimClient } from './types.js';

/** @example selectClient().kind // 'server' */
export function selectClient(): SalesimClient {
  return httpClient;
}
