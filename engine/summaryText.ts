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

/** The sections that format their own block of the readable report (their registry entry's `summary.report`), in their `order`. */
const REPORTS = MECHANISMS.flatMap((m) => ('summary' in m && 'report' in m.summary ? [{ key: m.summary.key, report: m.summary.report as ReportBlock<unknown> }] : [])).sort((a, b) => a.report.order - b.report.order);

/**
 * The blocks of `salesim run`'s readable report that the Summary's sections format themselves (recurring
 * revenue, the demand funnel), each only when the Summary holds its section, with the CLI's formatters.
 * @example summaryReports(summary, { money, pct, table }).length // 1 for the subscription preset
 */
export function summaryReports(s: Summary, f: ReportFormat): string[] {
  const out: string[] = [];
  for (const { key, report } of REPORTS) {
    const section = (s as unknown as Record<string, unknown>)[key];
    if (section != null) out.push(report.text(section, f));
  }
  return out;
}
