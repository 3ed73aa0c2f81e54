/**
 * What the roster tells: annual attrition (monthly hazard q = exits / rep-months at risk inside the
 * window, the binomial MLE; annual = 1 - (1 - q)^12, SE by the delta method), whether departures are
 * backfilled and how long the seat stays empty (engine: a departure at the end of month m is filled at
 * the start of m + 1 + time-to-fill; each exit is matched to the next unmatched hire in the same territory
 * within 12 months), and the seats per territory at the end of the window.
 */
import { mean as meanOf, sampleStandardDeviation } from 'simple-statistics';
import type { RosterEntry } from './roster.js';

/** The roster fit. */
export interface RosterFit {
  annualRate: number;
  annualRateSe: number;
  exits: number;
  repMonths: number;
  backfilled: number;
  timeToFillMean: number | null;
  timeToFillSd: number | null;
  seatsByTerritory: { name: string; seats: number }[];
  hiresInWindow: number;
}

/**
 * Fits attrition and backfill from a roster over the window [from, to] (month indices).
 * @example fitRoster(roster, from, to).annualRate
 */
export function fitRoster(roster: RosterEntry[], from: number, to: number): RosterFit {
  let exits = 0;
  let repMonths = 0;
  for (const r of roster) {
    const s = Math.max(r.hiredMonth, from);
    const e = Math.min(r.exitedMonth ?? to, to);
    if (e < s) continue;
    repMonths += e - s + 1;
    if (r.exitedMonth !== null && r.exitedMonth >= from && r.exitedMonth <= to) exits++;
  }
  const q = repMonths > 0 ? exits / repMonths : 0;
  const annualRate = 1 - (1 - q) ** 12;
  const seQ = repMonths > 0 ? Math.sqrt(Math.max(q * (1 - q), 1e-12) / repMonths) : NaN;
  const annualRateSe = 12 * (1 - q) ** 11 * seQ;
  // backfill: match exits to later hires in the same territory
  const hires = roster.filter((r) => r.hiredMonth >= from && r.hiredMonth <= to).sort((a, b) => a.hiredMonth - b.hiredMonth);
  const used = new Set<RosterEntry>();
  const gaps: number[] = [];
  const leavers = roster.filter((r) => r.exitedMonth !== null && r.exitedMonth >= from && r.exitedMonth < to).sort((a, b) => a.exitedMonth! - b.exitedMonth!);
  for (const l of leavers) {
    const h = hires.find((x) => !used.has(x) && x.territory === l.territory && x.hiredMonth > l.exitedMonth! && x.hiredMonth <= l.exitedMonth! + 13);
    if (!h) continue;
    used.add(h);
    gaps.push(h.hiredMonth - l.exitedMonth! - 1);
  }
  const mean = gaps.length ? meanOf(gaps) : null;
  const sd = gaps.length > 1 ? sampleStandardDeviation(gaps) : null;
  const seats = new Map<string, number>();
  for (const r of roster) {
    if (r.hiredMonth <= to && (r.exitedMonth === null || r.exitedMonth > to)) {
      const t = r.territory ?? 'All';
      seats.set(t, (seats.get(t) ?? 0) + 1);
    }
  }
  return {
    annualRate,
    annualRateSe,
    exits,
    repMonths,
    backfilled: gaps.length,
    timeToFillMean: mean,
    timeToFillSd: sd,
    seatsByTerritory: [...seats.entries()].map(([name, s]) => ({ name, seats: s })).sort((a, b) => a.name.localeCompare(b.name)),
    hiresInWindow: hires.length,
  };
}
