/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns } from '../../kernel/outputs.js';

export const COLUMNS = {
  hires: { width: () => 1, read: 'scalar', doc: 'holders hired in the trial' },
} as const satisfies Columns;
