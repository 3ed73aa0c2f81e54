/**
 * One problem with an input, in the one shape used everywhere (CLI, HTTP, playground).
 * `path` names the field (`territories[1].potential`), or is null for whole-input problems;
 * a YAML syntax error carries `line` and `column` instead.
 */
export interface InputIssue {
  path: string | null;
  rule: string;
  message: string;
  line?: number;
  column?: number;
}

/** Thrown by the engine for bad input; carries every problem found, not just the first. */
export class InputError extends Error {
  readonly errors: InputIssue[];
  constructor(errors: InputIssue[]) {
    super(errors.map(formatIssue).join('\n'));
    this.name = 'InputError';
    this.errors = errors;
  }
}

/** Kept for readability at call sites that deal with scenarios. */
export { InputError as ScenarioError };

/**
 * Formats a path array as `a.b[1].c`.
 * @example formatPath(['territories', 1, 'potential']) // 'territories[1].potential'
 */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** Makes an issue with a message that names the field and the rule. */
export function issue(path: string | null, rule: string): InputIssue {
  return { path, rule, message: path ? `${path}: ${rule}` : rule };
}

/**
 * One line per problem, as the CLI prints them.
 * @example formatIssue(issue('reps.winRate.mean', 'must be between 0 and 1')) // 'reps.winRate.mean: must be between 0 and 1'
 */
export function formatIssue(e: InputIssue): string {
  if (e.line !== undefined) return `line ${e.line}, column ${e.column ?? 1}: ${e.rule}`;
  return e.path ? `${e.path}: ${e.rule}` : e.rule;
}
