/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns } from '../../kernel/outputs.js';

export const COLUMNS = {
  territoryRevenue: { width: (l) => l.territories, read: 'wide', doc: 'revenue per territory, index = trial * territories + t' },
} as const satisfies Columns;
