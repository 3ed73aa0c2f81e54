/**
 * Calibrates a scenario from CRM history: reads the opportunity export (and optionally a roster), runs
 * each fit, and returns the scenario (plain object in scenario-file form), its commented YAML and a
 * report listing every fitted parameter with its standard error and method, the rows used and rejected,
 * and warnings.
 *
 * The observation window defaults to [the month of the earliest close date, the latest month of any date]:
 * the CRM is taken to record everything resolving from its first close onwards, so opportunities created
 * before the window are left-truncated (used for the cycle only from the window's start) and opportunities
 * still open are right-censored at the window's end.
 */
import { InputError, issue, type InputIssue } from '../errors.js';
import { parseScenario } from '../scenario.js';
import { commentedYaml } from './commentedYaml.js';
import { formatMonth, parseMonth } from './dates.js';
import { fitArrivals, type ArrivalFit, type RepMonth } from './fitArrivals.js';
import { fitCycle, type CycleFit } from './fitCycle.js';
import { fitDrift, driftHorizon, type DriftFit } from './fitDrift.js';
import { fitResolveByQuarter, fitWinByQuarter, fitWinDispersion, type QuarterEffect, type WinDispersion } from './fitCalendar.js';
import { fitHazard, hazardTest, staleShare, type HazardFit, type HazardTest } from './fitHazard.js';
import { fitMarket, type MarketFit, type MonthCount } from './fitMarket.js';
import { chooseDealSize, fitDealSize, type DealSizeChoice, type DealSizeFit } from './fitDealSize.js';
import { fitRoster, type RosterFit } from './fitRoster.js';
import { fitTiers, type TiersResult } from './fitTiers.js';
import { fitWinRate, type RepRecord, type WinRateFit } from './fitWinRate.js';
import { fitTrends, scaleWinRate, type TrendReport } from './fitTrend.js';
import { resolveMapping, type MappingInput } from './mapping.js';
import { prePipelineWarning, readOpportunities, type Opportunity } from './opportunities.js';
import { cutAsOf, parseAsOf, type AsOfCut } from './cutAsOf.js';
import { param, type FittedParameter } from './parameter.js';
import { sig, sigText } from '../stats/sig.js';
import { calibratedFromArrivals, calibratedFromRoster } from '../mechanismHistory.js';
import { betaFromSe, jeffreysBeta, lognormalFromSe, type UncertainInput } from './parameterUncertainty.js';
import { medianInPlace } from '../uncertainty/medianInPlace.js';
import { readRoster, type RosterEntry } from './roster.js';

/** Options of `calibrate`. */
export interface CalibrateOptions {
  /** write a kept win-rate or deal-size trend as the drift block (default: reported only; a past trend need not continue) */
  trend?: boolean;
  /** roster CSV text (name, territory, hire date, exit date) */
  roster?: string | null;
  /** column / stage / date-order mapping: an object or YAML/JSON text */
  mapping?: MappingInput | string | null;
  /** window bounds `YYYY-MM` (defaults in the module comment) */
  from?: string | null;
  to?: string | null;
  /**
   * `YYYY-MM-DD`: fit only what was known at the end of that day (engine/calibrate/cutAsOf.ts): rows created
   * later dropped, rows decided later shown open. `to` defaults to the as-of month and may not be after it.
   */
  asOf?: string | null;
  /** 'error' (default): any bad row is an InputError; 'skip': bad rows are rejected and listed */
  invalidRows?: 'error' | 'skip';
  /**
   * true: write point estimates only; default false: the fitted rates are also written as distributions
   * (`uncertainty.parameters`, engine/calibrate/parameterUncertainty.ts) that every trial draws
   */
  point?: boolean;
  /** the fitted scenario's name and horizon */
  name?: string;
  horizonMonths?: number;
  /** file name shown in the YAML header */
  source?: string;
}

/** The fit report. */
export interface CalibrationReport {
  parameters: FittedParameter[];
  /** prePipeline: rows with no created date in a pre-pipeline stage (not opportunities yet), excluded */
  rows: { total: number; used: number; rejected: number; open: number; prePipeline: number; rejections: InputIssue[] };
  warnings: string[];
  window: { from: string; to: string; months: number };
  /** the honest cut (`asOf`): the day, rows created later (dropped), rows decided later (taken as open); null without */
  asOf: { date: string; createdLater: number; decidedLater: number } | null;
  reps: WinRateFit['reps'];
  tiersTest: { test: string; bicSingle: number; bicMixture: number; tiers: boolean };
  productivity: ArrivalFit['productivity'];
  cycle: { naiveMeanMonths: number; resolutions: number; monthsAtRisk: number };
  /**
   * Resolution by age (engine/calibrate/fitHazard.ts): the censored hazard table, the test against one constant
   * rate (the scenario gets `resolution.byAge` when it is kept), and the open book at the window's end: its
   * deals and the share older than any age at which a deal ever resolved (stale: the table gives them no chance).
   */
  resolution: { fit: HazardFit; test: HazardTest; kept: boolean; openAtEnd: number; staleShare: number };
  /** calendar effects by month of the quarter on the win rate and on resolving (engine/calibrate/fitCalendar.ts); kept ones are in resolution.monthInQuarter */
  calendar: { win: QuarterEffect; resolve: QuarterEffect };
  /** month-to-month variation of the win rate beyond binomial; when kept, its variance over the horizon widens the win rate's distribution */
  winDispersion: WinDispersion;
  /** drift and over-dispersion of the monthly opportunity rate (engine/calibrate/fitDrift.ts); null under 6 months */
  drift: DriftFit | null;
  /** trends of the win rate and deal size over the window (engine/calibrate/fitTrend.ts); kept ones are the scenario's drift block */
  trend: TrendReport;
  attrition: { exits: number; repMonths: number; backfilled: number; hires: number } | null;
  /** the deal-size distribution chosen (lognormal or empirical), the test that chose it, and the means */
  dealSize: DealSizeChoice;
  /**
   * Mean revenue per month the fitted scenario implies at its seats in steady state (in its first month, before seasonality):
   * seats x opportunitiesPerMonth x winRate mean x (1 - noDecisionRate) x mean deal, SE by the delta method
   * (relative SEs of the factors combined as independent).
   */
  revenue: { meanMonthly: number; se: number };
  /** the market tests (growth, seasonality) and the fitted terms; the scenario has a market block when a term is kept */
  market: Omit<MarketFit, 'rateAt'>;
}

/**
 * The months each owner counts as seated without a roster, keyed by the lower-cased owner, inside
 * [from, to]: from their first activity to their last.
 *
 * - Last: the last month they created an opportunity (a leaver's deals that close while the seat is
 *   vacant keep the leaver's name, so closes do not extend it).
 * - First: the later of their first created month and their first close month, when they have a close:
 *   CRMs hand a leaver's open opportunities to the successor with their old created dates, so a created
 *   date alone would seat the successor during the predecessor's tenure; a close is the owner's own.
 * - A quiet stretch at either edge of the window is not an arrival or an exit unless it is too long for
 *   chance: with the owner's own rate r (created / months of the span), k months without a creation have
 *   probability exp(-r k); below `alpha` (k r > -ln alpha) the owner is taken to have joined or left,
 *   otherwise the span is extended to the window's edge. At the end any activity counts (created or close).
 *   The rate's exposure uses alpha = 1% (months lost at the edges and months gained for recent leavers
 *   balance); the seat count at the end uses 1e-4, so that a team of 50 is not cut short by chance.
 *
 * Opportunities created outside their owner's span still count toward the rate.
 * @example activitySpans(opps, from, to).get('ana') // { first: 24300, last: 24311 }
 */
export function activitySpans(opps: readonly Opportunity[], from: number, to: number, alpha = 0.01): Map<string, { first: number; last: number }> {
  type Acc = { first: number; last: number; n: number; firstClose: number; lastClose: number };
  const acc = new Map<string, Acc>();
  const closes = new Map<string, { first: number; last: number }>();
  for (const o of opps) {
    const k = o.owner.toLowerCase();
    if (o.createdMonth >= from && o.createdMonth <= to) {
      const a = acc.get(k);
      if (!a) acc.set(k, { first: o.createdMonth, last: o.createdMonth, n: 1, firstClose: Infinity, lastClose: -Infinity });
      else {
        a.n++;
        if (o.createdMonth < a.first) a.first = o.createdMonth;
        if (o.createdMonth > a.last) a.last = o.createdMonth;
      }
    }
    if (o.closedMonth !== null && o.closedMonth >= from && o.closedMonth <= to) {
      const c = closes.get(k);
      if (!c) closes.set(k, { first: o.closedMonth, last: o.closedMonth });
      else {
        c.first = Math.min(c.first, o.closedMonth);
        c.last = Math.max(c.last, o.closedMonth);
      }
    }
  }
  const LIMIT = -Math.log(alpha);
  const out = new Map<string, { first: number; last: number }>();
  for (const [k, a] of acc) {
    const c = closes.get(k);
    let first = c ? Math.min(a.last, Math.max(a.first, c.first)) : a.first;
    let last = a.last;
    const rate = a.n / (last - first + 1);
    if ((first - from) * rate < LIMIT) first = from;
    if ((to - Math.max(last, c ? c.last : -Infinity)) * rate < LIMIT) last = to;
    out.set(k, { first, last });
  }
  return out;
}

/** What `calibrate` returns. */
export interface CalibrationResult {
  scenario: Record<string, unknown>;
  yaml: string;
  report: CalibrationReport;
}

/** Rounds to significant digits (engine/stats/sig.ts, where mechanisms' calibration finds it too). */
export { sig };

const fmt = sigText;

/** A distribution's numbers to 4 significant digits (the file stays readable). */
function roundDistribution(d: UncertainInput['distribution']): UncertainInput['distribution'] {
  if ('beta' in d) return { beta: { mean: sig(d.beta.mean), concentration: sig(d.beta.concentration) } };
  if ('lognormal' in d) return { lognormal: { median: sig(d.lognormal.median), sigma: sig(d.lognormal.sigma) } };
  return d;
}

/**
 * Fits a scenario to an opportunity export.
 * @example const { scenario, report } = calibrate(csvText, { roster: rosterText }); report.parameters[0].path // 'reps.winRate.mean'
 */
export function calibrate(csvText: string, options: CalibrateOptions = {}): CalibrationResult {
  const mapping = resolveMapping(options.mapping ?? null);
  const table = readOpportunities(csvText, mapping, options.invalidRows ?? 'error');
  const warnings: string[] = [];
  if (table.prePipeline) warnings.push(prePipelineWarning(table.prePipeline, table.prePipelineStages));
  let cut: AsOfCut | null = null;
  if (options.asOf != null) {
    cut = cutAsOf(table.opportunities, parseAsOf(options.asOf));
    warnings.push(
      `as of ${options.asOf}: ${cut.createdLater} rows created later are dropped and ${cut.decidedLater} decided later are taken as open (no close date, no amount)${cut.monthEnd ? '' : `; ${options.asOf} is not a month end, so ${formatMonth(cut.asOfMonth)} is partly observed`}`,
    );
    if (!cut.opportunities.some((o) => o.outcome === 'won')) throw new InputError([issue('asOf', `no deal was won on or before ${options.asOf}: nothing to fit`)]);
  }
  const opps = cut ? cut.opportunities : table.opportunities;
  const allClosed = opps.filter((o) => o.outcome === 'won' || o.outcome === 'lost' || o.outcome === 'noDecision');

  // observation window
  const monthOpt = (v: string | null | undefined, name: string) => {
    if (v === null || v === undefined) return null;
    const m = parseMonth(v);
    if (m === null) throw new InputError([issue(name, `'${v}' must be a month YYYY-MM`)]);
    return m;
  };
  // loops, not Math.min(...spread): exports can have more rows than a call has arguments
  let firstClose = Infinity;
  for (const o of allClosed) firstClose = Math.min(firstClose, o.closedMonth!);
  let lastDate = -Infinity;
  for (const o of opps) lastDate = Math.max(lastDate, o.createdMonth, o.closedMonth ?? -Infinity);
  const from = monthOpt(options.from, 'from') ?? firstClose;
  const to = monthOpt(options.to, 'to') ?? (cut ? cut.asOfMonth : lastDate);
  if (cut && to > cut.asOfMonth) throw new InputError([issue('to', `must not be after the as-of month ${formatMonth(cut.asOfMonth)} (got ${formatMonth(to)})`)]);
  if (from > to) throw new InputError([issue('from', `must not be after to (${formatMonth(from)} > ${formatMonth(to)})`)]);
  const months = to - from + 1;
  // every fitted quantity respects the window: win rates, deal sizes and the no-decision rate use the deals
  // decided inside [from, to]; a deal decided after `to` was open at its end (it counts for the cycle, censored)
  const inWindow = (o: Opportunity) => o.closedMonth !== null && o.closedMonth >= from && o.closedMonth <= to;
  const closed = allClosed.filter(inWindow);
  const decidedBefore = allClosed.filter((o) => o.closedMonth! < from).length;
  const decidedAfter = allClosed.filter((o) => o.closedMonth! > to).length;
  const late = opps.filter((o) => o.createdMonth > to).length;
  if (late) warnings.push(`${late} opportunities created after ${formatMonth(to)} are outside the window: not used for any rate`);
  if (decidedBefore || decidedAfter)
    warnings.push(
      `win rates, deal sizes and the no-decision rate use the ${closed.length} deals decided in ${formatMonth(from)} .. ${formatMonth(to)}; ${[decidedBefore ? `${decidedBefore} decided before` : '', decidedAfter ? `${decidedAfter} decided after (open at the window's end, censored in the cycle)` : ''].filter(Boolean).join(' and ')} are not used for them`,
    );

  // win rates
  const byOwner = new Map<string, RepRecord>();
  const amounts = new Map<string, number[]>();
  // owners are matched case-insensitively (as against the roster); the first spelling seen is shown
  for (const o of opps) {
    const key = o.owner.toLowerCase();
    const r = byOwner.get(key) ?? { owner: o.owner, wins: 0, decided: 0 };
    byOwner.set(key, r);
    if ((o.outcome === 'won' || o.outcome === 'lost') && inWindow(o)) {
      r.decided++;
      if (o.outcome === 'won') {
        r.wins++;
        const a = amounts.get(key) ?? [];
        a.push(o.amount!);
        amounts.set(key, a);
      }
    }
  }
  const repRecords = [...byOwner.values()].sort((a, b) => a.owner.localeCompare(b.owner));
  const win = fitWinRate(repRecords);
  const tiers: TiersResult = fitTiers(repRecords, win.logLik);
  const thin = repRecords.filter((r) => r.decided < 10).length;
  if (thin) warnings.push(`${thin} of ${repRecords.length} reps have fewer than 10 decided deals: their own win rates are shrunk strongly toward the team mean`);
  if (win.atLowerBound) warnings.push(`reps' win rates look all-or-nothing (concentration at its floor ${sig(win.concentration, 2)}): too few decided deals per rep to measure their spread; review reps.winRate.concentration`);
  if (win.atBound) warnings.push(`reps' win rates show no spread beyond chance: concentration is not identifiable, the scenario uses one win rate for all`);
  const openCount = opps.filter((o) => o.outcome === 'open' && o.createdMonth <= to).length;
  if (openCount) warnings.push(`${openCount} open opportunities are excluded from win rates and deal sizes (they count for the cycle, censored at ${formatMonth(to)}, and for the opportunity rate)`);
  if (table.currencies.length > 1) warnings.push(`amounts are in ${table.currencies.length} currencies (${table.currencies.join(', ')}) and are treated as one: convert them first`);

  // deal size
  const wonCount = [...amounts.values()].reduce((s, a) => s + a.length, 0);
  if (wonCount < 2) throw new InputError([issue(`columns.${mapping.columns.stage}`, `has ${wonCount} won deal(s) closed in ${formatMonth(from)} .. ${formatMonth(to)}; at least 2 are needed to fit deal sizes`)]);
  const deal: DealSizeFit = fitDealSize(amounts);
  const wonAmounts = [...amounts.values()].flat();
  const dealChoice: DealSizeChoice = chooseDealSize(wonAmounts, deal);
  const empirical = dealChoice.distribution === 'empirical';
  if (empirical) warnings.push(`deal sizes: ${dealChoice.reason}: the scenario uses the ${wonAmounts.length} won amounts as they are (reps.dealSize.empirical), mean ${sig(dealChoice.meanWon)}`);
  const trends = fitTrends(closed, from, months, options.horizonMonths ?? 12, empirical, options.trend === true);
  warnings.push(...trends.warnings);
  if (empirical && deal.spread > 0) warnings.push(`won amounts differ between reps (ANOVA p = ${fmt(deal.spreadTestP, 2)}); the empirical deal sizes already hold that spread, so reps.repDealSizeSpread is left out`);

  // no decision
  const nd = closed.filter((o) => o.outcome === 'noDecision').length;
  const ndRate = nd / closed.length;
  if (nd === 0) warnings.push(`no opportunity ended in no decision (stages matching ${mapping.stages.noDecision.join(', ')}): noDecisionRate is 0; map the stage with stages.noDecision if your CRM records it`);

  // cycle
  const cycle: CycleFit = fitCycle(
    opps.map((o) => ({
      createdMonth: o.createdMonth,
      resolvedMonth: o.outcome === 'won' || o.outcome === 'lost' || o.outcome === 'noDecision' ? o.closedMonth : null,
      droppedMonth: o.outcome === 'dropped' ? o.closedMonth : null,
    })),
    from,
    to,
  );

  // resolution by age: censored at the window's end (deals decided after it are open then)
  const records = opps.map((o) => ({ createdMonth: o.createdMonth, resolvedMonth: o.outcome === 'won' || o.outcome === 'lost' || o.outcome === 'noDecision' ? o.closedMonth : null, outcome: o.outcome, droppedMonth: o.outcome === 'dropped' ? o.closedMonth : null }));
  const hazard: HazardFit = fitHazard(records, from, to);
  const hTest = hazardTest(hazard);
  // calendar effects by month of the quarter: on the win rate, and on resolving given the chance by age
  const decidedDeals = closed.filter((o) => o.outcome === 'won' || o.outcome === 'lost').map((o) => ({ closedMonth: o.closedMonth!, won: o.outcome === 'won' }));
  const qWin = fitWinByQuarter(decidedDeals);
  const winDisp: WinDispersion = fitWinDispersion(decidedDeals, qWin);
  const qRes = fitResolveByQuarter(records, hTest.kept ? hazard.hazard : [1 / cycle.cycleMonths], from, to);
  const qName = ['first', 'second', 'third'];
  if (winDisp.kept) warnings.push(`monthly win rates vary more than chance (${winDisp.test}: p = ${fmt(winDisp.pValue, 2)}): a monthly effect of sd ${sig(Math.sqrt(winDisp.tau2), 2)} widens the win rate's distribution${options.point ? ' (not written: --point)' : ''}`);
  for (const q of [qWin, qRes])
    if (q.kept) warnings.push(`${q.term === 'win' ? 'the win rate' : 'the chance of resolving'} varies with the month of the quarter (${q.test}: p = ${fmt(q.pValue, 2)}): x ${q.factors.map((f) => sig(f, 3)).join(', ')} in its ${qName.join(', ')} month (resolution.monthInQuarter.${q.term})`);
  const openAges = opps.filter((o) => o.createdMonth <= to && (o.closedMonth === null || o.closedMonth > to) && o.outcome !== 'dropped').map((o) => to - o.createdMonth + 1);
  const stale = staleShare(openAges, hazard);
  if (hTest.kept)
    warnings.push(
      `deals resolve at different rates by age (${hTest.test}: p = ${fmt(hTest.pValue, 2)}): the scenario resolves open deals by age (resolution.byAge); none resolved after ${hazard.maxResolvedAge} month-ends, so ${sig(stale * 100, 3)}% of the ${openAges.length} deals open at the end of ${formatMonth(to)} are stale (no chance to close)`,
    );
  else if (openAges.length) warnings.push(`the chance of resolving does not vary by age beyond chance (p = ${fmt(hTest.pValue, 2)}): one constant rate (reps.cycleMonths); ${sig(stale * 100, 3)}% of the ${openAges.length} deals open at the end are older than any deal that resolved`);

  // roster and arrivals
  let roster: RosterEntry[] | null = null;
  let rosterFit: RosterFit | null = null;
  if (options.roster) {
    roster = readRoster(options.roster, mapping);
    rosterFit = fitRoster(roster, from, to);
  } else warnings.push('no roster: each opportunity owner is taken as seated and fully ramped from their first to their last activity (created or close date) in the window (give --reps for attrition and ramp)');
  const created = new Map<string, Map<number, number>>();
  for (const o of opps) {
    if (o.createdMonth < from || o.createdMonth > to) continue;
    const m = created.get(o.owner.toLowerCase()) ?? new Map<number, number>();
    m.set(o.createdMonth, (m.get(o.createdMonth) ?? 0) + 1);
    created.set(o.owner.toLowerCase(), m);
  }
  const cells: RepMonth[] = [];
  let orphans = 0;
  const covered = new Set<string>();
  if (roster) {
    for (const p of roster) {
      const key = p.name.toLowerCase();
      covered.add(key);
      const s = Math.max(p.hiredMonth, from);
      const e = Math.min(p.exitedMonth ?? to, to);
      for (let m = s; m <= e; m++) cells.push({ tenure: m - p.hiredMonth + 1, count: created.get(key)?.get(m) ?? 0, month: m });
      // created in a month the owner was not seated: inherited from a predecessor (CRMs reassign open deals)
      for (const [m, c] of created.get(key) ?? []) if (m < s || m > e) orphans += c;
    }
  }
  const unknown = [...created.keys()].filter((k) => !covered.has(k));
  if (roster && unknown.length) warnings.push(`${unknown.length} opportunity owners are not in the roster (e.g. '${repRecords.find((r) => r.owner.toLowerCase() === unknown[0])?.owner ?? unknown[0]}'): taken as seated and ramped from their first to their last activity in the window`);
  // owners without a roster entry: seated from their first to their last activity (a created or close date) in the window
  const span = activitySpans(opps, from, to);
  for (const k of unknown) {
    const sp = span.get(k)!;
    for (let m = sp.first; m <= sp.last; m++) cells.push({ tenure: null, count: created.get(k)?.get(m) ?? 0, month: m });
    for (const [m, c] of created.get(k) ?? []) if (m < sp.first || m > sp.last) orphans += c;
  }
  const arrivals = fitArrivals(cells, roster !== null, orphans);

  // market: opportunities created per calendar month against seated (ramp-weighted) rep-months
  const byMonth: MonthCount[] = Array.from({ length: months }, (_, i) => ({ month: from + i, created: 0, exposure: 0 }));
  const R = arrivals.rampMonths ?? 0;
  for (const c of cells) if (c.month !== undefined) byMonth[c.month - from].exposure += c.tenure === null || R === 0 ? 1 : Math.min(1, c.tenure / R);
  for (const m of created.values()) for (const [mo, c] of m) byMonth[mo - from].created += c;
  const market: MarketFit = fitMarket(byMonth, from);
  const hasMarket = market.growth || market.seasonality;
  const forecastStart = to + 1;
  let rateFit = hasMarket ? market.rateAt(forecastStart) : { rate: arrivals.rate, se: arrivals.rateSe };
  // drift and over-dispersion of the monthly rate (without a market block, whose terms already move it)
  const horizonForRate = options.horizonMonths ?? 12;
  // with a market block, on the rates relative to the market's own (its growth and seasonality taken out)
  const relative = (mo: MonthCount) => {
    const e = market.rateAt(mo.month).rate * (market.seasonality ? market.multipliers[((mo.month % 12) + 12) % 12] : 1);
    return { created: mo.created, exposure: (mo.exposure * e) / rateFit.rate };
  };
  const driftMonths = hasMarket ? byMonth.map(relative) : byMonth;
  const drift: DriftFit | null = fitDrift(driftMonths);
  // the fitted variances are used as estimated, significant or not (choosing them by a pre-test would hide the
  // uncertainty of a short window, where drift cannot be told from chance); the test is reported
  // the random-walk variance integrated over its confidence distribution (fitDrift.ts's header): its ML
  // estimate is often 0 on short windows, where the plug-in would say the level cannot move
  const driftH = drift !== null && drift.level > 0 && (drift.q > 0 || drift.s2 > 0) ? driftHorizon(driftMonths, drift, horizonForRate) : null;
  const driftKept = drift !== null && driftH !== null && (hasMarket || driftH.level > 0);
  if (driftKept && hasMarket) {
    // the market's terms give the rate; the drift and monthly effect left around them widen it
    rateFit = { rate: rateFit.rate, se: Math.sqrt(rateFit.se ** 2 + driftH.varianceWithoutLevel) };
    warnings.push(`opportunities per rep-month ${drift.kept ? 'vary more than the market\'s terms and Poisson allow' : 'may vary more than the market\'s terms and Poisson allow (not significant; used as estimated)'} (${drift.test}: p = ${fmt(drift.pValue, 2)}): the rate's uncertainty over ${horizonForRate} months is widened to ± ${sig(rateFit.se, 3)}, drawn per trial`);
  } else if (driftKept) {
    rateFit = { rate: driftH.level, se: Math.sqrt(driftH.variance) };
    warnings.push(
      `opportunities per rep-month ${drift.kept ? 'drift or vary more than Poisson' : 'may drift or vary more than Poisson (not significant; used as estimated)'} from month to month (${drift.test}: p = ${fmt(drift.pValue, 2)}): the rate is the recent level ${sig(rateFit.rate, 3)} (the window's mean ${sig(drift.pooled, 3)}), ± ${sig(rateFit.se, 3)} over ${horizonForRate} months (level, drift and monthly effect, with the drift's variance over its confidence distribution), drawn per trial`,
    );
  }
  // the block that moves the rate over the calendar, written by its mechanism (engine/mechanisms/<name>/history.ts)
  const calendarBlocks = calibratedFromArrivals(market, formatMonth(forecastStart));
  for (const c of calendarBlocks) warnings.push(...c.warnings);

  // the scenario
  const P: FittedParameter[] = [];
  const comments: Record<string, string> = {};
  const add = (p: FittedParameter, comment?: string) => {
    P.push(p);
    comments[p.path] = comment ?? `± ${fmt(p.se)} (${p.method})`;
  };
  // a mechanism's parameter: listed, with its comment (undefined: its SE and method; null: none)
  const addCalibrated = (p: FittedParameter, comment: string | null | undefined) => (comment === null ? P.push(p) : add(p, comment ?? undefined));
  const bbMethod = 'empirical-Bayes beta-binomial, ML; SE from observed information';
  add(param('reps.winRate.mean', win.mean, win.meanSe, bbMethod));
  add(param('reps.winRate.concentration', win.concentration, win.concentrationSe, win.atBound ? 'beta-binomial ML at its cap (no spread detected)' : win.atLowerBound ? 'beta-binomial ML at its floor (spread not measurable)' : 'empirical-Bayes beta-binomial, ML on log k; SE = k x SE(log k) from observed information'));
  let winRate: unknown;
  if (tiers.tiers) {
    winRate = {
      tiers: tiers.tiers.map((t, i) => ({
        share: i === 0 ? sig(t.share, 3) : sig(1 - sig(tiers.tiers![0].share, 3), 6),
        mean: sig(t.mean),
        concentration: t.concentration === null ? null : sig(t.concentration, 3),
      })),
    };
    tiers.tiers.forEach((t, i) => {
      add(param(`reps.winRate.tiers[${i}].share`, t.share, t.shareSe, 'binomial mixture (EM)'));
      add(param(`reps.winRate.tiers[${i}].mean`, t.mean, t.meanSe, 'binomial mixture (EM)'));
    });
    warnings.push(`win rates are bimodal (BIC ${sig(tiers.bicMixture, 5)} for two tiers vs ${sig(tiers.bicSingle, 5)} for one Beta): the scenario uses tiers`);
  } else winRate = win.atBound ? sig(win.mean) : { mean: sig(win.mean), concentration: sig(win.concentration, 3) };
  winRate = scaleWinRate(winRate, trends.winLevel); // a kept trend: from the level of the month after the window
  for (const p of trends.params) add(p);
  const notUsed = empirical ? ' (not used: the scenario uses the empirical amounts)' : '';
  add(param('reps.dealSize.median', deal.median, deal.medianSe, (deal.spread > 0 ? 'lognormal ML with a random rep effect (one-way ANOVA)' : 'lognormal ML: exp(mean log amount); SE by delta method') + notUsed));
  add(param('reps.dealSize.sigma', deal.sigma, deal.sigmaSe, (deal.spread > 0 ? 'within-rep sd of log amounts' : 'lognormal ML: sd of log amounts; SE sigma/sqrt(2n)') + notUsed));
  comments['reps.dealSize.empirical'] = `the ${wonAmounts.length} won amounts as they are, sorted (mean ${fmt(dealChoice.meanWon, 6)} ± ${fmt(dealChoice.meanWonSe)}): ${dealChoice.reason}`;
  if (deal.spread > 0 && !empirical) add(param('reps.repDealSizeSpread', deal.spread, deal.spreadSe, `method of moments, one-way ANOVA F test p = ${fmt(deal.spreadTestP, 2)}`));
  add(param('reps.cycleMonths', cycle.cycleMonths, cycle.se, 'geometric ML, censored and left-truncated: month-ends at risk / resolutions'));
  add(
    param(
      'reps.opportunitiesPerMonth',
      rateFit.rate,
      rateFit.se,
      driftKept && !hasMarket
        ? 'local level (Kalman filter, ML variances; the random-walk variance over its profile-likelihood confidence distribution): the level at the window\'s end; SE over the horizon from the level, its drift and the monthly effect'
        : hasMarket
        ? `Poisson GLM of monthly counts with ${[market.growth ? 'growth' : '', market.seasonality ? 'month of year' : ''].filter(Boolean).join(' and ')}: the rate in ${formatMonth(forecastStart)} before seasonality; SE by delta method`
        : roster
          ? 'Poisson ML per rep-month, ramp-weighted (roster tenure)'
          : 'Poisson ML: created / rep-months',
    ),
  );
  for (const c of calendarBlocks) for (const { param: p, comment } of c.params) addCalibrated(p, comment);
  add(param('reps.noDecisionRate', ndRate, nd ? Math.sqrt((ndRate * (1 - ndRate)) / closed.length) : null, nd ? 'binomial proportion of resolved opportunities' : 'no stage maps to no decision'));

  const scenario: Record<string, unknown> = {
    name: options.name ?? 'Calibrated from CRM history',
    horizonMonths: options.horizonMonths ?? 12,
  };
  let seats: number;
  if (rosterFit && rosterFit.seatsByTerritory.length > 0) {
    seats = rosterFit.seatsByTerritory.reduce((s, t) => s + t.seats, 0);
    const named = rosterFit.seatsByTerritory.some((t) => roster!.some((r) => r.territory !== null && r.territory === t.name));
    if (named) {
      scenario.territories = rosterFit.seatsByTerritory.map((t) => ({ name: t.name, seats: t.seats, potential: null }));
      rosterFit.seatsByTerritory.forEach((t, i) => (comments[`territories[${i}].seats`] = `roster: seated at the end of ${formatMonth(to)}`));
    }
    P.push(param('reps.seats', seats, null, `roster: seated at the end of ${formatMonth(to)}`));
  } else {
    // seated at the window's end: owners whose span reaches it
    seats = [...activitySpans(opps, from, to, 1e-4).values()].filter((sp) => sp.last === to).length;
    P.push(param('reps.seats', seats, null, `owners seated at the end of ${formatMonth(to)}: first to last activity, no roster`));
  }
  comments['reps.seats'] = P[P.length - 1].method;
  const reps: Record<string, unknown> = {};
  if (!scenario.territories) reps.seats = seats;
  reps.opportunitiesPerMonth = sig(rateFit.rate);
  reps.winRate = winRate;
  reps.dealSize = empirical ? { empirical: wonAmounts.slice().sort((a, b) => a - b) } : { median: sig(deal.median * trends.dealLevel), sigma: sig(deal.sigma, 3) };
  if (deal.spread > 0 && !empirical) reps.repDealSizeSpread = sig(deal.spread, 3);
  reps.cycleMonths = Math.max(1, sig(cycle.cycleMonths, 3));
  reps.noDecisionRate = sig(ndRate, 3);
  scenario.reps = reps;
  if (trends.drift) scenario.drift = trends.drift;
  if (hTest.kept || qWin.kept || qRes.kept) {
    const calendar = qWin.kept || qRes.kept;
    const f3 = (q: QuarterEffect) => (q.kept ? q.factors.map((f) => sig(f, 3)) : [1, 1, 1]);
    scenario.resolution = {
      byAge: hTest.kept ? hazard.hazard.map((h) => sig(h, 3)) : [sig(1 / cycle.cycleMonths, 4)],
      ...(calendar ? { monthInQuarter: { resolve: f3(qRes), win: f3(qWin) }, start: formatMonth(to + 1) } : {}),
    };
    for (const q of [qWin, qRes]) if (q.kept) q.factors.forEach((f, k) => P.push(param(`resolution.monthInQuarter.${q.term}[${k}]`, f, q.se[k], `${q.term === 'win' ? 'won / decided in the month of the quarter, over the pooled rate' : 'resolutions / expected by age in the month of the quarter'} (${q.events[k]} of ${sig(q.base[k], 4)})`)));
    if (calendar) comments['resolution.monthInQuarter'] = 'factors on resolving and on the win rate in the first, second and third month of the quarter (kept by a likelihood-ratio test; the rest 1)';
    if (calendar) comments['resolution.start'] = 'the calendar month of month 1 (a forecast moves it to its own)';
    if (!hTest.kept) comments['resolution.byAge'] = 'one constant chance, 1 / cycleMonths (no age effect beyond chance)';
  }
  if (hTest.kept) {
    hazard.hazard.forEach((h, a) => P.push(param(`resolution.byAge[${a}]`, h, hazard.se[a], `censored life table: ${hazard.resolved[a]} resolutions / ${hazard.atRisk[a]} month-ends at risk${a === hazard.hazard.length - 1 ? ' (every older age)' : ''}`)));
    comments['resolution.byAge'] = `chance of resolving at a month end by age (0 = the month created), the last for older ages: censored life table; SEs and counts in the report`;
  }
  for (const c of calendarBlocks) {
    Object.assign(scenario, c.set);
    Object.assign(comments, c.comments);
  }
  if (rosterFit && roster) {
    // the blocks that staff and empty the seats (hiring, attrition), each written by its mechanism (engine/mechanisms/<name>/history.ts)
    for (const c of calibratedFromRoster({ ...rosterFit, rampMonths: arrivals.rampMonths })) {
      Object.assign(scenario, c.set);
      Object.assign(comments, c.comments);
      for (const { param: p, comment } of c.params) addCalibrated(p, comment);
      warnings.push(...c.warnings);
    }
  }
  // what the data cannot tell: the fitted rates as distributions drawn per trial (unless point estimates are asked for)
  const uncertain: UncertainInput[] = [];
  if (!options.point) {
    const put = (path: string, d: ReturnType<typeof jeffreysBeta>) => {
      if (d) uncertain.push({ path, distribution: d });
    };
    if (tiers.tiers) tiers.tiers.forEach((t, i) => put(`reps.winRate.tiers[${i}].mean`, betaFromSe(Math.min(0.999, sig(t.mean * trends.winLevel)), t.meanSe)));
    // a monthly random effect on the win rate (when the data's months vary beyond binomial) widens it over the horizon
    else put(win.atBound ? 'reps.winRate' : 'reps.winRate.mean', betaFromSe(Math.min(0.999, sig(win.mean * trends.winLevel)), Math.sqrt((win.meanSe ?? 0) ** 2 + winDisp.tau2 / (options.horizonMonths ?? 12)) || null));
    put('reps.opportunitiesPerMonth', lognormalFromSe(sig(rateFit.rate), rateFit.se));
    if (!empirical) put('reps.dealSize.median', lognormalFromSe(sig(deal.median * trends.dealLevel), deal.medianSe));
    // a price list: its level drawn per trial, with the SE of the mean won amount (the amounts' own spread, as a bootstrap of the mean gives)
    else if (dealChoice.meanWonSe > 0) {
      (reps.dealSize as Record<string, unknown>).scale = 1;
      comments['reps.dealSize.scale'] = `1: the amounts as they are; drawn per trial with the relative SE of the mean won amount (${fmt(dealChoice.meanWonSe / dealChoice.meanWon, 2)})`;
      put('reps.dealSize.scale', lognormalFromSe(1, dealChoice.meanWonSe / dealChoice.meanWon));
    }
    if (nd > 0) put('reps.noDecisionRate', jeffreysBeta(nd, closed.length));
    // past the oldest age at which any deal resolved the table holds 0, as the report says (stale: no chance to
    // close), and is not drawn: a Jeffreys draw there would give every stale deal a small chance again
    if (hTest.kept) hazard.hazard.forEach((_, a) => a <= hazard.maxResolvedAge && put(`resolution.byAge[${a}]`, jeffreysBeta(hazard.resolved[a], hazard.atRisk[a])));
    else if (scenario.resolution) put('resolution.byAge[0]', jeffreysBeta(cycle.resolutions, cycle.exposure));
    else if (cycle.cycleMonths > 1) put('reps.cycleMonths', lognormalFromSe(sig(cycle.cycleMonths, 3), cycle.se));
    for (const q of [qWin, qRes]) if (q.kept) q.factors.forEach((f, k) => put(`resolution.monthInQuarter.${q.term}[${k}]`, lognormalFromSe(sig(f, 3), q.se[k])));
    for (const u of trends.uncertain) uncertain.push(u); // kept trends' changes, normal with their SEs
    if (uncertain.length) {
      const parameters = uncertain.map((u) => ({ path: u.path, distribution: roundDistribution(u.distribution) }));
      // one form: each listed field holds its distribution's median in place (the parser's resolved form), not the point estimate beside it
      Object.assign(scenario, parameters.reduce((s, u) => medianInPlace(s, u.path, u.distribution), scenario));
      scenario.uncertainty = { parameters };
      comments['uncertainty.parameters'] = `the fitted rates as distributions (posteriors; SE-matched Beta or lognormal), drawn in every trial so the bands carry what the data cannot tell; calibrate --point leaves them out`;
    }
  }
  // round-trip check: the scenario must be valid
  parseScenario(scenario);
  const winMean = tiers.tiers ? tiers.tiers.reduce((a, t) => a + t.share * t.mean, 0) : win.mean;
  const ndSe = nd ? Math.sqrt((ndRate * (1 - ndRate)) / closed.length) : 0;
  const rel2 = (rateFit.se / rateFit.rate) ** 2 + ((win.meanSe ?? 0) / win.mean) ** 2 + (ndSe / (1 - ndRate)) ** 2 + (dealChoice.meanWonSe / dealChoice.meanFitted) ** 2;
  const meanMonthly = seats * rateFit.rate * winMean * (1 - ndRate) * dealChoice.meanFitted;
  const monthlyRevenue = { meanMonthly, se: meanMonthly * Math.sqrt(rel2) };

  const used = opps.filter((o) => o.createdMonth <= to).length;
  const yaml = commentedYaml(scenario, comments, [
    `Calibrated by salesim calibrate${options.source ? ` from ${options.source}` : ''}: ${used} opportunities, ${formatMonth(from)} to ${formatMonth(to)} (${months} months).`,
    `Each fitted value's comment gives its standard error and method. Deal size: ${dealChoice.distribution}, mean ${sig(dealChoice.meanFitted, 6)} (mean won amount ${sig(dealChoice.meanWon, 6)} ± ${sig(dealChoice.meanWonSe, 3)}); ${dealChoice.reason}.`,
    `Review before use:`,
    ...warnings.map((w) => `  - ${w}`),
  ]);
  return {
    scenario,
    yaml,
    report: {
      parameters: P,
      rows: { total: table.totalRows, used, rejected: table.rejectedRows, open: openCount, prePipeline: table.prePipeline, rejections: table.rejected },
      warnings,
      window: { from: formatMonth(from), to: formatMonth(to), months },
      asOf: cut ? { date: options.asOf!, createdLater: cut.createdLater, decidedLater: cut.decidedLater } : null,
      reps: win.reps,
      tiersTest: { test: tiers.test, bicSingle: tiers.bicSingle, bicMixture: tiers.bicMixture, tiers: tiers.tiers !== null },
      productivity: arrivals.productivity,
      cycle: { naiveMeanMonths: cycle.naiveMeanMonths, resolutions: cycle.resolutions, monthsAtRisk: cycle.exposure },
      resolution: { fit: hazard, test: hTest, kept: hTest.kept, openAtEnd: openAges.length, staleShare: stale },
      calendar: { win: qWin, resolve: qRes },
      winDispersion: winDisp,
      drift,
      trend: trends.report,
      dealSize: dealChoice,
      revenue: monthlyRevenue,
      market: { tests: market.tests, growth: market.growth, seasonality: market.seasonality, annualGrowth: market.annualGrowth, annualGrowthSe: market.annualGrowthSe, multipliers: market.multipliers, multipliersSe: market.multipliersSe },
      attrition: rosterFit ? { exits: rosterFit.exits, repMonths: rosterFit.repMonths, backfilled: rosterFit.backfilled, hires: rosterFit.hiresInWindow } : null,
    },
  };
}
