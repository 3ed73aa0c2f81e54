/**
 * Synthetic CRM history from a scenario, for tests and demos: an opportunity export in the default
 * (Salesforce) column names and, when the scenario has hiring or attrition, a roster. It follows the
 * engine's model month by month (docs/design.md, The month) with the engine's streams, samplers and model functions:
 * reps' win rates, tiers and deal multipliers are drawn exactly as trial 0 of `simulate` with the same
 * seed draws them; Poisson arrivals per rep-month (ramp and territory saturation applied); every open
 * opportunity resolves at each month end with probability 1/cycleMonths, then no decision with
 * probability noDecisionRate, otherwise won with the holder's win rate; won amounts lognormal x the rep's
 * multiplier; month-end exits with the monthly hazard, a share of the leaver's opportunities dropped
 * (stage `Dropped`), the rest passing to the seat's next holder; backfills and planned seats after their
 * time to fill. With a steady-state start, the opportunities open before the first month are generated
 * with their ages (geometric, the stationary state) so their created dates precede `start`.
 *
 * History needs one opportunity at a time (who owned it, when it was created and closed), so resolution
 * draws are per opportunity (Bernoulli) rather than the engine's binomial counts per seat: the same
 * distribution, not the same numbers. Every mechanism of the registry (engine/mechanisms/registry.ts) that
 * is on and that this generator does not reproduce (see REPRODUCED) is ignored with a warning, as are
 * capacity dilution, low-performer exits and onboarding capacity.
 */
import { InputError, issue, type InputIssue } from '../errors.js';
import { parseScenario, type Scenario } from '../scenario.js';
import { compile } from '../compile.js';
import { createStreams, globalStream, nextU, seedStream, seedTrialStreams, GLOBALS, PURPOSES } from '../random/streams.js';
import { GLOBAL, PURPOSE } from '../mechanisms/registry.js';
import { trialKey } from '../random/trialKey.js';
import { poisson } from '../random/poisson.js';
import { lognormal } from '../random/lognormal.js';
import { empiricalQuantile } from '../random/empiricalTable.js';
import { assignTiers } from '../mechanisms/reps/reps.js';
import { drawDealMultiplier, drawWinRate, pickTier } from '../kernel/holder.js';
import { drawTimeToFill, rampMultiplier } from '../mechanisms/hiring/hiring.js';
import { territoryYield } from '../mechanisms/territories/territories.js';
import { MECHANISMS, type MechanismName } from '../mechanisms/registry.js';
import { calendarStart, moveOnCalendar } from '../mechanismHistory.js';

/**
 * The mechanisms this generator reproduces (or that leave no trace in a CRM export: costs). Every other
 * mechanism of the registry that is on gets a warning, so a new mechanism is reported until it is added here.
 */
const REPRODUCED: ReadonlySet<MechanismName> = new Set<MechanismName>(['reps', 'hiring', 'attrition', 'territories', 'market', 'costs']);
import { toCsv } from './csv.js';
import { seatCount } from '../seatCount.js';
import { checkAbort } from '../abort.js';
import { daysInMonth, formatDate, parseMonth } from './dates.js';
import { normal } from '../random/normal.js';
import { checkRealism, drawInitialAge, hazardAt, initialAgeWeights, isQuarterEnd, type Realism } from './realism.js';

/** Options of `synthesize`; `resolveByAge`, `quarterEndWin`, `arrivalDrift`: engine/calibrate/realism.ts. */
export interface SynthOptions extends Realism {
  /** months of history, 1..120 */
  months: number;
  /** first month `YYYY-MM` (default 2025-01) */
  start?: string;
  /** seed (default: the scenario's) */
  seed?: number;
  /** also return the roster (default: when the scenario has hiring or attrition) */
  roster?: boolean;
  /**
   * Pre-pipeline rows per seated rep-month (default 0): prospects in stage `Prospecting` with an owner but
   * no created date, close date or amount, as real exports list them. Deterministic (no random draws), so
   * the opportunities are the same with or without them.
   */
  prospects?: number;
  /** refuse (InputError naming reps.opportunitiesPerMonth) when the history's expected rows exceed this (a server's memory cap) */
  maxRows?: number;
}

/** Synthetic history: CSV texts and warnings about ignored mechanisms. */
export interface SynthResult {
  opportunities: string;
  /** present when the scenario has hiring or attrition, or `roster: true` */
  roster?: string;
  warnings: string[];
}

interface Opp {
  id: number;
  owner: number;
  created: number;
  createdDay: number;
  closed: number | null;
  closedDay: number;
  stage: string;
  amount: number | null;
}

interface Person {
  name: string;
  territory: string;
  hired: number;
  hiredDay: number;
  exited: number | null;
  exitedDay: number;
}

export const OPPORTUNITY_COLUMNS = ['Opportunity Name', 'Opportunity Owner', 'Created Date', 'Close Date', 'Stage', 'Amount'];
export const ROSTER_COLUMNS = ['Name', 'Territory', 'Hire Date', 'Exit Date'];
/** The stage of synthetic pre-pipeline rows (`prospects`). */
export const PRE_PIPELINE_STAGE = 'Prospecting';
export const STAGES = { won: 'Closed Won', lost: 'Closed Lost', noDecision: 'Closed - No Decision', dropped: 'Dropped', open: 'Qualification' };

/**
 * The first month of a history of the scenario's plan year: its market's calendar start, else 2025-01.
 * @example planYearStart(parseScenario({ reps: { seats: 1, opportunitiesPerMonth: 1, winRate: 0.2, dealSize: 1 } })) // '2025-01'
 */
export function planYearStart(s: Scenario): string {
  return calendarStart(s) ?? '2025-01';
}

/**
 * The scenario a history of `months` from calendar month `start0` (year x 12 + month - 1) follows: its
 * horizon is the history, planned hires past it are dropped, and a market moves with the calendar (month 1 is
 * the history's first; the scenario's base month, or start, keeps its growth anchor).
 * @example historyScenario(parseScenario(s), 18, parseMonth('2024-07')!).horizonMonths // 18
 */
export function historyScenario(base: Scenario, months: number, start0: number): Scenario {
  const startText = `${Math.floor(start0 / 12)}-${String((start0 % 12) + 1).padStart(2, '0')}`;
  const moved = moveOnCalendar(base, base as unknown as Record<string, unknown>, { shift: 0, months, start: startText, origin: startText, forecast: false }).set;
  return parseScenario({ ...base, horizonMonths: months, ...moved });
}

/**
 * Expected rows of a synthetic CRM history (`synthesize`): every opportunity of every
 * seat (a steady-state start's open pipeline included) and the prospect rows.
 * @example synthesisRows(parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 5, winRate: 0.3, dealSize: 1, initialPipeline: 'empty' } }), 12) // 120
 */
export function synthesisRows(s: Scenario, months: number, prospects = 0): number {
  const seats = Math.max(1, seatCount(s));
  const c = compile(s);
  let market = 0;
  for (let m = 0; m < Math.min(months, c.market.length); m++) market += c.market[m];
  const steady = s.reps.initialPipeline === 'steady-state' ? s.reps.opportunitiesPerMonth * Math.max(0, s.reps.cycleMonths - 1) : 0;
  return seats * (s.reps.opportunitiesPerMonth * market + steady + prospects * months);
}

/**
 * Refuses (an InputError) a history of `months` of the history scenario `s` (`historyScenario`) over
 * `maxRows` expected rows (a server's memory cap), before any row is made: naming
 * `reps.opportunitiesPerMonth` with the largest value that fits and, when fewer months would fit, `months`
 * with the most that do (first when the caller asked for the months).
 * @example checkHistoryRows(s, 12, 0, 500_000, true) // nothing for a small team
 */
export function checkHistoryRows(s: Scenario, months: number, prospects: number, maxRows: number, monthsFirst: boolean): void {
  const rows = synthesisRows(s, months, prospects);
  if (rows <= maxRows) return;
  const what = `a synthetic history of about ${Math.round(rows)} rows is over the limit of ${maxRows} rows (seats x opportunitiesPerMonth x months${prospects > 0 ? ', with the prospects' : ''})`;
  const errors: InputIssue[] = [issue('reps.opportunitiesPerMonth', `${what}: the largest value that fits is ${Math.floor(s.reps.opportunitiesPerMonth * (maxRows / rows))}`)];
  // the most months that fit (the rows grow with the months): a bisection on the same count
  let lo = 0;
  let hi = months;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (synthesisRows(s, mid, prospects) <= maxRows) lo = mid;
    else hi = mid;
  }
  if (lo >= 1) {
    const byMonths = issue('months', `${what}: at most ${lo} months fit`);
    if (monthsFirst) errors.unshift(byMonths);
    else errors.push(byMonths);
  }
  throw new InputError(errors);
}

/**
 * Generates `months` of CRM history for a scenario (object, YAML/JSON text or resolved Scenario).
 * @example synthesize({ reps: { seats: 5, opportunitiesPerMonth: 3, winRate: 0.3, dealSize: 20000 } }, { months: 12, seed: 1 }).opportunities.split('\n')[0] // 'Opportunity Name,Opportunity Owner,Created Date,Close Date,Stage,Amount'
 */
export function synthesize(input: Scenario | string | object, opts: SynthOptions): SynthResult {
  const months = opts.months;
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new InputError([issue('months', `must be a whole number between 1 and 120 (got ${months})`)]);
  const start0 = parseMonth(opts.start ?? '2025-01');
  if (start0 === null) throw new InputError([issue('start', `'${opts.start}' must be a month YYYY-MM`)]);
  const base = parseScenario(input);
  const seed = opts.seed ?? base.seed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new InputError([issue('seed', 'must be a whole number between 0 and 4294967295')]);
  const s = historyScenario(base, months, start0);
  checkRealism(opts);
  if (opts.prospects !== undefined && !(Number.isFinite(opts.prospects) && opts.prospects >= 0 && opts.prospects <= 1000))
    throw new InputError([issue('prospects', `must be a number between 0 and 1000 (got ${opts.prospects})`)]);
  const hz = opts.resolveByAge ?? base.resolution?.byAge ?? null;
  const qWin = opts.quarterEndWin ?? 1;
  const drift = opts.arrivalDrift ?? 0;
  const warnings: string[] = [];
  for (const mech of MECHANISMS) if (mech.on(s) && !REPRODUCED.has(mech.name)) warnings.push(`${mech.label} is not modelled in synthetic history (ignored)`);
  if (s.reps.capacity !== null) warnings.push('reps.capacity is not modelled in synthetic history (ignored)');
  if (s.attrition?.lowPerformerExit) warnings.push('attrition.lowPerformerExit is not modelled in synthetic history (ignored)');
  if (s.hiring?.onboardingCapacityPerMonth != null) warnings.push('hiring.onboardingCapacityPerMonth is not modelled in synthetic history (ignored)');
  if (opts.maxRows !== undefined) checkHistoryRows(s, months, opts.prospects ?? 0, opts.maxRows, false);
  const c = compile(s);
  const N = c.seats;
  // engine streams, then one history stream per seat for dates and per-opportunity draws
  // (one more stream, after the history streams, for the arrival drift: the others are seeded as without it)
  const S = createStreams(N * PURPOSES + GLOBALS + N + 1);
  const key = new Int32Array(2);
  trialKey(seed, 0, key);
  seedTrialStreams(S, N, key[0], key[1]);
  const H0 = N * PURPOSES + GLOBALS;
  for (let i = 0; i < N; i++) seedStream(S, H0 + i, key[0], key[1], 0x4000_0000 + i);
  seedStream(S, H0 + N, key[0], key[1], 0x3fff_ffff);
  const ageWeights = hz ? initialAgeWeights(hz) : null;
  let logDrift = 0;
  const st = (seat: number, p: number) => seat * PURPOSES + p;

  const people: Person[] = [];
  const opps: Opp[] = [];
  const open: Opp[][] = Array.from({ length: N }, () => []);
  const holder = new Int32Array(N).fill(-1);
  const status = new Int8Array(N); // 0 closed/not open yet, 1 seated, 2 vacant
  const fillAt = new Int32Array(N);
  const win = new Float64Array(N);
  const mult = new Float64Array(N);
  const hiredAt = new Int32Array(N);
  const isHire = new Int8Array(N);
  const tier = new Int32Array(Math.max(1, c.initialSeats));
  const territoryName = (seat: number) => s.territories[c.seatTerritory[seat]].name;
  const day = (seat: number, month: number, from = 1) => {
    const cal = start0 + month - 1;
    const dim = daysInMonth(Math.floor(cal / 12), (cal % 12) + 1);
    return from + Math.floor(nextU(S, H0 + seat) * (dim - from + 1));
  };
  const newOpp = (seat: number, month: number): Opp => {
    const o: Opp = { id: opps.length + 1, owner: holder[seat], created: month, createdDay: day(seat, month), closed: null, closedDay: 0, stage: STAGES.open, amount: null };
    opps.push(o);
    open[seat].push(o);
    return o;
  };
  const seatRep = (seat: number, m: number, hire: boolean) => {
    // the engine's attribute draws for a new holder, in its order
    const a = st(seat, PURPOSE.attributes);
    mult[seat] = drawDealMultiplier(S, a, c.dealSpread);
    const u = nextU(S, a);
    const dist = hire ? c.hireWinRate : c.winRate;
    win[seat] = drawWinRate(dist, hire ? pickTier(dist, u) : tier[seat], S, a);
    status[seat] = 1;
    isHire[seat] = hire ? 1 : 0;
    hiredAt[seat] = hire ? m : 1 - (c.rampMonths + 12 + Math.floor(nextU(S, H0 + seat) * 36));
    holder[seat] = people.length;
    people.push({ name: `Rep ${String(people.length + 1).padStart(3, '0')}`, territory: territoryName(seat), hired: hiredAt[seat], hiredDay: 1, exited: null, exitedDay: 0 });
    if (hire) people[holder[seat]].hiredDay = day(seat, m);
    for (const o of open[seat]) o.owner = holder[seat];
  };

  assignTiers(c.winRate, c.initialSeats, S, globalStream(N, GLOBAL.tiers), tier);
  for (let i = 0; i < c.initialSeats; i++) seatRep(i, 0, false);
  const demand = new Float64Array(N);
  const tDemand = new Float64Array(c.territories);
  for (let m = 1; m <= months; m++) {
    checkAbort(); // a server's cancelled request stops here (engine/abort.ts)
    if (drift > 0 && m > 1) logDrift += drift * normal(S, H0 + N);
    const driftFactor = Math.exp(logDrift);
    // 1. seat fills
    if (c.hiring) {
      for (let i = c.initialSeats; i < N; i++) {
        if (c.seatOpens[i] === m) {
          status[i] = 2;
          fillAt[i] = m + drawTimeToFill(S, st(i, PURPOSE.fill), c.ttfMean, c.ttfSd);
        }
      }
      for (let i = 0; i < N; i++) if (status[i] === 2 && fillAt[i] <= m) seatRep(i, m, true);
    }
    // 3-4. ramp, demand, territory saturation, arrivals (steady-state pipeline before month 1's)
    tDemand.fill(0);
    for (let i = 0; i < N; i++) {
      demand[i] = 0;
      if (status[i] !== 1) continue;
      const r = isHire[i] ? rampMultiplier(c.rampCurve, c.rampMonths, m - hiredAt[i] + 1) : 1;
      demand[i] = c.rate * r;
      tDemand[c.seatTerritory[i]] += demand[i];
    }
    for (let i = 0; i < N; i++) {
      if (status[i] !== 1) continue;
      const D = tDemand[c.seatTerritory[i]];
      const lam = D > 0 ? ((demand[i] * territoryYield(c.potential[c.seatTerritory[i]], D)) / D) * c.market[m - 1] * driftFactor : 0;
      if (m === 1 && c.steadyStart && !isHire[i] && ageWeights) {
        // the stationary open book under the age hazard (ages 1..MAX_INITIAL_AGE, stale ones included)
        const n0 = poisson(S, st(i, PURPOSE.initial), lam * ageWeights[ageWeights.length - 1]);
        for (let k = 0; k < n0; k++) newOpp(i, 1 - drawInitialAge(ageWeights, nextU(S, H0 + i)));
      } else if (m === 1 && c.steadyStart && !isHire[i] && c.cycle > 1) {
        const n0 = poisson(S, st(i, PURPOSE.initial), lam * (c.cycle - 1));
        const q = 1 - c.pResolve;
        for (let k = 0; k < n0; k++) {
          const age = Math.floor(Math.log(nextU(S, H0 + i)) / Math.log(q));
          newOpp(i, -age);
        }
      }
      const n = poisson(S, st(i, PURPOSE.arrivals), lam);
      for (let k = 0; k < n; k++) newOpp(i, m);
    }
    // 6. resolutions (vacant seats' pipelines resolve at the leaver's win rate)
    for (let i = 0; i < N; i++) {
      if (open[i].length === 0) continue;
      const rs = st(i, PURPOSE.resolutions);
      const keep: Opp[] = [];
      const winNow = isQuarterEnd(start0 + m - 1) ? Math.min(1, win[i] * qWin) : win[i];
      for (const o of open[i]) {
        if (nextU(S, rs) >= (hz ? hazardAt(hz, m - o.created) : c.pResolve)) {
          keep.push(o);
          continue;
        }
        o.closed = m;
        o.closedDay = day(i, m, o.created === m ? o.createdDay : 1);
        if (nextU(S, rs) < c.noDecision) o.stage = STAGES.noDecision;
        else if (nextU(S, rs) < winNow) {
          o.stage = STAGES.won;
          o.amount = (c.dealEmpirical ? empiricalQuantile(c.dealEmpirical, nextU(S, st(i, PURPOSE.deals))) : lognormal(S, st(i, PURPOSE.deals), c.dealMedian, c.dealSigma)) * mult[i];
        } else o.stage = STAGES.lost;
      }
      open[i] = keep;
    }
    // 8. exits at month end
    if (c.attrition) {
      for (let i = 0; i < N; i++) {
        if (status[i] !== 1) continue;
        const e = st(i, PURPOSE.exits);
        if (!(nextU(S, e) < c.hazard)) continue;
        const p = people[holder[i]];
        p.exited = m;
        p.exitedDay = day(i, m);
        const keep: Opp[] = [];
        for (const o of open[i]) {
          if (nextU(S, H0 + i) < c.pipelineLoss) {
            o.stage = STAGES.dropped;
            o.closed = m;
            o.closedDay = Math.max(p.exitedDay, o.created === m ? o.createdDay : 1);
          } else keep.push(o);
        }
        open[i] = keep;
        if (c.backfill) {
          status[i] = 2;
          fillAt[i] = m + 1 + drawTimeToFill(S, st(i, PURPOSE.fill), c.ttfMean, c.ttfSd);
        } else status[i] = 0;
      }
    }
  }

  const date = (month: number, d: number) => {
    const cal = start0 + month - 1;
    return formatDate({ year: Math.floor(cal / 12), month: (cal % 12) + 1, day: d });
  };
  const sorted = opps.slice().sort((a, b) => a.created - b.created || a.createdDay - b.createdDay || a.id - b.id);
  const rows = [OPPORTUNITY_COLUMNS];
  for (const o of sorted) {
    rows.push([
      `Opp ${String(o.id).padStart(6, '0')}`,
      people[o.owner].name,
      date(o.created, o.createdDay),
      o.closed === null ? '' : date(o.closed, o.closedDay),
      o.stage,
      o.amount === null ? '' : o.amount.toFixed(2),
    ]);
  }
  if (opts.prospects && opts.prospects > 0) {
    // pre-pipeline rows: prospects of each person, spread over the months they were seated (no random draws)
    let acc = 0;
    let k = 0;
    people.forEach((p, idx) => {
      const first = Math.max(1, p.hired);
      const last = p.exited ?? months;
      for (let m = first; m <= last; m++) {
        acc += opts.prospects!;
        for (; acc >= 1; acc--) rows.push([`Prospect ${String(++k).padStart(6, '0')}`, people[idx].name, '', '', PRE_PIPELINE_STAGE, '']);
      }
    });
  }
  const result: SynthResult = { opportunities: toCsv(rows), warnings };
  if (opts.roster ?? !!(s.hiring || s.attrition)) {
    const r = [ROSTER_COLUMNS];
    for (const p of people) {
      const hiredDay = p.hired >= 1 ? p.hiredDay : 1;
      r.push([p.name, p.territory, date(p.hired, hiredDay), p.exited === null ? '' : date(p.exited, p.exitedDay)]);
    }
    result.roster = toCsv(r);
  }
  return result;
}
