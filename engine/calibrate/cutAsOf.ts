/**
 * An honest cut of an opportunity export: what the CRM would have exported on a given day. Rows created
 * after the day are dropped; rows decided (won, lost, no decision, dropped) after it are shown open, with
 * no close date and no amount (a closing amount was not known then; the pipeline amount a CRM showed that
 * day is not in a later export).
 */
import { InputError, issue } from '../errors.js';
import { daysInMonth, monthIndex, type CalendarDate } from './dates.js';
import type { Opportunity } from './opportunities.js';

/** The cut and what it changed. */
export interface AsOfCut {
  opportunities: Opportunity[];
  /** the as-of day and its month index */
  asOf: CalendarDate;
  asOfMonth: number;
  /** rows created after the day (dropped) */
  createdLater: number;
  /** rows decided after the day (shown open) */
  decidedLater: number;
  /** whether the day is its month's last (the as-of month is then complete) */
  monthEnd: boolean;
}

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Parses an as-of date `YYYY-MM-DD`; throws an InputError naming `field` otherwise.
 * @example parseAsOf('2025-06-30') // { year: 2025, month: 6, day: 30 }
 */
export function parseAsOf(text: string, field = 'asOf'): CalendarDate {
  const m = DATE.exec(text ?? '');
  if (!m) throw new InputError([issue(field, `must be a date YYYY-MM-DD (got '${text}')`)]);
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (d.day > daysInMonth(d.year, d.month)) throw new InputError([issue(field, `${text} is not a date`)]);
  return d;
}

const dayKey = (d: CalendarDate) => (d.year * 12 + d.month - 1) * 32 + d.day;

/**
 * The export as it stood at the end of `asOf`.
 * @example cutAsOf(opps, { year: 2025, month: 6, day: 30 }).decidedLater // rows closed after June 30, now open
 */
export function cutAsOf(opps: readonly Opportunity[], asOf: CalendarDate): AsOfCut {
  const k = dayKey(asOf);
  const out: Opportunity[] = [];
  let createdLater = 0;
  let decidedLater = 0;
  for (const o of opps) {
    if (dayKey(o.created) > k) {
      createdLater++;
      continue;
    }
    if (o.closed !== null && dayKey(o.closed) > k) {
      decidedLater++;
      out.push({ ...o, closed: null, closedMonth: null, outcome: 'open', amount: null });
    } else out.push(o);
  }
  return { opportunities: out, asOf, asOfMonth: monthIndex(asOf), createdLater, decidedLater, monthEnd: asOf.day === daysInMonth(asOf.year, asOf.month) };
}
