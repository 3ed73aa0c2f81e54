// @vitest-environment happy-dom
/**
 * Every field of the scenario schema is reachable from the playground editor: a walk of the engine's
 * JSON Schema fails on any leaf the editor's sections (and the object forms their fields can take)
 * do not reach, except the listed file-only fields. And a newly added list item or switched-on block
 * starts with every field set, so none of its controls starts disabled.
 */
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, parseScenario } from '../../engine/index.js';
import { editorPaths, SECTIONS, sectionLists } from '../../playground/src/fields.js';
import { getIn } from '../../playground/src/path.js';
import { createApp, setApp } from '../../playground/src/app.js';
import { api as realApi } from '../../playground/src/api.js';
import '../../playground/src/components/sim-editor.js';
import { SMALL_SCENARIO } from './fixtures.js';

type Json = Record<string, any>;

/** Fields set only in the file, each with the reason. */
const FILE_ONLY: [RegExp, string][] = [
  [/^\$schema$/, 'editor metadata (the schema URL), not a model input'],
  [/^(trials|seed)$/, 'set in the toolbar (Trials, New draw) and saved with the scenario, not in the editor'],
  [/^initialTeam\.(asOf|roster)/, "a named roster with each rep's record: from a CRM export (Calibrate / As of today, or salesim calibrate --roster)"],
  [/^openPipeline\[\]/, 'open deals from a CRM export (As of today / salesim forecast)'],
  [/^reps\.dealSize\.empirical\[\]$/, 'won amounts from a calibration: shown in the editor, replaced not edited'],
  [/^reps\.dealSize\.scale$/, "the level of a calibration's won amounts, drawn per trial for the uncertainty of their mean: written by salesim calibrate"],
  [/^resolution\./, "the chance an open deal resolves by its age and month in quarter: fitted by salesim calibrate from an export's own deals (censored), not typed in"],
  [/^uncertainty\./, 'correlations and sampling of uncertain inputs: file-only for now (distribution editing is issue 26)'],
  [/\.(pert|triangular|lognormal|normal|uniform|beta|logitNormal)(\.|\[\]|$)/, 'a distribution on an uncertain input: file-only for now (issue 26)'],
];

function schemaLeaves(): string[] {
  const root = scenarioJsonSchema() as Json;
  const resolve = (s: Json): Json => {
    if (s?.$ref) {
      let n: any = root;
      for (const p of String(s.$ref).slice(2).split('/')) n = n[p];
      return resolve(n);
    }
    return s;
  };
  const out = new Set<string>();
  const walk = (schema: Json, path: string) => {
    const s = resolve(schema);
    if (!s) return;
    const alts = s.anyOf ?? s.oneOf;
    if (alts) return alts.forEach((a: Json) => walk(a, path));
    if (s.type === 'object' || s.properties) return Object.entries(s.properties ?? {}).forEach(([k, v]) => walk(v as Json, path ? `${path}.${k}` : k));
    if (s.type === 'array') return walk(s.items, `${path}[]`);
    if (s.type !== 'null') out.add(path);
  };
  walk(root, '');
  return [...out];
}

describe('editor reach', () => {
  it('every schema field is reachable from the editor, but the listed file-only ones', () => {
    const leaves = schemaLeaves();
    expect(leaves.length).toBeGreaterThan(120);
    const reach = editorPaths();
    const missing = leaves.filter((p) => !reach.has(p) && !FILE_ONLY.some(([re]) => re.test(p)));
    expect(missing).toEqual([]);
    // the exceptions are real fields (no stale entry hides a reachable one)
    for (const [re, why] of FILE_ONLY) expect(leaves.some((p) => re.test(p)), why).toBe(true);
    // and the editor reaches nothing the schema does not have
    expect([...reach].filter((p) => !leaves.includes(p))).toEqual([]);
  });

  it('a new list item or a switched-on block sets every field it shows (none starts disabled), and validates', () => {
    for (const s of SECTIONS) {
      for (const l of sectionLists(s)) {
        for (const f of l.fields) if (f.kind !== 'territory') expect(getIn(l.itemDefaults, f.key), `${s.id}: ${f.key}`).not.toBeUndefined();
      }
      if (s.block && s.defaults) {
        for (const f of s.fields) expect(getIn(s.defaults, f.key), `${s.id}: ${f.key}`).not.toBeUndefined();
        // the blocks it requires are switched on with it, at their sections' defaults (as the editor's switch does)
        const required = Object.fromEntries((s.requires ?? []).map((b) => [b, (SMALL_SCENARIO as Json)[b] ?? SECTIONS.find((x) => x.block === b)!.defaults]));
        const base = { ...SMALL_SCENARIO, ...required, [s.block]: s.defaults } as Json;
        if (s.block === 'hiring') base.hiring = { ...(s.defaults as Json), plan: [] };
        expect(() => parseScenario(base), s.id).not.toThrow();
        // and a block with lists validates with one new item in each
        if (sectionLists(s).length) {
          const withItems = { ...base, [s.block]: { ...(base[s.block] as Json), ...Object.fromEntries(sectionLists(s).map((l) => [l.key, [l.itemDefaults]])) } };
          if (s.block !== 'hiring') expect(() => parseScenario(withItems), `${s.id} with one item in each list`).not.toThrow();
          // items the editor adds after the first (itemAfter: ordered tiers) validate too
          const three = { ...base, [s.block]: { ...(base[s.block] as Json), ...Object.fromEntries(sectionLists(s).map((l) => { const a = l.itemDefaults, b = l.itemAfter?.(a) ?? a; return [l.key, [a, b, l.itemAfter?.(b) ?? b]]; })) } };
          if (s.block !== 'hiring') expect(() => parseScenario(three), `${s.id} with three items in each list`).not.toThrow();
        }
      }
      for (const b of s.subBlocks ?? []) for (const f of b.fields) expect(getIn(b.defaults, f.key), `${s.id}.${b.key}: ${f.key}`).not.toBeUndefined();
    }
    const prog = SECTIONS.find((x) => x.id === 'enablement')!.list!.itemDefaults;
    expect(() => parseScenario({ ...SMALL_SCENARIO, enablement: [prog] })).not.toThrow();
  });

  it('renders the market, {mean, sd} leads, shares routing and a given customer base as controls', async () => {
    const app = createApp({ api: { ...realApi, stream: () => new Promise<never>(() => {}), listScenarios: async () => [] }, debounceMs: 1e9 });
    setApp(app);
    app.replaceScenario(
      {
        ...SMALL_SCENARIO,
        territories: [{ name: 'North', seats: 2 }, { name: 'South', seats: 2 }],
        reps: { ...(SMALL_SCENARIO as Json).reps, seats: undefined },
        market: { annualGrowth: 0.1, seasonality: [1.1, 0.9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], start: '2026-01', baseMonth: null },
        demand: { leadsPerMonth: { mean: 400, sd: 50 }, costPerLead: 50, routing: [{ territory: 'North', share: 0.7 }, { territory: 'South', share: 0.3 }] },
        customers: { annualChurn: 0.1, initial: { count: 50, arr: { median: 20000, sigma: 0.5 } } },
      },
      false,
    );
    const el = document.createElement('sim-editor') as HTMLElement & { updateComplete: Promise<unknown> };
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const paths = [...root.querySelectorAll('sim-field')].map((f) => f.getAttribute('data-path'));
    for (const p of ['market.annualGrowth', 'demand.leadsPerMonth.mean', 'demand.leadsPerMonth.sd', 'demand.routing[0].share', 'demand.routing[1].share', 'customers.initial.count', 'customers.initial.arr.median'])
      expect(paths, p).toContain(p);
    expect(root.querySelectorAll('[data-testid=seasonality] input')).toHaveLength(12);
    app.cancelRun();
  });
});
