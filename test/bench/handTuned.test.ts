import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runHandTuned } from '../../bench/handTuned.js';
import { parseScenario } from '../../engine/scenario.js';
import { runTrials } from '../../engine/simulate.js';
import { moments } from '../helpers/stat.js';
import YAML from 'yaml';

/** bench/core-model.yaml as the bench's parameters (bench/run.ts) */
const params = { seats: 100, months: 36, rate: 4, winMean: 0.25, winConcentration: 8, dealMedian: 25000, dealSigma: 0.8, cycleMonths: 3, annualAttrition: 0.3, pipelineLoss: 0.5, timeToFill: 2, rampMonths: 6 };

describe('bench/handTuned (the hand-tuned kernel of the core model)', () => {
  it('is the same model as the engine: total revenue has the same mean and variance within 4 standard errors', () => {
    const n = 1500;
    const hand = moments(runHandTuned(params, 3, n));
    const s = parseScenario(YAML.parse(readFileSync(new URL('../../bench/core-model.yaml', import.meta.url), 'utf8')));
    const r = runTrials(s, 11, 0, n);
    const totals = new Float64Array(n);
    for (let t = 0; t < n; t++) for (let m = 0; m < 36; m++) totals[t] += r.revenue[t * 36 + m];
    const eng = moments(totals);
    const seDiff = Math.sqrt(hand.variance / n + eng.variance / n);
    expect(Math.abs(hand.mean - eng.mean)).toBeLessThan(4 * seDiff);
    // variance: SE of each sample variance from its fourth moment
    const seVar = Math.sqrt((hand.m4 - hand.variance ** 2) / n + (eng.m4 - eng.variance ** 2) / n);
    expect(Math.abs(hand.variance - eng.variance)).toBeLessThan(4 * seVar);
  });

  it('is deterministic by seed and differs across seeds', () => {
    expect(runHandTuned(params, 5, 20)).toEqual(runHandTuned(params, 5, 20));
    expect(runHandTuned(params, 5, 20)).not.toEqual(runHandTuned(params, 6, 20));
  });
});
