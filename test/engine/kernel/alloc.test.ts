import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { createArrayPool, FRESH } from '../../../engine/kernel/alloc.js';
import { createState } from '../../../engine/state.js';
import { compile } from '../../../engine/compile.js';
import { parseScenario, type Scenario } from '../../../engine/scenario.js';

const root = new URL('../../../', import.meta.url);
const yaml = (path: string) => parseYaml(readFileSync(new URL(path, root), 'utf8')) as Record<string, unknown>;

/** Every typed array of a state (its own fields and one level of slice objects), by path, in field order. */
function arrays(st: object): [string, ArrayBufferView][] {
  const out: [string, ArrayBufferView][] = [];
  for (const [k, v] of Object.entries(st)) {
    if (ArrayBuffer.isView(v)) out.push([k, v]);
    else if (v && typeof v === 'object') for (const [j, w] of Object.entries(v)) if (ArrayBuffer.isView(w)) out.push([`${k}.${j}`, w]);
  }
  return out;
}

/** Every preset (each study's designs are presets too) and the bench's full model with the people blocks on. */
function scenarios(): [string, Scenario][] {
  const presets = readdirSync(new URL('scenarios/', root))
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('.study.yaml'))
    .map((f): [string, Scenario] => [f, parseScenario(yaml(`scenarios/${f}`))]);
  const people = {
    drift: { winRate: { change: -0.2, overMonths: 24, walkSd: 0.02 } },
    compensation: { ote: 180000, accelerators: [{ above: 1, rate: 1.5 }], cap: 2.5 },
    retention: { raise: { amount: 0.1 } },
    managers: { span: 8 },
  };
  return [...presets, ['full model with people blocks', parseScenario({ ...yaml('bench/full-model.yaml'), ...people })]];
}

describe('array pool', () => {
  it('hands out the previous arrays again, zeroed, when asked for the same type and length in the same order', () => {
    const pool = createArrayPool();
    const a = pool.f64(3);
    const b = pool.i32(2);
    a.fill(5);
    b.fill(-1);
    pool.reset();
    const a2 = pool.f64(3);
    const b2 = pool.i32(2);
    expect(a2).toBe(a);
    expect(b2).toBe(b);
    expect(Array.from(a2)).toEqual([0, 0, 0]);
    expect(Array.from(b2)).toEqual([0, 0]);
  });

  it('allocates anew from the first request that differs in type or length, and records the new arrays', () => {
    const pool = createArrayPool();
    const a = pool.f64(3);
    const b = pool.f64(4);
    const c = pool.u8(1);
    pool.reset();
    expect(pool.f64(3)).toBe(a);
    const b2 = pool.f64(5); // longer: new
    expect(b2).not.toBe(b);
    expect(b2.length).toBe(5);
    const c2 = pool.u8(1); // after a difference everything is new, even a match
    expect(c2).not.toBe(c);
    pool.reset();
    expect(pool.f64(3)).toBe(a);
    expect(pool.f64(5)).toBe(b2);
    expect(pool.u8(1)).toBe(c2);
    pool.reset();
    expect(pool.f32(3)).toBeInstanceOf(Float32Array); // another type at the same place: new
    expect(pool.f64(5)).not.toBe(b2);
  });

  it('refuses a length that is not a non-negative integer', () => {
    const pool = createArrayPool();
    expect(() => pool.f64(-1)).toThrow('array length must be a non-negative integer (got -1)');
    expect(() => pool.i32(1.5)).toThrow('(got 1.5)');
  });

  it('a state built from a pool after a used one equals a fresh state, for every preset and every block', () => {
    for (const [name, s] of scenarios()) {
      const c = compile(s);
      const pool = createArrayPool();
      const used = createState(c, pool);
      // scribble over everything the previous trial could have left behind
      for (const [, v] of arrays(used)) (v as Float64Array).fill(7);
      pool.reset();
      const again = createState(c, pool);
      const fresh = createState(c, FRESH);
      const got = arrays(again);
      expect({ name, fields: got.map(([k]) => k) }).toEqual({ name, fields: arrays(fresh).map(([k]) => k) });
      for (const [i, [k, v]] of got.entries()) expect({ name, k, v: Array.from(v as Float64Array) }).toEqual({ name, k, v: Array.from(arrays(fresh)[i][1] as Float64Array) });
      // the pool did recycle: every array of the second state is one of the first state's
      const before = new Set(arrays(used).map(([, v]) => v));
      expect({ name, recycled: got.every(([, v]) => before.has(v)) }).toEqual({ name, recycled: true });
    }
  });
});
