/**
 * What the mechanisms add to `salesim compare`'s readable report, read from the registry (their
 * `summary.compare` and `comparison` hooks, engine/kernel/comparison.ts): columns of the table of scenarios,
 * lines of each variant's paired difference, and tables of their own. The figures are the engine's; the CLI
 * lends its formatters and lays the parts out.
 */
import type { Summary } from './types.js';
import type { CompareFormat, CompareSection, ComparisonHook } from './kernel/comparison.js';
import type { VariantComparison } from './compare.js';
import { MECHANISMS } from './mechanisms/registry.js';

export type { CompareFormat } from './kernel/comparison.js';

/** The sections with comparison parts, in registry order, each with its Summary field. */
const SECTIONS = MECHANISMS.flatMap((m) => ('summary' in m && 'compare' in m.summary ? [{ key: m.summary.key, compare: m.summary.compare as CompareSection<unknown> }] : []));
/** The mechanisms' figures of the paired difference, in registry order. */
const DIFFERENCES = MECHANISMS.flatMap((m) => ('comparison' in m ? [m.comparison as ComparisonHook] : []));

const section = (s: Summary, key: string): unknown => (s as unknown as Record<string, unknown>)[key] ?? undefined;

/**
 * The columns the sections add to the table of scenarios when the baseline has them: their headers, and a
 * scenario's cells.
 * @example compareColumns(baselineSummary, format).headers // ['ARR at horizon P10 / P50 / P90', 'NRR last year'] with customers
 */
export function compareColumns(baseline: Summary, f: CompareFormat): { headers: string[]; cells: (s: Summary) => string[] } {
  const on = SECTIONS.filter((x) => x.compare.columns && section(baseline, x.key) !== undefined);
  return {
    headers: on.flatMap((x) => [...x.compare.columns!.headers]),
    cells: (s) => on.flatMap((x) => x.compare.columns!.cells(section(s, x.key), f)),
  };
}

/**
 * The lines the mechanisms' figures of a variant's difference print (each only when the difference has it).
 * @example compareDifferenceLines(variant.difference, format)[0] // '  ARR at the horizon    P10 / P50 / P90 ...' with customers
 */
export function compareDifferenceLines(d: VariantComparison['difference'], f: CompareFormat): string[] {
  const out: string[] = [];
  for (const m of DIFFERENCES) {
    const x = (d as unknown as Record<string, unknown>)[m.key];
    if (x !== undefined) out.push(...(m.text as (d: unknown, f: CompareFormat) => string[])(x, f));
  }
  return out;
}

/**
 * The sections' own tables, in their `order`, each when any scenario has the section: its title line and
 * its rows (the header first; '-' for a scenario without the section).
 * @example compareTables([{ name: 'base', s: summary }], format).map((t) => t.title) // ['coverage (means over trials; ...', ...]
 */
export function compareTables(all: { name: string; s: Summary }[], f: CompareFormat): { title: string; rows: string[][] }[] {
  const tables = SECTIONS.filter((x) => x.compare.table).sort((a, b) => a.compare.table!.order - b.compare.table!.order);
  const out: { title: string; rows: string[][] }[] = [];
  for (const { key, compare } of tables) {
    const t = compare.table!;
    if (!all.some((x) => section(x.s, key))) continue;
    const rows: string[][] = [[...t.headers]];
    for (const { name, s } of all) {
      const sec = section(s, key);
      rows.push(sec ? [name, ...t.row(sec, f)] : [name, ...t.headers.slice(1).map(() => '-')]);
    }
    out.push({ title: t.title, rows });
  }
  return out;
}
