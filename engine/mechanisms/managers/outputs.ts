/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns } from '../../kernel/outputs.js';

const on = (l: { managers?: boolean }) => (l.managers ? 1 : 0);

export const COLUMNS = {
  managerExits: { width: on, read: 'scalar', doc: 'first-line managers who left in the trial' },
  teamMonthsWithoutManager: { width: on, read: 'scalar', doc: 'team-months whose manager seat was empty' },
} as const satisfies Columns;
