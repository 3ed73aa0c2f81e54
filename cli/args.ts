/** Small argument parsing shared by the commands: flags `--name value`, `--name=value`, booleans and repeats. */
export class UsageError extends Error {}

export interface Command {
  usage: string;
  summary: string;
  help?: string;
  run(args: string[]): Promise<number>;
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
}

/**
 * Parses `args` given which flags take a value and which are booleans; unknown flags are a usage error.
 * @example parseArgs(['a.yaml', '--trials', '10', '--json'], { values: ['trials'], booleans: ['json'] }).flags.get('trials') // ['10']
 */
export function parseArgs(args: string[], spec: { values?: string[]; booleans?: string[] }): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const booleans = new Set(spec.booleans ?? []);
  const out: ParsedArgs = { positional: [], flags: new Map() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (booleans.has(name)) {
        if (eq >= 0) throw new UsageError(`--${name} takes no value`);
        out.flags.set(name, ['true']);
      } else if (values.has(name)) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        out.flags.set(name, [...(out.flags.get(name) ?? []), v]);
      } else throw new UsageError(`unknown option --${name}`);
    } else out.positional.push(a);
  }
  return out;
}

/** Reads an integer flag within [min, max], naming the flag and the rule on failure. */
export function intFlag(p: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const v = p.flags.get(name)?.at(-1);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number between ${min} and ${max} (got '${v}')`);
  return n;
}
