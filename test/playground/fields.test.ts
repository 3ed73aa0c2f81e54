import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../engine/index.js';
import { ASSUMPTIONS as DRIFT } from '../../engine/mechanisms/drift/assumptions.js';
import { ASSUMPTIONS as COMPENSATION } from '../../engine/mechanisms/compensation/assumptions.js';
import { ASSUMPTIONS as RETENTION } from '../../engine/mechanisms/retention/assumptions.js';
import { ASSUMPTIONS as RESPONSE } from '../../engine/mechanisms/coverageResponse/assumptions.js';
import { ASSUMPTIONS as MANAGERS } from '../../engine/mechanisms/managers/assumptions.js';
import { ASSUMPTIONS as SCALING } from '../../engine/mechanisms/scaling/assumptions.js';
import { SECTIONS, sectionForPath, sectionLists } from '../../playground/src/fields.js';

type Schema = { type?: string; properties?: Record<string, Schema>; anyOf?: Schema[]; items?: Schema };

/** Leaf field paths of the scenario JSON Schema (`a.b`, list items as `a[].b`); scalar-or-object unions are leaves. */
function leaves(s: Schema, prefix: string): string[] {
  const branches = s.anyOf ? s.anyOf.filter((b) => b.type !== 'null') : [s];
  if (branches.length !== 1) return [prefix];
  const b = branches[0];
  if (b.type === 'object' && b.properties) return Object.entries(b.properties).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  if (b.type === 'array' && b.items?.type === 'object') return leaves(b.items, `${prefix}[]`);
  return [prefix];
}

/** Paths the editor binds (same notation). */
function editorPaths(): string[] {
  const out: string[] = [];
  for (const s of SECTIONS) {
    const pre = s.block ? `${s.block}.` : '';
    for (const f of s.fields) out.push(pre + f.key);
    for (const b of s.subBlocks ?? []) for (const f of b.fields) out.push(`${pre}${b.key}.${f.key}`);
    for (const l of sectionLists(s)) for (const f of l.fields) out.push(`${pre}${l.key}[].${f.key}`);
  }
  return out;
}

/** Set in the toolbar or not meant for the editor; a first-time user never needs them in a form. */
// market: written by calibration (issue 15) and kept in the editor's scenario as it is; not yet a form section
// market: fitted by calibrate; openPipeline: a forecast's export (the As of today view); uncertainty: ranges are written in the file (the editor shows an uncertain field blank)
// resolution (by age, month in quarter) and the empirical deal sizes' scale: fitted by calibrate from an export's own deals, kept as written
const NOT_IN_EDITOR = [
  '$schema', 'description', 'trials', 'seed', 'market.annualGrowth', 'market.seasonality', 'market.start', 'market.baseMonth',
  'openPipeline[].owner', 'openPipeline[].ageMonths', 'openPipeline[].amount',
  'resolution.byAge', 'resolution.monthInQuarter.resolve', 'resolution.monthInQuarter.win', 'resolution.start',
  'uncertainty.parameters[].path', 'uncertainty.parameters[].distribution', 'uncertainty.correlations[].between', 'uncertainty.correlations[].rho', 'uncertainty.sampling',
];

describe('editor coverage of the scenario format', () => {
  const schemaLeaves = leaves(scenarioJsonSchema() as Schema, '');
  const bound = editorPaths();

  it('walks the real schema', () => {
    expect(schemaLeaves).toEqual(expect.arrayContaining(['reps.capacity', 'leadership.disruption.productivityDip', 'territories[].potential', 'enablement[].cost.oneTime', 'reps.winRate']));
    expect(schemaLeaves.length).toBeGreaterThan(60);
  });

  it('binds every field of the schema (except the documented few)', () => {
    const missing = schemaLeaves.filter((p) => !NOT_IN_EDITOR.includes(p) && !bound.some((e) => p === e || p.startsWith(`${e}.`)));
    expect(missing).toEqual([]);
  });

  it('binds nothing the schema does not know', () => {
    const unknown = bound.filter((e) => !schemaLeaves.some((p) => p === e || p.startsWith(`${e}.`)));
    expect(unknown).toEqual([]);
  });

  it('maps error paths to the section that shows them', () => {
    expect(sectionForPath('territories[1].potential')).toBe('territories');
    expect(sectionForPath('reps.winRate.tiers')).toBe('reps');
    expect(sectionForPath('leadership.disruption.months')).toBe('leadership');
    expect(sectionForPath('enablement[0].gapClosed')).toBe('enablement');
    expect(sectionForPath('horizonMonths')).toBe('general');
    expect(sectionForPath(null)).toBeNull();
  });

  it('slider ranges are sane', () => {
    for (const s of SECTIONS)
      for (const f of [...s.fields, ...sectionLists(s).flatMap((l) => l.fields), ...(s.subBlocks ?? []).flatMap((b) => b.fields)])
        if (f.kind === 'number') {
          expect(f.min, f.key).toBeLessThan(f.max!);
          expect(f.step, f.key).toBeGreaterThan(0);
          // shares run 0-100%; a rate of change (market growth, a drift's change) may fall
          if (f.unit === 'pct') expect([f.min, f.max], f.key).toEqual([f.key === 'annualGrowth' || f.key === 'change' ? -0.5 : 0, 1]);
        }
  });

  it("issue 27's sections say their effect sizes are assumptions, with the ranges the engine's assumption lists give", () => {
    const range = (path: string) => [...DRIFT, ...COMPENSATION, ...RETENTION, ...RESPONSE, ...MANAGERS, ...SCALING].find((a) => a.path === path)!.range;
    const pc = (x: number) => Math.round(x * 100);
    const quoted: [string, string, (r: [number, number]) => string][] = [
      ['retention', 'retention.attainmentSlope', (r) => `attainment slope ${r[0]} to ${r[1]}`],
      ['retention', 'retention.paySlope', (r) => `pay slope ${r[0]} to ${r[1]}`],
      ['retention', 'retention.marketPremium', (r) => `market premium ${r[0]} to ${r[1]}`],
      ['managers', 'managers.winRateLift', (r) => `win-rate lift ${pc(r[0])}-${pc(r[1])}%`],
      ['managers', 'managers.rampSpeedup', (r) => `ramp speed-up ${pc(r[0])}-${pc(r[1])}%`],
      ['managers', 'managers.poorManagerAttrition', (r) => `${r[0]}-${r[1]} under a poor manager`],
      ['managers', 'managers.goodManagerAttrition', (r) => `${r[0]}-${r[1]} under a good one`],
      ['coverageResponse', 'coverageResponse.prospectShare', (r) => `assumed range ${pc(r[0])}-${pc(r[1])}%`],
      ['drift', 'drift.winRate.change', (r) => `win rate ${pc(r[0])}% to ${pc(r[1])}`],
      ['drift', 'drift.winRate.overMonths', (r) => `over ${r[0]}-${r[1]} months`],
      ['drift', 'drift.dealSize.change', (r) => `deal size ±${pc(r[1])}%`],
      ['drift', 'drift.noDecisionRate.change', (r) => `no-decision rate ${pc(r[0])} to +${pc(r[1])}%`],
      ['compensation', 'compensation.variableShare', (r) => `assumed range ${pc(r[0])}-${pc(r[1])}%`],
      ['scaling', 'scaling.dragPerDoubling', (r) => `drag ${pc(r[0])}-${pc(r[1])}% per doubling`],
      ['scaling', 'scaling.rushedWinRate', (r) => `rushed hire win rate x${r[0]}-${r[1]}`],
    ];
    for (const [id, path, text] of quoted) {
      const help = SECTIONS.find((x) => x.id === id)!.help!;
      expect(help, id).toContain('assum');
      expect(help, path).toContain(text(range(path)));
    }
    expect(range('drift.dealSize.change')[0]).toBe(-range('drift.dealSize.change')[1]);
  });
});

describe('block defaults come from the engine schema, not a copy', () => {
  it("the embedded defaults are the engine's (read from the zod schemas)", async () => {
    const { SCHEMA_DEFAULTS } = await import('../../playground/src/schemaDefaults.js');
    const { blockDefaults } = await import('../../engine/index.js');
    expect(SCHEMA_DEFAULTS).toEqual(blockDefaults());
    // a default read from a schema, not typed in: retention's pay slope (engine/mechanisms/retention/schema.ts)
    expect(SCHEMA_DEFAULTS.retention.paySlope).toBe(-3);
  });

  it("each section's starting values keep the schema's default wherever the schema has one (or are listed as the editor's own)", async () => {
    const { blockDefaults } = await import('../../engine/index.js');
    const D = blockDefaults();
    /** starting values the editor chooses over the schema's, each with why */
    const OWN: Record<string, string> = {
      'quota.annualPerRep': 'the schema has no quota (the user states it); the editor starts from a typical one',
      'coverage.policy': 'switching coverage on means a policy: the editor starts from global',
      'sellingTime.hoursPerMonth': 'the schema default is unlimited hours; switching the block on means a budget',
      'sellingTime.hoursPerOpenOpportunityPerMonth': 'the editor starts from a typical upkeep of an open deal',
      'customers.churnDecided': 'the editor starts from annual contracts (SaaS Capital 2023)',
      'customers.annualExpansion': 'the editor starts from the SaaS Capital 2023 median (NRR 103%)',
      'leadership.vacancyMonths': 'the schema default (no vacancy) leaves the block little to show; the editor starts from a search of a few months',
      'demand.costPerLead': 'the schema default (free leads) hides the cost side; the editor starts from a priced lead',
      'costs.repAnnualCost': 'the schema default is no cost (the block off in effect); switching it on means stating costs',
      'costs.managerSpan': 'likewise: the editor starts with managers costed',
      'costs.managerAnnualCost': 'likewise',
      'costs.leaderSearchCost': 'likewise',
    };
    const differs: string[] = [];
    let compared = 0;
    for (const s of SECTIONS) {
      if (!s.block || !s.defaults || typeof s.defaults !== 'object' || Array.isArray(s.defaults) || !D[s.block]) continue;
      for (const [k, v] of Object.entries(s.defaults as Record<string, unknown>)) {
        if (!(k in D[s.block])) continue;
        compared++;
        if (JSON.stringify(v) !== JSON.stringify(D[s.block][k]) && !(`${s.block}.${k}` in OWN)) differs.push(`${s.block}.${k}: editor ${JSON.stringify(v)}, schema ${JSON.stringify(D[s.block][k])}`);
      }
    }
    expect(differs).toEqual([]);
    expect(compared).toBeGreaterThan(30);
    // the sections that take the schema's defaults wholesale
    for (const block of ['hiring', 'retention', 'managers', 'coverageResponse', 'stalls', 'scaling']) expect(SECTIONS.find((s) => s.block === block)!.defaults).toEqual(D[block]);
  });
});
