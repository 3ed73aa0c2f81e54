/**
 * Presets: the scenario files `scenarios/*.yaml`. The id is the file name without `.yaml`; the
 * description is the file's header comment (the `#` lines before the first content line).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { validateScenario, type Scenario } from '../engine/index.js';
import { fromInputIssues, type ApiIssue } from './errors.js';

export interface Preset {
  id: string;
  name: string;
  description: string;
  source: string;
  scenario: Scenario | null;
  /** present when the file does not validate */
  errors?: ApiIssue[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The header comment of a YAML text: leading `#` lines, `#` and one space removed, joined with newlines
 * (a `# yaml-language-server:` directive is skipped).
 * @example headerComment('# Baseline\n# 40 reps\nname: x') // 'Baseline\n40 reps'
 */
export function headerComment(source: string): string {
  const lines: string[] = [];
  for (const line of source.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' && lines.length === 0) continue;
    if (!t.startsWith('#')) break;
    const text = t.replace(/^#\s?/, '');
    if (/^yaml-language-server:/.test(text)) continue;
    lines.push(text);
  }
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.join('\n');
}

/** Ids of the presets in `dir` (sorted); [] when the folder does not exist. */
export async function presetIds(dir: string): Promise<string[]> {
  try {
    const files = await readdir(dir);
    return files.filter((f) => f.endsWith('.yaml') && !f.endsWith('.study.yaml') && ID.test(f.slice(0, -5))).map((f) => f.slice(0, -5)).sort();
  } catch {
    return [];
  }
}

/**
 * One preset, or null when there is none with that id.
 * @example (await loadPreset('scenarios', 'baseline'))?.scenario?.name
 */
export async function loadPreset(dir: string, id: string): Promise<Preset | null> {
  if (!ID.test(id)) return null;
  let source: string;
  try {
    source = await readFile(join(dir, `${id}.yaml`), 'utf8');
  } catch {
    return null;
  }
  const r = validateScenario(source);
  const description = headerComment(source) || (r.ok ? (r.scenario.description ?? '') : '');
  if (!r.ok) return { id, name: id, description, source, scenario: null, errors: fromInputIssues(r.errors) };
  return { id, name: r.scenario.name, description, source, scenario: r.scenario };
}
