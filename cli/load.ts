/** Finding and reading scenario files and presets for the CLI. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
// the engine's modules themselves, not its index: `salesim run` starts without loading what it does not use
import { InputError, issue } from '../engine/errors.js';
import { isStudy } from '../engine/study.js';
import { parseScenario, parseText, type Scenario } from '../engine/scenario.js';

/** The folder of preset scenarios shipped with salesim. */
export const SCENARIOS_DIR = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../scenarios/' : '../../scenarios/', import.meta.url));

export interface Preset {
  id: string;
  file: string;
  /** the header comment: the question the preset answers */
  description: string;
}

/**
 * Presets: every `scenarios/*.yaml` (studies excluded), with the header comment as description.
 * @example listPresets().map((p) => p.id) // ['baseline', ...]
 */
export function listPresets(dir = SCENARIOS_DIR): Preset[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('.study.yaml'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return { id: f.replace(/\.yaml$/, ''), file: join(dir, f), description: headerComment(text) };
    });
}

/**
 * The leading comment block of a YAML file, without the `#`s (schema modelines skipped).
 * @example headerComment('# Hello\n# world\nname: x') // 'Hello world'
 */
export function headerComment(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t.startsWith('#')) break;
    const body = t.replace(/^#+\s?/, '');
    if (body.startsWith('yaml-language-server')) continue;
    lines.push(body);
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Reads a scenario file, or a preset by name; a missing file is an input error naming it.
 */
export function readScenarioSource(arg: string): { text: string; file: string } {
  const asFile = resolve(arg);
  if (existsSync(asFile)) return { text: readFileSync(asFile, 'utf8'), file: asFile };
  const preset = join(SCENARIOS_DIR, `${arg}.yaml`);
  if (!arg.includes('/') && existsSync(preset)) return { text: readFileSync(preset, 'utf8'), file: preset };
  if (!arg.includes('/') && existsSync(join(SCENARIOS_DIR, `${arg}.study.yaml`))) throw new InputError([issue(null, studyMessage(arg))]);
  throw new InputError([issue(null, `no such file or preset: '${arg}' (see \`salesim presets\`)`)]);
}

/** Reads and validates a scenario file or preset. */
export function loadScenario(arg: string): { scenario: Scenario; file: string; text: string } {
  const src = readScenarioSource(arg);
  rejectStudy(arg, src.text);
  return { ...src, scenario: parseScenario(src.text) };
}

const studyMessage = (arg: string) => `'${arg}' is a study (a baseline and variants), not a scenario: use \`salesim compare ${arg}\``;

/**
 * A study file given where a scenario is expected fails with one line saying so, not with the
 * scenario schema's complaints about its compare block.
 * @example rejectStudy('s.yaml', 'compare: {}') // throws: 's.yaml' is a study ... use `salesim compare s.yaml`
 */
export function rejectStudy(arg: string, text: string): void {
  let raw: unknown;
  try {
    raw = parseText(text);
  } catch {
    return; // a syntax error: parseScenario reports it with its line and column
  }
  if (isStudy(raw)) throw new InputError([issue(null, studyMessage(arg))]);
}
