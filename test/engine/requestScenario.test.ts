/** The request-body scenario reader shared by the server's routes and the static playground's worker. */
import { describe, expect, it } from 'vitest';
import { InputError, rawScenario, scenarioOrPreset, type InputIssue } from '../../engine/index.js';

const presets: Record<string, string> = { baseline: 'reps: { seats: 3 }\n' };
const readPreset = (name: string) => {
  if (!(name in presets)) throw new InputError([{ path: 'scenario', rule: 'must name a preset', message: `there is no preset '${name}'` }]);
  return presets[name];
};

describe('rawScenario', () => {
  it('reads scenario (else yaml), as an object or text, as written', () => {
    expect(rawScenario({ scenario: { reps: {} } })).toEqual({ reps: {} });
    expect(rawScenario({ yaml: 'trials: 300' })).toEqual({ trials: 300 });
    expect(rawScenario({ scenario: { yaml: 'seed: 7' } })).toEqual({ seed: 7 });
    expect(rawScenario({ scenario: 'reps: [' })).toBeNull();
  });
});

describe('scenarioOrPreset', () => {
  it('takes an object, text, { yaml } or a preset name', () => {
    const errors: InputIssue[] = [];
    expect(scenarioOrPreset({ reps: { seats: 2 } }, readPreset, errors)).toEqual({ reps: { seats: 2 } });
    expect(scenarioOrPreset({ yaml: 'reps: {}' }, readPreset, errors)).toBe('reps: {}');
    expect(scenarioOrPreset(' baseline ', readPreset, errors)).toBe(presets.baseline);
    expect(scenarioOrPreset('reps: { seats: 4 }', readPreset, errors)).toBe('reps: { seats: 4 }');
    expect(errors).toEqual([]);
  });
  it('names the field and the rule for what it cannot take', () => {
    const cases: [unknown, string, string][] = [
      [undefined, 'scenario', 'is required'],
      [{ yaml: 3 }, 'scenario.yaml', 'must be a string'],
      ['nosuch', 'scenario', 'must name a preset'],
      [42, 'scenario', 'must be an object or YAML text'],
    ];
    for (const [v, path, rule] of cases) {
      const errors: InputIssue[] = [];
      expect(scenarioOrPreset(v, readPreset, errors)).toBeUndefined();
      expect(errors.map((e) => [e.path, e.rule])).toEqual([[path, rule]]);
      expect(errors[0].message.startsWith(`${path}: `)).toBe(true);
    }
  });
});
