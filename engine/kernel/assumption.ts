/**
 * An assumption: a scenario field whose value has no cited source, with a plausible range and why
 * (engine/assumptions.ts holds the registry; each mechanism folder may declare its own in assumptions.ts).
 */
import type { Scenario } from '../scenario.js';

export interface Assumption {
  /** field path; `[]` stands for any index, e.g. `enablement[].gapClosed` */
  path: string;
  /** plausible range [lo, hi] */
  range: [number, number];
  /** what the number means and why it is an assumption */
  why: string;
  /** a source for the range or its default, when there is one */
  source?: string;
  /** the block must be on for the field to matter (default: a number at the path is enough) */
  when?: (s: Scenario) => boolean;
  /** the value that switches the mechanism off (an effect of 0, a multiplier of 1): not an assumption then */
  off?: number;
}
