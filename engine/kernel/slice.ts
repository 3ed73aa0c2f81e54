/**
 * A mechanism's slices (docs/design.md, "How to add a mechanism"): what it adds to the compiled scenario,
 * which random streams it draws from, and what it adds to the trial state. Each mechanism that has any
 * exports one from its folder (engine/mechanisms/<name>/slice.ts) and its registry line names it;
 * engine/compile.ts and engine/state.ts assemble the core and every slice in registry order.
 */
import type { Scenario } from '../scenario.js';
import type { Compiled } from './compiled.js';
import type { Alloc } from './alloc.js';

/** The sizes a state slice allocates by: seats, territories, months, plan years. */
export interface Dims {
  readonly N: number;
  readonly T: number;
  readonly H: number;
  readonly Y: number;
  /** where the slice's typed arrays come from (kernel/alloc.ts: new, or recycled from the previous trial's state) */
  readonly alloc: Alloc;
}

/** One mechanism's slices: `C` its compiled fields, `St` its fields of the trial state. */
export interface Slice<C extends object, St extends object> {
  /**
   * its compiled parameters, from the resolved scenario and the scenario compiled so far: the core's parameters
   * and the fields of the slices before it in registry order (the starting team's stationary start reads hiring's
   * and attrition's compiled fields), never a later slice's (test/engine/compile.test.ts checks every preset)
   */
  readonly compile: (s: Scenario, c: Compiled) => C;
  /** the seat-stream purposes it draws from in this scenario, as a bit mask over PURPOSE ids (0: none) */
  readonly purposes?: (s: Scenario, c: C) => number;
  /** how many trial-level streams it needs in this scenario: its last GLOBAL id + 1 (0: none) */
  readonly globals?: (s: Scenario, c: C) => number;
  /** its part of the trial state, allocated once per kernel (a block of trials) */
  readonly state?: (c: Compiled, d: Dims) => St;
}

/**
 * Declares a slice (infers its field types for the registry).
 * @example export const slice = defineSlice({ compile: (s) => ({ market: compileMarket(s.market, s.horizonMonths) }) });
 */
export function defineSlice<C extends object, St extends object = Record<never, never>>(slice: Slice<C, St>): Slice<C, St> {
  return slice;
}

/** Any mechanism's slices, as the registry holds them. */
export interface AnySlice {
  readonly compile: (s: Scenario, c: Compiled) => object;
  readonly purposes?: (s: Scenario, c: never) => number;
  readonly globals?: (s: Scenario, c: never) => number;
  readonly state?: (c: Compiled, d: Dims) => object;
}

/** A union's members as one intersection (`A | B` -> `A & B`). */
export type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The compiled fields of every slice of a registry (an ordered list of `{ slice? }`). */
export type CompiledSlices<M extends readonly unknown[]> = Intersect<{ [K in keyof M]: M[K] extends { slice: Slice<infer C, infer _St> } ? C : never }[number]>;

/** The trial-state fields of every slice of a registry. */
export type StateSlices<M extends readonly unknown[]> = Intersect<{ [K in keyof M]: M[K] extends { slice: Slice<infer _C, infer St> } ? St : never }[number]>;

/** `true` when A and B are the same type (each assignable to the other), else `false`. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
