/**
 * A summary stream's spill in a temporary file (engine/summaryStream.ts, `ColumnSpill`): the columns of a large
 * run's trials go to disk in segments as they arrive and are read back one column at a time for the Summary, so
 * `salesim run`'s memory does not grow with its trials (100,000 full-model trials keep 144 MB of columns).
 * The file is unlinked as soon as it is open where the system allows it (Linux, macOS): nothing is left behind,
 * even if the process is killed; elsewhere it is removed by `close()`.
 * @example const spill = fileSpill(); const at = spill.write(new Uint8Array([1, 2])); spill.close();
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ColumnSpill } from '../engine/summaryStream.js';
import type { Scenario } from '../engine/index.js';
import { workFactors } from '../engine/work.js';

export interface FileSpill extends ColumnSpill {
  /** bytes written */
  readonly size: number;
  /** closes (and removes) the file */
  close(): void;
}

/** Trials whose columns a stream keeps in memory when it spills (about 12 MB of the full model's columns). */
export const STAGE_TRIALS = 8192;
/** A run spills when its trials' results would pass this many bytes (`trials x resultBytesPerTrial`). */
export const SPILL_FROM_BYTES = 256 * 1024 * 1024;

export function fileSpill(dir = tmpdir()): FileSpill {
  const path = join(dir, `salesim-columns-${process.pid}-${randomUUID()}`);
  const what = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  let fd: number;
  try {
    fd = openSync(path, 'wx+', 0o600);
  } catch (e) {
    throw new Error(`cannot keep a large run's columns in a temporary file in ${dir} (${what(e)}); set TMPDIR to a writable folder`);
  }
  let linked = true;
  try {
    unlinkSync(path);
    linked = false;
  } catch {
    // an open file cannot be removed here: close() removes it
  }
  let end = 0;
  return {
    get size() {
      return end;
    },
    write(bytes: Uint8Array): number {
      const at = end;
      try {
        for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off, at + off);
      } catch (e) {
        throw new Error(`cannot write a large run's columns to a temporary file in ${dir} (${what(e)}); set TMPDIR to a folder with room (${Math.ceil(end / 2 ** 20)} MB written so far)`);
      }
      end += bytes.length;
      return at;
    },
    read(offset: number, into: Uint8Array): void {
      for (let got = 0; got < into.length; ) {
        const r = readSync(fd, into, got, into.length - got, offset + got);
        if (r === 0) throw new Error(`summary spill: the temporary file ended at byte ${offset + got}`);
        got += r;
      }
    },
    close(): void {
      closeSync(fd);
      if (linked) unlinkSync(path);
    },
  };
}

/**
 * The spill for a streamed run of up to `trials` trials: a temporary file when `mode` is 'always', or 'auto'
 * and the trials' results would pass SPILL_FROM_BYTES; else null (the columns stay in memory).
 * @example spillFor(scenario, 1000) // null: 1,000 trials stay in memory
 */
export function spillFor(scenario: Scenario, trials: number, mode: 'auto' | 'always' | 'never' = 'auto'): FileSpill | null {
  if (mode === 'never') return null;
  if (mode === 'always' || trials * workFactors(scenario, 1).resultBytesPerTrial > SPILL_FROM_BYTES) return fileSpill();
  return null;
}
