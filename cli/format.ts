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

/** A progress bar drawn on stderr when it is a terminal and the work takes more than a second. */
export function progressBar(label: string): { update(done: number, total: number): void; done(): void } {
  const t0 = Date.now();
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    update(done, total) {
      if (!tty || Date.now() - t0 < 1000) return;
      shown = true;
      const w = 30;
      const f = Math.round((done / total) * w);
      process.stderr.write(`\r${label} [${'#'.repeat(f)}${'.'.repeat(w - f)}] ${done}/${total} trials`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}
