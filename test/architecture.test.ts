/**
 * The dependency rule, read from the source: data flows one way (engine <- parallel <- cli / server;
 * playground <- engine types only), and the engine stays a pure library that runs in a browser.
 *
 * - engine/ imports nothing from parallel/, server/, cli/, playground/ or bench/, no Node built-in
 *   (`node:fs`, `path`, ...), uses no Node global, and imports only packages it declares as dependencies;
 * - playground/ imports from engine/ only with `import type` / `export type` (no engine code in the
 *   page's bundle) and nothing from parallel/, server/, cli/ or bench/; the one exception is the static
 *   build's Web Worker entries (`playground/src/worker/*.worker.ts`, issue 31), which run the engine in
 *   the browser and may import its values, from its public entry point engine/index.ts only, and the build
 *   configuration (`playground/vite.config.ts`, Node at build time), which embeds the engine's block defaults;
 * - cli/, server/ and parallel/ import the engine only through its public entry point, engine/index.ts;
 * - a mechanism folder (engine/mechanisms/<name>/) imports only its own files, the kernel (engine/kernel/),
 *   the random and stats helpers, and the scenario, result and column types (`import type`), never another
 *   mechanism (no exception: what two mechanisms share is the kernel's, and what one step hands another the
 *   month loop passes, engine/simulate.ts);
 * - the engine has no import cycle, type-only imports included;
 * - every mechanism folder is one entry of engine/mechanisms/registry.ts, and every entry has a folder;
 * - a mechanism's block is named outside its folder and the registry only in the listed files (each with
 *   its reason; bench/mechanismReach.ts measures it): a file that names a block must be listed, and a listed
 *   file that no longer names it must leave the list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MECHANISMS, PURPOSE, GLOBAL, collectStreams } from '../engine/mechanisms/registry.js';
import { mechanismReach, names } from '../bench/mechanismReach.js';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** One import, export-from, dynamic import() or require() of a file. */
interface ImportRef {
  /** the specifier as written */
  spec: string;
  /** `import type` / `export type` (erased when compiled) */
  typeOnly: boolean;
  line: number;
}

/** The imports of a source text, parsed with the TypeScript compiler (comments and strings cannot fool it). */
function importsOf(fileName: string, text: string): ImportRef[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: ImportRef[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, typeOnly: boolean) => {
    if (spec && ts.isStringLiteralLike(spec)) out.push({ spec: spec.text, typeOnly, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, !!node.importClause?.isTypeOnly);
    else if (ts.isExportDeclaration(node)) add(node, node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node, node.moduleReference.expression, node.isTypeOnly);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')))
      add(node, node.arguments[0], false);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal, true); // import('x').T in a type
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Node globals a browser does not have, used as values (not as property names such as `x.process`). */
function nodeGlobalsOf(fileName: string, text: string): { name: string; line: number }[] {
  const names = new Set(['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate']);
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: { name: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && names.has(node.text)) {
      const p = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isParameter(p) || ts.isVariableDeclaration(p) || ts.isBindingElement(p)) && p.name === node) ||
        ts.isImportSpecifier(p) ||
        ts.isExportSpecifier(p);
      if (!isName) out.push({ name: node.text, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Source files under a top-level folder (TypeScript and JavaScript; no build output, no dependencies). */
function sources(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(m|c)?[jt]sx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(join(root, folder));
  return out.sort();
}

const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);
const isRelative = (spec: string) => spec.startsWith('./') || spec.startsWith('../');
/** The repository path an import resolves to (`engine/index.ts`), or null for a package or built-in. */
function target(file: string, spec: string): string | null {
  if (!isRelative(spec)) return null;
  return relative(root, resolve(dirname(file), spec)).split(sep).join('/').replace(/\.(m|c)?js$/, '.ts');
}
/** The package an import names (`zod`, `@hono/node-server`), or null for a relative import or a built-in. */
function packageOf(spec: string): string | null {
  if (isRelative(spec) || isBuiltin(spec)) return null;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
const topFolder = (path: string) => path.split('/')[0];

type Rule = (file: string, ref: ImportRef) => string | null;

/** The engine is the bottom layer and runs in a browser. */
const engineRule: Rule = (file, ref) => {
  if (isBuiltin(ref.spec) && !ref.typeOnly) return `imports the Node built-in '${ref.spec}' (the engine must run in a browser)`;
  const t = target(file, ref.spec);
  if (t && ['parallel', 'server', 'cli', 'playground', 'bench'].includes(topFolder(t))) return `imports '${ref.spec}' from ${topFolder(t)}/ (the engine imports nothing above it)`;
  if (t && topFolder(t) !== 'engine') return `imports '${ref.spec}', outside engine/`;
  const p = packageOf(ref.spec);
  if (p && !ref.typeOnly && !(p in pkg.dependencies)) return `imports the package '${p}', which is not in package.json dependencies (the published engine would not find it)`;
  return null;
};

/** A Web Worker entry of the static build (issue 31): the only playground files that may run engine code. */
const isWorkerEntry = (file: string) => /^playground\/src\/worker\/[^/]+\.worker\.ts$/.test(relative(root, file).split(sep).join('/'));

/** The playground's build configuration: it runs in Node at build time, never in the page (it embeds the engine's block defaults). */
const isBuildConfig = (file: string) => relative(root, file).split(sep).join('/') === 'playground/vite.config.ts';

/**
 * Browser code: engine types only, no engine code in the page's bundle; nothing from the Node side.
 * Worker entries may import engine values, through engine/index.ts only.
 */
const playgroundRule: Rule = (file, ref) => {
  const t = target(file, ref.spec);
  if (t && topFolder(t) === 'engine' && !ref.typeOnly) {
    if ((isWorkerEntry(file) || isBuildConfig(file)) && t === 'engine/index.ts') return null;
    if (isWorkerEntry(file)) return `imports '${ref.spec}', not the engine's public entry point engine/index.ts`;
    return `imports '${ref.spec}' from engine/ without 'import type' (engine code would enter the bundle; only playground/src/worker/*.worker.ts may run the engine)`;
  }
  if (t && ['parallel', 'server', 'cli', 'bench'].includes(topFolder(t))) return `imports '${ref.spec}' from ${topFolder(t)}/`;
  return null;
};

/**
 * The engine's public modules: engine/index.ts and every module it re-exports (`export ... from`), followed
 * through re-exporting index files. A consumer may import one of these directly (the CLI does, so that a
 * command loads only the modules it runs), never a module the public entry point does not expose.
 */
const publicModules = (() => {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(join(root, path), 'utf8');
    for (const m of text.matchAll(/^export\s+(?:\*|(?:type\s+)?\{[^}]*\})\s+from\s+'([^']+)'/gm)) {
      const t = target(join(root, path), m[1]);
      if (t && topFolder(t) === 'engine') visit(t);
    }
  };
  visit('engine/index.ts');
  return seen;
})();

/** Consumers of the engine use its public API only. */
const publicEntryRule: Rule = (file, ref) => {
  const t = target(file, ref.spec);
  if (t && topFolder(t) === 'engine' && !publicModules.has(t)) return `imports '${ref.spec}', not the engine's public entry point engine/index.ts (or a module it re-exports)`;
  return null;
};

/** The mechanism folder a repository path lies in (`engine/mechanisms/stalls/stalls.ts` -> 'stalls'), or null. */
const mechanismOf = (path: string) => /^engine\/mechanisms\/([^/]+)\//.exec(path)?.[1] ?? null;

/** A mechanism sees the kernel, the random and stats helpers and the scenario and result types, never another mechanism. */
const mechanismRule: Rule = (file, ref) => {
  const from = mechanismOf(relative(root, file).split(sep).join('/'));
  const t = target(file, ref.spec);
  if (from === null || t === null) return null;
  const to = mechanismOf(t);
  if (to === from) return null;
  if (to !== null) return `imports '${ref.spec}' from the mechanism '${to}' (a mechanism imports no other mechanism)`;
  if (/^engine\/(kernel|random|stats)\//.test(t)) return null;
  if (ref.typeOnly && (t === 'engine/scenario.ts' || t === 'engine/types.ts' || t === 'engine/columns.ts')) return null;
  return `imports '${ref.spec}' (${t}): a mechanism imports only the kernel, random/ and stats/ (and the scenario and result types)`;
};

/**
 * Files that may name any mechanism's block outside its folder, and why (issue 29: "at most a handful").
 * Compile and state are not among them: each mechanism's slice.ts adds its fields (engine/kernel/slice.ts).
 */
const REACH_EXCEPTIONS: Record<string, string> = {
  'engine/simulate.ts': 'the month loop names each step, in order, on one screen (the one listed exception of the design)',
  'engine/scenarioSchema.ts': "the scenario's zod object lists each block under its literal key (typed keys; the registry imports the Scenario type, so the schema cannot import the registry without an import cycle)",
  'engine/assumptions.ts': "the list of the five older mechanisms' assumptions.ts files, kept in their order (a comparison's draws follow it); a mechanism added since declares them in its registry entry",
  'engine/types.ts': "the public API re-exports each Summary section's type by its name",
  'engine/results.ts': "the result layout's per-block flags of the older mechanisms (which columns have width); one added since is recorded by name (the registry entry's `recorded`)",
};

/**
 * Every further file that names a mechanism's block (outside its folder, the registry and REACH_EXCEPTIONS), and
 * why: the list may only shrink (a file that names a block without a reason here fails, and so does a reason whose
 * file no longer names it). Mechanisms in registry order.
 */
const REACH: Record<string, Record<string, string>> = {
  // the core's block: every scenario has one, and issue 29's list of mechanisms does not include it (arrivals,
  // resolutions, deal sizes and persons are the month loop's own). These files read the core's parameters, or name
  // the CLI's --reps option (the roster export), which shares its name.
  reps: {
    'engine/calibrate/calibrate.ts': 'calibration writes the core block (seats, opportunity rate, win rate, deal size, cycle, no-decision rate) from the export, and its report holds the per-rep win-rate fit',
    'engine/calibrate/synthesize.ts': "synthetic history's own month loop draws the core's opportunities, tiers (reps/reps.ts's assignTiers), wins and deal sizes, counts its rows from the block and warns that reps.capacity is not modelled",
    'engine/compile.ts': "compiles the core's parameters (the kernel's Compiled fields every step reads) from the block",
    'engine/forecast/setup.ts': "the forecast's scenario drops reps.seats: the roster decides the seats",
    'engine/kernel/outputs.ts': "the cost breakdown's 'reps' line (COST_ITEMS: the reps' pay, a cost item named like the block)",
    'engine/runnable.ts': "bounds the core's cycle and a seat's open pipeline (opportunitiesPerMonth x cycleMonths x the market's peak, market/schema.ts's marketPeak) so the kernel's 32-bit counts cannot wrap",
    'engine/scenario.ts': 'the parser resolves reps.seats as the sum of the territories\' seats (and the default territory\'s seats from reps.seats)',
    'engine/uncertainty/resolve.ts': 'a drawn reps.seats moves a single territory\'s seats: the one place that rule is written (linkedPaths, targetPath)',
    'engine/work.ts': "the work estimate's factors read the core's rate, win share and deal size (and its lever reps.opportunitiesPerMonth)",
    'cli/commands/backtest.ts': 'the --reps option (the roster export), not the block',
    'cli/commands/calibrate.ts': 'the --reps option (the roster export), not the block',
    'cli/commands/forecast.ts': 'the --reps option (the roster export), not the block',
    'cli/commands/run.ts': 'chooses worker threads by rep-months (reps.seats x the horizon x the trials)',
    'cli/commands/scenarios.ts': "the store's list line gives a saved scenario's seats (reps.seats, or its territories' sum, as written)",
    'cli/commands/validate.ts': "the ok line gives the scenario's seats (reps.seats)",
    'server/openapi.ts': "the compare route's description gives an error path inside a patch (patch.reps.winRat) as its example",
  },
  hiring: {
    'engine/calibrate/synthesize.ts': "synthetic history's own month loop opens planned seats and fills and ramps them (hiring/hiring.ts's drawTimeToFill, rampMultiplier), writes a roster with hiring on and warns that onboarding capacity is not modelled",
    'engine/kernel/outputs.ts': "the cost breakdown's 'hiring' line (COST_ITEMS: a cost item named like the block)",
    'engine/kernel/seats.ts': "the seat layout is the kernel's (compile, the plan, customers, demand and the summary read it): it opens hiring.plan's seats in their months",
    'engine/mechanisms/coverage/policy.ts': "the plan's ramp-adjusted quota of a new seat follows hiring's ramp (planTargets runs on the scenario alone, for the registry's `plan` as for the slice, before anything is compiled)",
    'engine/scenario.ts': 'the resolved Scenario type and the parser write an absent hiring block as null (the registry imports the Scenario type, so the parser cannot walk the registry)',
  },
  scaling: {},
  leadership: {
    'engine/forecast/setup.ts': "the forecast's warning that the leader's tenure is drawn afresh, after every mechanism's calendar warnings (a history hook would give it in registry order, and golden-history.test.ts pins the warnings' order)",
    'engine/kernel/outputs.ts': "the cost breakdown's 'leadership' line (COST_ITEMS: a cost item named like the block)",
    'engine/scenario.ts': 'the resolved Scenario type and the parser write an absent leadership block as null',
  },
  managers: {
    'engine/mechanisms/costs/slice.ts': "the managers block's span replaces costs.managerSpan",
    'engine/kernel/outputs.ts': "the cost breakdown's 'managers' line (the costs block's item, older than the managers block)",
  },
  enablement: {
    'engine/kernel/outputs.ts': "the cost breakdown's 'enablement' line (COST_ITEMS: the programmes' cost, a cost item named like the block)",
  },
  demand: {
    'engine/calibrate/withDemand.ts': "appends the lead export's fitted demand block to calibrate's YAML and scenario (calibration reads the CSV with engine/calibrate/'s parser, which a mechanism folder may not import)",
    'engine/scenario.ts': 'the resolved Scenario type holds the demand block, and the parser resolves `demand: null` as absent',
    'cli/commands/calibrate.ts': "the readable report of --leads prints the fitted demand block's values beside their standard errors",
  },
  territories: {
    'engine/calibrate/calibrate.ts': "calibration writes the roster's territories (their seats) from the roster fit",
    'engine/calibrate/synthesize.ts': "synthetic history's own month loop routes demand by territory potential (territories/territories.ts's territoryYield) and names each seat's territory in the roster",
    'engine/kernel/seats.ts': "the seat layout is the kernel's: each seat's territory, each territory's name, initial seats and potential",
    'engine/scenario.ts': "the parser resolves the territories (the default one, or a roster's seats per territory) and the Scenario type holds them",
    'engine/uncertainty/resolve.ts': "a drawn reps.seats moves a single territory's seats (linkedPaths, targetPath)",
    'cli/commands/scenarios.ts': "the store's list line sums a saved scenario's territories' seats when reps.seats is not written",
  },
  // its calibration and forecasting (calendar start, calendar moves, the calibrated block) are market/history.ts; the work
  // estimate's arrival rate is market/analysis.ts (the registry's `work`)
  market: {
    'engine/calibrate/synthesize.ts': "synthetic history's own month loop multiplies arrivals by the compiled market factor, and its expected rows (synthesisRows) count them (a second month loop, issue 29's synthesize item)",
    'engine/mechanisms/coverageResponse/coverageResponse.ts': "the response's extra prospecting follows the month's market factor",
    'engine/scenario.ts': 'the MarketSpec type the parser exports',
  },
  drift: {
    'cli/commands/synth.ts': "a CLI option of synthetic history called --drift (its own walk of the opportunity rate, not the block)",
    'engine/calibrate/calibrate.ts': 'calibration writes a kept win-rate or deal-size trend as the drift block (its estimator, engine/calibrate/fitTrend.ts, sits with the other fits it shares code with)',
  },
  sellingTime: {
    'engine/mechanisms/coverage/policy.ts': 'a month\'s padding stops at the selling-time budget when the block is on (c.sellingTime, its compiled flag)',
    'engine/mechanisms/coverageResponse/schema.ts': 'the response needs a sellingTime block (its extra prospecting hours come from the budget): its rule and its message',
    'engine/mechanisms/reps/pipeline.ts': "the core's pipeline step dilutes a seat's work by its hours when the block is on (c.sellingTime)",
    'engine/scenario.ts': 'the resolved Scenario type and the parser write an absent sellingTime block as null',
  },
  coverage: {
    'engine/mechanisms/compensation/schema.ts': "the plan's quota is required when the quota block gives none (its rule and message)",
    'engine/mechanisms/coverageResponse/schema.ts': 'the response needs a coverage policy, global or individual (its rule and message)',
    'engine/mechanisms/retention/schema.ts': 'the hazard depends on trailing attainment, so it needs a quota block (its rule and message)',
    'engine/runnable.ts': "the magnitude check's list of scales (SCALE_KEYS) has the key 'quota', the compensation plan's quota (a number that feeds a scale), named like the block (the padded pipeline's bound is coverage/schema.ts's paddingBounds)",
    'engine/scenario.ts': 'the resolved Scenario type and the parser write absent quota and coverage blocks as null',
  },
  coverageResponse: {},
  stalls: {
    'engine/compile.ts': "the age buckets are the kernel's (kernel/aged.ts, c.aged): compile sets their length from the stalls block or resolution by age",
    'engine/mechanisms/coverage/summary.ts': "the coverage section's stalled share, reported when the stalls block is on",
    'engine/scenario.ts': 'the resolved Scenario type and the parser write an absent stalls block as null',
  },
  openBook: {
    'engine/compile.ts': "the core's steady-state start is off when an open pipeline replaces it (c.steadyStart)",
    'engine/forecast/setup.ts': "the forecast writes the export's open opportunities as the openPipeline (and refuses one written in the scenario)",
    'engine/scenario.ts': 'the resolved Scenario type holds openPipeline, and the parser keeps it only with a roster',
  },
  customers: {
    'engine/calibrate/customers.ts': "the customer export's CSV is called 'customers' in its messages (the fit itself uses engine/calibrate/'s parser, which a mechanism folder may not import)",
    'engine/scenario.ts': 'the resolved Scenario type holds the customers block, and the parser leaves an absent one out',
  },
  attrition: {
    'engine/calibrate/synthesize.ts': "synthetic history's own month loop draws exits at the compiled hazard, writes a roster with attrition on and warns that lowPerformerExit is not modelled",
    'engine/mechanisms/retention/schema.ts': "retention's exit rate at quota is the attrition block's annualRate (retentionBaseRate, and the rule that it needs the block)",
    'engine/scenario.ts': 'the resolved Scenario type and the parser write an absent attrition block as null',
  },
  retention: {},
  team: {
    'engine/forecast/setup.ts': "the forecast writes the roster as the initialTeam on the as-of date (team/team.ts's monthsBefore) and refuses one written in the scenario",
    'engine/mechanisms/openBook/compile.ts': "an open deal's owner is a roster name: its seat is the owner's place in initialTeam's roster",
    'engine/scenario.ts': 'the resolved Scenario type holds initialTeam, and the parser lays a roster out territory by territory',
  },
  compensation: { 'engine/mechanisms/retention/retention.ts': "retention's pay lever defaults to the compensation plan's OTE" },
  costs: {
    'engine/calibrate/synthesize.ts': 'synthetic history lists costs among the mechanisms it reproduces (they leave no trace in a CRM export), so it gives no warning for them',
    'engine/mechanisms/retention/retention.ts': "without a compensation plan, retention's market pay is the costs' repAnnualCost",
    'engine/scenario.ts': 'the resolved Scenario type and the parser write an absent costs block as null',
    'engine/summarize.ts': "the Summary's return on cost is reported only with a costs block (roi, roiOfMeans)",
  },
  uncertainty: {
    'engine/calibrate/calibrate.ts': "calibration writes the fitted parameters' standard errors as the uncertainty block",
    'engine/scenario.ts': 'the resolved Scenario type holds the uncertainty block, and the parser hands it to resolveUncertainty',
    'engine/sensitivity.ts': "the tornado refuses a parameter drawn per trial and points to the Summary's uncertainty section instead",
    'engine/summarize.ts': "the Summary's uncertainty section (the drawn parameters' variance contributions, with the run's seed and trials)",
    'engine/uncertainty/jsonSchema.ts': "the scenario's JSON Schema allows a distribution in place of any number but in the fixed top-level fields and the uncertainty block itself; it builds on engine/uncertainty/distribution.ts (shared with calibration, the assumptions and the comparison), which a mechanism folder may not import",
    'engine/uncertainty/resolve.ts': 'parsing distributions in place skips the uncertainty block, which holds correlations and sampling (the parser calls it; it imports errors.ts, schema-walk.ts and the distributions, which a mechanism folder may not)',
    'cli/commands/forecast.ts': '--point drops the written uncertainty block (the parameters at their central values)',
  },
};

/** The strongly connected components (more than one file, or a file importing itself) of an import graph. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(c.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** The engine's import graph (repository paths), type-only imports included. */
function engineGraph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of sources('engine')) g.set(relative(root, f).split(sep).join('/'), importsOf(f, readFileSync(f, 'utf8')).flatMap((r) => target(f, r.spec) ?? []));
  return g;
}

/** Every violation of `rule` in `files`, as 'path:line: message'. */
function violations(files: string[], rule: Rule): string[] {
  return files.flatMap((file) =>
    importsOf(file, readFileSync(file, 'utf8')).flatMap((ref) => {
      const why = rule(file, ref);
      return why ? [`${relative(root, file)}:${ref.line}: ${why}`] : [];
    }),
  );
}

describe('the dependency rule', () => {
  it('the parser and the rules catch planted violations (so an empty list below means something)', () => {
    const planted = [
      "import { runParallel } from '../parallel/index.js';",
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "export { x } from '../server/app.js';",
      "const m = await import('../cli/index.js');",
      "import type { Summary } from './types.js';",
      "// import { nope } from '../server/app.js'",
      "const s = \"import { nope } from '../cli/index.js'\";",
    ].join('\n');
    const file = join(root, 'engine', 'planted.ts');
    const refs = importsOf(file, planted);
    expect(refs.map((r) => [r.spec, r.typeOnly])).toEqual([
      ['../parallel/index.js', false],
      ['node:fs', false],
      ['path', false],
      ['../server/app.js', false],
      ['../cli/index.js', false],
      ['./types.js', true],
    ]);
    expect(refs.map((r) => engineRule(file, r) !== null)).toEqual([true, true, true, true, true, false]);
    expect(engineRule(file, { spec: 'lodash', typeOnly: false, line: 1 })).toMatch(/not in package.json dependencies/);
    expect(engineRule(file, { spec: 'zod', typeOnly: false, line: 1 })).toBeNull();

    const ui = join(root, 'playground', 'src', 'planted.ts');
    const uiRefs = importsOf(ui, "import { simulate } from '../../engine/index.js';\nimport type { Summary } from '../../engine/index.js';\nexport type { Stats } from '../../engine/types.js';\nimport { createPool } from '../../parallel/index.js';");
    expect(uiRefs.map((r) => playgroundRule(ui, r) !== null)).toEqual([true, false, false, true]);
    // the static build's worker entries may run the engine, through its public entry point only
    const workerSrc = "import { runTrials } from '../../../engine/index.js';\nimport { simulate } from '../../../engine/simulate.js';\nimport { createPool } from '../../../parallel/index.js';\nimport type { Stats } from '../../../engine/types.js';";
    const worker = join(root, 'playground', 'src', 'worker', 'planted.worker.ts');
    expect(importsOf(worker, workerSrc).map((r) => playgroundRule(worker, r) !== null)).toEqual([false, true, true, false]);
    // ... and nothing else: not a worker-named file elsewhere, not another file in worker/
    for (const other of [join(root, 'playground', 'src', 'client', 'planted.worker.ts'), join(root, 'playground', 'src', 'worker', 'helpers.ts'), join(root, 'playground', 'src', 'worker', 'sub', 'x.worker.ts')]) {
      const refs = importsOf(other, workerSrc.replaceAll('../../../', other.includes(`${sep}sub${sep}`) ? '../../../../' : '../../../'));
      expect(refs.map((r) => playgroundRule(other, r) !== null), other).toEqual([true, true, true, false]);
    }

    const cli = join(root, 'cli', 'commands', 'planted.ts');
    const cliRefs = importsOf(cli, "import { simulate } from '../../engine/kernel/month.js';\nimport type { Summary } from '../../engine/mechanisms/stalls/stalls.js';\nimport { parseScenario } from '../../engine/index.js';\nimport { money } from '../format.js';");
    expect(cliRefs.map((r) => publicEntryRule(cli, r) !== null)).toEqual([true, true, false, false]);

    expect(nodeGlobalsOf('x.ts', 'const a = process.env.X; const b = Buffer.from(""); const o = { process: 1 }; o.process;').map((g) => g.name)).toEqual(['process', 'Buffer']);
  });

  it('engine/ imports nothing from parallel/, server/, cli/, playground/ or bench/, and no Node built-in', () => {
    const files = sources('engine');
    expect(files.length).toBeGreaterThan(50);
    expect(violations(files, engineRule)).toEqual([]);
  });

  it('engine/ uses no Node global (process, Buffer, require, __dirname, ...)', () => {
    const found = sources('engine').flatMap((f) => nodeGlobalsOf(f, readFileSync(f, 'utf8')).map((g) => `${relative(root, f)}:${g.line}: ${g.name}`));
    expect(found).toEqual([]);
  });

  it('the engine bundles for a browser: its entry point and dependencies need no Node built-in', async () => {
    const r = await build({ entryPoints: [join(root, 'engine', 'index.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', metafile: true });
    expect(r.errors).toEqual([]);
    const inputs = Object.keys(r.metafile!.inputs);
    expect(inputs.some((p) => p.endsWith('engine/simulate.ts'))).toBe(true);
  });

  it('playground/ imports from engine/ only with import type, and nothing from the Node side', () => {
    const files = sources('playground');
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => importsOf(f, readFileSync(f, 'utf8')).some((r) => target(f, r.spec)?.startsWith('engine/')))).toBe(true);
    expect(violations(files, playgroundRule)).toEqual([]);
  });

  it('engine code reaches the playground only through the static build\'s worker entries', () => {
    const withEngineValues = sources('playground').filter((f) =>
      importsOf(f, readFileSync(f, 'utf8')).some((r) => !r.typeOnly && target(f, r.spec)?.startsWith('engine/')),
    );
    expect(withEngineValues.map((f) => relative(root, f).split(sep).join('/'))).toEqual(['playground/src/worker/engine.worker.ts', 'playground/vite.config.ts']);
    expect(withEngineValues.every((f) => isWorkerEntry(f) || isBuildConfig(f))).toBe(true);
  });

  it('cli/, server/ and parallel/ import the engine only through engine/index.ts', () => {
    for (const folder of ['cli', 'server', 'parallel']) {
      const files = sources(folder);
      expect(files.length, folder).toBeGreaterThan(3);
      expect(violations(files, publicEntryRule), folder).toEqual([]);
    }
  });
});

describe('mechanisms as modules', () => {
  it('the mechanism rule and the cycle finder catch planted violations', () => {
    const file = join(root, 'engine', 'mechanisms', 'stalls', 'planted.ts');
    const refs = importsOf(
      file,
      [
        "import { exitSeat } from '../attrition/attrition.js';",
        "import type { Compiled } from '../attrition/types.js';",
        "import { simulate } from '../../simulate.js';",
        "import { parseScenario } from '../../scenario.js';",
        "import type { Scenario } from '../../scenario.js';",
        "import type { SeatState } from '../../kernel/state.js';",
        "import { binomial } from '../../random/binomial.js';",
        "import { resolveAged } from './stalls.js';",
      ].join('\n'),
    );
    expect(refs.map((r) => mechanismRule(file, r) !== null)).toEqual([true, true, true, true, false, false, false, false]);
    expect(mechanismRule(join(root, 'engine', 'simulate.ts'), { spec: './mechanisms/stalls/stalls.js', typeOnly: false, line: 1 })).toBeNull();
    const planted = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a', 'd']],
      ['e', ['a']],
    ]);
    expect(cycles(planted)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('a mechanism folder imports no other mechanism, and nothing of the engine but the kernel, random/, stats/ and the scenario and result types', () => {
    const files = sources(join('engine', 'mechanisms'));
    expect(files.length).toBeGreaterThan(30);
    expect(violations(files, mechanismRule)).toEqual([]);
  });

  it('the engine has no import cycle, type-only imports included', () => {
    const g = engineGraph();
    expect(g.size).toBeGreaterThan(100);
    expect(cycles(g)).toEqual([]);
  });

  it("a mechanism's block is named outside its folder and the registry only in the listed files, each with its reason (the list may only shrink)", () => {
    expect(names("const a = s.drift; // s.hiring", 'x', ['hiring'])).toBe(false);
    expect(names("if (sc?.hiring) f('hiring')", 'x', ['hiring'])).toBe(true);
    expect(names("import { y } from '../mechanisms/x/y.js';", 'x', [])).toBe(true);
    // a name in quotes is a string of its own, opened and closed by the same quote (not a possessive inside a description)
    expect(names(`d("managers' exits"); g('managers')`, 'x', ['managers'])).toBe(true);
    expect(names(`d("managers' exits"); e("first-line managers' vacancies")`, 'x', ['managers'])).toBe(false);
    const reach = mechanismReach();
    // a field a mechanism declares itself is its own (the compensation plan's `quota`, the costs' index COST.managers),
    // but an object type in its folder that holds its own block stands in for the scenario: its fields are the blocks
    expect(reach.coverage).not.toContain('engine/mechanisms/compensation/compensation.ts');
    expect(reach.managers).not.toContain('engine/mechanisms/costs/costs.ts');
    expect(reach.coverage).toEqual(expect.arrayContaining(['engine/mechanisms/coverageResponse/schema.ts', 'engine/mechanisms/retention/schema.ts', 'engine/mechanisms/compensation/schema.ts']));
    expect(reach.attrition).toContain('engine/mechanisms/retention/schema.ts');
    expect(reach.sellingTime).toContain('engine/mechanisms/coverageResponse/schema.ts');
    expect(Object.keys(reach).sort()).toEqual(Object.keys(REACH).sort());
    for (const [name, own] of Object.entries(REACH)) {
      // a structural exception needs no second reason
      expect({ name, twice: Object.keys(own).filter((f) => f in REACH_EXCEPTIONS) }).toEqual({ name, twice: [] });
      const allowed = { ...REACH_EXCEPTIONS, ...own };
      expect({ name, outside: reach[name].filter((f) => !(f in allowed)) }).toEqual({ name, outside: [] });
      expect({ name, stale: Object.keys(own).filter((f) => !reach[name].includes(f)) }).toEqual({ name, stale: [] });
    }
  });

  it("docs/design.md's table of the reach agrees with REACH, row for row", () => {
    const rows = readFileSync(join(root, 'docs', 'design.md'), 'utf8')
      .split('\n')
      .flatMap((l) => {
        const m = /^\| (\w+) \| `([^`]+)` \| (.*) \|$/.exec(l);
        return m ? [[m[1], m[2], m[3]]] : [];
      });
    expect(rows).toEqual(Object.entries(REACH).flatMap(([name, own]) => Object.entries(own).map(([file, why]) => [name, file, why])));
  });

  it('every random stream is declared by one mechanism, with the ids it always had (so every draw is unchanged)', () => {
    // the ids before the streams moved into the mechanisms' folders (engine/random/streams.ts until issue 29's slices)
    expect({ ...PURPOSE }).toEqual({ attributes: 0, initial: 1, arrivals: 2, resolutions: 3, deals: 4, exits: 5, fill: 6, padding: 7, adoption: 8, customers: 9, referrals: 10, team: 11, demand: 12, book: 13, response: 14 });
    expect({ ...GLOBAL }).toEqual({ leader: 0, tiers: 1, customers: 2, demand: 3, drift: 4, managers: 5 });
    const s = (PURPOSE: Record<string, number>) => ({ PURPOSE, GLOBAL: {} });
    expect(() => collectStreams([{ name: 'a', streams: s({ x: 0 }) }, { name: 'b', streams: s({ y: 0 }) }], 'PURPOSE', 1)).toThrow('PURPOSE id 0 of b.y is already a.x');
    expect(() => collectStreams([{ name: 'a', streams: s({ x: 0 }) }, { name: 'b', streams: s({ x: 1 }) }], 'PURPOSE', 2)).toThrow('PURPOSE.x is declared twice');
    expect(() => collectStreams([{ name: 'a', streams: s({ x: 1 }) }], 'PURPOSE', 1)).toThrow('must be an integer in 0..0');
    expect(() => collectStreams([{ name: 'a', streams: s({ x: 1 }) }], 'PURPOSE', 2)).toThrow('ids 0 are declared by no mechanism');
  });

  it('every mechanism folder is one registry entry, and every entry has a folder', () => {
    const folders = readdirSync(join(root, 'engine', 'mechanisms'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(MECHANISMS.map((m) => m.name).sort()).toEqual(folders);
    expect(new Set(MECHANISMS.map((m) => m.name)).size).toBe(MECHANISMS.length);
  });
});

describe('user-facing text', () => {
  /** String and template literals of a file (what a user can see), without comments. */
  function literalsOf(fileName: string, text: string): { text: string; line: number }[] {
    const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const out: { text: string; line: number }[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))
        out.push({ text: node.text, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
      ts.forEachChild(node, visit);
    };
    visit(sf);
    return out;
  }
  const citesDesign = (s: string) => /DESIGN\.md|§\s*\d/.test(s);

  it('no CLI help, API description, error message or playground text cites the design document (comments may)', () => {
    expect(literalsOf('x.ts', "// DESIGN.md §5\nconst help = 'the Summary (DESIGN.md §5)';").filter((l) => citesDesign(l.text))).toHaveLength(1);
    const found = ['engine', 'parallel', 'cli', 'server', 'playground'].flatMap((folder) =>
      sources(folder).flatMap((f) =>
        literalsOf(f, readFileSync(f, 'utf8'))
          .filter((l) => citesDesign(l.text))
          .map((l) => `${relative(root, f)}:${l.line}: ${l.text}`),
      ),
    );
    expect(found).toEqual([]);
    expect(citesDesign(readFileSync(join(root, 'playground', 'index.html'), 'utf8'))).toBe(false);
  });
});
