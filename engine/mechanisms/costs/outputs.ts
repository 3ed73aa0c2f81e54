/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { COST_ITEMS, type Columns } from '../../kernel/outputs.js';

export const COLUMNS = {
  costItems: { width: (l) => COST_ITEMS.length, read: 'wide', doc: 'cost per item per trial, index = trial * COST_ITEMS.length + item' },
} as const satisfies Columns;
