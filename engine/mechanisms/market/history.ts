/**
 * The market in calibration and forecasting (engine/kernel/calibration.ts): its calendar start is the
 * scenario's month 1 (a forecast's plan year, a synthetic history's first month), its calendar moves with a
 * scenario moved on the calendar (keeping the anchor of its growth), and calibration writes the block when the
 * opportunities created per calendar month show growth or seasonality.
 */
import type { Scenario } from '../../scenario.js';
import { param, type MechanismHistory } from '../../kernel/calibration.js';
import { sig, sigText as fmt } from '../../stats/sig.js';

export const history = {
  calendarStart: (s: Scenario) => s.market?.start ?? null,
  // month 1 is the new start; the base month keeps its growth anchor (the scenario's, else its month 1)
  move: (s: Scenario, _written, w) => {
    const m = s.market!;
    return { set: w.start === null ? {} : { market: { ...m, start: w.start, baseMonth: m.baseMonth ?? m.start ?? w.origin } }, warnings: [] };
  },
  fromArrivals: (fit, start) => {
    if (!fit.growth && !fit.seasonality) return { set: {}, comments: {}, params: [], warnings: [] };
    const warnings = fit.tests
      .filter((t) => t.kept)
      .map((t) => `the market moves: ${t.term} ${t.term === 'growth' ? `(${sig(fit.annualGrowth * 100, 3)}% a year) ` : ''}by a likelihood-ratio test (F = ${sig(t.f, 3)}, p = ${fmt(t.pValue, 2)}): the scenario has a market block starting ${start} and opportunitiesPerMonth is the rate there, before seasonality`);
    const params = [];
    if (fit.growth) params.push({ param: param('market.annualGrowth', fit.annualGrowth, fit.annualGrowthSe, 'Poisson GLM (quasi-Poisson SE): exp(slope per year) - 1') });
    if (fit.seasonality) fit.multipliers.forEach((v, k) => params.push({ param: param(`market.seasonality[${k}]`, v, fit.multipliersSe[k], 'Poisson GLM: exp(month effect) / mean, SE by delta method') }));
    const st = fit.tests.find((t) => t.term === 'seasonality');
    const comments: Record<string, string> = {
      'market.seasonality': fit.seasonality ? `January first, mean 1 (${st!.test}: p = ${fmt(st!.pValue, 2)}); SEs in the report` : `no seasonality beyond chance${st ? ` (p = ${fmt(st.pValue, 2)})` : ' tested (under 24 months)'}`,
      'market.start': 'month 1 of the scenario: the month after the history',
      'market.baseMonth': 'reps.opportunitiesPerMonth is the rate of this month before seasonality',
      'market.annualGrowth': fit.growth ? `± ${fmt(fit.annualGrowthSe)} (${fit.tests[0].test}: p = ${fmt(fit.tests[0].pValue, 2)})` : `no growth beyond chance (p = ${fmt(fit.tests[0].pValue, 2)})`,
    };
    const market = { annualGrowth: fit.growth ? sig(fit.annualGrowth, 3) : 0, seasonality: fit.multipliers.map((v) => sig(v, 4)), start, baseMonth: start };
    return { set: { market }, comments, params, warnings };
  },
} satisfies MechanismHistory;
