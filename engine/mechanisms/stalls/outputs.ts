/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns } from '../../kernel/outputs.js';

export const COLUMNS = {
  stalledEnd: { width: (l) => l.figures ? l.months : 0, read: 'wide', doc: 'stalled opportunities at the month\'s end' },
  stalledShare: { width: (l) => l.figures ? 1 : 0, read: 'scalar', doc: 'stalled / open opportunities summed over month ends (0 without stalls)' },
} as const satisfies Columns;
