/**
 * The scenario store: SQLite (better-sqlite3, WAL). Each scenario keeps its submitted source text
 * verbatim (YAML comments survive) with its resolved form; every update adds a revision and keeps the
 * previous ones. Writes are synchronous transactions with synchronous=FULL, so a write that was
 * acknowledged survives the process being killed.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Scenario } from '../engine/index.js';

export interface StoredScenario {
  id: string;
  name: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  format: 'yaml' | 'json';
  source: string;
  scenario: Scenario;
}

export type ScenarioListItem = Omit<StoredScenario, 'source' | 'scenario' | 'format'>;

export interface Revision {
  revision: number;
  createdAt: string;
  format: 'yaml' | 'json';
  source: string;
  scenario: Scenario;
}

export interface NewScenario {
  format: 'yaml' | 'json';
  source: string;
  scenario: Scenario;
}

export interface Store {
  list(): ScenarioListItem[];
  get(id: string): StoredScenario | null;
  create(s: NewScenario): StoredScenario;
  /** null when there is no such scenario */
  update(id: string, s: NewScenario): StoredScenario | null;
  /** false when there is no such scenario */
  remove(id: string): boolean;
  /** oldest first; null when there is no such scenario */
  revisions(id: string): Revision[] | null;
  /** one revision; null when there is no such scenario or revision */
  revision(id: string, revision: number): Revision | null;
  /**
   * Makes an old revision the latest again by adding it as a new revision (history is never rewritten);
   * null when there is no such scenario or revision.
   */
  restore(id: string, revision: number): StoredScenario | null;
  close(): void;
}

/**
 * The store file the server and the CLI share: SALESIM_DB, else data/salesim.db in the package folder.
 * @example defaultStorePath({}) // '/path/to/salesim/data/salesim.db'
 */
export function defaultStorePath(env: Record<string, string | undefined> = process.env): string {
  return env.SALESIM_DB || join(resolve(fileURLToPath(new URL('..', import.meta.url))), 'data', 'salesim.db');
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS scenarios (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS revisions (
  scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  format TEXT NOT NULL,
  source TEXT NOT NULL,
  scenario_json TEXT NOT NULL,
  PRIMARY KEY (scenario_id, revision)
);
`;

interface RevisionRow {
  revision: number;
  created_at: string;
  format: 'yaml' | 'json';
  source: string;
  scenario_json: string;
}

interface Row {
  id: string;
  name: string;
  revision: number;
  created_at: string;
  updated_at: string;
  format?: 'yaml' | 'json';
  source?: string;
  scenario_json?: string;
}

/**
 * Opens (creating if needed) the store at `path`; `:memory:` for a throw-away store.
 * @example const store = openStore('data/salesim.db'); store.create({ format: 'yaml', source, scenario });
 */
export function openStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const q = {
    list: db.prepare<[], Row>('SELECT id, name, revision, created_at, updated_at FROM scenarios ORDER BY updated_at DESC, id'),
    get: db.prepare<[string], Row>(
      `SELECT s.id, s.name, s.revision, s.created_at, s.updated_at, r.format, r.source, r.scenario_json
       FROM scenarios s JOIN revisions r ON r.scenario_id = s.id AND r.revision = s.revision WHERE s.id = ?`,
    ),
    head: db.prepare<[string], { revision: number }>('SELECT revision FROM scenarios WHERE id = ?'),
    insertScenario: db.prepare('INSERT INTO scenarios (id, name, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    bump: db.prepare('UPDATE scenarios SET name = ?, revision = ?, updated_at = ? WHERE id = ?'),
    insertRevision: db.prepare('INSERT INTO revisions (scenario_id, revision, created_at, format, source, scenario_json) VALUES (?, ?, ?, ?, ?, ?)'),
    remove: db.prepare('DELETE FROM scenarios WHERE id = ?'),
    revisions: db.prepare<[string], RevisionRow>('SELECT revision, created_at, format, source, scenario_json FROM revisions WHERE scenario_id = ? ORDER BY revision'),
    revision: db.prepare<[string, number], RevisionRow>('SELECT revision, created_at, format, source, scenario_json FROM revisions WHERE scenario_id = ? AND revision = ?'),
  };

  const toStored = (r: Row): StoredScenario => ({
    id: r.id,
    name: r.name,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    format: r.format!,
    source: r.source!,
    scenario: JSON.parse(r.scenario_json!) as Scenario,
  });
  const toRevision = (r: RevisionRow): Revision => ({ revision: r.revision, createdAt: r.created_at, format: r.format, source: r.source, scenario: JSON.parse(r.scenario_json) as Scenario });
  const toItem = (r: Row): ScenarioListItem => ({ id: r.id, name: r.name, revision: r.revision, createdAt: r.created_at, updatedAt: r.updated_at });

  const create = db.transaction((s: NewScenario): string => {
    const id = randomUUID();
    const now = new Date().toISOString();
    q.insertScenario.run(id, s.scenario.name, 1, now, now);
    q.insertRevision.run(id, 1, now, s.format, s.source, JSON.stringify(s.scenario));
    return id;
  });
  const update = db.transaction((id: string, s: NewScenario): boolean => {
    const head = q.head.get(id);
    if (!head) return false;
    const now = new Date().toISOString();
    const rev = head.revision + 1;
    q.insertRevision.run(id, rev, now, s.format, s.source, JSON.stringify(s.scenario));
    q.bump.run(s.scenario.name, rev, now, id);
    return true;
  });

  return {
    list: () => q.list.all().map(toItem),
    get: (id) => {
      const r = q.get.get(id);
      return r ? toStored(r) : null;
    },
    create: (s) => toStored(q.get.get(create(s))!),
    update: (id, s) => (update(id, s) ? toStored(q.get.get(id)!) : null),
    remove: (id) => q.remove.run(id).changes > 0,
    revisions: (id) => {
      if (!q.head.get(id)) return null;
      return q.revisions.all(id).map(toRevision);
    },
    revision: (id, revision) => {
      const r = q.revision.get(id, revision);
      return r ? toRevision(r) : null;
    },
    restore: (id, revision) => {
      const r = q.revision.get(id, revision);
      if (!r) return null;
      return update(id, { format: r.format, source: r.source, scenario: JSON.parse(r.scenario_json) as Scenario }) ? toStored(q.get.get(id)!) : null;
    },
    close: () => db.close(),
  };
}
