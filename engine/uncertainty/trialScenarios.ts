/**
 * Uncertain inputs, the per-trial step: before trial t begins, its draws (engine/uncertainty/design.ts)
 * are written into the scenario's uncertain fields, and the patched scenario is re-resolved
 * (parseScenario: defaults, derived fields and every cross-field rule) and re-compiled; the trial then
 * runs on it exactly as a scenario without uncertainty runs. The re-resolving is skipped when the patched
 * scenario provably re-parses to itself (engine/uncertainty/patchedScenario.ts: its drawn blocks and the
 * cross-field rules are checked per trial instead). Measured on the baseline (40 seats, 24
 * months): re-resolving 0.12 ms, compiling 0.05 ms and the seat state 0.05 ms per trial against about
 * 1 ms for the trial itself, so re-compiling is kept over a per-field override of compiled numbers
 * (which would need a hand-written mapping for every field, and would not follow new blocks).
 *
 * It lives beside the design, not in the uncertainty mechanism's folder: it parses whole scenarios, which a
 * mechanism's files (kernel, random and stats only) may not; engine/simulate.ts calls it before the trials.
 */
import { InputError, issue } from '../errors.js';
import { parseScenario, type Scenario } from '../scenario.js';
import { uncertainDesign, type Design } from './design.js';
import { patchedScenarios } from './patchedScenario.js';

export interface TrialScenarios {
  design: Design;
  /** the scenario without its uncertainty block (every uncertain field at its median) */
  base: Scenario;
  /** the resolved scenario of trial t (from <= t < from + count) */
  at(t: number): Scenario;
}

/**
 * The scenarios of trials [from, from + count) of an n-trial run of `s` with `seed`.
 * @example // trialScenarios(s, 1, 2000, 0, 100).at(7).reps.winRate — trial 7's drawn win rate
 */
export function trialScenarios(s: Scenario, seed: number, n: number, from: number, count: number): TrialScenarios {
  const { uncertainty, ...base } = s;
  if (!uncertainty) throw new RangeError('trialScenarios: the scenario has no uncertain parameters');
  const design = uncertainDesign(uncertainty, seed, n, from, count);
  const k = design.params.length;
  // the patch itself when it provably re-parses to itself (engine/uncertainty/patchedScenario.ts)
  const patched = patchedScenarios(base as Scenario, design.params, (x) => parseScenario(x));
  return {
    design,
    base: base as Scenario,
    at(t: number): Scenario {
      const row = t - from;
      const x = patched.patch(design.values, row * k);
      if (patched.fast && patched.check(x)) return x;
      try {
        return parseScenario(x);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const drawn = design.params.map((p, j) => `${p.path} = ${+design.values[row * k + j].toPrecision(6)}`).join(', ');
        throw new InputError(e.errors.map((x) => issue(x.path, `${x.rule} (with the draws of trial ${t}: ${drawn}; narrow the distributions)`)));
      }
    },
  };
}
