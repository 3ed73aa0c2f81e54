/**
 * File access and printing shared by `salesim compare` and `salesim sensitivity`: reading a scenario or
 * study by path or preset name, money formatting, and a progress line on a terminal's stderr.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, issue } from '../engine/errors.js';

/** The presets folder shipped with the package. */
export const PRESETS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

/**
 * Resolves a command-line argument to a file: an existing path, or a preset name in `scenarios/`
 * (`hiring-vs-enablement` finds `hiring-vs-enablement.study.yaml` for compare, or `<name>.yaml`).
 * @example resolveInput('baseline') // '/…/scenarios/baseline.yaml'
 */
export function resolveInput(arg: string, preferStudy = false): string {
  if (existsSync(arg) && statSync(arg).isFile()) return resolve(arg);
  if (!/[\\/]/.test(arg)) {
    const names = preferStudy ? [`${arg}.study.yaml`, `${arg}.yaml`, arg] : [`${arg}.yaml`, `${arg}.study.yaml`, arg];
    for (const n of names) {
      const p = resolve(PRESETS_DIR, n);
      if (existsSync(p) && statSync(p).isFile()) return p;
    }
  }
  throw new InputError([issue(null, `cannot read '${arg}': no such file or preset`)]);
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
 * Formats money compactly with a sign when asked.
 * @example money(1234567) // '$1.23M'
 * @example money(-52000, true) // '-$52.0k'
 */
export function money(v: number, signed = false): string {
  if (!Number.isFinite(v)) return String(v);
  const sign = v < 0 ? '-' : signed && v > 0 ? '+' : '';
  const a = Math.abs(v);
  const body = a >= 1e9 ? `${(a / 1e9).toFixed(2)}B` : a >= 1e6 ? `${(a / 1e6).toFixed(2)}M` : a >= 1e3 ? `${(a / 1e3).toFixed(1)}k` : a.toFixed(0);
  return `${sign}$${body}`;
}

/**
 * A percentage with one decimal.
 * @example pct(0.1234) // '12.3%'
 */
export function pct(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '-' : `${(v * 100).toFixed(1)}%`;
}

/** A progress callback drawing `label 42%` on stderr when it is a terminal and the run lasts over a second. */
export function progressLine(label: string): { onProgress?: (done: number, total: number) => void; done(): void } {
  if (!process.stderr.isTTY) return { done() {} };
  const started = Date.now();
  let shown = false;
  let last = -1;
  return {
    onProgress(done, total) {
      if (Date.now() - started < 1000) return;
      const p = Math.floor((100 * done) / Math.max(1, total));
      if (p === last) return;
      last = p;
      shown = true;
      process.stderr.write(`\r${label} ${p}%   `);
    },
    done() {
      if (shown) process.stderr.write('\r' + ' '.repeat(label.length + 8) + '\r');
    },
  };
}
