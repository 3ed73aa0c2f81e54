/** The per-trial result columns this mechanism writes (TrialResults, the widths and the Summary's reading derive from them). */
import { type Columns, type ResultLayout } from '../../kernel/outputs.js';

/** Widths of this mechanism's columns: recorded only while it is on (the registry's `recorded`). */
const on = (l: ResultLayout) => l.recorded?.demand === true;
const perMonth = (l: ResultLayout) => (on(l) ? l.months : 0);
const perTrial = (l: ResultLayout) => (on(l) ? 1 : 0);

export const COLUMNS = {
  leads: { width: perMonth, read: 'wide', doc: 'leads arrived, qualified opportunities (after the qualification delay, nurture conversions included, before the hand-off), nurture pool and leads waiting for an SDR at the month\'s end' },
  qualifiedOpps: { width: perMonth, read: 'wide', doc: 'qualified opportunities in the month (after the qualification delay, nurture conversions included, before the hand-off)' },
  nurturePool: { width: perMonth, read: 'wide', doc: 'leads in the nurture pool at the month\'s end' },
  leadBacklog: { width: perMonth, read: 'wide', doc: 'leads waiting for an SDR at the month\'s end' },
  marketingOpps: { width: perMonth, read: 'wide', doc: 'marketing-sourced opportunities created in reps\' pipelines (after hand-off and saturation), won, and their revenue, in the month' },
  marketingWon: { width: perMonth, read: 'wide', doc: 'marketing-sourced opportunities won in the month' },
  marketingRevenue: { width: perMonth, read: 'wide', doc: 'revenue of marketing-sourced deals in the month' },
  marketingCostLeads: { width: perTrial, read: 'scalar', doc: 'per trial: lead (or budget), SDR and nurture-programme cost; marketing-sourced share of created (not padded) opportunities and of revenue', breakdown: { item: 'marketing', when: (s) => !!s.demand } },
  marketingCostSdr: { width: perTrial, read: 'scalar', doc: 'SDR cost', breakdown: { item: 'sdr', when: (s) => !!s.demand?.sdr } },
  marketingCostNurture: { width: perTrial, read: 'scalar', doc: 'nurture-programme cost', breakdown: { item: 'nurture', when: (s) => !!s.demand?.nurture } },
  marketingOppShare: { width: perTrial, read: 'scalar', doc: 'marketing-sourced share of created (not padded) opportunities' },
  marketingRevenueShare: { width: perTrial, read: 'scalar', doc: 'marketing-sourced share of revenue' },
} as const satisfies Columns;
