/** The types of this mechanism the kernel composes (a leaf: imports no kernel module, so no import cycle). */
export interface WinRateDist {
  /** tier means and concentrations (a scalar or Beta is one tier of share 1); concentration 0 = exact */
  shares: Float64Array;
  means: Float64Array;
  concentrations: Float64Array;
}
