/**
 * Hiring in calibration and forecasting (engine/kernel/calibration.ts): its plan follows a scenario moved on
 * the calendar, a forecast's `hire` action opens seats in its plan, and calibration writes the block from the
 * roster's backfills and the fitted ramp.
 */
import type { Scenario } from '../../scenario.js';
import { param, type MechanismHistory } from '../../kernel/calibration.js';
import { sig } from '../../stats/sig.js';

export const history = {
  // planned hires move with the calendar: those opened before the new month 1 or after the horizon are dropped
  move: (s: Scenario, written: Record<string, unknown>, w) => {
    const plan0 = s.hiring!.plan;
    const plan = plan0.filter((p) => p.month - w.shift >= 1 && p.month - w.shift <= w.months).map((p) => ({ ...p, month: p.month - w.shift }));
    const dropped = plan0.length - plan.length;
    const warnings = dropped ? [`${dropped} planned hires open before ${w.start ?? `month ${w.shift + 1}`} or after the forecast: dropped (those already open are vacancies in the team)`] : [];
    return { set: { hiring: { ...(written.hiring as Record<string, unknown>), plan } }, warnings };
  },
  rampMonths: (s: Scenario) => s.hiring?.ramp.months ?? 0,
  // the seats open in month 1 and fill after the scenario's time to fill, ramping as its hires do
  hire: (written: Record<string, unknown>, a) => {
    const hiring = written.hiring as Record<string, unknown> | undefined;
    if (!hiring) return { refused: 'needs a hiring block in the scenario (time to fill and ramp)' };
    const plan = [...((hiring.plan as unknown[]) ?? []), { month: 1, seats: a.seats, ...(a.territory !== undefined ? { territory: a.territory } : {}) }];
    return { patch: { hiring: { plan } } };
  },
  fromRoster: (fit) => {
    const ttf = fit.timeToFillMean === null ? 2 : fit.timeToFillSd ? { mean: sig(fit.timeToFillMean, 3), sd: sig(fit.timeToFillSd, 3) } : sig(fit.timeToFillMean, 3);
    const backfill = fit.exits === 0 || fit.backfilled >= fit.exits / 2;
    const comments: Record<string, string> = {
      'hiring.backfill': `${fit.backfilled} of ${fit.exits} exits followed by a hire in the same territory within 12 months`,
      'hiring.timeToFillMonths': fit.timeToFillMean === null ? 'default (no backfill observed)' : `months between exit and the next hire, mean over ${fit.backfilled} backfills`,
    };
    const params = [];
    if (fit.timeToFillMean !== null) params.push({ param: param('hiring.timeToFillMonths', fit.timeToFillMean, fit.timeToFillSd !== null ? fit.timeToFillSd / Math.sqrt(fit.backfilled) : null, 'mean gap exit -> next hire in the territory'), comment: null });
    if (fit.rampMonths !== null) params.push({ param: param('hiring.ramp.months', fit.rampMonths, null, 'linear ramp, profile likelihood over whole months 0..24'), comment: 'linear ramp, profile likelihood over whole months 0..24 (see report.productivity)' });
    const growth = fit.hiresInWindow - fit.backfilled;
    const warnings = growth > 0 ? [`${growth} hires in the window were not backfills (net growth): the scenario starts from today's seats; add hiring.plan for the growth you expect`] : [];
    return { set: { hiring: { backfill, timeToFillMonths: ttf, ramp: { months: fit.rampMonths ?? 0, curve: 'linear' } } }, comments, params, warnings };
  },
} satisfies MechanismHistory;
