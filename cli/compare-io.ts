/**
 * Shared by `salesim compare` and `salesim sensitivity`: study files by path or preset name, reading
 * files referenced by a study, and naming the file a problem came from. Running the scenarios (on workers
 * or in this thread) is `parallel/`'s `runComparison` / `runSensitivity`, shared with the server.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, issue } from '../engine/index.js';
import { headerComment, SCENARIOS_DIR } from './load.js';
import { money } from './format.js';

/**
 * Resolves a study argument: an existing path, or a preset study name (`hiring-vs-enablement` finds
 * `scenarios/hiring-vs-enablement.study.yaml`).
 * @example resolveStudy('hiring-vs-enablement') // '/…/scenarios/hiring-vs-enablement.study.yaml'
 */
export function resolveStudy(arg: string): string {
  const asFile = resolve(arg);
  if (existsSync(asFile) && statSync(asFile).isFile()) return asFile;
  if (!/[\\/]/.test(arg)) {
    for (const name of [`${arg}.study.yaml`, `${arg}.yaml`]) {
      const p = join(SCENARIOS_DIR, name);
      if (existsSync(p)) return p;
    }
  }
  throw new InputError([issue(null, `no such file or preset: '${arg}' (studies: ${listStudies().map((s) => s.id).join(', ') || 'none'})`)]);
}

/**
 * The preset studies in `scenarios/` (`*.study.yaml`) with their header comments.
 * @example listStudies().map((s) => s.id) // ['hiring-vs-enablement', ...]
 */
export function listStudies(dir = SCENARIOS_DIR): { id: string; file: string; description: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.study.yaml'))
    .sort()
    .map((f) => ({ id: f.replace(/\.study\.yaml$/, ''), file: join(dir, f), description: headerComment(readFileSync(join(dir, f), 'utf8')) }));
}

/** Reads a text file, turning a failure into an InputError naming the file. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([issue(null, `cannot read '${path}': ${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)}`)]);
  }
}

/** Adds `(in file)` to every problem, so a multi-file command says which file is wrong. */
export function inFile<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.errors.map((x) => ({ ...x, rule: `${x.rule} (in ${file})`, message: `${x.message} (in ${file})` })));
    throw e;
  }
}

/**
 * Money with an explicit sign, for differences.
 * @example signedMoney(840_000) // '+$840k'
 */
export function signedMoney(v: number): string {
  return v > 0 ? `+${money(v)}` : money(v);
}
