/** Reading input files and writing output files for the calibration commands. */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve, basename, join } from 'node:path';
import { InputError, issue } from '../engine/errors.js';

/**
 * Reads a text file (`-` = standard input); a missing or unreadable file is an input error naming it (`what` says which input).
 * @example readInput('opportunities.csv', 'opportunities')
 */
export function readInput(path: string, what: string): string {
  if (path === '-') return readFileSync(0, 'utf8');
  const p = resolve(path);
  if (!existsSync(p)) throw new InputError([issue(what, `no such file: '${path}'`)]);
  if (statSync(p).isDirectory()) throw new InputError([issue(what, `'${path}' is a directory, not a file`)]);
  return readFileSync(p, 'utf8');
}

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename, so a reader (or an
 * error half-way) never sees a half-written file.
 * @example writeAtomic('scenario.yaml', text)
 */
export function writeAtomic(path: string, text: string, what = 'out'): void {
  checkWritable(path, what);
  const p = resolve(path);
  const dir = dirname(p);
  const tmp = join(dir, `.${basename(p)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, p);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError([issue(what, `cannot write '${path}': ${e instanceof Error ? e.message : String(e)}`)]);
  }
}

/**
 * Checks before any work that an output path can be written: its folder exists and it is not a folder.
 * @example checkWritable('scenario.yaml', 'out')
 */
export function checkWritable(path: string, what: string): void {
  const p = resolve(path);
  const dir = dirname(p);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError([issue(what, `cannot write '${path}': folder '${dirname(path)}' does not exist`)]);
  if (existsSync(p) && statSync(p).isDirectory()) throw new InputError([issue(what, `cannot write '${path}': it is a directory`)]);
}

/**
 * The last value of a flag (validated by whoever uses it), or undefined when absent.
 * @example lastFlag(parseArgs(['--from', '2025-01'], { values: ['from'] }).flags, 'from') // '2025-01'
 */
export function lastFlag(flags: Map<string, string[]>, name: string): string | undefined {
  return flags.get(name)?.at(-1);
}

let pipeGuard = false;
/**
 * Writes to standard output; a reader that stops early (`salesim synth ... | head`) ends the command quietly
 * instead of with an EPIPE stack trace.
 * @example writeStdout('a,b\n')
 */
export function writeStdout(text: string): void {
  if (!pipeGuard) {
    pipeGuard = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  process.stdout.write(text);
}
