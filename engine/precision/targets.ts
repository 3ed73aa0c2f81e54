/**
 * Precision targets: what a precision-targeted run must reach before it stops. Written as a comma-separated
 * list, e.g. `p_plan=0.01,revenue=0.5%`:
 * - `p_plan=H`: the 95% (Wilson) interval of P(plan) has half-width at most H (0.01, or 1%).
 * - `revenue=R`: the 95% interval of mean total revenue has half-width at most R of the mean (0.5% or 0.005).
 * - `arr=R`: the same for the mean ARR at the horizon (a scenario with a customers block).
 * - `diff=D`: in a comparison, the 95% interval of every variant's mean paired revenue difference has
 *   half-width at most D (money).
 * - `bracket`: in a goal seek, the answer is decided: the target's interval at the answer and at its
 *   neighbour on the other side both exclude the target value.
 */
import { InputError, issue } from '../errors.js';

export type TargetName = 'p_plan' | 'revenue' | 'arr' | 'diff' | 'bracket';

export interface PrecisionTarget {
  name: TargetName;
  /** the half-width asked for: absolute for p_plan and diff, relative to the mean for revenue and arr; 0 for bracket */
  value: number;
  /** as written */
  text: string;
}

/** The names, with what each one measures (for messages and help). */
export const TARGET_NAMES: Record<TargetName, string> = {
  p_plan: '95% CI half-width of P(plan), e.g. p_plan=0.01',
  revenue: 'relative 95% CI half-width of mean total revenue, e.g. revenue=0.5%',
  arr: 'relative 95% CI half-width of mean ARR at the horizon, e.g. arr=1%',
  diff: '95% CI half-width of the mean paired revenue difference (compare), e.g. diff=50000',
  bracket: 'goal seek: the answer decided (its interval and its neighbour\'s exclude the target)',
};

/** Parses `0.5%` or `0.005` (a share), or a plain number. */
function amount(text: string, percentAllowed: boolean): number {
  const t = text.trim().replace(/_/g, '');
  if (percentAllowed && t.endsWith('%')) return Number(t.slice(0, -1)) / 100;
  return t === '' ? NaN : Number(t);
}

/**
 * Parses a precision spec; throws an InputError naming `field` and the rule otherwise.
 * @example parsePrecision('p_plan=0.01,revenue=0.5%').map((t) => t.value) // [0.01, 0.005]
 */
export function parsePrecision(text: string, field = 'precision'): PrecisionTarget[] {
  const bad = (rule: string) => new InputError([issue(field, rule)]);
  if (typeof text !== 'string' || text.trim() === '') throw bad(`must name at least one target (${Object.keys(TARGET_NAMES).join(', ')}), e.g. p_plan=0.01`);
  const out: PrecisionTarget[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (!(name in TARGET_NAMES)) throw bad(`'${name}' is not a precision target (known: ${Object.keys(TARGET_NAMES).join(', ')})`);
    if (out.some((t) => t.name === name)) throw bad(`names ${name} twice`);
    if (name === 'bracket') {
      if (eq >= 0 && !/^(decided|true|yes)$/i.test(part.slice(eq + 1).trim())) throw bad(`bracket takes no value (or bracket=decided), got '${part}'`);
      out.push({ name, value: 0, text: part });
      continue;
    }
    if (eq < 0) throw bad(`${name} needs a value, e.g. ${TARGET_NAMES[name as TargetName].split('e.g. ')[1]}`);
    const v = amount(part.slice(eq + 1), name !== 'diff');
    if (!Number.isFinite(v) || v <= 0) throw bad(`${name} must be a positive number (got '${part.slice(eq + 1).trim()}')`);
    if ((name === 'p_plan' && v >= 0.5) || ((name === 'revenue' || name === 'arr') && v >= 1)) throw bad(`${name}=${part.slice(eq + 1).trim()} asks for no precision: ${name === 'p_plan' ? 'a half-width must be under 0.5' : 'a relative half-width must be under 100%'}`);
    out.push({ name: name as TargetName, value: v, text: part });
  }
  return out;
}
