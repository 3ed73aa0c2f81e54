/** The open book's slices (engine/kernel/slice.ts): the exported open opportunities at the start. */
import { defineSlice } from '../../kernel/slice.js';
import { PURPOSE } from './streams.js';
import type { OpenBook } from './types.js';
import { compileBook } from './compile.js';

/** The open book's compiled parameters. */
export interface OpenBookCompiled {
  /** the open opportunities at the start (openPipeline); null without */
  book: OpenBook | null;
}
/** The open book's part of the trial state (length 0 without one). */
export interface OpenBookState {
  /** each export deal's age, -1 once resolved */
  bookAge: Int32Array;
  /** the seat's export deals still open */
  bookOpen: Int32Array;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends OpenBookCompiled {}
}
declare module '../../kernel/state.js' {
  interface SeatState extends OpenBookState {}
}

/** Compiles openPipeline; its deals draw from each seat's `book` stream. */
export const slice = defineSlice({
  compile: (s, core): OpenBookCompiled => ({ book: compileBook(s, core.initialSeats) }),
  purposes: (s) => (s.openPipeline ? 1 << PURPOSE.book : 0),
  state: (c, d): OpenBookState => ({ bookAge: d.alloc.i32(c.book ? c.book.age0.length : 0), bookOpen: d.alloc.i32(d.N) }),
});
