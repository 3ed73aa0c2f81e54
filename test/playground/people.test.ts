// @vitest-environment happy-dom
/**
 * The Summary walk for the results view: every section of a Summary with every block on is drawn by a
 * named component, and every figure of the issue-27 sections (compensation, retention, managers, coverage
 * response) is shown in <sim-people> in its unit (mean, P50, P10 and P90 of each Stats; each payout bin's
 * share). A switched-off block's section is not drawn at all (no 0 shown as if measured).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { payoutBinLabel, PEOPLE_SECTIONS } from '../../playground/src/components/sim-people.js';
import { formatMoney, formatNumber, formatPct } from '../../playground/src/format.js';
import { parseScenario, simulate, summarize, type Stats, type Summary } from '../../engine/index.js';

const SRC = join(import.meta.dirname, '../../playground/src');
const preset = (id: string) => parse(readFileSync(join(import.meta.dirname, '../../scenarios', `${id}.yaml`), 'utf8')) as Record<string, unknown>;
const run = (input: unknown): Summary => {
  const s = parseScenario(input);
  return summarize(s, simulate(s, { trials: 40, seed: 5 }), { seed: 5 });
};
async function mount(summary: Summary): Promise<ShadowRoot> {
  const el = document.createElement('sim-people') as HTMLElement & { summary: Summary; updateComplete: Promise<unknown> };
  el.summary = summary;
  document.body.append(el);
  await el.updateComplete;
  return el.shadowRoot!;
}
const text = (root: ShadowRoot, id: string) => root.querySelector(`[data-testid=${id}]`)?.textContent?.replace(/\s+/g, ' ') ?? '';

/** Where each top-level Summary field is drawn (a file under playground/src). */
const SHOWN: Record<string, string> = {
  trials: 'components/sim-details', seed: 'components/sim-details', horizonMonths: 'components/sim-details', scenario: 'components/sim-details',
  scenarioHash: 'components/sim-details', revenue: 'components/sim-results', plan: 'components/sim-details', reps: 'components/sim-details',
  territories: 'components/sim-details', headcount: 'charts/headcount', hiring: 'components/sim-details', leadership: 'components/sim-details',
  cost: 'components/sim-details', margin: 'components/sim-kpis', roi: 'components/sim-details', roiOfMeans: 'components/sim-kpis',
  diagnostics: 'components/sim-details', uncertainty: 'components/sim-goal', precision: 'components/sim-details', assumptions: 'components/sim-assumptions',
  meta: 'components/sim-details', coverage: 'components/sim-coverage', demand: 'components/sim-demand', customers: 'components/sim-customers',
  compensation: 'components/sim-people', retention: 'components/sim-people', managers: 'components/sim-people', coverageResponse: 'components/sim-people',
  scaling: 'components/sim-people',
};

/** The unit a figure of the issue-27 sections is shown in, by its path; a new figure without one fails the walk. */
function unitOf(path: string): (v: number) => string {
  if (/costOfSales|shareAtCap|dragShare$/.test(path)) return (v) => formatPct(v);
  if (/hours$/.test(path)) return (v) => `${formatNumber(v, 0)} h`;
  if (/exits$|teamMonthsWithoutManager$|opportunities$|rushedHires$|peakSeated$/.test(path)) return (v) => formatNumber(v, 1);
  if (/cost$|breakdown\.\w+$|revenueLost$|pipelineLost$|raiseCost$/.test(path)) return (v) => formatMoney(v);
  throw new Error(`no unit for ${path}: draw it in <sim-people> and give it a unit here`);
}
const isStats = (v: unknown): v is Stats => !!v && typeof v === 'object' && 'p50' in v && 'p10' in v && 'mean' in v;
/** Every Stats of a section, with its path. */
function statsLeaves(v: unknown, path: string, out: [string, Stats][] = []): [string, Stats][] {
  if (isStats(v)) out.push([path, v]);
  else if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) statsLeaves(x, `${path}.${k}`, out);
  return out;
}

/** A run with uncertain inputs (so `uncertainty` is in its Summary) and the report a precision-targeted run adds (parallel/runScenarios.ts attaches it). */
const PRECISION = { spec: 'revenue:2%', trials: 40, maxTrials: 40, met: false, targets: [{ name: 'revenue' as const, target: 0.02, reached: 0.0731, met: false }] };
function uncertainPrecise(): Summary {
  return { ...run({ name: 'u', horizonMonths: 6, reps: { seats: 4, winRate: { pert: [0.15, 0.25, 0.4] }, opportunitiesPerMonth: 3, dealSize: 20000 } }), precision: PRECISION };
}

describe('Summary walk: every Summary figure is drawn somewhere readable', () => {
  beforeEach(() => document.body.replaceChildren());
  const people = preset('people-managers');
  // every option on: a cap and a SPIF, a retention raise
  const capped = run({ ...people, compensation: { ...(people.compensation as object), cap: 2, spifs: [{ fromMonth: 2, toMonth: 4, rate: 0.02 }] }, retention: { ...(people.retention as object), raise: { amount: 0.1 } } });
  const ind = preset('coverage-policy.individual');
  const response = run({ ...ind, coverageResponse: { prospectShare: 0.5, maxShareOfWorkHours: 0.5 } });
  const grown = run({ ...preset('baseline'), scaling: { referenceSeats: 20, dragPerDoubling: 0.05, recruitingCapacity: 1 } });

  it('each top-level field of Summaries with every block on has a component that reads it', () => {
    const keys = new Set([...Object.keys(capped), ...Object.keys(response), ...Object.keys(grown), ...Object.keys(run(preset('subscription'))), ...Object.keys(run(preset('reps-marketing-nurture.nurture'))), ...Object.keys(uncertainPrecise())]);
    for (const k of ['uncertainty', 'precision', 'roi']) expect(keys.has(k), k).toBe(true);
    for (const k of ['compensation', 'retention', 'managers', 'coverageResponse', 'scaling', 'customers', 'demand', 'coverage']) expect(keys.has(k), k).toBe(true);
    for (const k of keys) {
      expect(SHOWN[k], `Summary.${k} is drawn by no component`).toBeDefined();
      const src = readFileSync(join(SRC, `${SHOWN[k]}.ts`), 'utf8');
      expect(src, `${SHOWN[k]} reads ${k}`).toMatch(new RegExp(`\\.${k}\\b`));
    }
    expect([...PEOPLE_SECTIONS].every((k) => SHOWN[k] === 'components/sim-people')).toBe(true);
  });

  it('<sim-people> shows every figure of compensation, retention, managers, the coverage response and growth limits in its unit', async () => {
    const cases: [Summary, string[]][] = [
      [capped, ['compensation', 'retention', 'managers']],
      [response, ['coverageResponse']],
      [grown, ['scaling']],
    ];
    let checked = 0;
    for (const [s, keys] of cases) {
      document.body.replaceChildren();
      const root = await mount(s);
      const all = text(root, 'people');
      for (const k of keys) {
        const leaves = statsLeaves((s as unknown as Record<string, unknown>)[k], k);
        expect(leaves.length, k).toBeGreaterThan(1);
        for (const [path, st] of leaves) {
          const f = unitOf(path);
          for (const q of ['mean', 'p50', 'p10', 'p90'] as const) expect(all, `${path}.${q}`).toContain(f(st[q]));
          checked++;
        }
      }
    }
    expect(checked).toBe(5 + 2 + 7 + 2 + 2 + 3); // compensation (cost, 4 parts, cost of sales, cap share), retention 7, managers 2, response 2, scaling 3
    const root = await mount(capped);
    const c = capped.compensation!;
    expect(c.shareAtCap).not.toBeNull();
    const rows = [...root.querySelectorAll('[data-testid=people-payout] tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).toHaveLength(c.payout.edges.length);
    c.payout.edges.forEach((lo, i) => expect(rows[i]).toBe(`${payoutBinLabel(lo, c.payout.edges[i + 1], i === c.payout.edges.length - 1)}${formatPct(c.payout.shares[i])}`));
    expect(text(root, 'people-managers')).toContain(`${formatNumber(capped.managers!.teamsAtStart, 0)} teams at the start`);
  });

  it('draws only the blocks that are on: nothing without them, no cap row without a cap', async () => {
    const bare = run(preset('baseline'));
    for (const k of PEOPLE_SECTIONS) expect(bare[k] ?? null, k).toBeNull();
    expect((await mount(bare)).querySelector('[data-testid=people]')).toBeNull();
    document.body.replaceChildren();
    const { retention: _r, managers: _m, ...compOnly } = people;
    const s = run(compOnly);
    expect(s.compensation?.shareAtCap).toBeNull();
    const root = await mount(s);
    expect(root.querySelector('[data-testid=people-compensation]')).not.toBeNull();
    for (const id of ['people-retention', 'people-managers', 'people-coverage-response']) expect(root.querySelector(`[data-testid=${id}]`), id).toBeNull();
    expect(text(root, 'people-compensation')).toContain('no cap');
    expect(text(root, 'people-compensation')).not.toContain('at the cap');
    // options the scenario does not use say so, not $0
    expect(text(root, 'people-compensation')).toMatch(/SPIFs\s*none in the plan/);
    const ret = await mount(run(people));
    expect(text(ret, 'people-retention')).toMatch(/Retention raise cost\s*no raise in the scenario/);
  });

  it('<sim-details> shows hires and exits, the per-trial ROI and the run (trials, seed, SE, precision reached, engine, speed)', async () => {
    await import('../../playground/src/components/sim-details.js');
    const s = uncertainPrecise();
    const el = document.createElement('sim-details') as HTMLElement & { summary: Summary; updateComplete: Promise<unknown> };
    el.summary = { ...s, roi: capped.roi, roiOfMeans: capped.roiOfMeans };
    document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    for (const st of [s.hiring.hires, s.hiring.exits]) for (const q of ['mean', 'p50', 'p10', 'p90'] as const) expect(text(root, 'details-hiring')).toContain(formatNumber(st[q], 1));
    for (const q of ['mean', 'p50', 'p10', 'p90'] as const) expect(text(root, 'details-roi')).toContain(formatPct(capped.roi![q]));
    const r = text(root, 'details-run');
    for (const part of [`40 · ${s.seed}`, formatMoney(s.diagnostics.revenueStdError), 'revenue:2%', 'not met', '±0.0731', s.meta.engineVersion, s.scenarioHash.slice(0, 12)]) expect(r).toContain(part);
  });

  it('the payout bin labels', () => {
    expect(payoutBinLabel(0.25, 0.5, false)).toBe('0.25–0.5×');
    expect(payoutBinLabel(4, undefined, true)).toBe('≥ 4×');
  });
});
