/**
 * The command the CLI tests spawn: `bin/salesim.js`, the installed `salesim`. It runs the build (dist/,
 * which `npm install` makes through `prepare`) when that is newer than every TypeScript source of engine/,
 * parallel/ and cli/, and the sources through tsx otherwise, so a test never runs stale code. The build
 * saves each spawn, and each of its worker threads, about a second of CPU spent compiling TypeScript.
 * test/cli/compiled.test.ts checks that both give identical output.
 */
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** argv after `process.execPath` for one `salesim` command: `[...SALESIM, 'run', file]` */
export const SALESIM: readonly string[] = [join(ROOT, 'bin', 'salesim.js')];
