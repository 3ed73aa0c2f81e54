/**
 * The forecast from today: a scenario started at an as-of date from a CRM export (and optionally a roster).
 *
 * - **The year.** The plan year is the scenario's first 12 months: from `market.start` when the scenario has
 *   one, else January of the as-of year. Month 1 of the forecast is the month after the as-of date (an as-of
 *   date that is not a month end is warned about: the rest of its month is neither booked nor simulated).
 * - **Bookings to date.** Won amounts closed from the plan year's first day through the as-of date.
 * - **The team.** From the roster: everyone hired on or before the as-of date and not gone by it, each with
 *   the tenure of the hire date (so a ramp position and quota). Without a roster, from the export: every
 *   owner with an opportunity created or closed in the as-of month is seated, hired in the month of their
 *   first opportunity (a lower bound for owners active since the export's first month). This inference is
 *   rough (a leaver still active in their last month is seated, a vacancy's age is taken from the leaver's
 *   last activity): on synthetic histories it over-forecasts mid-range probabilities, which a roster fixes.
 *   Each territory's seats are the scenario's; seats beyond the team are vacant, named after the most recent
 *   leavers (so their still-open deals stay with the seat, as a CRM keeps them), vacant since the leaving
 *   month. A team larger than the scenario's seats keeps everyone (warned). Without a territory column, owners
 *   are spread over the territories in proportion to their seats, in name order.
 * - **The open pipeline.** Every opportunity created on or before the as-of date and not closed by it, aged
 *   in month-ends survived; its amount if it has one and is still open in the export (a row closed after the
 *   as-of date carries a closing amount not known then), else drawn from the deal size at the win (warned).
 *   Deals of owners neither on the team nor on a vacant seat are reassigned across the team (warned).
 * - **Track records.** Each seat's holder (a vacancy's leaver) carries their won and lost deals before the
 *   as-of date and the geometric mean of their won amounts, which update the scenario's prior of their win
 *   rate and deal size (engine/mechanisms/team/record.ts).
 * - **The scenario** is moved to the forecast's calendar: horizon through `through` (default: the plan
 *   year's last month), planned hires and programmes shifted by the months already gone (those already
 *   started are in the roster, or run on from month 1 with what is left of their ramp to full effect), a
 *   market's calendar moved to month 1. The leader's state and the customer base start as the scenario says.
 */
import { InputError, issue, type InputIssue } from '../errors.js';
import { parseScenario, parseText, type RosterSeat, type OpenDeal, type Scenario } from '../scenario.js';
import { cloneJson } from '../patch.js';
import { planBasis as basisOf, planTargets } from '../plan.js';
import { seatLayout } from '../kernel/seats.js';
import { readOpportunities, type Opportunity } from '../calibrate/opportunities.js';
import { readRoster, type RosterEntry } from '../calibrate/roster.js';
import { resolveMapping, type MappingInput } from '../calibrate/mapping.js';
import { daysInMonth, formatMonth, parseMonth } from '../calibrate/dates.js';
import { monthsBefore } from '../mechanisms/team/team.js';
import { withoutUncertaintyBlock } from '../uncertainty/resolve.js';
import { calendarStart, moveOnCalendar, rampMonths } from '../mechanismHistory.js';

export interface ForecastInput {
  /** the opportunity export (CSV text) */
  opportunities: string;
  /** the rep roster (CSV text: Name, Territory, Hire Date, Exit Date); null = the team from the export */
  roster?: string | null;
  /** the scenario (YAML/JSON text or an object), describing the plan year from its month 1 */
  scenario: unknown;
  /** YYYY-MM-DD */
  asOf: string;
  /** YYYY-MM, the last month forecast (default: the plan year's last month) */
  through?: string | null;
  /** the year's plan; default: the scenario's first-year plan (quota.plan, or the quotas of its seats) */
  plan?: number | null;
  mapping?: MappingInput | string | null;
  invalidRows?: 'error' | 'skip';
  /** the scenario's parameters at their fitted values, no draws per trial (salesim forecast --point) */
  point?: boolean;
}

export interface ForecastSetup {
  asOf: string;
  /** YYYY-MM of the plan year's first month and of forecast month 1 */
  yearStart: string;
  start: string;
  through: string;
  /** months simulated, and how many of them fall in the plan year */
  months: number;
  monthsInYear: number;
  plan: number;
  planBasis: string;
  /** bookings to date, and by month of the plan year up to the as-of month */
  booked: number;
  bookedByMonth: number[];
  team: { source: 'roster' | 'export'; seated: number; ramping: number; vacant: number };
  /**
   * stale: with a `resolution` table, the open deals at or beyond the age from which every chance is 0 (they
   * never close in the forecast); null without one
   */
  open: { deals: number; withAmount: number; amount: number; stale: number | null };
  /** the forecast scenario as JSON (variants patch it) and resolved */
  raw: Record<string, unknown>;
  scenario: Scenario;
  warnings: string[];
}

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Day number of a YYYY-MM-DD (for ordering). */
function dayKey(y: number, m: number, d: number): number {
  return (y * 12 + m - 1) * 32 + d;
}

function fail(path: string, rule: string): never {
  throw new InputError([issue(path, rule)]);
}

/**
 * Territory index of each of n people (in name order) spread over territories in proportion to `seats`
 * (largest remainder).
 * @example spreadOverTerritories(4, [3, 1]) // [0, 0, 0, 1]
 */
export function spreadOverTerritories(n: number, seats: number[]): number[] {
  const total = seats.reduce((a, b) => a + b, 0);
  const quota = seats.map((s) => (total > 0 ? (n * s) / total : n / seats.length));
  const count = quota.map(Math.floor);
  let left = n - count.reduce((a, b) => a + b, 0);
  const order = quota.map((q, i) => [q - Math.floor(q), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) count[order[k][1]]++;
  return count.flatMap((c, i) => new Array<number>(c).fill(i));
}

interface Person {
  name: string;
  territory: number;
  /** YYYY-MM-DD */
  hired: string;
}

/**
 * Prepares a forecast: validates the inputs and builds the scenario that starts at the as-of date.
 * Throws `InputError` naming the field (`asOf`, `through`, `plan`, `rows[N].Column`, `roster.rows[N].Column`, `scenario.…`).
 * @example // forecastSetup({ opportunities: csv, scenario: 'baseline.yaml text', asOf: '2025-06-30' }).scenario.horizonMonths // 6
 */
export function forecastSetup(input: ForecastInput): ForecastSetup {
  const warnings: string[] = [];
  const am = DATE.exec(input.asOf ?? '');
  if (!am) fail('asOf', `must be a date YYYY-MM-DD (got '${input.asOf}')`);
  const [ay, amo, ad] = [Number(am[1]), Number(am[2]), Number(am[3])];
  if (ad > daysInMonth(ay, amo)) fail('asOf', `${input.asOf} is not a date`);
  const asOfKey = dayKey(ay, amo, ad);
  const asOfMonth = ay * 12 + amo - 1;
  if (ad !== daysInMonth(ay, amo))
    warnings.push(`as-of ${input.asOf} is not a month end: the forecast simulates from ${formatMonth(asOfMonth + 1)}, so deals won after ${input.asOf} in ${formatMonth(asOfMonth)} are neither booked nor simulated (export at a month end for an exact forecast)`);

  // the scenario as written (its errors under scenario.)
  const written = typeof input.scenario === 'string' ? parseText(input.scenario) : input.scenario;
  // point: the scenario at the values written, no draws (as salesim forecast --point reads it)
  const raw = input.point ? withoutUncertaintyBlock(written) : written;
  let base: Scenario;
  try {
    base = parseScenario(raw);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.errors.map((x) => ({ ...x, path: x.path === null ? 'scenario' : `scenario.${x.path}`, message: `scenario: ${x.message}` })));
    throw e;
  }
  if (typeof base.initialTeam === 'object' || base.openPipeline) fail('scenario.initialTeam', 'must not be a roster in a forecast (the team comes from the roster file or the export)');
  // the plan year: from market.start, else January of the year of month 1 (an as-of date of December 31 forecasts the next year)
  const calendar = calendarStart(base);
  const yearStart = calendar ? parseMonth(calendar)! : Math.floor((asOfMonth + 1) / 12) * 12;
  const elapsed = asOfMonth + 1 - yearStart; // months of the plan year gone at month 1
  if (elapsed < 0 || elapsed > 11) fail('asOf', `must fall in the plan year ${formatMonth(yearStart)} .. ${formatMonth(yearStart + 11)} (the scenario's first 12 months; market.start sets its first month)`);
  const through = input.through == null ? yearStart + 11 : parseMonth(input.through);
  if (through === null) fail('through', `must be a month YYYY-MM (got '${input.through}')`);
  if (through < yearStart + 11) fail('through', `must be at or after the plan year's last month ${formatMonth(yearStart + 11)}`);
  const months = through - asOfMonth;
  if (months > 120) fail('through', `must be at most 120 months after the as-of month (got ${months})`);
  const monthsInYear = yearStart + 12 - (asOfMonth + 1);

  // the plan
  let plan: number;
  let planBasis: string;
  if (input.plan != null) {
    if (!(Number.isFinite(input.plan) && input.plan > 0)) fail('plan', `must be a positive amount (got ${input.plan})`);
    plan = input.plan;
    planBasis = 'given';
  } else {
    const year = { ...base, horizonMonths: Math.max(12, base.horizonMonths) };
    const targets = planTargets(year);
    if (!targets) fail('plan', 'is required: the scenario has no quota block to take the plan from (give the year\'s plan)');
    plan = targets.annual[0];
    planBasis = basisOf(year)!;
  }

  // the export
  const mapping = resolveMapping(input.mapping ?? null);
  const table = readOpportunities(input.opportunities, mapping, input.invalidRows ?? 'error');
  const opps = table.opportunities;
  let first = Infinity,
    last = -Infinity;
  const key = (d: { year: number; month: number; day: number }) => dayKey(d.year, d.month, d.day);
  for (const o of opps) {
    first = Math.min(first, key(o.created));
    last = Math.max(last, key(o.created), o.closed ? key(o.closed) : -Infinity);
  }
  const show = (k: number) => {
    const mi = Math.floor(k / 32);
    return `${formatMonth(mi)}-${String(k % 32).padStart(2, '0')}`;
  };
  if (asOfKey < first || asOfKey > last + 31)
    fail('asOf', `${input.asOf} is outside the export (its opportunities run from ${show(first)} to ${show(last)})`);
  if (table.rejectedRows) warnings.push(`${table.rejectedRows} rows skipped as invalid`);
  const yearKey = dayKey(Math.floor(yearStart / 12), (yearStart % 12) + 1, 1);
  const bookedByMonth = new Array<number>(elapsed).fill(0);
  let booked = 0;
  for (const o of opps) {
    if (o.outcome !== 'won' || !o.closed) continue;
    const k = key(o.closed);
    if (k < yearKey || k > asOfKey) continue;
    booked += o.amount!;
    bookedByMonth[o.closedMonth! - yearStart] += o.amount!;
  }
  const openAt = opps.filter((o) => key(o.created) <= asOfKey && (o.closed === null || key(o.closed) > asOfKey));

  // the team
  // the scenario's territories as the seat layout has them: each one's name and initial seats
  const layout = seatLayout(base);
  const territories = layout.names.map((name, i) => ({ name, seats: layout.initial[i] }));
  const tIndex = new Map(territories.map((t, i) => [t.name, i]));
  const people: Person[] = [];
  const leavers: { name: string; territory: number; since: string }[] = [];
  let source: 'roster' | 'export';
  if (input.roster != null) {
    source = 'roster';
    const roster: RosterEntry[] = readRoster(input.roster, mapping);
    const untagged: RosterEntry[] = [];
    const problems: InputIssue[] = [];
    for (const r of roster) {
      if (r.territory !== null && !tIndex.has(r.territory))
        problems.push(issue(`roster.rows[${r.row}].${mapping.roster.territory}`, `'${r.territory}' is not a territory of the scenario (${territories.map((t) => t.name).join(', ')})`));
    }
    if (problems.length) throw new InputError(problems);
    const hiredText = (r: RosterEntry) => `${formatMonth(r.hiredMonth)}-01`;
    for (const r of roster) {
      if (r.hiredMonth > asOfMonth) continue; // not known at the as-of date
      if (r.exitedMonth !== null && r.exitedMonth <= asOfMonth) {
        leavers.push({ name: r.name, territory: r.territory === null ? -1 : tIndex.get(r.territory)!, since: `${formatMonth(r.exitedMonth + 1)}-01` });
        continue;
      }
      if (r.territory === null) untagged.push(r);
      else people.push({ name: r.name, territory: tIndex.get(r.territory)!, hired: hiredText(r) });
    }
    if (untagged.length) {
      if (territories.length > 1) warnings.push(`${untagged.length} roster people have no territory: spread over the territories in proportion to their seats`);
      const spread = spreadOverTerritories(untagged.length, territories.map((t) => t.seats));
      [...untagged].sort((a, b) => a.name.localeCompare(b.name)).forEach((r, i) => people.push({ name: r.name, territory: spread[i], hired: hiredText(r) }));
    }
    const owners = new Set(opps.map((o) => o.owner));
    const silent = people.filter((p) => !owners.has(p.name));
    if (silent.length) warnings.push(`${silent.length} people on the roster have no opportunities in the export (${silent.slice(0, 5).map((p) => p.name).join(', ')}${silent.length > 5 ? ', …' : ''}): seated as the roster says`);
  } else {
    source = 'export';
    const span = new Map<string, { first: number; last: number; firstDay: number }>();
    for (const o of opps) {
      if (key(o.created) > asOfKey) continue;
      const lastM = Math.max(o.createdMonth, o.closed && key(o.closed) <= asOfKey ? o.closedMonth! : -Infinity);
      const sp = span.get(o.owner);
      if (!sp) span.set(o.owner, { first: o.createdMonth, last: lastM, firstDay: key(o.created) });
      else {
        if (key(o.created) < sp.firstDay) {
          sp.firstDay = key(o.created);
          sp.first = o.createdMonth;
        }
        sp.last = Math.max(sp.last, lastM);
      }
    }
    const active = [...span].filter(([, sp]) => sp.last >= asOfMonth).map(([n, sp]) => ({ name: n, sp }));
    active.sort((a, b) => a.name.localeCompare(b.name));
    const spread = spreadOverTerritories(active.length, territories.map((t) => t.seats));
    active.forEach((a, i) => people.push({ name: a.name, territory: spread[i], hired: `${formatMonth(a.sp.first)}-01` }));
    for (const [n, sp] of span) if (sp.last < asOfMonth) leavers.push({ name: n, territory: -1, since: `${formatMonth(sp.last + 1)}-01` });
    if (territories.length > 1) warnings.push('the team is read from the export, which has no territories: owners are spread over the territories in proportion to their seats (give a roster with a Territory column to place them)');
  }
  if (people.length === 0) fail(input.roster != null ? 'roster' : 'opportunities', `has nobody on the team at ${input.asOf}`);

  // seats: the scenario's per territory; vacancies named after the most recent leavers of the territory (or any)
  leavers.sort((a, b) => b.since.localeCompare(a.since) || a.name.localeCompare(b.name));
  const roster: RosterSeat[] = [];
  const tName = (i: number) => (territories.length === 1 ? undefined : territories[i].name);
  const used = new Set<string>();
  let vacant = 0;
  territories.forEach((t, ti) => {
    const here = people.filter((p) => p.territory === ti);
    for (const p of here) roster.push({ name: p.name, hired: p.hired, ...(tName(ti) ? { territory: tName(ti) } : {}) });
    if (here.length > t.seats) warnings.push(`${t.name}: ${here.length} people on the team but ${t.seats} seats in the scenario: every one of them is seated`);
    for (let k = here.length; k < t.seats; k++) {
      const lv = leavers.find((l) => !used.has(l.name) && (l.territory === ti || l.territory === -1));
      if (lv) used.add(lv.name);
      vacant++;
      roster.push({ ...(lv ? { name: lv.name, since: lv.since <= input.asOf ? lv.since : undefined } : {}), vacant: true, ...(tName(ti) ? { territory: tName(ti) } : {}) } as RosterSeat);
    }
  });
  for (const r of roster) if (r.since === undefined) delete r.since;
  // each named seat's track record before the as-of date: won and lost decided deals, won amounts' geometric mean
  const rec = new Map<string, { won: number; lost: number; logSum: number }>();
  for (const o of opps) {
    if (!o.closed || key(o.closed) > asOfKey || (o.outcome !== 'won' && o.outcome !== 'lost')) continue;
    const r = rec.get(o.owner) ?? { won: 0, lost: 0, logSum: 0 };
    if (o.outcome === 'won') {
      r.won++;
      r.logSum += Math.log(o.amount!);
    } else r.lost++;
    rec.set(o.owner, r);
  }
  for (const r of roster) {
    const x = r.name === undefined ? undefined : rec.get(r.name);
    if (x) r.record = { won: x.won, lost: x.lost, wonGeoMean: x.won > 0 ? Math.exp(x.logSum / x.won) : null };
  }

  // the open pipeline
  const seatNames = new Set(roster.filter((r) => r.name !== undefined).map((r) => r.name!));
  const holders = roster.filter((r) => r.hired !== undefined).map((r) => r.name!);
  let reassigned = 0,
    noAmount = 0,
    amount = 0,
    withAmount = 0;
  const deals: OpenDeal[] = openAt.map((o: Opportunity, i) => {
    let owner = o.owner;
    if (!seatNames.has(owner)) {
      owner = holders[i % holders.length];
      reassigned++;
    }
    const ageMonths = Math.max(0, asOfMonth - o.createdMonth + 1);
    // a row closed after the as-of date (an export cut back in time) carries its closing amount, which was not
    // known then (a won amount, or none when lost): only the amounts of rows still open are used
    if (o.amount === null || o.amount === 0 || o.closed !== null) {
      noAmount++;
      return { owner, ageMonths, amount: null };
    }
    withAmount++;
    amount += o.amount;
    return { owner, ageMonths, amount: o.amount };
  });
  if (reassigned) warnings.push(`${reassigned} open opportunities belong to owners neither on the team nor on a vacant seat: reassigned across the team`);
  let stale: number | null = null;
  if (base.resolution) {
    // the table as written: with parameter uncertainty the parsed fields hold the draws' medians, and an age at
    // which nothing ever resolved has a Jeffreys median just above 0 (drawn near 0); the file says 0
    const written = (raw as { resolution?: { byAge?: unknown } } | null)?.resolution?.byAge;
    const h = Array.isArray(written) && written.length === base.resolution.byAge.length && written.every((v) => typeof v === 'number') ? (written as number[]) : base.resolution.byAge;
    let dead = h.length; // the first age from which every chance is 0
    while (dead > 0 && h[dead - 1] === 0) dead--;
    stale = deals.filter((d) => d.ageMonths >= dead).length;
    if (stale) warnings.push(`${stale} of the ${deals.length} open opportunities (${Math.round((100 * stale) / deals.length)}%) are ${dead} or more months old, older than any age at which the scenario's resolution table gives a chance: stale, they do not close in the forecast`);
  }
  if (noAmount) warnings.push(`${noAmount} open opportunities have no amount (or only a closing amount from after the as-of date): valued by the scenario's deal size when won`);

  // the forecast scenario on the forecast's calendar
  const f = cloneJson(raw) as Record<string, unknown>;
  f.horizonMonths = months;
  const reps = { ...(f.reps as Record<string, unknown>) };
  delete reps.seats;
  f.reps = reps;
  f.initialTeam = { asOf: input.asOf, roster };
  f.openPipeline = deals;
  const shift = elapsed;
  // each mechanism's block on the forecast's calendar (planned hires and programmes shifted, those gone or past
  // it dropped; a market's calendar moved to month 1, its growth anchor kept), with what the forecast cannot know
  const moved = moveOnCalendar(base, f, { shift, months, start: formatMonth(asOfMonth + 1), origin: formatMonth(yearStart), forecast: true });
  Object.assign(f, moved.set);
  warnings.push(...moved.warnings);
  // calendar effects by month of the quarter move with the calendar: month 1 is the month after the as-of date
  if (base.resolution?.start) f.resolution = { ...base.resolution, start: formatMonth(asOfMonth + 1) };
  if (base.leadership) warnings.push("the sales leader's tenure is drawn afresh at the as-of date (the export does not say when the leader started)");
  let scenario: Scenario;
  try {
    scenario = parseScenario(f);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.errors.map((x) => ({ ...x, path: x.path === null ? 'scenario' : `scenario.${x.path}`, message: `scenario (at the as-of date): ${x.message}` })));
    throw e;
  }
  const R = rampMonths(base);
  let ramping = 0;
  for (const r of roster) if (r.hired !== undefined && monthsBefore(r.hired, input.asOf) + 1 <= R) ramping++;
  return {
    asOf: input.asOf,
    yearStart: formatMonth(yearStart),
    start: formatMonth(asOfMonth + 1),
    through: formatMonth(through),
    months,
    monthsInYear,
    plan,
    planBasis,
    booked,
    bookedByMonth,
    team: { source, seated: roster.length - vacant, ramping, vacant },
    open: { deals: deals.length, withAmount, amount, stale },
    raw: f,
    scenario,
    warnings,
  };
}
