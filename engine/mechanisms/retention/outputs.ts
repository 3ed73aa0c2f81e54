/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns } from '../../kernel/outputs.js';

const on = (l: { retention?: boolean }) => (l.retention ? 1 : 0);

export const COLUMNS = {
  exitsTop20: { width: on, read: 'scalar', doc: 'exits of holders in the top 20% by base win rate (voluntary and involuntary)' },
  exitsOther80: { width: on, read: 'scalar', doc: 'exits of the other 80%' },
  exitRevenueTop20: { width: on, read: 'scalar', doc: "the top-20% leavers' annual revenue run rate (over their last completed quarters, up to 4)" },
  exitRevenueOther80: { width: on, read: 'scalar', doc: "the other leavers' annual revenue run rate" },
  exitPipelineTop20: { width: on, read: 'scalar', doc: "expected value of the top-20% leavers' open pipeline at exit" },
  exitPipelineOther80: { width: on, read: 'scalar', doc: "expected value of the other leavers' open pipeline at exit" },
  raiseCost: { width: on, read: 'scalar', doc: 'cost of the retention raise for the top 20%' },
} as const satisfies Columns;
