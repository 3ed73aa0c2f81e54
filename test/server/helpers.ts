/** Shared pieces of the server tests: small scenarios, an SSE reader, a loopback server. */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions, type SalesimApp } from '../../server/app.js';

/** A tiny scenario: cheap enough for thousands of runs. */
export const small = (over: Record<string, unknown> = {}) => ({
  name: 'small',
  horizonMonths: 6,
  trials: 20,
  reps: { seats: 4, opportunitiesPerMonth: 3, winRate: 0.25, dealSize: 1000 },
  ...over,
});

export const SMALL_YAML = `# A small team, for tests
name: small yaml   # the name
horizonMonths: 6
trials: 20
reps:
  seats: 4              # four reps
  opportunitiesPerMonth: 3
  winRate: 0.25
  dealSize: 1000
`;

/** A quiet app with an in-memory store and no playground. */
export function testApp(opts: AppOptions = {}): SalesimApp {
  return createApp({ dbPath: ':memory:', log: false, staticDir: null, workers: 2, ...opts });
}

export function post(app: SalesimApp, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }),
  );
}

export interface SseEvent {
  event: string;
  data: string;
}

/** Reads a whole text/event-stream body into events. */
export async function readSse(res: Response, onEvent?: (e: SseEvent) => void): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buf += dec.decode(value, { stream: true });
    let i: number;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length === 0 && event === 'message') continue;
      const e = { event, data: data.join('\n') };
      events.push(e);
      onEvent?.(e);
    }
    if (done) break;
  }
  return events;
}

/** The Summary without `meta` (timings), for identity checks. */
export function withoutMeta(s: Record<string, unknown>): Record<string, unknown> {
  const { meta: _m, diagnostics, ...rest } = s;
  const d = { ...(diagnostics as Record<string, unknown>) };
  delete d.trialsPerSecond;
  return { ...rest, diagnostics: d };
}

/** Serves `app` on a loopback port; resolves with its base URL and a close function. */
export async function listen(app: SalesimApp): Promise<{ url: string; server: ServerType; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        server,
        close: () =>
          new Promise<void>((r) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => r());
          }),
      });
    });
  });
}
