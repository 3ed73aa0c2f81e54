/**
 * Issue 32: the Host rule over a real socket. Exactly one Host header naming an allowed host; none
 * (HTTP/1.0) or two are refused with 400, except that a server bound to a non-loopback address with an
 * explicit allow-list accepts a request without one.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingHostAllowed } from '../../server/guard.js';
import { listen, small, testApp } from './helpers.js';
import type { SalesimApp } from '../../server/app.js';

/** Sends raw request text and returns the status line's code (the server closes or answers). */
function raw(port: number, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write(text));
    let buf = '';
    s.on('data', (d) => {
      buf += d.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(buf);
      if (m) {
        resolve(Number(m[1]));
        s.destroy();
      }
    });
    s.on('error', reject);
    s.on('close', () => reject(new Error(`closed without a status: ${JSON.stringify(buf.slice(0, 200))}`)));
  });
}

let app: SalesimApp;
let app2: SalesimApp;
let srv: Awaited<ReturnType<typeof listen>>;
let srv2: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  app = testApp({ workers: 1 });
  srv = await listen(app);
  app2 = testApp({ workers: 1, allowedHosts: ['salesim.internal'], allowMissingHost: true });
  srv2 = await listen(app2);
});
afterAll(async () => {
  await srv.close();
  await srv2.close();
  await app.close();
  await app2.close();
});
const port = (u: string) => Number(new URL(u).port);

describe('Connection: close on the stream', () => {
  it('/api/simulate/stream closes its socket right after the last event when the client asked to close', async () => {
    const body = JSON.stringify({ scenario: small(), trials: 20 });
    const gap = await new Promise<{ ms: number; head: string }>((resolve, reject) => {
      const s = connect(port(srv.url), '127.0.0.1', () =>
        s.write(`POST /api/simulate/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`),
      );
      let buf = '';
      let last = 0;
      s.on('data', (d) => {
        buf += d.toString('latin1');
        last = performance.now();
      });
      s.on('error', reject);
      s.on('close', () => resolve({ ms: performance.now() - last, head: buf.split('\r\n\r\n')[0].toLowerCase() }));
    });
    expect(gap.head).toContain('connection: close');
    // keep-alive would hold it ~5 s (the server's keep-alive timeout)
    expect(gap.ms).toBeLessThan(1000);
  });
});

describe('the Host rule', () => {
  it('one allowed Host: 200; a foreign one: 403', async () => {
    expect(await raw(port(srv.url), 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).toBe(200);
    expect(await raw(port(srv.url), 'GET /api/health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n')).toBe(403);
  });
  it('no Host (HTTP/1.0) is refused with 400 on a loopback server', async () => {
    expect(await raw(port(srv.url), 'GET /api/health HTTP/1.0\r\n\r\n')).toBe(400);
  });
  it('two Host headers are refused with 400, whatever their names', async () => {
    expect(await raw(port(srv.url), 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).toBe(400);
    expect(await raw(port(srv2.url), 'GET /api/health HTTP/1.1\r\nHost: salesim.internal\r\nHost: evil.example\r\nConnection: close\r\n\r\n')).toBe(400);
  });
  it('a server allowed to take requests without Host (non-loopback bind + allow-list) answers one', async () => {
    expect(await raw(port(srv2.url), 'GET /api/health HTTP/1.0\r\n\r\n')).toBe(200);
  });
  it('missing Host is allowed only for a non-loopback bind with an allow-list', () => {
    expect(missingHostAllowed('0.0.0.0', 'salesim.internal')).toBe(true);
    expect(missingHostAllowed('10.0.0.5', 'a, b')).toBe(true);
    expect(missingHostAllowed('127.0.0.1', 'salesim.internal')).toBe(false);
    expect(missingHostAllowed('localhost', 'salesim.internal')).toBe(false);
    expect(missingHostAllowed('::1', 'x')).toBe(false);
    expect(missingHostAllowed('0.0.0.0', undefined)).toBe(false);
    expect(missingHostAllowed('0.0.0.0', ' , ')).toBe(false);
  });
});
