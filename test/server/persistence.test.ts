/**
 * The store survives restarts, and a server killed with SIGKILL in the middle of a stream of writes
 * loses no write it acknowledged (a real child process, a real SQLite file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SMALL_YAML, testApp, post } from './helpers.js';

const root = resolve(import.meta.dirname, '../..');
type Json = Record<string, any>;

describe('persistence', () => {
  it('keeps scenarios and revisions across a restart, in WAL mode, creating the file on first start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesim-db-'));
    const dbPath = join(dir, 'nested', 'salesim.db');
    const a = testApp({ dbPath });
    expect(existsSync(dbPath)).toBe(true);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(((await (await post(a, '/api/scenarios', { yaml: SMALL_YAML.replace('small yaml', `s${i}`) })).json()) as Json).id);
    await a.request(`/api/scenarios/${ids[1]}`, { method: 'PUT', body: JSON.stringify({ yaml: SMALL_YAML + '# edited\n' }), headers: { 'content-type': 'application/json' } });
    const before = (await (await a.request('/api/scenarios')).json()) as Json;
    await a.close();

    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();

    const b = testApp({ dbPath });
    expect(await (await b.request('/api/scenarios')).json()).toEqual(before);
    const revs = (await (await b.request(`/api/scenarios/${ids[1]}/revisions`)).json()) as Json;
    expect(revs.revisions.map((r: Json) => r.source)).toEqual([SMALL_YAML.replace('small yaml', 's1'), SMALL_YAML + '# edited\n']);
    await b.close();
  });
});

/** Starts `server/main.ts` as a child process on a free loopback port. */
function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SALESIM_DB: dbPath, SALESIM_QUIET: '1', SALESIM_WORKERS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${err}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ child, url: m[1] });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('kill -9', () => {
  it('loses no acknowledged write when the server is killed mid-stream', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'salesim-kill-')), 'salesim.db');
    const first = await startServer(dbPath);
    children.push(first.child);

    // acknowledged state: id -> the last revision the server confirmed, with its source
    const acked = new Map<string, { revision: number; source: string }>();
    let killed = false;
    let attempts = 0;
    let failedAfterKill = 0;
    const writer = async (w: number) => {
      let mine: string | null = null;
      for (let i = 0; !killed; i++) {
        const source = `${SMALL_YAML}# writer ${w} write ${i}\n`;
        attempts++;
        try {
          const res = mine && i % 2 === 1
            ? await fetch(`${first.url}/api/scenarios/${mine}`, { method: 'PUT', body: JSON.stringify({ yaml: source }), headers: { 'content-type': 'application/json' } })
            : await fetch(`${first.url}/api/scenarios`, { method: 'POST', body: JSON.stringify({ yaml: source }), headers: { 'content-type': 'application/json' } });
          if (res.status !== 200 && res.status !== 201) throw new Error(`status ${res.status}`);
          const body = (await res.json()) as Json;
          // only now is the write acknowledged
          acked.set(body.id, { revision: body.revision, source });
          mine = body.id;
        } catch {
          if (killed) failedAfterKill++;
          else throw new Error('a write failed before the kill');
        }
      }
    };
    const writers = Array.from({ length: 6 }, (_, w) => writer(w));
    while (acked.size < 150) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    await new Promise<void>((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r() : first.child.once('exit', () => r())));
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startServer(dbPath);
    children.push(second.child);
    let lost = 0;
    for (const [id, want] of acked) {
      const res = await fetch(`${second.url}/api/scenarios/${id}`);
      if (res.status !== 200) {
        lost++;
        continue;
      }
      const got = (await res.json()) as Json;
      // a write in flight at the kill may have landed after its ack was lost: never fewer revisions
      if (got.revision < want.revision) lost++;
      const revs = (await (await fetch(`${second.url}/api/scenarios/${id}/revisions`)).json()) as Json;
      if (revs.revisions.find((r: Json) => r.revision === want.revision)?.source !== want.source) lost++;
    }
    const writes = [...acked.values()].reduce((a, v) => a + v.revision, 0);
    console.log(`kill -9: ${attempts} writes attempted, ${writes} acknowledged (${acked.size} scenarios), ${failedAfterKill} cut off by the kill, ${lost} acknowledged writes lost`);
    expect(lost).toBe(0);
    second.child.kill('SIGTERM');
  }, 120_000);
});
