/**
 * `salesim scenarios` reads and writes the same store as the server: the local SQLite file (--db), or a
 * running server (--server). A saved file comes back byte for byte, comments, seed and trials included.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool } from '../../parallel/index.js';
import { listen, testApp } from '../server/helpers.js';
import { SALESIM } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'salesim-scen-'));
// one worker pool for every app this file makes (the store is what is tested, not worker counts): each
// app's own 2-worker pool would start its threads again
const pool = createPool({ workers: 1 });
afterAll(() => pool.destroy());
/** async: a server in this process must keep answering while the CLI runs */
function salesim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...SALESIM, ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', SALESIM_DB: join(tmp, 'env-default.db') } }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}
const SOURCE = `# seven: a fixed draw
name: seven
horizonMonths: 6
trials: 300    # fewer trials than the default
seed: 7
reps:
  seats: 5     # five reps
  opportunitiesPerMonth: 3
  winRate: 0.25
  dealSize: 1000
`;
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('salesim scenarios (local store)', () => {
  const db = join(tmp, 'local.db');
  it('saves, lists, gets verbatim, adds revisions, shows history and restores', async () => {
    const saved = await salesim('scenarios', 'save', file('a.yaml', SOURCE), '--db', db, '--json');
    expect(saved.code, saved.stderr).toBe(0);
    const s = JSON.parse(saved.stdout);
    expect(s).toMatchObject({ name: 'seven', revision: 1, source: SOURCE });
    expect(s.scenario).toMatchObject({ seed: 7, trials: 300 });

    const v2 = SOURCE.replace('seats: 5     # five reps', 'seats: 8     # eight');
    const second = await salesim('scenarios', 'save', file('b.yaml', v2), '--id', s.id, '--db', db);
    expect(second.stdout).toContain(`saved ${s.id} revision 2: seven (8 seats, 6 months, 300 trials, seed 7)`);

    expect((await salesim('scenarios', 'get', s.id, '--db', db)).stdout).toBe(v2);
    expect((await salesim('scenarios', 'get', s.id, '--revision', '1', '--db', db)).stdout).toBe(SOURCE);
    const hist = await salesim('scenarios', 'history', s.id, '--db', db);
    expect(hist.stdout.split('\n').filter((l) => /^\d /.test(l))).toHaveLength(2);
    expect(hist.stdout).toContain('5 seats, 6 months, 300 trials, seed 7');

    const restored = await salesim('scenarios', 'restore', s.id, '1', '--db', db);
    expect(restored.stdout).toContain('as revision 3');
    expect((await salesim('scenarios', 'get', s.id, '--db', db)).stdout).toBe(SOURCE);

    const list = JSON.parse((await salesim('scenarios', 'list', '--db', db, '--json')).stdout);
    expect(list).toEqual([expect.objectContaining({ id: s.id, name: 'seven', revision: 3 })]);

    // the server on the same file sees the same scenario and revisions
    const app = testApp({ dbPath: db, pool });
    const got = (await (await app.request(`/api/scenarios/${s.id}`)).json()) as Record<string, any>;
    expect(got.source).toBe(SOURCE);
    expect(got.revision).toBe(3);
    await app.close();
  });

  it('a saved scenario runs with its own seed and trials: the CLI run of `get` equals the API run', async () => {
    const s = JSON.parse((await salesim('scenarios', 'save', file('c.yaml', SOURCE), '--db', db, '--json')).stdout);
    const text = (await salesim('scenarios', 'get', s.id, '--db', db)).stdout;
    const cli = JSON.parse((await salesim('run', file('c-out.yaml', text), '--json')).stdout);
    const app = testApp({ dbPath: db, pool });
    const api = (await (await app.request('/api/simulate', { method: 'POST', body: JSON.stringify({ scenario: { yaml: s.source } }), headers: { 'content-type': 'application/json' } })).json()) as Record<string, any>;
    await app.close();
    expect(cli.trials).toBe(300);
    expect(cli.seed).toBe(7);
    expect([api.trials, api.seed]).toEqual([300, 7]);
    expect(api.revenue.total).toEqual(cli.revenue.total);
  });

  it('delete removes a scenario and its revisions (the API and playground delete too)', async () => {
    const s = JSON.parse((await salesim('scenarios', 'save', file('del.yaml', SOURCE), '--db', db, '--json')).stdout);
    await salesim('scenarios', 'save', file('del2.yaml', SOURCE + '# two\n'), '--id', s.id, '--db', db);
    const del = await salesim('scenarios', 'delete', s.id, '--db', db);
    expect(del.code, del.stderr).toBe(0);
    expect(del.stdout).toBe(`deleted ${s.id} and its revisions\n`);
    const list = JSON.parse((await salesim('scenarios', 'list', '--db', db, '--json')).stdout) as { id: string }[];
    expect(list.map((x) => x.id)).not.toContain(s.id);
    const again = await salesim('scenarios', 'delete', s.id, '--db', db);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`salesim: there is no saved scenario with id '${s.id}'\n`);
    expect((await salesim('scenarios', 'delete', '--db', db)).code).toBe(2);
  });

  it('bad input: exit 2 with one line naming the problem', async () => {
    const bad = await salesim('scenarios', 'save', file('bad.yaml', SOURCE.replace('winRate: 0.25', 'winRate: 2')), '--db', db);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^salesim: reps\.winRate/m);
    const none = await salesim('scenarios', 'get', 'nope', '--db', db);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("salesim: there is no saved scenario with id 'nope'\n");
    const noRev = await salesim('scenarios', 'restore', 'nope', 'x', '--db', db);
    expect(noRev.code).toBe(2);
    expect((await salesim('scenarios', 'frob')).code).toBe(2);
    expect((await salesim('scenarios', 'list', '--server', 'ftp://x')).stderr).toContain('--server must be an http(s) URL');
  });
});

describe('salesim scenarios --server', () => {
  const app = testApp({ pool });
  afterAll(() => app.close());
  it('uses the server store: what the CLI saves the API lists, and the other way round', async () => {
    const srv = await listen(app);
    try {
      const saved = await salesim('scenarios', 'save', file('d.yaml', SOURCE), '--server', srv.url, '--json');
      expect(saved.code, saved.stderr).toBe(0);
      const s = JSON.parse(saved.stdout);
      const api = (await (await app.request(`/api/scenarios/${s.id}`)).json()) as Record<string, any>;
      expect(api.source).toBe(SOURCE);
      await app.request(`/api/scenarios/${s.id}`, { method: 'PUT', body: JSON.stringify({ yaml: SOURCE + '# via the API\n' }), headers: { 'content-type': 'application/json' } });
      expect((await salesim('scenarios', 'get', s.id, '--server', srv.url)).stdout).toBe(SOURCE + '# via the API\n');
      expect((await salesim('scenarios', 'get', s.id, '--server', srv.url, '--revision', '1')).stdout).toBe(SOURCE);
      const hist = JSON.parse((await salesim('scenarios', 'history', s.id, '--server', srv.url, '--json')).stdout);
      expect(hist.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
      const restored = await salesim('scenarios', 'restore', s.id, '1', '--server', srv.url);
      expect(restored.stdout).toContain('as revision 3');
      const del = await salesim('scenarios', 'delete', s.id, '--server', srv.url, '--json');
      expect(del.code, del.stderr).toBe(0);
      expect(JSON.parse(del.stdout)).toEqual({ id: s.id, deleted: true });
      expect((await app.request(`/api/scenarios/${s.id}`)).status).toBe(404);
      expect((await salesim('scenarios', 'delete', s.id, '--server', srv.url)).code).toBe(2);
      const missing = await salesim('scenarios', 'get', 'nope', '--server', srv.url);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("no scenario with id 'nope'");
    } finally {
      await srv.close();
    }
  });
});
