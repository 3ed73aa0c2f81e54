/**
 * The scenario of a request body, read the same way by the server's routes and by the static playground's
 * engine worker (which answers as the server does): one reader, so the two cannot drift apart.
 */
import { InputError, type InputIssue } from './errors.js';
import { parseText } from './scenario.js';

/** A preset's name as a request may give it in place of a scenario: `baseline`, `hiring-vs-enablement.hire`. */
export const PRESET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const at = (path: string | null, rule: string, message: string): InputIssue => ({ path, rule, message });

/**
 * The request's scenario as written (before the schema's defaults), to see e.g. whether it names its trials:
 * `scenario` (else `yaml`), an object or YAML/JSON text (also `{ yaml }`) parsed; null when the text does
 * not parse (the scenario's own check reports that).
 * @example rawScenario({ scenario: { reps: {} } }) // { reps: {} }
 * @example rawScenario({ yaml: 'trials: 300' }) // { trials: 300 }
 */
export function rawScenario(body: Record<string, unknown>): unknown {
  const v = body.scenario === undefined ? body.yaml : body.scenario;
  const text = typeof v === 'string' ? v : isObject(v) && Object.keys(v).length === 1 && typeof v.yaml === 'string' ? v.yaml : null;
  if (text === null) return v;
  try {
    return parseText(text);
  } catch {
    return null;
  }
}

/**
 * The scenario of a body's `scenario` field as the engine takes it (an object or YAML/JSON text): a scenario
 * object, its text, `{ yaml }`, or a preset's name (read with `readPreset`). A missing or malformed value
 * adds an issue naming `scenario` (or `scenario.yaml`) to `errors` and answers undefined.
 * @example scenarioOrPreset({ yaml: 'reps: {}' }, () => '', []) // 'reps: {}'
 * @example scenarioOrPreset(undefined, () => '', errors) // undefined, errors: [{ path: 'scenario', rule: 'is required', ... }]
 */
export function scenarioOrPreset(v: unknown, readPreset: (name: string) => string, errors: InputIssue[]): unknown {
  if (v === undefined || v === null) {
    errors.push(at('scenario', 'is required', 'scenario: is required (a scenario object, its YAML text, { yaml } or a preset name)'));
    return undefined;
  }
  if (isObject(v) && Object.keys(v).length === 1 && 'yaml' in v) {
    if (typeof v.yaml === 'string') return v.yaml;
    errors.push(at('scenario.yaml', 'must be a string', 'scenario.yaml: must be a string of YAML or JSON text'));
    return undefined;
  }
  if (typeof v === 'string' && PRESET_NAME.test(v.trim())) {
    try {
      return readPreset(v.trim());
    } catch (e) {
      errors.push(at('scenario', 'must name a preset', `scenario: ${e instanceof InputError ? e.errors[0].message : 'is not a preset name'} (or give the scenario's YAML text or an object)`));
      return undefined;
    }
  }
  if (typeof v === 'string' || isObject(v)) return v;
  errors.push(at('scenario', 'must be an object or YAML text', 'scenario: must be a scenario object, its YAML text, { yaml } or a preset name'));
  return undefined;
}
