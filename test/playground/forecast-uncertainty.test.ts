// @vitest-environment happy-dom
/** The "As of today" view says whether P(plan)'s interval carries parameter uncertainty (issue 25). */
import { describe, expect, it } from 'vitest';
import { paramNote } from '../../playground/src/components/sim-forecast.js';

describe('paramNote', () => {
  it("says how many fitted rates each trial draws, or that the rates are taken as known", () => {
    expect(paramNote({ parameterUncertainty: { paths: ['reps.winRate.mean', 'reps.opportunitiesPerMonth'] } })).toBe(
      "includes parameter uncertainty: 2 fitted rates drawn in every trial (the interval is the simulation's own around it)",
    );
    expect(paramNote({ parameterUncertainty: { paths: ['reps.winRate.mean'] } })).toMatch(/^includes parameter uncertainty: 1 fitted rate drawn/);
    expect(paramNote({ parameterUncertainty: { paths: [] } })).toBe("no parameter uncertainty: the scenario's rates are taken as known (a calibrated scenario draws them)");
  });
});
