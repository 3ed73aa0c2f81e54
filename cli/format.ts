/** Human formatting for the CLI's readable tables. */

/**
 * Money with a unit suffix.
 * @example money(12_345_678) // '$12.3M'
 */
export function money(v: number): string {
  if (!Number.isFinite(v)) return '-';
  const a = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(0)}k`;
  return `${sign}$${a.toFixed(0)}`;
}

/**
 * A share as a percentage.
 * @example pct(0.4567) // '45.7%'
 */
export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '-' : `${(v * 100).toFixed(digits)}%`;
}

/**
 * A plain-text table with right-aligned columns after the first.
 * @example table([['a', 'b'], ['x', '1']]).split('\n').length // 3
 */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [fmt(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(fmt)].join('\n');
}

export interface ProgressOptions {
  /** --quiet: no progress at all */
  quiet?: boolean;
  /** where progress goes (stderr) */
  stream?: NodeJS.WriteStream;
  /** show progress only once the work has taken this long (default 1 s; SALESIM_PROGRESS_AFTER_MS) */
  afterMs?: number;
  /** off a terminal: at most one line per this many ms (default 2 s; SALESIM_PROGRESS_EVERY_MS) */
  everyMs?: number;
}

const envMs = (name: string): number | undefined => {
  const v = process.env[name];
  return v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
};

/**
 * Progress on stderr for work that takes more than a second: on a terminal a bar redrawn in place; off
 * a terminal (a pipe, a CI log) plain lines, at most one every two seconds and one per whole percent,
 * then a closing line. Never on stdout, so `--json` output stays clean; nothing at all with `quiet`.
 * @example const p = progressBar('comparing', { quiet }); p.update(500, 2000); p.done();
 */
export function progressBar(label: string, opts: ProgressOptions = {}): { update(done: number, total: number): void; done(): void } {
  const t0 = Date.now();
  const out = opts.stream ?? process.stderr;
  const tty = out.isTTY === true;
  const afterMs = opts.afterMs ?? envMs('SALESIM_PROGRESS_AFTER_MS') ?? 1000;
  const everyMs = opts.everyMs ?? envMs('SALESIM_PROGRESS_EVERY_MS') ?? 2000;
  let shown = false;
  let lastAt = -Infinity;
  let lastPct = -1;
  let last = { done: 0, total: 0 };
  const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
  return {
    update(done, total) {
      last = { done, total };
      if (opts.quiet || Date.now() - t0 < afterMs) return;
      const percent = total > 0 ? Math.floor((100 * done) / total) : 0;
      if (tty) {
        shown = true;
        const w = 30;
        const f = Math.round((done / total) * w);
        out.write(`\r${label} [${'#'.repeat(f)}${'.'.repeat(w - f)}] ${done}/${total} trials`);
        return;
      }
      const now = Date.now();
      if (now - lastAt < everyMs || percent === lastPct) return;
      shown = true;
      lastAt = now;
      lastPct = percent;
      out.write(`salesim: ${label}: ${percent}% (${done}/${total} trials, ${secs()} s)\n`);
    },
    done() {
      if (!shown) return;
      if (tty) out.write('\r\x1b[2K');
      else out.write(`salesim: ${label}: done (${last.total} trials, ${secs()} s)\n`);
    },
  };
}
