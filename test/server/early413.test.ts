/**
 * Issue 32: a client that declares a body far over a route's limit (more than the guard drains) gets
 * the 413, even while it is still writing its body: 30 concurrent clients, Node's http client and
 * fetch (undici), each declaring 17 MiB on a 10 MiB route and sending it all. Before the fix the server
 * closed the socket as soon as the 413 was out, with the client's data unread: the reset that sends
 * reached some clients (1 or 2 in 60, against a separate server process) before they read the answer.
 * The raw-socket test checks the mechanism deterministically: after the 413 the client can keep
 * writing for a while without a broken pipe, and the socket is closed within LINGER_MS.
 */
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesimApp } from '../../server/app.js';
import { DRAIN_MAX_BYTES, LINGER_MS } from '../../server/guard.js';
import { listen, testApp } from './helpers.js';

let app: SalesimApp;
let port: number;
let stop: () => Promise<void>;

beforeAll(async () => {
  app = testApp();
  const s = await listen(app);
  port = Number(new URL(s.url).port);
  stop = s.close;
});
afterAll(async () => {
  await stop();
  await app.close();
});

const SIZE = DRAIN_MAX_BYTES + 1024 * 1024; // 17 MiB: past what the guard drains
const CHUNK = Buffer.alloc(256 * 1024, 0x61);

/** Node's http client: declares SIZE bytes and writes them all; the status it read, or its error. */
function httpClient(path: string): Promise<string> {
  return new Promise((resolve) => {
    let answered: string | null = null;
    const r = http.request({ host: '127.0.0.1', port, method: 'POST', path, agent: false, headers: { 'content-type': 'text/csv', 'content-length': String(SIZE) } }, (res) => {
      answered = String(res.statusCode);
      res.resume();
      res.on('end', () => resolve(answered!));
      res.on('error', () => resolve(answered!));
    });
    r.on('error', (e: NodeJS.ErrnoException) => {
      if (answered === null) resolve(`error ${e.code ?? e.message}`);
    });
    let sent = 0;
    const pump = () => {
      while (sent < SIZE) {
        const n = Math.min(CHUNK.length, SIZE - sent);
        sent += n;
        if (!r.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) return void r.once('drain', pump);
      }
      r.end();
    };
    pump();
  });
}

/** fetch (undici) with the whole body as one buffer. */
async function fetchClient(path: string): Promise<string> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: Buffer.alloc(SIZE, 0x61) });
    await res.arrayBuffer();
    return String(res.status);
  } catch (e) {
    return `error ${(e as Error & { cause?: { code?: string } }).cause?.code ?? (e as Error).message}`;
  }
}

const tally = (xs: string[]) => xs.reduce<Record<string, number>>((a, x) => ((a[x] = (a[x] ?? 0) + 1), a), {});

describe('an early 413 reaches clients still writing their bodies', () => {
  it('after a 413 with Connection: close the socket lingers: writes go on without a reset, then it closes', async () => {
    const sock = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true }); // a client still sending after the answer's end
    await new Promise<void>((r) => sock.once('connect', () => r()));
    let text = '';
    let error: string | null = null;
    let closedAt = 0;
    sock.on('data', (d) => (text += d.toString('latin1')));
    sock.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
    sock.on('close', () => (closedAt = performance.now()));
    sock.write(`POST /api/calibrate HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: text/csv\r\nContent-Length: ${SIZE}\r\n\r\n`);
    sock.write(CHUNK);
    for (let i = 0; i < 200 && !/\r\n\r\n/.test(text); i++) await new Promise((r) => setTimeout(r, 10));
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text.toLowerCase()).toContain('connection: close');
    const answeredAt = performance.now();
    // the client is still sending its body: 300 ms of writes after the answer meet no reset
    while (performance.now() - answeredAt < 300 && !closedAt) {
      sock.write(CHUNK);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(error).toBeNull();
    expect(closedAt).toBe(0);
    // and the server does close it, within LINGER_MS of the answer
    for (let i = 0; i < 500 && !closedAt; i++) {
      sock.write(CHUNK);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(closedAt).toBeGreaterThan(0);
    expect(closedAt - answeredAt).toBeLessThan(LINGER_MS + 1000);
    sock.destroy();
  }, 30_000);

  it('30 concurrent http clients declaring 17 MiB on a 10 MiB route all read the 413', async () => {
    const got = tally(await Promise.all(Array.from({ length: 30 }, () => httpClient('/api/calibrate'))));
    console.log(`http clients: ${JSON.stringify(got)}`);
    expect(got).toEqual({ 413: 30 });
  }, 60_000);

  it('10 concurrent fetch clients declaring 17 MiB on a 10 MiB route all read the 413', async () => {
    const got = tally(await Promise.all(Array.from({ length: 10 }, () => fetchClient('/api/calibrate'))));
    console.log(`fetch clients: ${JSON.stringify(got)}`);
    expect(got).toEqual({ 413: 10 });
  }, 60_000);
});
