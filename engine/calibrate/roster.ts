/**
 * Reads a rep roster (name, territory, hire date, exit date; exit empty while employed). Row problems
 * name the row and column like the opportunity reader; a name listed twice is an error.
 */
import { InputError, type InputIssue } from '../errors.js';
import { parseCsv } from './csv.js';
import { monthIndex, parseDate } from './dates.js';
import type { Mapping } from './mapping.js';
import { cellIssue, findColumns } from './opportunities.js';

/** One person of the roster; months are indices year * 12 + month - 1. */
export interface RosterEntry {
  row: number;
  name: string;
  territory: string | null;
  hiredMonth: number;
  /** month of the exit date (the person sells through the end of it); null while employed */
  exitedMonth: number | null;
}

/**
 * Parses and validates a roster CSV; throws `InputError` with paths `roster.rows[N].Column`.
 * @example readRoster('Name,Territory,Hire Date,Exit Date\nAna,West,2023-04-01,\n', mapping)[0].exitedMonth // null
 */
export function readRoster(csvText: string, mapping: Mapping): RosterEntry[] {
  const table = parseCsv(csvText, 'roster');
  const r = mapping.roster;
  let col: Record<'name' | 'territory' | 'hired' | 'exited', number>;
  try {
    col = findColumns(table.header, r, ['territory', 'exited']);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.errors.map((x) => ({ ...x, path: `roster.${x.path}`, message: `roster ${x.message}`.replace('map it with columns.', 'map it with roster.') , rule: x.rule.replace('map it with columns.', 'map it with roster.') })));
    throw e;
  }
  const problems: InputIssue[] = [];
  const out: RosterEntry[] = [];
  const seen = new Set<string>();
  const at = (row: number, column: string, rule: string) => {
    const i = cellIssue(row, column, rule);
    return { ...i, path: `roster.${i.path}`, message: `roster ${i.message}` };
  };
  for (const rec of table.records) {
    const get = (k: keyof typeof col) => (col[k] >= 0 ? (rec.fields[col[k]] ?? '').trim() : '');
    const head = (k: keyof typeof col) => table.header[col[k]];
    const name = get('name');
    const before = problems.length;
    if (name === '') problems.push(at(rec.row, head('name'), 'is empty'));
    else if (seen.has(name.toLowerCase())) problems.push(at(rec.row, head('name'), `'${name}' is listed twice`));
    seen.add(name.toLowerCase());
    const hiredText = get('hired');
    const hired = hiredText === '' ? null : parseDate(hiredText, mapping.dateOrder);
    if (hiredText === '') problems.push(at(rec.row, head('hired'), 'is empty'));
    else if (!hired) problems.push(at(rec.row, head('hired'), `'${hiredText}' is not a date (use YYYY-MM-DD or ${mapping.dateOrder === 'mdy' ? 'M/D/YYYY' : 'D/M/YYYY'})`));
    const exitedText = get('exited');
    const exited = exitedText === '' ? null : parseDate(exitedText, mapping.dateOrder);
    if (exitedText !== '' && !exited) problems.push(at(rec.row, head('exited'), `'${exitedText}' is not a date`));
    if (hired && exited && monthIndex(exited) < monthIndex(hired)) problems.push(at(rec.row, head('exited'), `${exitedText} is before the hire date ${hiredText}`));
    if (problems.length > before) continue;
    out.push({ row: rec.row, name, territory: get('territory') || null, hiredMonth: monthIndex(hired!), exitedMonth: exited ? monthIndex(exited) : null });
  }
  if (problems.length) throw new InputError(problems.slice(0, 50));
  if (out.length === 0) throw new InputError([{ path: 'roster.rows', rule: 'has no data rows (only a header)', message: 'roster rows: has no data rows (only a header)' }]);
  return out;
}
