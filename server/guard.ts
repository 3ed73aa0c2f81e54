/**
 * What a request must satisfy before any route sees it:
 * - `Host` is one this server answers to (loopback names by default): a DNS-rebinding page, whose
 *   requests carry its own host name, cannot read or write the API (403);
 * - a state-changing request (POST, PUT, PATCH, DELETE) comes from this origin, or from one allowed by
 *   SALESIM_CORS (`Origin`, else `Sec-Fetch-Site`), so no other web page can store scenarios or start
 *   runs on a user's server (403);
 * - a body is JSON or YAML (CSV too on the CSV routes): the types a page may send cross-site without a
 *   CORS preflight (`text/plain`, forms) are refused (415);
 * - a body fits its size limit (413). The body is read here, so every later reader gets it from memory.
 *
 * Early answers leave no half-read body on a keep-alive connection: the rest of an oversize or refused
 * body is read and dropped (up to DRAIN_MAX_BYTES) before answering, so the connection stays usable;
 * a bigger one is answered with `Connection: close`, and the socket is closed LINGER_MS after the answer
 * is out (or when the client closes its side), not at once: a client still writing its body reads the
 * answer instead of a broken pipe (closing a socket with unread data sends a reset, which can discard
 * the answer from the client's receive buffer before it reads it).
 */
import type { Socket } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError, apiIssue } from './errors.js';
import { errorResponse } from './respond.js';
import type { AppEnv } from './env.js';

/** Host names a server answers to by default: the loopback names. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

/** Most bytes of a refused body read and dropped to keep its connection usable. */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;

/** How long a socket answered early with `Connection: close` stays open for the client to read the answer. */
export const LINGER_MS = 2000;
/** Most bytes read (and dropped) from a client while its socket lingers. */
export const LINGER_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Delays the close of the request's socket that Node's HTTP server (and the adapter's body drain) start
 * when a `Connection: close` answer is out: the write side is ended at once (the client sees the end of
 * the answer), what the client still sends is read and dropped, and the socket is destroyed LINGER_MS
 * later or when the client ends its side. No-op for a request made in-process (no socket).
 * @example lingerBeforeClose(c.env) // before answering 413 with Connection: close
 */
export function lingerBeforeClose(env: unknown, ms = LINGER_MS): void {
  const incoming = (env as { incoming?: { socket?: Socket; resume?: () => void } } | undefined)?.incoming;
  const socket = incoming?.socket;
  if (!socket || socket.destroyed || (socket as { lingering?: boolean }).lingering) return;
  (socket as { lingering?: boolean }).lingering = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  (socket as Socket & { destroySoon: () => void }).destroySoon = () => {
    if (timer) return;
    if (!socket.writableEnded) socket.end();
    timer = setTimeout(() => socket.destroy(), ms);
    timer.unref?.();
    socket.once('close', () => clearTimeout(timer!));
    socket.once('end', () => socket.destroy());
    // keep reading (the request drops it) what the client still sends, up to LINGER_MAX_BYTES
    let n = 0;
    socket.on('data', (d: Buffer) => {
      n += d.byteLength;
      if (n > LINGER_MAX_BYTES) socket.destroy();
    });
    incoming?.resume?.();
    socket.resume();
  };
}

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json$/;
const YAML_TYPE = /^(?:application|text)\/(?:x-)?yaml$/;
const CSV_TYPE = /^(?:text\/csv|application\/csv|application\/vnd\.ms-excel)$/;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface GuardOptions {
  /** origins allowed to make state-changing requests besides the server's own (SALESIM_CORS); '*' = any */
  corsOrigins: readonly string[];
  /** body size limit of a path (bytes) */
  maxBodyBytes: (path: string) => number;
  /** the name of that limit, for the 413 message */
  limitName: (path: string) => string;
  /** paths that take CSV bodies */
  csvPaths: readonly string[];
}

/**
 * The host name of a `Host` header, lower case, without port or IPv6 brackets.
 * @example hostName('[::1]:8787') // '::1'
 */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return (colon >= 0 ? h.slice(0, colon) : h).replace(/\.$/, '');
}

/**
 * The host names a server bound to `bindHost` answers to: the loopback names, the bound address (unless
 * it is a wildcard), and `extra` (SALESIM_ALLOWED_HOSTS, comma-separated; `*` = any host).
 * @example allowedHosts('127.0.0.1', 'salesim.internal') // ['localhost', '127.0.0.1', '::1', 'salesim.internal']
 */
export function allowedHosts(bindHost: string | undefined, extra: string | undefined): string[] | '*' {
  const list = (extra ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (list.includes('*')) return '*';
  const out = new Set(LOOPBACK_HOSTS);
  if (bindHost && !['0.0.0.0', '::', '[::]'].includes(bindHost)) out.add(hostName(bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost));
  for (const h of list) out.add(hostName(h.includes(':') && !h.startsWith('[') && h.split(':').length > 2 ? `[${h}]` : h));
  return [...out];
}

const refuse = (status: 400 | 403 | 413 | 415, rule: string, message: string, headers: Record<string, string> = {}) => new ApiError(status, [apiIssue(null, rule, message)], headers);

/** The media type of a Content-Type header, lower case, without parameters. */
function mediaType(c: Context): string | null {
  const t = c.req.header('content-type');
  return t === undefined ? null : t.split(';')[0].trim().toLowerCase();
}

/** True when the request announces a non-empty body (a length above 0, or chunked). */
function announcesBody(c: Context): boolean {
  const len = c.req.header('content-length');
  if (len !== undefined) return Number(len) > 0;
  return c.req.header('transfer-encoding') !== undefined;
}

/**
 * Reads what is left of the body and drops it, up to DRAIN_MAX_BYTES in all. True when the body was
 * read to its end (the connection can carry the next request).
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, already: number): Promise<boolean> {
  let n = already;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      n += value.byteLength;
      if (n > DRAIN_MAX_BYTES) {
        void reader.cancel().catch(() => {});
        return false;
      }
    }
  } catch {
    return false;
  }
}

/** Drains the unread body of a request answered early; true when the connection stays usable. */
async function drainUnread(c: Context): Promise<boolean> {
  const body = c.req.raw.body;
  if (!body || c.req.raw.bodyUsed || body.locked) return true; // nothing to read, or a route read it
  const len = Number(c.req.header('content-length') ?? NaN);
  if (len > DRAIN_MAX_BYTES) return false;
  return drain(body.getReader(), 0);
}

/**
 * Outermost: after the answer is ready, a body nobody read is drained (or the connection is marked
 * for closing) so that the client's next request on this connection is not lost.
 */
export function keepConnectionsClean(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
    if (c.get('bodyRead') === true) return;
    if (!(await drainUnread(c))) {
      c.header('Connection', 'close');
      lingerBeforeClose(c.env);
    }
  };
}

/**
 * How many `Host` header lines a request came with over HTTP (Node keeps only the first in `headers`,
 * so the raw list is counted); null for a request made in-process (`app.request`), which has no socket.
 * @example hostLines(c) // 1
 */
function hostLines(env: unknown): number | null {
  const raw = (env as { incoming?: { rawHeaders?: string[] } } | undefined)?.incoming?.rawHeaders;
  if (!Array.isArray(raw)) return null;
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i].toLowerCase() === 'host') n++;
  return n;
}

/**
 * The Host rule. Over HTTP a request must carry exactly one `Host` header (RFC 9112 §3.2): two are
 * refused (400) always, and none (an HTTP/1.0 client) is refused (400) unless `allowMissing` (a server
 * bound to a non-loopback address with an explicit SALESIM_ALLOWED_HOSTS list, where a proxy may strip
 * it). The host named must be an allowed one (403): a DNS-rebinding page, whose requests carry its own
 * host name, cannot read or write the API. A request made in-process (no socket) passes.
 */
export function hostGuard(allowed: readonly string[] | '*', opts: { allowMissing?: boolean } = {}): MiddlewareHandler<AppEnv> {
  const set = allowed === '*' ? null : new Set(allowed);
  return async (c, next) => {
    const lines = hostLines(c.env);
    if (lines !== null && lines > 1) return errorResponse(c, refuse(400, 'one Host header', `the request has ${lines} Host headers; send exactly one`));
    if (lines === 0 && !opts.allowMissing)
      return errorResponse(c, refuse(400, 'Host header required', 'the request has no Host header; send one naming this server (HTTP/1.1), e.g. Host: 127.0.0.1:8787'));
    const host = c.req.header('host');
    if (set && host !== undefined && !set.has(hostName(host))) {
      return errorResponse(
        c,
        refuse(403, 'host not allowed', `this server does not answer to the host '${host.slice(0, 100)}'; add it to SALESIM_ALLOWED_HOSTS (comma-separated host names) to allow it`),
      );
    }
    return next();
  };
}

/**
 * Whether a server bound to `bindHost` with `extra` allowed hosts (SALESIM_ALLOWED_HOSTS) accepts
 * requests without a Host header: only bound to a non-loopback address with an explicit allow-list.
 * @example missingHostAllowed('0.0.0.0', 'salesim.internal') // true
 * @example missingHostAllowed('127.0.0.1', 'salesim.internal') // false
 */
export function missingHostAllowed(bindHost: string | undefined, extra: string | undefined): boolean {
  const b = (bindHost ?? '127.0.0.1').trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const loopback = LOOPBACK_HOSTS.includes(b) || b.startsWith('127.') || b === '0:0:0:0:0:0:0:1';
  return !loopback && !!extra && extra.split(',').some((x) => x.trim() !== '');
}

/**
 * Checks a state-changing API request: its origin (403), its content type (415) and its size (413),
 * reading the body into memory for the routes.
 */
export function requestGuard(opts: GuardOptions): MiddlewareHandler<AppEnv> {
  const anyOrigin = opts.corsOrigins.includes('*');
  const origins = new Set(opts.corsOrigins);
  return async (c, next) => {
    const method = c.req.method;
    if (!STATE_CHANGING.has(method)) return next();

    // 1. same origin, or an origin SALESIM_CORS allows
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    if (origin !== undefined) {
      let sameOrigin = false;
      try {
        sameOrigin = origin !== 'null' && host !== undefined && new URL(origin).host === host.trim().toLowerCase();
      } catch {
        sameOrigin = false;
      }
      if (!sameOrigin && !anyOrigin && !origins.has(origin)) {
        return errorResponse(
          c,
          refuse(403, 'cross-origin request', `requests that change data are accepted from this server's own pages only, not from '${origin.slice(0, 100)}'; allow an origin with SALESIM_CORS`),
        );
      }
    } else {
      const site = c.req.header('sec-fetch-site');
      if (site === 'cross-site' || site === 'same-site') {
        return errorResponse(c, refuse(403, 'cross-origin request', `requests that change data are accepted from this server's own pages only (Sec-Fetch-Site: ${site})`));
      }
    }

    // 2. a JSON or YAML body (CSV on the CSV routes); no body needs no type
    const type = mediaType(c);
    const csv = opts.csvPaths.includes(c.req.path);
    const unsupported = () =>
      refuse(
        415,
        'unsupported media type',
        `send the body as ${csv ? 'application/json, application/yaml or text/csv' : 'application/json or application/yaml'} (got '${(type ?? 'no content type').slice(0, 100)}')`,
      );
    if (type !== null ? !(JSON_TYPE.test(type) || YAML_TYPE.test(type) || (csv && CSV_TYPE.test(type))) : announcesBody(c)) return errorResponse(c, unsupported());

    // 3. the body, within its limit
    const max = opts.maxBodyBytes(c.req.path);
    const tooBig = (clean: boolean) =>
      refuse(413, 'body size limit', `the request body is over the limit of ${max} bytes (${opts.limitName(c.req.path)})`, clean ? {} : { Connection: 'close' });
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = Number(c.req.header('content-length') ?? NaN);
    const reader = body.getReader();
    if (declared > max) {
      const clean = declared <= DRAIN_MAX_BYTES && (await drain(reader, 0));
      c.set('bodyRead', true);
      if (!clean) lingerBeforeClose(c.env);
      return errorResponse(c, tooBig(clean));
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch {
        // the client went away mid-body: nobody to answer
        c.set('bodyRead', true);
        return errorResponse(c, refuse(400, 'body incomplete', 'the request body ended early', { Connection: 'close' }));
      }
      if (r.done) break;
      size += r.value.byteLength;
      if (size > max) {
        const clean = await drain(reader, size);
        c.set('bodyRead', true);
        if (!clean) lingerBeforeClose(c.env);
        return errorResponse(c, tooBig(clean));
      }
      chunks.push(r.value);
    }
    c.set('bodyRead', true);
    // a body without a content type (one that announced no length, e.g. in-process) is refused here
    if (type === null && size > 0) return errorResponse(c, unsupported());
    const bytes = new Uint8Array(size);
    let o = 0;
    for (const ch of chunks) {
      bytes.set(ch, o);
      o += ch.byteLength;
    }
    // every later `c.req.text()` (and json, arrayBuffer) answers from this
    (c.req as unknown as { bodyCache: Record<string, Promise<unknown>> }).bodyCache.arrayBuffer = Promise.resolve(bytes.buffer);
    return next();
  };
}
