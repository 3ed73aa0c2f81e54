/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns } from '../../kernel/outputs.js';

export const COLUMNS = {
  padded: { width: (l) => l.months, doc: 'opportunities created by padding in the month' },
  paddedShare: { width: () => 1, read: 'scalar', doc: 'opportunities created by padding / all created (0 when no coverage rule)' },
  realisedCoverage: { width: () => 1, read: 'scalar', doc: 'pipeline value after padding / remaining quarterly quota, summed over rep-months (NaN when no coverage rule)' },
  createdOpps: { width: (l) => l.figures ? l.months : 0, doc: 'real (not padded) opportunities created in each month (not read by the Summary: the streamed Summary does not keep it)' },
  resolvedOpps: { width: (l) => l.figures ? l.months : 0, read: 'wide', doc: 'opportunities resolved (won, lost or no decision) in each month, padded included' },
  wonOpps: { width: (l) => l.figures ? l.months : 0, read: 'wide', doc: 'opportunities won in each month, padded included' },
  openValue: { width: (l) => l.figures ? l.months : 0, read: 'wide', doc: 'open pipeline value (open opportunities x E[deal] x the rep\'s multiplier) after padding, before resolution' },
  openEnd: { width: (l) => l.figures ? l.months : 0, read: 'wide', doc: 'open and stalled opportunities at the month\'s end' },
  multiple: { width: (l) => l.figures ? l.months : 0, read: 'wide', doc: 'the global coverage multiple in force in the month (NaN when the policy is not global)' },
  requiredCoverage: { width: (l) => l.figures ? 1 : 0, read: 'scalar', doc: 'required pipeline value / remaining quarterly quota, over rep-months (NaN without a coverage rule)' },
  realisedWinRate: { width: (l) => l.figures ? 1 : 0, read: 'scalar', doc: 'won / resolved opportunities over the horizon, padded included' },
  top20Attainment: { width: (l) => l.figures ? 1 : 0, read: 'scalar', doc: 'the top 20% and the other 80% of persons by base win rate: mean attainment of their person-years, padded / created' },
  bottom80Attainment: { width: (l) => l.figures ? 1 : 0, read: 'scalar', doc: 'mean attainment of the other 80% of persons by base win rate' },
  top20PaddedShare: { width: (l) => l.figures ? 1 : 0, read: 'scalar', doc: 'padded / created opportunities of the top 20% of persons' },
  bottom80PaddedShare: { width: (l) => l.figures ? 1 : 0, read: 'scalar', doc: 'padded / created opportunities of the other 80%' },
} as const satisfies Columns;
