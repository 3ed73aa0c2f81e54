import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPath, getIn, parsePath, setIn } from '../../playground/src/path.js';
import { formatMoney, formatMultiple, formatPct, formatPts, formatValue, fromDisplay, presetBlurb, ruleInUnits, toDisplay } from '../../playground/src/format.js';
import { unitForPath } from '../../playground/src/fields.js';
import { createSseParser } from '../../playground/src/sse.js';
import { decodeShare, encodeShare } from '../../playground/src/share.js';
import { createHistory, createStore } from '../../playground/src/store.js';
import { engineSummary } from './fixtures.js';

describe('path', () => {
  it('parses and formats the error-path format', () => {
    expect(parsePath('territories[1].potential')).toEqual(['territories', 1, 'potential']);
    expect(parsePath('reps.winRate.tiers[0].share')).toEqual(['reps', 'winRate', 'tiers', 0, 'share']);
    expect(formatPath(['enablement', 2, 'cost', 'oneTime'])).toBe('enablement[2].cost.oneTime');
  });

  it('round-trips any key list', () => {
    const key = fc.oneof(fc.stringMatching(/^[A-Za-z$_][A-Za-z0-9_]{0,8}$/), fc.nat(50));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 6 }).filter((k) => typeof k[0] === 'string'), (keys) => {
        expect(parsePath(formatPath(keys))).toEqual(keys);
      }),
    );
  });

  it('setIn writes without mutating and getIn reads it back', () => {
    const obj = { reps: { seats: 3 }, territories: [{ name: 'A', seats: 1 }] };
    const frozen = JSON.stringify(obj);
    const next = setIn(obj, 'territories[0].seats', 9);
    expect(getIn(next, 'territories[0].seats')).toBe(9);
    expect(JSON.stringify(obj)).toBe(frozen);
    expect(next.reps).toBe(obj.reps); // untouched branches are shared
    expect(Array.isArray(next.territories)).toBe(true);
    const deleted = setIn(next, 'reps.seats', undefined) as { reps: object };
    expect('seats' in deleted.reps).toBe(false);
    expect(getIn(setIn({}, 'a.b[0].c', 1), 'a.b[0].c')).toBe(1);
    expect(getIn(obj, 'nope.deeper')).toBeUndefined();
  });
});

describe('format', () => {
  it('formats money, percentages and multiples', () => {
    expect(formatMoney(12_345_678)).toBe('$12.3M');
    expect(formatMoney(-940_000)).toBe('−$940K');
    expect(formatMoney(75)).toBe('$75');
    expect(formatMoney(null)).toBe('–');
    expect(formatPct(0.4567)).toBe('45.7%');
    expect(formatPct(1, 0)).toBe('100%');
    expect(formatMultiple(2.456)).toBe('2.46×');
    expect(formatMultiple(Number.NaN)).toBe('–');
    expect(formatPts(0.123)).toBe('+12.3 pts');
    expect(formatPts(-0.05)).toBe('−5.0 pts');
  });

  it('says values and rules in the editor units: % boxes say %, money says $', () => {
    expect(ruleInUnits('must be between 0 and 1', 'pct')).toBe('must be between 0% and 100%');
    expect(ruleInUnits('must be >= 0.05', 'pct')).toBe('must be >= 5%');
    expect(ruleInUnits('must be between 0 and 1', 'months')).toBe('must be between 0 and 1');
    expect(ruleInUnits('must be a number', 'pct')).toBe('must be a number');
    expect(unitForPath('reps.winRate.mean')).toBe('pct');
    expect(unitForPath('attrition.annualRate')).toBe('pct');
    expect(unitForPath('reps.winRate.tiers[1].share')).toBe('pct');
    expect(unitForPath('reps.dealSize.median')).toBe('usd');
    expect(formatValue(0.24, 'pct')).toBe('24%');
    expect(formatValue(48000, 'usd')).toBe('$48K');
    expect(formatValue(3.6, 'months')).toBe('3.6 mo');
  });

  it("a preset's banner drops the sentences that name files or CLI commands", () => {
    const d = 'Hiring vs enablement, design "hire": do we spend the budget on 10 more reps? About $3.7M over two years. Compare with hiring-vs-enablement.enable.yaml on the same draws: `salesim compare hiring-vs-enablement.study.yaml`.';
    expect(presetBlurb(d)).toEqual({ sentences: ['Hiring vs enablement, design "hire": do we spend the budget on 10 more reps?', 'About $3.7M over two years.'], compare: true });
    expect(presetBlurb('A team. Of reps.').compare).toBe(false);
  });

  it('percent fields round-trip between stored and shown units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (bp) => {
        const stored = bp / 10000;
        expect(fromDisplay(toDisplay(stored, 'pct'), 'pct')).toBeCloseTo(stored, 12);
      }),
    );
    expect(toDisplay(0.25, 'pct')).toBe(25);
    expect(fromDisplay(7, 'pct')).toBe(0.07);
    expect(toDisplay(40000, 'usd')).toBe(40000);
  });
});

describe('SSE parser', () => {
  const stream = 'event: progress\ndata: {"done":1,"total":4}\n\n: comment\n\nevent: result\ndata: {"a":\ndata: 1}\nid: 7\n\n';
  it('parses events, multi-line data and ids', () => {
    const evs = createSseParser().push(stream);
    expect(evs).toEqual([
      { event: 'progress', data: '{"done":1,"total":4}' },
      { event: 'result', data: '{"a":\n1}', id: '7' },
    ]);
  });

  it('gives the same events whatever the chunking (CRLF too)', () => {
    const crlf = stream.replace(/\n/g, '\r\n');
    const whole = createSseParser().push(stream);
    fc.assert(
      fc.property(fc.array(fc.nat(crlf.length), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const p = createSseParser();
        const out = [];
        let prev = 0;
        for (const c of [...points, crlf.length]) {
          out.push(...p.push(crlf.slice(prev, c)));
          prev = c;
        }
        expect(out).toEqual(whole);
      }),
    );
  });
});

describe('share links', () => {
  it('round-trip any scenario, seed and trials (unicode included)', () => {
    fc.assert(
      fc.property(fc.record({ scenario: fc.dictionary(fc.string(), fc.jsonValue()), seed: fc.nat(), trials: fc.integer({ min: 1, max: 1e6 }) }), (run) => {
        const back = decodeShare(encodeShare(run));
        expect(back).toEqual(JSON.parse(JSON.stringify(run)));
      }),
    );
    expect(decodeShare(encodeShare({ scenario: { name: 'Équipe EMEA — 東京' } }))?.scenario.name).toBe('Équipe EMEA — 東京');
  });

  it('rejects damaged or foreign fragments', () => {
    expect(decodeShare('')).toBeNull();
    expect(decodeShare('#other=1')).toBeNull();
    expect(decodeShare('#run=%%%')).toBeNull();
    expect(decodeShare('#run=bm90IGpzb24')).toBeNull(); // "not json"
  });
});

describe('store and history', () => {
  it('notifies subscribers with the merged state and stops after unsubscribe', () => {
    const s = createStore({ a: 1, b: 'x' });
    const seen: number[] = [];
    const off = s.subscribe((v) => seen.push(v.a));
    s.set({ a: 2 });
    s.set((v) => ({ a: v.a + 1 }));
    off();
    s.set({ a: 10 });
    expect(seen).toEqual([2, 3]);
    expect(s.get()).toEqual({ a: 10, b: 'x' });
  });

  it('history is LIFO and bounded', () => {
    const h = createHistory<number>(3);
    [1, 2, 3, 4].forEach((v) => h.push(v));
    expect(h.size).toBe(3);
    expect([h.pop(), h.pop(), h.pop(), h.pop()]).toEqual([4, 3, 2, undefined]);
  });
});

describe('describeChanges', () => {
  it('names the edited fields with their old and new values', async () => {
    const { describeChanges, changedPaths } = await import('../../playground/src/diff.js');
    const base = { name: 'A', reps: { opportunitiesPerMonth: 4, capacity: null }, territories: [{ name: 'X', seats: 3 }] };
    expect(describeChanges(base, { ...base, name: 'B' })).toBe('');
    expect(describeChanges(base, { ...base, reps: { opportunitiesPerMonth: 4.4 } })).toBe('Qualified opps / rep / month 4 → 4.4');
    expect(changedPaths(base, { ...base, territories: [{ name: 'X', seats: 5 }] })).toEqual(['territories[0].seats']);
    expect(describeChanges(base, { ...base, territories: [{ name: 'X', seats: 5 }] })).toBe('Territory seats 3 → 5');
    expect(describeChanges(base, { reps: { opportunitiesPerMonth: 1 }, territories: [], hiring: { plan: [] } })).toBe('3 changes');
  });
});
