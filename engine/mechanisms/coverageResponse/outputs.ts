/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns } from '../../kernel/outputs.js';

const on = (l: { coverageResponse?: boolean }) => (l.coverageResponse ? 1 : 0);

export const COLUMNS = {
  responseOpps: { width: on, read: 'scalar', doc: 'extra real opportunities prospected in answer to the coverage rule' },
  responseHours: { width: on, read: 'scalar', doc: 'hours taken from working deals for that prospecting' },
  responseExpected: { width: on, doc: 'the sum of the Poisson means of those opportunities (a check of the sampler)' },
} as const satisfies Columns;
