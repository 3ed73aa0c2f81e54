import type { Command } from '../args.js';
import { intFlag, parseArgs, UsageError } from '../args.js';
import { readScenarioSource, rejectStudy } from '../load.js';
import { table } from '../format.js';
import { InputError, issue, parseScenario, type Scenario } from '../../engine/index.js';
import { defaultStorePath, openStore, type Revision, type ScenarioListItem, type StoredScenario } from '../../server/store.js';

/** The saved-scenario store as the CLI sees it: the local SQLite file, or a server's /api/scenarios. */
export interface ScenarioStoreClient {
  list(): Promise<ScenarioListItem[]>;
  get(id: string): Promise<StoredScenario>;
  revision(id: string, revision: number): Promise<Revision>;
  revisions(id: string): Promise<Revision[]>;
  /** a new scenario, or (with `id`) a new revision of one */
  save(source: string, id?: string): Promise<StoredScenario>;
  restore(id: string, revision: number): Promise<StoredScenario>;
  /** deletes a scenario and every revision of it */
  remove(id: string): Promise<void>;
  close(): void;
}

const missing = (id: string, revision?: number) =>
  new InputError([issue(null, revision === undefined ? `there is no saved scenario with id '${id}'` : `saved scenario '${id}' has no revision ${revision}`)]);

/**
 * The local store (the file the server uses, unless SALESIM_DB or --db says otherwise).
 * @example const c = localStore(':memory:'); await c.save('reps: {...}');
 */
export function localStore(path: string): ScenarioStoreClient {
  const store = openStore(path);
  const input = (source: string) => ({ format: 'yaml' as const, source, scenario: parseScenario(source) });
  return {
    list: async () => store.list(),
    get: async (id) => store.get(id) ?? Promise.reject(missing(id)),
    revision: async (id, n) => store.revision(id, n) ?? Promise.reject(missing(id, store.get(id) ? n : undefined)),
    revisions: async (id) => store.revisions(id) ?? Promise.reject(missing(id)),
    save: async (source, id) => (id === undefined ? store.create(input(source)) : (store.update(id, input(source)) ?? Promise.reject(missing(id)))),
    restore: async (id, n) => store.restore(id, n) ?? Promise.reject(missing(id, store.get(id) ? n : undefined)),
    remove: async (id) => (store.remove(id) ? undefined : Promise.reject(missing(id))),
    close: () => store.close(),
  };
}

/**
 * A server's store over HTTP (`--server http://127.0.0.1:8787`); its 400/404 answers become input errors.
 * @example await remoteStore('http://127.0.0.1:8787').list()
 */
export function remoteStore(base: string): ScenarioStoreClient {
  const root = base.replace(/\/+$/, '');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${root}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new InputError([issue(null, `--server: cannot reach ${root} (${(e as Error).message})`)]);
    }
    const json = (await res.json().catch(() => ({}))) as { errors?: { path: string | null; rule: string; message: string }[] };
    if (!res.ok) throw new InputError(json.errors?.length ? json.errors.map((e) => issue(e.path, e.path && e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message)) : [issue(null, `the server answered ${res.status}`)]);
    return json as T;
  };
  const id = (s: string) => encodeURIComponent(s);
  return {
    list: async () => (await call<{ scenarios: ScenarioListItem[] }>('GET', '/api/scenarios')).scenarios,
    get: (s) => call('GET', `/api/scenarios/${id(s)}`),
    revision: (s, n) => call('GET', `/api/scenarios/${id(s)}/revisions/${n}`),
    revisions: async (s) => (await call<{ revisions: Revision[] }>('GET', `/api/scenarios/${id(s)}/revisions`)).revisions,
    save: (source, s) => (s === undefined ? call('POST', '/api/scenarios', { yaml: source }) : call('PUT', `/api/scenarios/${id(s)}`, { yaml: source })),
    restore: (s, n) => call('POST', `/api/scenarios/${id(s)}/revisions/${n}/restore`),
    remove: async (s) => {
      await call('DELETE', `/api/scenarios/${id(s)}`);
    },
    close: () => {},
  };
}

const day = (iso: string) => iso.replace('T', ' ').slice(0, 16);
const seatsOf = (s: { reps: { seats?: number }; territories?: { seats: number }[] }) => s.reps.seats ?? (s.territories ?? []).reduce((a, t) => a + t.seats, 0);
const runLine = (s: Scenario) => `${seatsOf(s)} seats, ${s.horizonMonths} months, ${s.trials} trials, seed ${s.seed}`;

/** `salesim scenarios list|get|save|history|restore|delete`: the saved-scenario store the server and playground use. */
export const scenariosCommand: Command = {
  usage: 'scenarios list|get|save|history|restore|delete [...] [--server URL]',
  summary: 'saved scenarios and their revisions (the store the server and playground share)',
  help: [
    'The saved-scenario store: the local SQLite file by default (SALESIM_DB, else data/salesim.db; --db to choose),',
    "or a running server's store with --server http://HOST:PORT. Source text is kept verbatim (YAML comments),",
    'with the seed and trials it names; every save of an existing id adds a revision.',
    '',
    '  salesim scenarios list [--json]                     every saved scenario: id, name, latest revision',
    '  salesim scenarios get <id> [--revision N] [--json]  the source text (or the stored record with --json)',
    '  salesim scenarios save <file|preset> [--id ID]      save a new scenario, or a new revision of ID',
    '  salesim scenarios history <id> [--json]             every revision, oldest first',
    '  salesim scenarios restore <id> <revision>           make an old revision the latest (history is kept)',
    '  salesim scenarios delete <id>                       delete a scenario and all its revisions (as the API and playground do)',
    '',
    'Run a saved scenario exactly as saved: salesim scenarios get <id> > s.yaml && salesim run s.yaml',
  ].join('\n'),
  async run(args) {
    const p = parseArgs(args, { values: ['server', 'db', 'id', 'revision'], booleans: ['json'] });
    const [sub, ...rest] = p.positional;
    const json = p.flags.has('json');
    const server = p.flags.get('server')?.at(-1);
    if (server !== undefined && p.flags.has('db')) throw new UsageError('give --server or --db, not both');
    if (server !== undefined && !/^https?:\/\/[^\s/]+/.test(server)) throw new UsageError(`--server must be an http(s) URL such as http://127.0.0.1:8787 (got '${server}')`);
    const need = (n: number, what: string) => {
      if (rest.length !== n) throw new UsageError(`scenarios ${sub} expects ${what}`);
    };
    const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
    const valid = ['list', 'get', 'save', 'history', 'restore', 'delete'];
    if (!sub || !valid.includes(sub)) throw new UsageError(`expects one of ${valid.join(', ')}${sub ? ` (got '${sub}')` : ''}`);
    const client = server !== undefined ? remoteStore(server) : localStore(p.flags.get('db')?.at(-1) ?? defaultStorePath());
    try {
      if (sub === 'list') {
        need(0, 'no other arguments');
        const list = await client.list();
        if (json) out(JSON.stringify(list));
        else if (list.length === 0) out('no saved scenarios yet (save one with `salesim scenarios save <file>`)');
        else out(table([['id', 'name', 'revision', 'updated'], ...list.map((s) => [s.id, s.name, String(s.revision), day(s.updatedAt)])]));
      } else if (sub === 'get') {
        need(1, 'an id');
        const n = intFlag(p, 'revision', 1, 1e9);
        const s = n === undefined ? await client.get(rest[0]) : await client.revision(rest[0], n);
        out(json ? JSON.stringify(s) : s.source);
      } else if (sub === 'save') {
        need(1, 'a scenario file or preset');
        const src = readScenarioSource(rest[0]);
        rejectStudy(rest[0], src.text);
        parseScenario(src.text); // a bad file fails here, naming the field, before anything is written
        const s = await client.save(src.text, p.flags.get('id')?.at(-1));
        out(json ? JSON.stringify(s) : `saved ${s.id} revision ${s.revision}: ${s.name} (${runLine(s.scenario)})`);
      } else if (sub === 'history') {
        need(1, 'an id');
        const revs = await client.revisions(rest[0]);
        if (json) out(JSON.stringify(revs));
        else out(table([['revision', 'saved', 'name', 'runs as'], ...revs.map((r) => [String(r.revision), day(r.createdAt), r.scenario.name, runLine(r.scenario)])]));
      } else if (sub === 'delete') {
        need(1, 'an id');
        await client.remove(rest[0]);
        out(json ? JSON.stringify({ id: rest[0], deleted: true }) : `deleted ${rest[0]} and its revisions`);
      } else {
        need(2, 'an id and a revision number');
        const n = Number(rest[1]);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`the revision must be a whole number from 1 (got '${rest[1]}')`);
        const s = await client.restore(rest[0], n);
        out(json ? JSON.stringify(s) : `restored revision ${n} of ${s.id} as revision ${s.revision}`);
      }
    } finally {
      client.close();
    }
    return 0;
  },
};
