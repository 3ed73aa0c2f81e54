/** Hiring's slice of the compiled scenario (engine/kernel/slice.ts): requisitions, time to fill, ramp, onboarding. */
import { defineSlice } from '../../kernel/slice.js';
import { CURVE } from '../../kernel/ramp.js';
import { PURPOSE } from './streams.js';

/** Hiring's compiled parameters (off: no hiring, nothing filled). */
export interface HiringCompiled {
  hiring: boolean;
  backfill: boolean;
  ttfMean: number;
  ttfSd: number;
  rampMonths: number;
  rampCurve: number;
  onboardingCapacity: number;
  costPerHire: number;
}
declare module '../../kernel/compiled.js' {
  interface Compiled extends HiringCompiled {}
}

/** Compiles the hiring block; draws each seat's time to fill from its `fill` stream. */
export const slice = defineSlice({
  compile: (s): HiringCompiled => {
    const ttf = s.hiring?.timeToFillMonths ?? 0;
    return {
      hiring: s.hiring !== null,
      backfill: s.hiring?.backfill ?? false,
      ttfMean: typeof ttf === 'number' ? ttf : ttf.mean,
      ttfSd: typeof ttf === 'number' ? 0 : ttf.sd,
      rampMonths: s.hiring?.ramp.months ?? 0,
      rampCurve: CURVE[s.hiring?.ramp.curve ?? 'linear'],
      onboardingCapacity: s.hiring?.onboardingCapacityPerMonth ?? Infinity,
      costPerHire: s.hiring?.costPerHire ?? 0,
    };
  },
  purposes: (s) => (s.hiring ? 1 << PURPOSE.fill : 0),
});
