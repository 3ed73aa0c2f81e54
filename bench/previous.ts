/**
 * The engine of an earlier git revision, for the bench's "new vs previous" rows: `git archive REF engine`
 * unpacked into a temporary folder (with a package.json that makes it an ES module and a link to this
 * checkout's node_modules), then imported through tsx like the current engine. Both engines then run in
 * the same process, interleaved, so the ratio between them is measured under the same load.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The last commit before the trial loop became model steps over one seat state (the "today"). */
export const PREVIOUS_ENGINE_REF = '037bfa7';

export type EngineModule = typeof import('../engine/index.js');

export interface PreviousEngine {
  ref: string;
  /** the commit the ref resolved to */
  commit: string;
  engine: EngineModule;
  dispose: () => void;
}

/**
 * Builds the engine of `ref` into a temporary folder and imports it; null (with the reason) when this is
 * not a git checkout or the ref is unknown.
 * @example const prev = await previousEngine('HEAD~1'); prev?.engine.runTrials(...)
 */
export async function previousEngine(ref: string): Promise<PreviousEngine | { error: string }> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  let commit: string;
  try {
    commit = execFileSync('git', ['-C', root, 'rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return { error: `git cannot resolve ${ref} here (not a checkout, or a shallow clone without it)` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'salesim-prev-engine-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const tar = execFileSync('git', ['-C', root, 'archive', '--format=tar', commit, 'engine'], { maxBuffer: 64 << 20 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const engine = (await import(pathToFileURL(join(dir, 'engine', 'index.ts')).href)) as EngineModule;
    return { ref, commit: commit.slice(0, 7), engine, dispose };
  } catch (e) {
    dispose();
    return { error: `could not build the engine of ${ref}: ${(e as Error).message.split('\n')[0]}` };
  }
}
