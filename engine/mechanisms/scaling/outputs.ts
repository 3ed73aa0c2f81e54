/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns } from '../../kernel/outputs.js';

const on = (l: { recorded?: Readonly<Record<string, true>> }) => (l.recorded?.scaling ? 1 : 0);

export const COLUMNS = {
  rushedHires: { width: on, read: 'scalar', doc: 'hires made beyond the recruiting capacity of their month' },
  dragShare: { width: on, read: 'scalar', doc: "share of a rep's new opportunities lost to coordination drag, averaged over the months" },
  peakSeated: { width: on, read: 'scalar', doc: 'the largest seated team of the trial' },
} as const satisfies Columns;
