/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns } from '../../kernel/outputs.js';

export const COLUMNS = {
  leaderPresent: { width: (l) => l.months, read: 'summed', doc: '1 when a sales leader is in the seat at the start of the month, else 0 (all 1 without a leadership block)' },
  disrupted: { width: (l) => l.months, read: 'summed', doc: '1 when the month is inside a post-exit disruption window' },
  leaderChanges: { width: () => 1, read: 'scalar', doc: 'sales-leader exits within the horizon' },
  monthsWithoutLeader: { width: () => 1, read: 'scalar', doc: 'months with no sales leader at the start' },
  programmesLost: { width: () => 1, read: 'scalar', doc: 'leaders who left before their change programme took effect' },
} as const satisfies Columns;
