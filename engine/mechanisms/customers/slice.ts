/** The customers' slices (engine/kernel/slice.ts): recurring revenue, churn, expansion and referrals. */
import { defineSlice } from '../../kernel/slice.js';
import { GLOBAL, PURPOSE } from './streams.js';
import type { CompiledCustomers, CustomerState } from './types.js';
import { compileCustomers, createCustomerState } from './compile.js';

/** The customers' compiled parameters. */
export interface CustomersCompiled {
  /** recurring revenue (null: the block is absent and nothing of it runs) */
  customers: CompiledCustomers | null;
}
/** The customers' part of the trial state. */
export interface CustomersState {
  /** null when the scenario has no customers block */
  cust: CustomerState | null;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends CustomersCompiled {}
}
declare module '../../kernel/state.js' {
  interface SeatState extends CustomersState {}
}

/** Compiles the customers block; churn draws from each seat's `customers` stream, referrals from `referrals`, the initial base from the trial's `customers` stream. */
export const slice = defineSlice({
  compile: (s, core): CustomersCompiled => {
    const w = core.winRate;
    const meanWin = w.shares.reduce((a, sh, i) => a + sh * w.means[i], 0);
    return { customers: compileCustomers(s, core, meanWin) };
  },
  purposes: (s) => (s.customers ? 1 << PURPOSE.customers : 0) | (s.customers?.referrals ? 1 << PURPOSE.referrals : 0),
  globals: (s) => (s.customers ? GLOBAL.customers + 1 : 0),
  state: (c, d): CustomersState => ({ cust: c.customers ? createCustomerState(d.N, d.T, d.H, d.Y, d.alloc) : null }),
});
