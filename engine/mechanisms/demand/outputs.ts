/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns } from '../../kernel/outputs.js';

export const COLUMNS = {
  leads: { width: (l) => l.recorded?.demand ? l.months : 0, read: 'wide', doc: 'leads arrived, qualified opportunities (after the qualification delay, nurture conversions included, before the hand-off), nurture pool and leads waiting for an SDR at the month\'s end' },
  qualifiedOpps: { width: (l) => l.recorded?.demand ? l.months : 0, read: 'wide', doc: 'qualified opportunities in the month (after the qualification delay, nurture conversions included, before the hand-off)' },
  nurturePool: { width: (l) => l.recorded?.demand ? l.months : 0, read: 'wide', doc: 'leads in the nurture pool at the month\'s end' },
  leadBacklog: { width: (l) => l.recorded?.demand ? l.months : 0, read: 'wide', doc: 'leads waiting for an SDR at the month\'s end' },
  marketingOpps: { width: (l) => l.recorded?.demand ? l.months : 0, read: 'wide', doc: 'marketing-sourced opportunities created in reps\' pipelines (after hand-off and saturation), won, and their revenue, in the month' },
  marketingWon: { width: (l) => l.recorded?.demand ? l.months : 0, read: 'wide', doc: 'marketing-sourced opportunities won in the month' },
  marketingRevenue: { width: (l) => l.recorded?.demand ? l.months : 0, read: 'wide', doc: 'revenue of marketing-sourced deals in the month' },
  marketingCostLeads: { width: (l) => l.recorded?.demand ? 1 : 0, read: 'scalar', doc: 'per trial: lead (or budget), SDR and nurture-programme cost; marketing-sourced share of created (not padded) opportunities and of revenue', breakdown: { item: 'marketing', when: (s) => !!s.demand } },
  marketingCostSdr: { width: (l) => l.recorded?.demand ? 1 : 0, read: 'scalar', doc: 'SDR cost', breakdown: { item: 'sdr', when: (s) => !!s.demand?.sdr } },
  marketingCostNurture: { width: (l) => l.recorded?.demand ? 1 : 0, read: 'scalar', doc: 'nurture-programme cost', breakdown: { item: 'nurture', when: (s) => !!s.demand?.nurture } },
  marketingOppShare: { width: (l) => l.recorded?.demand ? 1 : 0, read: 'scalar', doc: 'marketing-sourced share of created (not padded) opportunities' },
  marketingRevenueShare: { width: (l) => l.recorded?.demand ? 1 : 0, read: 'scalar', doc: 'marketing-sourced share of revenue' },
} as const satisfies Columns;
