/**
 * Lead-export calibration of the demand block: known funnel parameters recovered within 4 SE from an
 * export shaped like a marketing-automation one (US dates, "Lead Status", "Converted Date", recent leads
 * not yet converted), generated here with its own generator, not the engine's; errors name row and column.
 */
import { describe, expect, it } from 'vitest';
import { calibrateDemand } from '../../../engine/calibrate/demand.js';
import { parseScenario } from '../../../engine/scenario.js';
import { errorsOf } from '../../helpers/errors.js';

/** A small linear congruential generator (Numerical Recipes), independent of the engine's streams. */
function lcg(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(1664525, x) + 1013904223) >>> 0;
    return (x + 0.5) / 4294967296;
  };
}
/** Poisson by Knuth's product of uniforms (fine for the means here). */
function poisson(u: () => number, mean: number): number {
  const L = Math.exp(-mean);
  let k = 0,
    p = 1;
  for (;;) {
    p *= u();
    if (p <= L) return k;
    k++;
  }
}
const usDate = (y: number, m: number, d: number) => `${m}/${d}/${y}`;

/** 24 months of leads from January 2024: Poisson(mean) a month, 12% qualify 0, 1 or 2 months later (40/40/20%), 45% of the rest nurtured. */
function leadExport(seed: number, mean: number, monthlyMeans?: (m: number) => number): string {
  const u = lcg(seed);
  const lines = ['Lead ID,Email,Created Date,Lead Status,Converted Date'];
  let id = 0;
  for (let m = 0; m < 24; m++) {
    const n = poisson(u, monthlyMeans ? monthlyMeans(m) : mean);
    for (let i = 0; i < n; i++) {
      const y = 2024 + Math.floor(m / 12);
      const mo = (m % 12) + 1;
      const created = usDate(y, mo, 1 + Math.floor(u() * 28));
      let status = 'Unqualified',
        converted = '';
      if (u() < 0.12) {
        const r = u();
        const d = r < 0.4 ? 0 : r < 0.8 ? 1 : 2;
        const cm = m + d;
        if (cm < 24) {
          status = 'Converted';
          converted = usDate(2024 + Math.floor(cm / 12), (cm % 12) + 1, 28);
        } else status = 'Working';
      } else if (u() < 0.45 / 0.88) status = u() < 0.7 ? 'Nurturing' : 'Recycled';
      lines.push(`L-${++id},lead${id}@example.com,${created},${status},${converted}`);
    }
  }
  return lines.join('\n') + '\n';
}

describe('calibrateDemand', () => {
  it('recovers leads a month, qualified share, delay and not-ready share within 4 SE; recent leads are censored', () => {
    const text = leadExport(19, 180);
    const fit = calibrateDemand(text, { asOf: '2025-12' });
    const r = fit.report;
    expect(r.months).toBe(24);
    const mean = typeof fit.demand.leadsPerMonth === 'number' ? fit.demand.leadsPerMonth : fit.demand.leadsPerMonth.mean;
    expect(Math.abs(mean - 180)).toBeLessThan(4 * Math.sqrt(180 / 24));
    expect(Math.abs(fit.demand.qualifiedShare - 0.12)).toBeLessThan(4 * r.qualifiedShareStdError);
    expect(fit.demand.qualificationDelayMonths).toBe(1);
    expect(r.delayMonths.max).toBe(2);
    // the last two months' leads may still convert: left out of the shares
    expect(r.censoredLeads).toBeGreaterThan(0);
    expect(r.eligibleLeads + r.censoredLeads).toBe(r.leads);
    const nr = fit.demand.notReadyShare!;
    expect(Math.abs(nr - 0.45)).toBeLessThan(4 * Math.sqrt((0.45 * 0.55) / r.eligibleLeads));
    // the fitted fields make a valid demand block
    expect(() => parseScenario({ reps: { seats: 2, opportunitiesPerMonth: 1, winRate: 0.2, dealSize: 1 }, demand: { ...fit.demand, notReadyShare: nr } })).not.toThrow();
  });

  it('Poisson counts give a number; months whose mean varies give { mean, sd } with the spread of the monthly mean', () => {
    const steady = calibrateDemand(leadExport(3, 200), { asOf: '2025-12' }).demand.leadsPerMonth;
    const seasonal = calibrateDemand(leadExport(3, 0, (m) => (m % 2 === 0 ? 120 : 280)), { asOf: '2025-12' }).demand.leadsPerMonth;
    expect(typeof seasonal).toBe('object');
    const s = seasonal as { mean: number; sd: number };
    // the monthly mean alternates 120 / 280: mean 200, sd 80 (sd of the rate, the Poisson part removed)
    expect(Math.abs(s.mean - 200)).toBeLessThan(4 * Math.sqrt((200 + 80 * 80) / 24));
    expect(s.sd).toBeGreaterThan(60);
    expect(s.sd).toBeLessThan(100);
    // Poisson months: no spread of the mean to speak of (a number, or a small sd)
    expect(typeof steady === 'number' ? 0 : steady.sd).toBeLessThan(20);
  });

  it('names the missing column, the bad row and the rule', () => {
    expect(errorsOf(() => calibrateDemand('Lead ID,Created Date\nA,1/2/2024\n')).map((e) => `${e.path}: ${e.rule}`)).toEqual([
      'leads.qualified: is a required column (qualified, qualified date, converted date, converted; empty when the lead did not qualify)',
    ]);
    const e = errorsOf(() => calibrateDemand('lead,created,qualified\nA,2024-02-01,2024-01-01\nB,soon,\n')).map((x) => `${x.path}: ${x.rule}`);
    expect(e).toEqual(['row 2.qualified: is before the lead was created (2024-01-01)', 'row 3.created: is not a date (soon)']);
    expect(calibrateDemand('lead,created,qualified\nA,2024-01-05,\n').report.warnings.join(' ')).toMatch(/no lead qualified/);
  });
});
