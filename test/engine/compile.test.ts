/**
 * engine/compile.ts hands each slice the scenario compiled so far (engine/kernel/slice.ts): the core's
 * parameters and the fields of the slices before it in registry order. A slice that read a later slice's
 * field would get undefined; here each slice compiles again with every later slice's fields hidden (reading
 * one throws) and must give the fields it gave in the real compile.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { compile } from '../../engine/compile.js';
import { parseScenario, type Scenario } from '../../engine/scenario.js';
import { MECHANISMS } from '../../engine/mechanisms/registry.js';
import type { Compiled } from '../../engine/kernel/compiled.js';
import type { AnySlice } from '../../engine/kernel/slice.js';

const dir = new URL('../../scenarios/', import.meta.url);
const presets = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml') && !f.includes('.study.'))
  .map((f) => [f, parseScenario(parseYaml(readFileSync(new URL(f, dir), 'utf8')))] as const);
const reps = { seats: 3, opportunitiesPerMonth: 4, winRate: 0.3, dealSize: 10000, cycleMonths: 3 };
// a roster with a vacancy: its refill reads hiring's time to fill, its stationary start attrition's hazard
const roster = parseScenario({
  reps,
  hiring: { timeToFillMonths: { mean: 2.5, sd: 1 }, ramp: { months: 4, curve: 'linear' }, backfill: true },
  attrition: { annualRate: 0.3, pipelineLossOnExit: 0.4 },
  initialTeam: { asOf: '2025-06-30', roster: [{ hired: '2024-01-10' }, { hired: '2025-05-02' }, { vacant: true, since: '2025-05-15' }] },
});

const slices = MECHANISMS.flatMap((m) => ('slice' in m ? [{ name: m.name, slice: m.slice as AnySlice }] : []));

/** The fields each slice gives (its compile's keys), in registry order. */
function fieldsBySlice(s: Scenario, c: Compiled): string[][] {
  return slices.map(({ slice }) => Object.keys(slice.compile(s, c)));
}

describe('compile', () => {
  it.each([...presets, ['a roster with a vacancy, hiring and attrition', roster] as const])(
    'each slice of %s reads the core and the slices before it only',
    (_name, s) => {
      const c = compile(s);
      const fields = fieldsBySlice(s, c);
      slices.forEach(({ name, slice }, i) => {
        const later = new Set(fields.slice(i).flat());
        const sofar = new Proxy(c, {
          get: (t, k, r) => {
            if (typeof k === 'string' && later.has(k)) throw new Error(`${name}'s slice read ${k}, a field of its own or a later slice`);
            return Reflect.get(t, k, r);
          },
          has: (t, k) => {
            if (typeof k === 'string' && later.has(k)) throw new Error(`${name}'s slice asked for ${k}, a field of its own or a later slice`);
            return Reflect.has(t, k);
          },
        });
        const part = slice.compile(s, sofar) as Record<string, unknown>;
        expect({ name, part }).toEqual({ name, part: Object.fromEntries(Object.keys(part).map((k) => [k, (c as unknown as Record<string, unknown>)[k]])) });
      });
    },
  );

  it("the starting team's stationary start follows hiring's and attrition's compiled parameters", () => {
    const c = compile(roster);
    const team = c.team!;
    // 1 - (1 - 0.3)^(1/12), hiring's ramp, and the vacant seat refilled after hiring's time to fill
    expect(team.q).toBeCloseTo(1 - 0.7 ** (1 / 12), 15);
    expect(team.R).toBe(4);
    expect(team.roster!.fillPmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(team.roster!.fillPmf.reduce((a, p, d) => a + p * d, 0)).toBeCloseTo(2.5, 1);
    expect(team.pVacant).toBeGreaterThan(0);
    // without hiring the vacancy has no time to fill, and no seat waits for one
    const alone = compile(parseScenario({ reps, attrition: { annualRate: 0.3 }, initialTeam: { asOf: '2025-06-30', roster: [{ hired: '2024-01-10' }] } })).team!;
    expect(alone.roster!.fillPmf.length).toBe(0);
    expect(alone.pVacant).toBe(0);
  });
});

describe('compile reuses the shape of its results (no copy per compile)', () => {
  it('gives the same fields and values, none missing or extra, whatever was compiled before', () => {
    const all: Scenario[] = [...presets.map(([, s]) => s), roster];
    const first = all.map((s) => compile(s));
    // again, in the other order: every compile now starts from the kept shape
    const again = [...all].reverse().map((s) => compile(s)).reverse();
    for (let i = 0; i < all.length; i++) {
      expect(Object.keys(again[i]).sort()).toEqual(Object.keys(first[i]).sort());
      expect(again[i]).toStrictEqual(first[i]);
    }
  });
});
