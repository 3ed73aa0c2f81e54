/**
 * The scenario file: one zod schema per block (docs/design.md, The scenario file) with its defaults,
 * YAML or JSON text, unknown fields rejected, and a JSON Schema exported from the same schema.
 */
import { z } from 'zod';
import { LineCounter, parseDocument, visit } from 'yaml';
import { InputError, formatPath, issue, type InputIssue } from './errors.js';
import { MAX_DEPTH, MAX_TEXT_CHARS, valueDepth, yamlTextDepth } from './textLimits.js';
import { AttritionSchema, CostsSchema, CoverageSchema, CustomersSchema, DemandSchema, HiringSchema, LeadershipSchema, MarketSchema, OpenDealSchema, ProgrammeSchema, QuotaSchema, RosterSeatSchema, RosterTeamSchema, ScenarioSchema, SellingTimeSchema, StallsSchema, ResolutionSchema, TerritorySchema, WinRateSchema } from './scenarioSchema.js';
export { ScenarioSchema, WinRateSchema, scenarioJsonSchema } from './scenarioSchema.js';
import { resolveUncertainty, takeDistributions, type Uncertainty } from './uncertainty/resolve.js';

import { DEFAULT_TERRITORY } from './scenarioSchema.js';
export { DEFAULT_TERRITORY };

export type ScenarioInput = z.input<typeof ScenarioSchema>;
type Parsed = z.output<typeof ScenarioSchema>;
export type WinRateSpec = z.output<typeof WinRateSchema>;
export type Territory = z.output<typeof TerritorySchema>;
export type Programme = z.output<typeof ProgrammeSchema>;
export type MarketSpec = z.output<typeof MarketSchema>;
export type Customers = z.output<typeof CustomersSchema>;
export type Demand = z.output<typeof DemandSchema>;

export type RosterSeat = z.output<typeof RosterSeatSchema>;
export type RosterTeam = z.output<typeof RosterTeamSchema>;
export type OpenDeal = z.output<typeof OpenDealSchema>;

/** A resolved scenario: every default filled, territories explicit, absent blocks null. */
export interface Scenario extends Omit<Parsed, 'territories' | 'hiring' | 'attrition' | 'leadership' | 'quota' | 'coverage' | 'sellingTime' | 'stalls' | 'costs' | 'market' | 'initialTeam' | 'openPipeline' | 'customers' | 'demand' | '$schema' | 'uncertainty' | 'resolution'> {
  territories: Territory[];
  hiring: z.output<typeof HiringSchema> | null;
  attrition: z.output<typeof AttritionSchema> | null;
  leadership: z.output<typeof LeadershipSchema> | null;
  quota: z.output<typeof QuotaSchema> | null;
  coverage: z.output<typeof CoverageSchema> | null;
  sellingTime: z.output<typeof SellingTimeSchema> | null;
  stalls: z.output<typeof StallsSchema> | null;
  costs: z.output<typeof CostsSchema> | null;
  /** present only when the file has a market block (absent keeps the resolved scenario, and its hash, as before) */
  market?: MarketSpec;
  /**
   * present only as `steady-state`: the initial seats start vacant, ramping or productive in the
   * stationary proportions of attrition, time to fill, backfill and ramp (engine/mechanisms/team/team.ts)
   */
  initialTeam?: 'steady-state' | RosterTeam;
  /**
   * present only with a roster: the open opportunities at the start (owners are roster names). With a roster,
   * `initialTeam.roster` is in seat order (territory by territory) and each territory's `seats` is its count.
   */
  openPipeline?: OpenDeal[];
  /** absent (null): bookings only, bit-identical to a scenario without the block */
  customers?: Customers | null;
  /** demand generation; absent (null): the reps' own prospecting only, bit-identical to a scenario without the block */
  demand?: Demand | null;
  /** present only with uncertain parameters: drawn per trial (engine/uncertainty/trialScenarios.ts); their fields hold the medians */
  uncertainty?: Uncertainty;
  /** resolution by age; absent (null): 1 / cycleMonths at every age, bit-identical to a scenario without the block */
  resolution?: z.output<typeof ResolutionSchema> | null;
}

/** Maps zod issues to the project's error shape, picking the most specific branch of a union. */
export function zodIssues(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = [], raw?: unknown): InputIssue[] {
  const out: InputIssue[] = [];
  for (const is of issues) {
    const path = [...prefix, ...(is.path as (string | number)[])];
    // zod 4 leaves `input` out of issues (unless asked), so whether the value is missing is read from
    // the raw input when there is one: a present value of the wrong type says what type is wanted
    const missing = raw !== undefined ? valueAt(raw, path) === undefined : (is as { input?: unknown }).input === undefined;
    if (raw !== undefined && missing && (is.code === 'invalid_union' || is.code === 'invalid_type')) {
      out.push(issue(formatPath(path), 'is required'));
      continue;
    }
    if (is.code === 'invalid_union' && 'errors' in is && is.errors.length > 0) {
      // a value of the wrong kind for every branch: one message naming what is accepted
      const branches = is.errors.map((b) => b.filter((x) => !(x.code === 'invalid_type' && x.path.length === 0)));
      const specific = branches.filter((b, i) => b.length > 0 && b.length === is.errors[i].length);
      if (specific.length > 0) {
        const best = specific.reduce((a, b) => (b.length < a.length ? b : a));
        out.push(...zodIssues(best, path, raw));
        continue;
      }
      out.push(issue(formatPath(path), is.message));
      continue;
    }
    if (is.code === 'unrecognized_keys') {
      for (const k of is.keys) out.push(issue(formatPath([...path, k]), 'is not a known field'));
      continue;
    }
    if (is.code === 'invalid_type' && is.message.startsWith('Invalid input')) {
      out.push(issue(formatPath(path), missing ? 'is required' : `must be a ${is.expected}`));
      continue;
    }
    if (is.code === 'invalid_type' && missing) {
      out.push(issue(formatPath(path), 'is required'));
      continue;
    }
    out.push(issue(formatPath(path), is.message));
  }
  return out;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** An issue located in the text (1-based line and column), as YAML syntax errors are reported. */
function atLine(rule: string, line: number, column: number): InputIssue {
  return { path: null, rule, message: `line ${line}, column ${column}: ${rule}`, line, column };
}

/** Offset of the innermost `[` or `{` still open at `end` (quoted scalars and comments skipped), or undefined. */
function unclosedBracket(text: string, end: number): number | undefined {
  const open: number[] = [];
  let quote = '';
  let prev = ' ';
  let lastSignificant = '\n'; // the last character that is not a space or tab
  for (let i = 0; i < end && i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) {
      while (i + 1 < end && text[i + 1] !== '\n') i++;
    } else if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) quote = c;
    // a bracket opens a collection only where a node starts (`see [1` is plain text)
    else if ((c === '[' || c === '{') && (open.length > 0 || /[\n:,[{?-]/.test(lastSignificant))) open.push(i);
    else if ((c === ']' || c === '}') && open.length > 0) open.pop();
    prev = text[i] ?? ' ';
    if (prev !== ' ' && prev !== '\t') lastSignificant = prev;
  }
  return open.at(-1);
}

/** Offset of the first non-blank content of the first line after line `line` (1-based) indented further than it. */
function overIndentedLine(text: string, lineStarts: number[], line: number): number | undefined {
  const indentAt = (i: number) => {
    const m = /^( *)(\S?)/.exec(text.slice(lineStarts[i], lineStarts[i + 1] ?? text.length));
    return m && m[2] !== '' && m[2] !== '#' ? m[1].length : -1;
  };
  const base = indentAt(line - 1);
  for (let i = line; i < lineStarts.length; i++) {
    const ind = indentAt(i);
    if (ind > base) return lineStarts[i] + ind;
    if (ind >= 0) return undefined;
  }
  return undefined;
}

/**
 * Parses YAML or JSON text into a plain value; syntax errors carry their real line and column. Text
 * over MAX_TEXT_CHARS or nested deeper than MAX_DEPTH is refused before the YAML library (which
 * recurses) sees it, with an issue naming the limit.
 */
export function parseText(text: string): unknown {
  if (text.length > MAX_TEXT_CHARS) {
    throw new InputError([issue(null, `must be at most ${MAX_TEXT_CHARS} characters (size limit)`)]);
  }
  const deep = yamlTextDepth(text, MAX_DEPTH);
  if (deep.depth > MAX_DEPTH) {
    throw new InputError([atLine(`nests deeper than ${MAX_DEPTH} levels (depth limit)`, deep.line, deep.column)]);
  }
  const lineCounter = new LineCounter();
  // prettyErrors off: its context printer is slow on long lines; positions come from the line counter
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const where = (offset: number | undefined) => lineCounter.linePos(Math.max(0, Math.min(offset ?? 0, text.length)));
  if (doc.errors.length > 0) {
    const seen = new Set<string>();
    const issues: InputIssue[] = [];
    // a bracket never closed confuses the library into errors on later lines: name the bracket first
    const unclosed = unclosedBracket(text, text.length);
    if (unclosed !== undefined) {
      const { line, col } = where(unclosed);
      seen.add(`${line}`);
      issues.push(atLine(`this '${text[unclosed]}' is never closed (a flow ${text[unclosed] === '[' ? 'sequence must end with ]' : 'mapping must end with }'})`, line, col));
    }
    for (const e of doc.errors) {
      let rule = e.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
      let at = e.pos?.[0];
      if (e.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(rule)) {
        // the library notices an unclosed bracket where the collection should have ended: point at the bracket
        at = unclosedBracket(text, at ?? text.length) ?? at;
      } else if (e.code === 'MISSING_CHAR' && /quote/.test(rule)) {
        const q = rule.includes("'") ? "'" : '"';
        const open = text.lastIndexOf(q, (at ?? text.length) - 1);
        if (open >= 0) at = open;
      } else if (unclosed === undefined && (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY')) {
        // a line indented too far continues the value above it: point at that line
        at = overIndentedLine(text, lineCounter.lineStarts, where(at).line) ?? at;
        rule = `is indented further than the keys beside it allow (${rule})`;
      }
      const { line, col } = where(at);
      if (seen.has(`${line}`)) continue;
      seen.add(`${line}`);
      issues.push(atLine(rule, line, col));
    }
    throw new InputError(issues);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // e.g. an alias with no anchor (`reps: *missing`) or an alias bomb: the YAML is well-formed but not
    // a value; located at the first alias that does not resolve, else the first alias
    const rule = e instanceof Error ? e.message.split('\n')[0] : String(e);
    let first: number | undefined;
    let unresolved: number | undefined;
    visit(doc, {
      Alias(_, node) {
        first ??= node.range?.[0];
        if (node.resolve(doc) === undefined) {
          unresolved = node.range?.[0];
          return visit.BREAK;
        }
      },
    });
    const at = unresolved ?? first;
    const { line, col } = where(at);
    throw new InputError([atLine(rule, line, col)]);
  }
  // aliases can nest what the text does not
  if (valueDepth(value, MAX_DEPTH) > MAX_DEPTH) throw new InputError([issue(null, `nests deeper than ${MAX_DEPTH} levels (depth limit)`)]);
  return value;
}

/**
 * Validates and resolves a scenario from YAML/JSON text or a plain object.
 * Throws an `InputError` listing every problem with its field path and rule.
 * @example parseScenario('reps: { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 25000 }').horizonMonths // 12
 */
export function parseScenario(input: string | unknown): Scenario {
  const raw = typeof input === 'string' ? parseText(input) : input;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError([issue(null, 'a scenario must be a mapping of fields (an object)')]);
  }
  // an object built by a caller: the same depth limit as text, before zod recurses into it
  if (typeof input !== 'string' && valueDepth(raw, MAX_DEPTH) > MAX_DEPTH) throw new InputError([issue(null, `nests deeper than ${MAX_DEPTH} levels (depth limit)`)]);
  // distributions written in place (engine/uncertainty/resolve.ts): a placeholder while the rest is validated
  const taken = takeDistributions(raw as Record<string, unknown>, (e, at) => zodIssues((e as z.ZodError).issues, at));
  const r = ScenarioSchema.safeParse(taken.raw);
  if (!r.success) throw new InputError(zodIssues(r.error.issues, [], taken.raw));
  const s = r.data;
  let territories = s.territories ?? [{ name: DEFAULT_TERRITORY, seats: s.reps.seats ?? 0, potential: null }];
  const { $schema: _ignored, market, initialTeam, openPipeline, uncertainty, ...rest } = s;
  let team: RosterTeam | null = null;
  if (typeof initialTeam === 'object') {
    // the roster decides the seats: each territory's are its entries, laid out territory by territory (seat order)
    const of = (r: RosterSeat) => (r.territory === undefined ? 0 : territories.findIndex((t) => t.name === r.territory));
    const roster = territories.flatMap((_, ti) => initialTeam.roster.filter((r) => of(r) === ti));
    territories = territories.map((t, ti) => ({ ...t, seats: roster.filter((r) => of(r) === ti).length }));
    team = { asOf: initialTeam.asOf, roster };
  }
  delete (rest as { demand?: unknown }).demand; // `demand: null` resolves (and hashes) as absent
  delete (rest as { resolution?: unknown }).resolution; // so does `resolution: null`
  const reps = { ...s.reps, seats: territories.reduce((a, t) => a + t.seats, 0) };
  const resolved: Scenario = {
    ...rest,
    territories,
    reps,
    hiring: s.hiring ?? null,
    attrition: s.attrition ?? null,
    leadership: s.leadership ?? null,
    quota: s.quota ?? null,
    coverage: s.coverage ?? null,
    sellingTime: s.sellingTime ?? null,
    stalls: s.stalls ?? null,
    costs: s.costs ?? null,
    ...(market ? { market } : {}),
    // absent and `ramped` resolve alike (every initial seat held by a fully ramped rep), and keep the resolved scenario as before
    ...(initialTeam === 'steady-state' ? { initialTeam } : team ? { initialTeam: team } : {}),
    ...(team && openPipeline ? { openPipeline } : {}),
    ...(s.customers ? { customers: s.customers } : {}),
    ...(s.demand ? { demand: s.demand } : {}),
    ...(s.resolution ? { resolution: s.resolution } : {}),
  };
  if (taken.found.length === 0 && !uncertainty) return resolved;
  return resolveUncertainty(resolved, taken.found, uncertainty, (x) => parseScenario(x), raw);
}

/**
 * Checks a scenario without throwing.
 * @example validateScenario({}).ok // false
 */
export function validateScenario(input: string | unknown): { ok: true; scenario: Scenario } | { ok: false; errors: InputIssue[] } {
  try {
    return { ok: true, scenario: parseScenario(input) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, errors: e.errors };
    throw e;
  }
}


/** Canonical JSON (sorted keys) used for hashing. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/**
 * A stable 64-bit hash (hex) of the resolved scenario's model: trials, seed and name excluded,
 * so two files that describe the same organisation hash alike.
 * @example scenarioHash(parseScenario({ reps: { seats: 1, opportunitiesPerMonth: 1, winRate: 0.2, dealSize: 1 } })).length // 16
 */
export function scenarioHash(s: Scenario): string {
  const { trials: _t, seed: _s, name: _n, description: _d, ...model } = s;
  const text = canonicalJson(model);
  let h1 = 0xdeadbeef ^ 0,
    h2 = 0x41c6ce57 ^ 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
