/** The types of this mechanism the kernel composes (a leaf: imports no kernel module, so no import cycle). */
export interface OpenBook {
  /** deals of seat s at start[s]..start[s+1] - 1 */
  start: Int32Array;
  /** each deal's value if won; NaN = drawn from the deal size at the win */
  amount: Float64Array;
  /** whole months open at the start */
  age0: Int32Array;
}
