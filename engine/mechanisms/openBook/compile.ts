/** The open book's compiled parameters (moved out of openBook.ts so the slice imports no step code). */
import type { Scenario } from '../../scenario.js';
import type { OpenBook } from './types.js';

/**
 * The scenario's open pipeline in seat order, or null without one. Roster seat i is initial seat i.
 * @example // compileBook(parseScenario({ ..., initialTeam: { asOf, roster }, openPipeline })).amount.length
 */
export function compileBook(s: Scenario, seats: number): OpenBook | null {
  const deals = s.openPipeline;
  if (!deals || typeof s.initialTeam !== 'object') return null;
  const seatOf = new Map<string, number>();
  s.initialTeam.roster.forEach((r, i) => {
    if (r.name !== undefined) seatOf.set(r.name, i);
  });
  const start = new Int32Array(seats + 1);
  for (const d of deals) start[seatOf.get(d.owner)! + 1]++;
  for (let i = 0; i < seats; i++) start[i + 1] += start[i];
  const next = start.slice(0, seats);
  const amount = new Float64Array(deals.length);
  const age0 = new Int32Array(deals.length);
  for (const d of deals) {
    const k = next[seatOf.get(d.owner)!]++;
    amount[k] = d.amount ?? NaN;
    age0[k] = d.ageMonths;
  }
  return { start, amount, age0 };
}

