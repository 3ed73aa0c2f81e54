/**
 * Reads an opportunity export into validated records. Every problem names its row (spreadsheet row
 * number, header = row 1) and column: path `rows[12].Amount`, message `row 12, column Amount: ...`.
 * Structural problems (missing columns, no closed deals) always throw; row problems throw unless
 * `invalidRows: 'skip'`, in which case the rows are rejected and listed in the report.
 */
import { InputError, type InputIssue } from '../errors.js';
import { parseAmount } from './amount.js';
import { parseCsv } from './csv.js';
import { monthIndex, parseDate, type CalendarDate } from './dates.js';
import { classifyStage, isPrePipeline, type Mapping, type Outcome } from './mapping.js';

/** One validated opportunity. Months are indices year * 12 + month - 1. */
export interface Opportunity {
  row: number;
  owner: string;
  created: CalendarDate;
  createdMonth: number;
  closed: CalendarDate | null;
  /** month of the close date; null for open opportunities */
  closedMonth: number | null;
  outcome: Outcome;
  amount: number | null;
  currency: string | null;
}

/** The records that passed, those rejected (with why) and what was seen. */
export interface OpportunityTable {
  opportunities: Opportunity[];
  rejected: InputIssue[];
  rejectedRows: number;
  totalRows: number;
  /** rows excluded because they have no created date and a pre-pipeline stage (not opportunities yet) */
  prePipeline: number;
  /** the pre-pipeline stage names seen on those rows, as spelled in the file */
  prePipelineStages: string[];
  currencies: string[];
}

/**
 * A problem with one cell.
 * @example cellIssue(12, 'Amount', 'must not be negative').path // 'rows[12].Amount'
 */
export function cellIssue(row: number, column: string | null, rule: string): InputIssue {
  const path = column === null ? `rows[${row}]` : `rows[${row}].${column}`;
  return { path, rule, message: column === null ? `row ${row}: ${rule}` : `row ${row}, column ${column}: ${rule}` };
}

/**
 * Finds each mapped column in the header (case-insensitive), or throws naming every missing one.
 * @example findColumns(['Amount', 'Stage'], { stage: 'stage', amount: 'Amount' }) // { stage: 1, amount: 0 }
 */
export function findColumns<K extends string>(header: string[], wanted: Record<K, string>, optional: NoInfer<K>[] = []): Record<K, number> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const out = {} as Record<K, number>;
  const missing: InputIssue[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const idx = lower.indexOf(wanted[key].trim().toLowerCase());
    out[key] = idx;
    if (idx < 0 && !optional.includes(key)) {
      const found = header.length ? header.map((h) => `'${h}'`).join(', ') : 'none';
      missing.push({
        path: `columns.${wanted[key]}`,
        rule: `is missing from the header (found ${found}; map it with columns.${key})`,
        message: `column ${wanted[key]}: is missing from the header (found ${found}; map it with columns.${key})`,
      });
    }
  }
  if (missing.length) throw new InputError(missing);
  return out;
}

/**
 * The warning for rows excluded as pre-pipeline.
 * @example prePipelineWarning(3, ['Prospecting']) // '3 rows in a pre-pipeline stage (Prospecting) have no created date: ...'
 */
export function prePipelineWarning(n: number, stages: string[]): string {
  return `${n} row${n === 1 ? '' : 's'} in a pre-pipeline stage (${stages.join(', ')}) ha${n === 1 ? 's' : 've'} no created date: not opportunities yet, excluded (stages.prePipeline)`;
}

const MAX_ISSUES = 50;

/**
 * Parses and validates an opportunity CSV.
 * @example readOpportunities('Opportunity Owner,Created Date,Close Date,Stage,Amount\nAna,2025-01-03,2025-02-10,Closed Won,1000\n', mapping).opportunities.length // 1
 */
export function readOpportunities(csvText: string, mapping: Mapping, invalidRows: 'error' | 'skip' = 'error'): OpportunityTable {
  const table = parseCsv(csvText, 'opportunities');
  const c = mapping.columns;
  const col = findColumns(table.header, c, ['currency']);
  const name = (k: keyof typeof col) => table.header[col[k]];
  const opportunities: Opportunity[] = [];
  const rejected: InputIssue[] = [];
  let rejectedRows = 0;
  let prePipeline = 0;
  const preStages = new Set<string>();
  const currencies = new Set<string>();
  for (const rec of table.records) {
    const problems: InputIssue[] = [];
    const get = (k: keyof typeof col) => (col[k] >= 0 ? (rec.fields[col[k]] ?? '').trim() : '');
    // a prospect or lead with no created (engage) date is not an opportunity yet: excluded and counted
    if (get('created') === '' && classifyStage(get('stage'), mapping.stages) === 'open' && isPrePipeline(get('stage'), mapping.stages)) {
      prePipeline++;
      preStages.add(get('stage'));
      continue;
    }
    if (rec.fields.length > table.header.length) problems.push(cellIssue(rec.row, null, `has ${rec.fields.length} fields but the header has ${table.header.length} (quote fields that contain commas)`));
    const owner = get('owner');
    if (owner === '') problems.push(cellIssue(rec.row, name('owner'), 'is empty (every opportunity needs an owner)'));
    const stageText = get('stage');
    if (stageText === '') problems.push(cellIssue(rec.row, name('stage'), 'is empty'));
    const outcome = classifyStage(stageText, mapping.stages);
    const createdText = get('created');
    const created = createdText === '' ? null : parseDate(createdText, mapping.dateOrder);
    if (createdText === '') problems.push(cellIssue(rec.row, name('created'), `is empty (only rows in a pre-pipeline stage, stages.prePipeline: ${mapping.stages.prePipeline.join(', ')}, may lack it)`));
    else if (!created) problems.push(cellIssue(rec.row, name('created'), `'${createdText}' is not a date (use YYYY-MM-DD or ${mapping.dateOrder === 'mdy' ? 'M/D/YYYY' : 'D/M/YYYY'})`));
    const closedText = get('closed');
    let closed: CalendarDate | null = null;
    if (closedText !== '') {
      closed = parseDate(closedText, mapping.dateOrder);
      if (!closed) problems.push(cellIssue(rec.row, name('closed'), `'${closedText}' is not a date (use YYYY-MM-DD or ${mapping.dateOrder === 'mdy' ? 'M/D/YYYY' : 'D/M/YYYY'})`));
    } else if (outcome !== 'open') problems.push(cellIssue(rec.row, name('closed'), `is empty but the stage '${stageText}' is closed`));
    if (created && closed && outcome !== 'open' && monthIndex(closed) * 40 + closed.day < monthIndex(created) * 40 + created.day)
      problems.push(cellIssue(rec.row, name('closed'), `${closedText} is before the created date ${createdText}`));
    const amountText = get('amount');
    let amount: number | null = null;
    let currency: string | null = col.currency >= 0 ? get('currency') || null : null;
    if (amountText !== '') {
      const a = parseAmount(amountText);
      if (!a) problems.push(cellIssue(rec.row, name('amount'), `'${amountText}' is not an amount`));
      else if (a.value < 0) problems.push(cellIssue(rec.row, name('amount'), `${amountText} must not be negative`));
      else {
        amount = a.value;
        currency = currency ?? a.currency;
      }
    } else if (outcome === 'won') problems.push(cellIssue(rec.row, name('amount'), 'is empty but the deal is won'));
    if (outcome === 'won' && amount === 0) problems.push(cellIssue(rec.row, name('amount'), 'must be > 0 for a won deal'));
    if (problems.length) {
      rejectedRows++;
      rejected.push(...problems);
      continue;
    }
    if (currency) currencies.add(currency);
    opportunities.push({
      row: rec.row,
      owner,
      created: created!,
      createdMonth: monthIndex(created!),
      closed: outcome === 'open' ? null : closed,
      closedMonth: outcome === 'open' || !closed ? null : monthIndex(closed),
      outcome,
      amount,
      currency,
    });
  }
  if (rejected.length && invalidRows === 'error') {
    const shown = rejected.slice(0, MAX_ISSUES);
    if (rejected.length > MAX_ISSUES) shown.push({ path: null, rule: `and ${rejected.length - MAX_ISSUES} more problems`, message: `and ${rejected.length - MAX_ISSUES} more problems` });
    throw new InputError(shown);
  }
  if (table.records.length === 0) throw new InputError([{ path: 'rows', rule: 'has no data rows (only a header)', message: 'rows: has no data rows (only a header)' }]);
  if (!opportunities.some((o) => o.outcome === 'won' || o.outcome === 'lost')) {
    const stages = [...new Set(table.records.map((r) => (r.fields[col.stage] ?? '').trim()))].slice(0, 8);
    const rule = `has no closed deals: no valid row's stage maps to won or lost (stages seen: ${stages.map((s) => `'${s}'`).join(', ')}; set stages.won / stages.lost)`;
    throw new InputError([{ path: `columns.${name('stage')}`, rule, message: `column ${name('stage')}: ${rule}` }]);
  }
  return { opportunities, rejected, rejectedRows, totalRows: table.records.length, currencies: [...currencies].sort(), prePipeline, prePipelineStages: [...preStages].sort() };
}
