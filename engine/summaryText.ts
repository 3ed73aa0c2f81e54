/**
 * The Summary sections that declare readable rows (their registry entry's `summary.text`, in the
 * mechanism's folder), for `salesim run`'s readable report: each section the Summary holds, in registry
 * order, with its title and rows. The rows are the engine's figures; the CLI only formats them.
 */
import type { Summary } from './types.js';
import type { Scenario } from './scenario.js';
import type { ReportBlock, ReportFormat, TextRow, TextSection } from './kernel/outputs.js';
import { MECHANISMS } from './mechanisms/registry.js';

export type { ReportFormat, TextRow, TextUnit } from './kernel/outputs.js';

/**
 * @example summaryTextSections(summary).map((x) => x.key) // ['managers', 'retention', 'compensation'] for the people-managers preset
 */
export function summaryTextSections(s: Summary): { key: string; title: string; rows: TextRow[] }[] {
  const out: { key: string; title: string; rows: TextRow[] }[] = [];
  for (const m of MECHANISMS) {
    if (!('summary' in m) || !('text' in m.summary)) continue;
    const section = (s as unknown as Record<string, unknown>)[m.summary.key];
    if (section == null) continue;
    const text = m.summary.text as TextSection<unknown>;
    out.push({ key: m.summary.key, title: text.title, rows: text.rows(section, s.scenario as unknown as Scenario) });
  }
  return out;
}

/** The mechanisms' parts of the readable report that format themselves (their registry entry's `report`), in their `order`. */
const REPORTS = MECHANISMS.flatMap((m): ReportBlock<Summary>[] => ('report' in m ? [m.report] : [])).sort((a, b) => a.order - b.order);

/**
 * The mechanisms' parts of `salesim run`'s readable report, with the CLI's formatters, each only when the
 * Summary has something of it: `at` 'lines' the headline lines after the headcount line (the leader's
 * changes, coverage), 'block' the blocks after the cost line (recurring revenue, the demand funnel).
 * @example summaryReports(summary, { money, pct, table }, 'block').length // 1 for the subscription preset
 */
export function summaryReports(s: Summary, f: ReportFormat, at: 'lines' | 'block'): string[] {
  const out: string[] = [];
  for (const r of REPORTS) {
    if ((r.at ?? 'block') !== at) continue;
    const text = r.text(s, f);
    if (text !== null) out.push(text);
  }
  return out;
}
