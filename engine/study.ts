/**
 * Study files: a baseline scenario and named variants, each a JSON merge patch on the baseline (or a
 * whole scenario), compared on common random numbers. Pure: reading a referenced file is injected.
 *
 * ```yaml
 * name: Hire or enable?
 * trials: 4000            # optional; the CLI's --trials wins, then this, then the baseline's
 * compare:
 *   baseline: hiring-vs-enablement.hire.yaml     # a path relative to the study, or an inline scenario
 *   variants:
 *     - name: enable
 *       scenario: hiring-vs-enablement.enable.yaml   # a whole scenario (path or inline) ...
 *     - name: hire 12
 *       patch: { hiring: { plan: [ ... ] } }         # ... or a merge patch on the baseline
 *     - name: enable, half the adoption
 *       scenario: hiring-vs-enablement.enable.yaml   # ... or a patch on another scenario
 *       patch: { enablement: [ { ... } ] }
 * ```
 */
import { z } from 'zod';
import { InputError, issue, type InputIssue } from './errors.js';
import { parseScenario, parseText, zodIssues, type Scenario } from './scenario.js';
import { applyScenarioPatch, checkPatch, joinPath, prefixIssues } from './patch.js';

const StudySchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string({ error: 'must be a string' }).optional(),
  description: z.string({ error: 'must be a string' }).optional(),
  trials: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be between 1 and 1000000').max(1_000_000, 'must be between 1 and 1000000').optional(),
  seed: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be between 0 and 4294967295').max(2 ** 32 - 1, 'must be between 0 and 4294967295').optional(),
  compare: z.strictObject({
    baseline: z.union([z.string(), z.record(z.string(), z.unknown())], { error: 'must be a file path or an inline scenario' }),
    variants: z
      .array(
        z.strictObject({
          name: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
          patch: z.record(z.string(), z.unknown(), { error: 'must be a mapping of fields to change (a JSON merge patch)' }).optional(),
          scenario: z.union([z.string(), z.record(z.string(), z.unknown())], { error: 'must be a file path or an inline scenario' }).optional(),
        }),
        { error: 'must be a list' },
      )
      .min(1, 'must have at least one variant'),
  }),
});

/** A parsed study: every scenario resolved and validated. */
export interface Study {
  name: string;
  description?: string;
  trials?: number;
  seed?: number;
  baseline: Scenario;
  /** where the baseline came from: a file path as written in the study, or null when inline */
  baselineSource: string | null;
  variants: { name: string; scenario: Scenario }[];
}

/** Reads a scenario file named in a study (path as written, relative to the study); returns its text. */
export type ReadScenarioFile = (path: string) => string;

/**
 * Whether a parsed YAML/JSON value is a study (has a top-level `compare` block) rather than a scenario.
 * @example isStudy({ compare: { baseline: 'a.yaml', variants: [] } }) // true
 */
export function isStudy(raw: unknown): boolean {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'compare' in raw;
}

/** Loads a scenario reference (path or inline object) into its raw form, with errors under `at`. */
function loadRaw(ref: string | Record<string, unknown>, at: string, read: ReadScenarioFile | undefined): unknown {
  if (typeof ref !== 'string') return ref;
  if (!read) throw new InputError([issue(at, `names a file ('${ref}') but no file reader was given; inline the scenario instead`)]);
  let text: string;
  try {
    text = read(ref);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(prefixIssues(e.errors, at));
    throw new InputError([issue(at, `cannot read '${ref}': ${e instanceof Error ? e.message : String(e)}`)]);
  }
  try {
    return parseText(text);
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(e.errors.map((x) => ({ ...x, rule: `in ${ref}: ${x.rule}`, message: `${ref}: ${x.message}` })));
    throw e;
  }
}

function parseAt(raw: unknown, at: string): Scenario {
  try {
    return parseScenario(raw);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(prefixIssues(e.errors, at));
    throw e;
  }
}

/**
 * Checks what a comparison needs of a variant beyond being a valid scenario: the same horizon as the
 * baseline (differences are month by month). `at` names the variant (e.g. `variants[1].scenario`).
 * @example checkComparable(base, variant, 'variants[0].scenario') // [] when the horizons agree
 */
export function checkComparable(baseline: Scenario, variant: Scenario, at: string): InputIssue[] {
  if (variant.horizonMonths !== baseline.horizonMonths)
    return [issue(joinPath(at, 'horizonMonths'), `must equal the baseline's horizon (${baseline.horizonMonths} months): a comparison is month by month`)];
  return [];
}

/**
 * Builds one variant from a merge patch on the baseline's raw form; `seed` and `trials` belong to the
 * whole comparison and cannot be patched.
 * @example patchVariant({ reps: { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1 } }, { reps: { seats: 12 } }, 'variants[0].patch').reps.seats // 12
 */
export function patchVariant(baselineRaw: unknown, patch: unknown, at: string): Scenario {
  const errors = checkPatch(patch, at);
  if (patch && typeof patch === 'object' && !Array.isArray(patch)) {
    for (const k of ['seed', 'trials'])
      if (k in patch) errors.push(issue(joinPath(at, k), 'is shared by every scenario of a comparison; set it on the study or with --' + k));
  }
  if (errors.length > 0) throw new InputError(errors);
  return applyScenarioPatch(baselineRaw, patch, at);
}

const VariantsSchema = StudySchema.shape.compare.shape.variants;
const BaselineSchema = StudySchema.shape.compare.shape.baseline;

/** A comparison request as the HTTP API takes it: the study's compare block at the root. */
const RequestSchema = z.strictObject({
  baseline: BaselineSchema,
  variants: VariantsSchema,
  trials: StudySchema.shape.trials,
  seed: StudySchema.shape.seed,
});

/** A validated compare block (typed by hand: zod's inferred optionality differs without `strict`). */
interface ComparisonBlock {
  baseline: string | Record<string, unknown>;
  variants: { name: string; patch?: Record<string, unknown>; scenario?: string | Record<string, unknown> }[];
}

/** Resolves a compare block's baseline and variants; every path starts with `prefix` ('' or 'compare.'). */
function resolveComparison(
  block: ComparisonBlock,
  prefix: string,
  readFile: ReadScenarioFile | undefined,
): { baseline: Scenario; variants: Study['variants'] } {
  const baselineRaw = loadRaw(block.baseline, `${prefix}baseline`, readFile);
  const baseline = parseAt(baselineRaw, `${prefix}baseline`);
  const errors: InputIssue[] = [];
  const names = new Set<string>();
  const variants: Study['variants'] = [];
  block.variants.forEach((v, i) => {
    const at = `${prefix}variants[${i}]`;
    if (names.has(v.name)) errors.push(issue(`${at}.name`, 'must be unique'));
    names.add(v.name);
    if (v.patch === undefined && v.scenario === undefined) {
      errors.push(issue(at, 'needs a patch (a merge patch on the baseline), a scenario (a file path or inline scenario), or both (a patch on that scenario)'));
      return;
    }
    try {
      const own = v.scenario !== undefined ? loadRaw(v.scenario, `${at}.scenario`, readFile) : undefined;
      const scenario =
        v.patch !== undefined ? patchVariant(own ?? baselineRaw, v.patch, `${at}.patch`) : parseAt(own, `${at}.scenario`);
      const bad = checkComparable(baseline, scenario, `${at}.${v.patch !== undefined ? 'patch' : 'scenario'}`);
      if (bad.length > 0) errors.push(...bad);
      else variants.push({ name: v.name, scenario });
    } catch (e) {
      if (e instanceof InputError) errors.push(...e.errors);
      else throw e;
    }
  });
  if (errors.length > 0) throw new InputError(errors);
  return { baseline, variants };
}

/**
 * Parses and validates a study (YAML/JSON text or an object). Every problem is reported with its path
 * from the study's root, e.g. `compare.variants[1].patch.reps.winRat: is not a known field`.
 * @example parseStudy({ compare: { baseline: { reps: { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1 } }, variants: [ { name: 'more', patch: { reps: { seats: 12 } } } ] } }).variants[0].scenario.reps.seats // 12
 */
export function parseStudy(input: string | unknown, readFile?: ReadScenarioFile): Study {
  const raw = typeof input === 'string' ? parseText(input) : input;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new InputError([issue(null, 'a study must be a mapping with a compare block')]);
  const r = StudySchema.safeParse(raw);
  if (!r.success) throw new InputError(zodIssues(r.error.issues));
  const s = r.data;
  const { baseline, variants } = resolveComparison(s.compare as ComparisonBlock, 'compare.', readFile);
  return {
    name: s.name ?? `${baseline.name} vs ${variants.map((v) => v.name).join(', ')}`,
    ...(s.description !== undefined ? { description: s.description } : {}),
    ...(s.trials !== undefined ? { trials: s.trials } : {}),
    ...(s.seed !== undefined ? { seed: s.seed } : {}),
    baseline,
    baselineSource: typeof s.compare.baseline === 'string' ? s.compare.baseline : null,
    variants,
  };
}

/**
 * Parses a comparison request as the HTTP API takes it — `{ baseline, variants: [ { name, patch | scenario } ],
 * trials?, seed? }` with inline scenarios — into the arguments of `compare`. Paths start at the root:
 * `variants[1].patch.reps.winRat: is not a known field`.
 * @example parseCompareRequest({ baseline: { reps: { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 1 } }, variants: [ { name: 'more', patch: { reps: { seats: 12 } } } ] }).variants[0].scenario.reps.seats // 12
 */
export function parseCompareRequest(input: unknown, readFile?: ReadScenarioFile): { baseline: Scenario; variants: Study['variants']; trials?: number; seed?: number } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new InputError([issue(null, 'the request must be an object { baseline, variants }')]);
  const r = RequestSchema.safeParse(input);
  if (!r.success) throw new InputError(zodIssues(r.error.issues));
  const { baseline, variants } = resolveComparison(r.data as ComparisonBlock, '', readFile);
  return { baseline, variants, ...(r.data.trials !== undefined ? { trials: r.data.trials } : {}), ...(r.data.seed !== undefined ? { seed: r.data.seed } : {}) };
}
