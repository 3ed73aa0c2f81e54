/**
 * The open book: opportunities already open at the start (the optional `openPipeline` block, a CRM export's
 * open deals at the as-of date), each with its owner's seat, its age and its amount.
 *
 * Each resolves by the scenario's own rule from its current age: at every month-end with probability
 * 1/cycleMonths (x stalls.resolveMultiplier once it is stalled, age >= the stall threshold), or with a
 * `resolution` block its age's chance (resolution.byAge, the last entry for every older age); a resolved one is
 * decided with probability 1 - the no-decision rate (the stalled rate once stalled) and then won with the
 * seat's win rate as the seat's own pipeline is: the holder's effective rate diluted beyond capacity (these
 * deals count in the holder's open pipeline), a vacant seat's at its leaver's rate. A won deal is worth its
 * amount, or, without one, a deal size drawn from `reps.dealSize` x the holder's multiplier.
 *
 * Deals are typed arrays sorted by seat (offsets `start[s]..start[s+1]`) and draw from the seat's `book`
 * stream, so a seat's draws do not depend on any other seat's deals. Not modelled: an export deal's loss when
 * its owner leaves (`attrition.pipelineLossOnExit` applies to the model's own pipeline), padding counted
 * against it, and, with a customers block, an export deal won becoming a customer.
 */
import type { Compiled } from '../../kernel/compiled.js';
import { SEATED, type SeatState } from '../../kernel/state.js';
import { nextU, PURPOSES } from '../../random/streams.js';
import { PURPOSE } from './streams.js';
import { empiricalDealValue } from '../../random/sums.js';
import { capacityDilution, dealValue } from '../../kernel/deals.js';
import type { OpenBook } from './types.js';
export type { OpenBook } from './types.js';


export { compileBook } from './compile.js';

/** Per-trial reset: every deal open again at its starting age. */
export function bookBegin(st: SeatState, book: OpenBook): void {
  st.bookAge.set(book.age0);
  for (let s = 0; s < st.N; s++) st.bookOpen[s] = book.start[s + 1] - book.start[s];
}

/**
 * Step 6 for seat s's open book this month: resolutions and wins of the export's deals. Returns the value won.
 */
export function resolveBook(st: SeatState, c: Compiled, book: OpenBook, s: number): number {
  const n = st.bookOpen[s];
  if (n === 0) return 0;
  const S = st.S;
  const stream = s * PURPOSES + PURPOSE.book;
  const seated = st.status[s] === SEATED;
  let pw = seated ? st.pEff[s] * capacityDilution(c.capacity, st.openReg[s] + st.openPad[s] + n) : Math.min(1, st.base[s] * st.lift);
  if (c.calWin) pw = Math.min(1, pw * st.calWin);
  const cr = c.calResolve ? st.calResolve : 1;
  const pDecide = 1 - (seated ? st.ndEff[s] : c.noDecision);
  const age = st.bookAge;
  let v = 0,
    left = n,
    resolved = 0,
    won = 0;
  for (let i = book.start[s]; i < book.start[s + 1]; i++) {
    const a = age[i];
    if (a < 0) continue;
    const h = c.byAge;
    const stalled = h === null && c.aged && a >= c.stallAfter;
    if (nextU(S, stream) >= (h ? Math.min(1, h[a < h.length ? a : h.length - 1] * cr) : stalled ? c.pStall : c.pResolve)) {
      age[i] = a + 1;
      continue;
    }
    age[i] = -1;
    left--;
    resolved++;
    if (nextU(S, stream) >= (stalled ? 1 - c.ndStall : pDecide) * pw) continue;
    won++;
    const x = book.amount[i];
    if (x === x) v += x;
    else if (c.dealEmpirical) v += empiricalDealValue(S, stream, 1, c.dealEmpirical, st.mult[s]);
    else v += dealValue(S, stream, 1, c.dealMedian, c.dealTable, st.mult[s]);
  }
  st.bookOpen[s] = left;
  st.mRes += resolved;
  st.mWon += won;
  return v;
}
