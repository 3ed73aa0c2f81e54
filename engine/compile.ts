/**
 * Compiles a resolved scenario into flat numbers and typed arrays the trial loop reads without lookups.
 */
import type { Scenario } from './scenario.js';
import type { Compiled, CoreCompiled } from './kernel/compiled.js';
export type { Compiled } from './kernel/compiled.js';
import type { CompiledSlices, Same } from './kernel/slice.js';
import { MECHANISMS } from './mechanisms/registry.js';
import { compileWinRate } from './kernel/winRate.js';
import { seatLayout } from './kernel/seats.js';
import { expectedDealSize } from './kernel/deals.js';
import { createBinomialTable } from './random/binomialTable.js';
import { createLognormalTable } from './random/lognormalTable.js';
import { GLOBAL, PURPOSE } from './mechanisms/registry.js';
import { createEmpiricalTable } from './random/empiricalTable.js';


/**
 * Month-by-month factors of resolution.monthInQuarter (month 1 is resolution.start), or nulls without them.
 * @example calendarFactors(parseScenario({ ..., resolution: { byAge: [0.3], start: '2025-03', monthInQuarter: { win: [1, 1, 1.5] } } })).calWin[0] // 1.5
 */
export function calendarFactors(s: Scenario): { calWin: Float64Array | null; calResolve: Float64Array | null } {
  const q = s.resolution?.monthInQuarter;
  if (!q || !s.resolution?.start) return { calWin: null, calResolve: null };
  const [y, mo] = s.resolution.start.split('-').map(Number);
  const first = y * 12 + mo - 1;
  const at = (f: number[]) => Float64Array.from({ length: s.horizonMonths }, (_, i) => f[(first + i) % 3]);
  const ones = (f: number[]) => f.every((x) => x === 1);
  return { calWin: ones(q.win) ? null : at(q.win), calResolve: ones(q.resolve) ? null : at(q.resolve) };
}

/**
 * Whole months an opportunity stays fresh: round(cycles x cycleMonths), at least 1 (0 when stalls are off).
 * @example stallMonths(2, 3) // 6
 */
export function stallMonths(cycles: number | undefined, cycleMonths: number): number {
  return cycles === undefined ? 0 : Math.max(1, Math.round(cycles * cycleMonths));
}

/** The compiled fields of every mechanism's slice in the registry. */
type Slices = CompiledSlices<typeof MECHANISMS>;
/**
 * `Compiled` (what the steps read; each slice.ts adds its fields to it) is exactly the core plus the
 * registry's slices: a slice.ts missing from the registry, or a registry slice whose fields are not
 * declared on `Compiled`, fails this line at compile time.
 */
const exact: Same<Compiled, CoreCompiled & Slices> = true;
void exact;

/**
 * Turns a resolved scenario into the loop's parameters: the core's, then each mechanism's slice in
 * registry order, with the seat-stream purposes and trial-level streams the slices ask for.
 * @example compile(parseScenario({ reps: { seats: 5, winRate: 0.2, dealSize: 1, opportunitiesPerMonth: 2 } })).seats // 5
 */
export function compile(s: Scenario): Compiled {
  // the one widening: the loop below adds every registry slice, which is what `Slices` is made of
  const c = (shape ? Object.assign({ ...shape }, compileCore(s)) : compileCore(s)) as CoreCompiled & Slices;
  for (const m of MECHANISMS) {
    if (!('slice' in m)) continue;
    const part = m.slice.compile(s, c);
    Object.assign(c, part);
    if (m.slice.purposes) c.purposes |= (m.slice.purposes as (s: Scenario, c: object) => number)(s, part);
    if (m.slice.globals) c.globals = Math.max(c.globals, (m.slice.globals as (s: Scenario, c: object) => number)(s, part));
  }
  const recorded = MECHANISMS.filter((m) => 'recorded' in m && m.on(s)).map((m) => m.name);
  if (recorded.length > 0) c.recorded = Object.fromEntries(recorded.map((n) => [n, true] as const));
  // The object the slices are assigned into one by one goes to V8's dictionary mode once it gains enough
  // properties that way (it did when the coverage fields became a slice), and every read of the trial loop then
  // slows down (bench/interleaved.ts on the core model: 0.55 of the speed before). So the first compile copies
  // its result in one go (fast properties, %HasFastProperties) and keeps that copy's shape; later compiles start
  // from a clone of the shape, whose fields the core and the slices then only overwrite (no new property, so
  // the object stays fast and needs no copy: 21 of a compile's 32 us went to the copy, once per trial of an
  // uncertain run). A compile that adds a field the shape lacks copies again and keeps the wider shape.
  if (shape && Object.keys(c).length === shapeSize) return c;
  const fast = { ...c };
  shape = Object.fromEntries(Object.keys(fast).map((k) => [k, undefined])) as object;
  shape = { ...shape };
  shapeSize = Object.keys(shape).length;
  return fast;
}

/** The fields of every compiled scenario so far, all undefined (see the end of `compile`), and their count. */
let shape: object | null = null;
let shapeSize = 0;

/** The core's parameters: the reps, territories, stalls and resolution by age. */
function compileCore(s: Scenario): CoreCompiled {
  const layout = seatLayout(s);
  const deal = s.reps.dealSize;
  const emp = typeof deal === 'object' && 'empirical' in deal ? createEmpiricalTable(deal.scale === undefined ? deal.empirical : deal.empirical.map((x) => x * deal.scale!)) : null;
  const dealMedian = typeof deal === 'number' ? deal : 'empirical' in deal ? emp!.median : deal.median;
  const dealSigma = typeof deal === 'number' || 'empirical' in deal ? 0 : deal.sigma;
  const winRate = compileWinRate(s.reps.winRate);
  const potential = Float64Array.from(layout.potential, (f) => f ?? Infinity);
  // the core's purposes; each mechanism's slice adds its own (compile above)
  const purposes =
    (1 << PURPOSE.attributes) |
    (1 << PURPOSE.arrivals) |
    (1 << PURPOSE.resolutions) |
    (1 << PURPOSE.deals) |
    (s.reps.initialPipeline === 'steady-state' ? 1 << PURPOSE.initial : 0) |
    // the padding stream, while a mechanism that pads is on (its registry entry's `pads`: the coverage rule)
    (MECHANISMS.some((m) => 'pads' in m && m.on(s)) ? 1 << PURPOSE.padding : 0);
  // resolution by age: at least two buckets (the last one's chance repeated), so the stationary start fills them
  const byAge = s.resolution ? Float64Array.from({ length: Math.max(2, s.resolution.byAge.length) }, (_, a) => s.resolution!.byAge[Math.min(a, s.resolution!.byAge.length - 1)]) : null;
  return {
    H: s.horizonMonths,
    years: Math.ceil(s.horizonMonths / 12),
    seats: layout.seats,
    initialSeats: layout.initialSeats,
    territories: layout.names.length,
    seatTerritory: layout.territory,
    seatOpens: layout.opens,
    potential,
    unlimited: potential.every((f) => f === Infinity),
    recorded: null,
    purposes,
    // the leader's and the tiers' streams are always seeded; the slices ask for more
    globals: GLOBAL.tiers + 1,
    rate: s.reps.opportunitiesPerMonth,
    cycle: s.reps.cycleMonths,
    pResolve: 1 / s.reps.cycleMonths,
    resolveTable: createBinomialTable(1 / s.reps.cycleMonths, 128),
    noDecision: s.reps.noDecisionRate,
    capacity: s.reps.capacity ?? Infinity,
    // with an open pipeline from an export, the export is the starting pipeline
    steadyStart: s.reps.initialPipeline === 'steady-state' && s.openPipeline === undefined,
    dealMedian,
    dealSigma,
    expectedDeal: emp ? emp.mean : expectedDealSize(dealMedian, dealSigma),
    dealTable: dealSigma > 0 ? createLognormalTable(dealSigma) : null,
    dealSpread: s.reps.repDealSizeSpread,
    dealEmpirical: emp,
    winRate,
    aged: s.stalls != null || byAge !== null,
    stallAfter: byAge ? byAge.length : stallMonths(s.stalls?.afterCycles, s.reps.cycleMonths),
    stallAfterPad: byAge ? byAge.length : stallMonths(s.stalls?.paddedAfterCycles, s.reps.cycleMonths),
    stallAge: byAge ? byAge.length - 1 : Math.max(stallMonths(s.stalls?.afterCycles, s.reps.cycleMonths), stallMonths(s.stalls?.paddedAfterCycles, s.reps.cycleMonths)),
    byAge,
    ...calendarFactors(s),
    pStall: (s.stalls?.resolveMultiplier ?? 1) / s.reps.cycleMonths,
    ndStall: s.stalls?.noDecisionRate ?? 0,
  };
}
