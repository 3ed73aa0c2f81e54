/**
 * Compare view: a baseline and up to three variants run on common random numbers by the engine
 * (/api/compare): overlaid fans, the distribution of per-trial differences, P(beats baseline) with
 * its interval, the crossover month and the variance-reduction ratio.
 */
import { LitElement, html, css } from 'lit';
import { base, view, tables, cardTable, COLORS, variantColor } from '../theme.js';
import { getApp } from '../app.js';
import { StoreController } from '../store-controller.js';
import type { CompareVariant } from '../api.js';
import { compareFanChart, differenceChart } from '../charts/compare.js';
import { formatMoney, formatNumber, formatPct } from '../format.js';
import './sim-compare-progress.js';
import { precisionNote } from './sim-progress.js';
import './sim-chart.js';
import './sim-assumptions.js';

/**
 * The engine's incremental ROI (mean extra margin / mean extra cost) in %, as the CLI prints it; where
 * the engine has none (no extra spend) the variant is described instead: dominating, or cheaper.
 * @example incrementalRoi({ difference: { total: { mean: 1 }, cost: { mean: -1 } }, incrementalRoi: null }) // 'none: cheaper, more revenue (dominates)'
 */
export function incrementalRoi(v: Pick<CompareVariant, 'incrementalRoi'> & { difference: { total: { mean: number }; cost: { mean: number } } }): string {
  const dRev = v.difference.total.mean;
  const dCost = v.difference.cost.mean;
  if (typeof v.incrementalRoi === 'number' && Number.isFinite(v.incrementalRoi)) return dRev <= 0 ? `${formatPct(v.incrementalRoi)} (dearer, less revenue)` : formatPct(v.incrementalRoi);
  if (dCost <= 0 && dRev > 0) return 'none: cheaper, more revenue (dominates)';
  if (dCost <= 0) return 'none: no extra spend';
  return '–';
}

/**
 * A crossover or payback month: the P50 over the trials that get there, or, when most never do, that
 * count first (as the CLI prints it), never a P50 of a few trials shown as if typical.
 * @example monthCell(null, 1, 2000, 'paid back') // 'never in 2,000 of 2,000 trials'
 */
export function monthCell(m: { p10: number; p50: number; p90: number } | null, never: number, trials: number, what: string): string {
  const n = Math.round(never * trials);
  const count = (k: number) => k.toLocaleString('en-US');
  if (!m || n * 2 >= trials) return `never in ${count(n)} of ${count(trials)} trials${m ? ` (P50 ${formatNumber(m.p50, 1)} in the ${count(trials - n)} ${what})` : ''}`;
  return `P50 ${formatNumber(m.p50, 1)} (P10 ${formatNumber(m.p10, 1)}–P90 ${formatNumber(m.p90, 1)}); never ${what} in ${formatPct(never, 0)}`;
}

/** What the assumption analysis judges (salesim compare --metric); '' = the engine's default (ARR with a customers block, else revenue). */
export type AssumptionsMetric = '' | 'revenue' | 'margin' | 'arr' | 'plan';

/**
 * The `assumptions` option of a compare request: true for the defaults, else the metric and draws chosen.
 * @example assumptionsOption('margin', 256) // { metric: 'margin' }
 */
export function assumptionsOption(metric: AssumptionsMetric, draws: number): true | { metric?: Exclude<AssumptionsMetric, ''>; draws?: number } {
  const o = { ...(metric ? { metric } : {}), ...(draws !== DEFAULT_DRAWS ? { draws } : {}) };
  return Object.keys(o).length ? o : true;
}
/** The Sobol plan's rows by default (salesim compare --draws). */
const DEFAULT_DRAWS = 256;

export class SimCompare extends LitElement {
  private state = new StoreController(this);
  static properties = { metric: { state: true }, draws: { state: true } };
  /** what the assumption analysis judges ('' = the engine's default) */
  declare metric: AssumptionsMetric;
  /** the Sobol plan's rows (8 to 4096) */
  declare draws: number;

  constructor() {
    super();
    this.metric = '';
    this.draws = DEFAULT_DRAWS;
  }

  static styles = [
    base,
    view,
    tables,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0.4rem 0;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.3rem 0;
        font-size: 0.85rem;
        border-bottom: 1px solid #eef2f6;
      }
      .dot {
        display: inline-block;
        flex: none;
        width: 10px;
        height: 10px;
        border-radius: 50%;
        margin-right: 0.35rem;
      }
      @media (max-width: 700px) {
        li {
          flex-wrap: wrap;
        }
        .actions select {
          max-width: 100%;
        }
      }
      li .name {
        flex: 1;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      /* the shared tables stylesheet, a little roomier for the comparison's headline numbers */
      table {
        font-size: 0.84rem;
      }
      th,
      td {
        padding: 0.35rem 0.5rem;
      }
      th {
        font-size: 0.72rem;
        text-transform: uppercase;
        letter-spacing: 0.03em;
        color: #4a5a6b;
      }
      small {
        color: #4a5a6b;
      }
      .big {
        font-weight: 700;
        font-size: 1rem;
      }
      .error {
        color: #b91c1c;
        font-size: 0.85rem;
      }
      /* the comparison table has nine columns: as cards below a laptop width, not only on phones */
      ${cardTable(1100)}
    `,
  ];

  render() {
    const { compare, presets, scenario } = this.state.value;
    const app = getApp();
    const r = compare.result;
    const rev = r?.baseline.customers ? 'Bookings' : 'Revenue';
    const baseLabel = String(r?.baseline.scenario?.name ?? 'Baseline');
    // a comparison is month by month: variants must share the baseline's horizon
    const horizon = Number((compare.baseline?.scenario ?? scenario).horizonMonths ?? 12);
    const baseName = compare.baseline?.name ?? `${String(scenario.name ?? 'Editor scenario')} (editor, live)`;
    return html`
      <section class="panel" data-testid="compare-view" aria-labelledby="cmp-h">
        <h2 id="cmp-h">Compare designs on the same random draws</h2>
        <p>
          Every scenario runs on common random numbers, so each difference is measured trial by trial. Pin the editor's scenario as the baseline, change
          it, then add it as a variant (or add a preset).
        </p>
        <ul aria-label="Scenarios in the comparison">
          <li>
            <span class="dot" style="background:${COLORS.baseline}"></span><span class="name"><strong>Baseline:</strong> ${baseName}</span>
            ${compare.baseline
              ? html`<button @click=${() => app.pinBaseline(false)}>Unpin</button>`
              : html`<button @click=${() => app.pinBaseline(true)} data-testid="pin-baseline">Pin editor as baseline</button>`}
          </li>
          ${compare.variants.map(
            (v, i) => html`<li>
              <span class="dot" style="background:${variantColor(i)}"></span><span class="name">${v.name}</span>
              <button aria-label="Remove variant ${v.name}" @click=${() => app.removeVariant(i)}>Remove</button>
            </li>`,
          )}
        </ul>
        <div class="actions">
          <button ?disabled=${compare.variants.length >= 3} @click=${() => app.snapshotVariant()} data-testid="add-editor-variant">Add editor scenario as variant</button>
          <label for="cmp-preset" class="sr-only">Add a preset as a variant</label>
          <select
            id="cmp-preset"
            data-testid="add-preset-variant"
            ?disabled=${compare.variants.length >= 3}
            @change=${(e: Event) => {
              const sel = e.target as HTMLSelectElement;
              if (sel.value) void app.addPresetVariant(sel.value);
              sel.value = '';
            }}
          >
            <option value="">Add a preset as variant…</option>
            ${presets.map((p) => {
              const h = (p.scenario as { horizonMonths?: number } | undefined)?.horizonMonths;
              const ok = h === undefined || h === horizon;
              return html`<option value=${p.id} ?disabled=${!ok}>${p.name}${ok ? '' : ` (${h} months: needs ${horizon})`}</option>`;
            })}
          </select>
          <button class="primary" data-testid="compare-run" ?disabled=${compare.variants.length === 0 || compare.running} @click=${() => app.runCompare()}>
            ${compare.running ? 'Comparing…' : 'Compare'}
          </button>
          <button data-testid="compare-assumptions-run" ?disabled=${compare.variants.length === 0 || compare.running} @click=${() => app.runCompare({ assumptions: assumptionsOption(this.metric, this.draws) })} title="Also vary the unsourced numbers over their plausible ranges: how much of the answer is assumption, and where it breaks even (slower)">
            Compare with assumptions
          </button>
          <label title="What the assumption analysis judges (salesim compare --metric)"
            >judged on
            <select aria-label="What the assumption analysis judges" data-testid="compare-assumptions-metric" @change=${(e: Event) => (this.metric = (e.target as HTMLSelectElement).value as AssumptionsMetric)}>
              ${(
                [
                  ['', 'default (ARR with customers, else revenue)'],
                  ['revenue', 'total revenue'],
                  ['margin', 'margin'],
                  ['arr', 'ARR at the horizon'],
                  ['plan', 'P(plan)'],
                ] as const
              ).map(([v, label]) => html`<option value=${v} ?selected=${this.metric === v}>${label}</option>`)}
            </select></label
          >
          <label title="Rows of the Sobol plan: 2N independent draws per variant (salesim compare --draws; more is slower and steadier)"
            >draws
            <input type="number" min="8" max="4096" step="1" style="width:5.5rem" aria-label="Rows of the Sobol plan (draws)" data-testid="compare-assumptions-draws" .value=${String(this.draws)} @change=${(e: Event) => {
              const n = Math.round(Number((e.target as HTMLInputElement).value));
              this.draws = Number.isFinite(n) ? Math.min(4096, Math.max(8, n)) : DEFAULT_DRAWS;
            }} /></label
          >
          ${compare.error ? html`<span class="error" role="alert">${compare.error}</span>` : null}
        </div>
      </section>
      ${compare.running && compare.progress ? html`<sim-compare-progress .progress=${compare.progress}></sim-compare-progress>` : null}
      ${r
        ? html`
            <section class="panel" aria-label="Comparison results" data-testid="compare-results">
              <p data-testid="compare-trials">${r.trials.toLocaleString('en-US')} trials per scenario, seed ${r.seed}, the same draws for every scenario.${r.baseline.customers ? ' Revenue here is bookings; the ARR column is the subscription view.' : ''}</p>
              ${r.precision ? html`<p data-testid="compare-precision"><small>${precisionNote(r.precision)} Every design ran the same trials; the worst of them decides.</small></p>` : null}
              <table class="cards">
                <thead>
                  <tr>
                    <th scope="col">Variant</th>
                    <th scope="col">P(beats baseline)</th>
                    <th scope="col" title="chance of hitting the scenario's own plan">P(plan)${r.baseline.plan ? html`<br /><small>baseline ${formatPct(r.baseline.plan.probability)}</small>` : null}</th>
                    <th scope="col">${rev} diff, P50 (P10–P90)<br /><small>mean ± SE</small></th>
                    <th scope="col">Cost diff, P50</th>
                    <th scope="col">Crossover month</th>
                    <th scope="col" title="the month from which the variant's cumulative margin stays ahead: its extra spend has paid for itself">Payback month</th>
                    <th scope="col" title="mean extra margin ÷ mean extra cost, as in the CLI">Incremental ROI</th>
                    <th scope="col">Variance reduction</th>
                    ${r.variants.some((v) => v.difference.arr) ? html`<th scope="col">ARR diff at horizon, mean ± SE</th>` : null}
                  </tr>
                </thead>
                <tbody>
                  ${r.variants.map(
                    (v, i) => html`<tr>
                      <td><span class="dot" style="background:${variantColor(i)}"></span>${v.name}</td>
                      <td data-label="P(beats baseline)"><div><span class="big" data-testid="beats-baseline">${formatPct(v.beatsBaseline.probability)}</span><br /><small>${formatPct(v.beatsBaseline.ci[0])}–${formatPct(v.beatsBaseline.ci[1])}</small></div></td>
                      <td data-label="P(plan)" data-testid="variant-plan"><div>${v.summary.plan ? html`${formatPct(v.summary.plan.probability)}<br /><small>± ${formatPct(v.summary.diagnostics.planProbabilityStdError)} SE</small>` : '–'}</div></td>
                      <td data-label="${rev} diff, P50 (P10–P90)"><div>${formatMoney(v.difference.total.p50)}<br /><small>${formatMoney(v.difference.total.p10)} – ${formatMoney(v.difference.total.p90)}</small><br /><small data-testid="revenue-diff-se">mean ${formatMoney(v.difference.total.mean)} ± ${formatMoney(v.difference.stdError.total)}</small></div></td>
                      <td data-label="Cost diff, P50"><div>${formatMoney(v.difference.cost.p50)}</div></td>
                      <td data-label="Crossover month"><div>${monthCell(v.crossoverMonth, v.neverCrosses, r.trials, 'ahead')}</div></td>
                      <td data-label="Payback month" data-testid="payback"><div>${v.difference.cost.mean <= 0 ? 'no extra spend to pay back' : monthCell(v.paybackMonth, v.neverPaysBack, r.trials, 'paid back')}</div></td>
                      <td data-label="Incremental ROI"><div>${incrementalRoi(v)}</div></td>
                      <td data-label="Variance reduction"><div>${v.varianceReduction === null || v.varianceReduction === undefined ? '–' : `${formatNumber(v.varianceReduction, 1)}×`}</div></td>
                      ${r.variants.some((x) => x.difference.arr)
                        ? html`<td data-label="ARR diff at the horizon" data-testid="arr-difference"><div>
                            ${v.difference.arr ? html`${formatMoney(v.difference.arr.end.mean)} ± ${formatMoney(v.difference.arr.endStdError)}<br /><small>higher in ${formatPct(v.difference.arr.beatsBaseline.probability, 0)}</small>` : '–'}
                          </div></td>`
                        : null}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </section>
            <sim-assumptions .analysis=${r.assumptions}></sim-assumptions>
            <sim-chart
              data-testid="compare-fan"
              heading="Monthly revenue, each variant against the baseline"
              filename="compare-fans"
              caption="Revenue per month (axis not from zero). Lines: the median; shaded: P10–P90 (grey: the baseline; coloured, between dotted lines: the variant)."
              .legend=${[{ label: `${baseLabel} (baseline)`, color: COLORS.baseline }, ...r.variants.map((v, i) => ({ label: v.name, color: variantColor(i) }))]}
              .draw=${(w: number) => compareFanChart([{ name: baseLabel, summary: r.baseline }, ...r.variants.map((v, i) => ({ name: v.name, summary: v.summary, color: variantColor(i) }))], { width: w })}
            ></sim-chart>
            <sim-chart
              data-testid="difference-chart"
              heading="Difference from baseline, per trial"
              filename="compare-differences"
              caption="Number of simulated futures (trials) by how much more revenue the variant books than the baseline in that future: right of the baseline line, the variant is ahead."
              .legend=${[{ label: `${baseLabel} (baseline, 0)`, color: COLORS.baseline }, ...r.variants.map((v, i) => ({ label: v.name, color: variantColor(i) })), { label: 'median difference', color: COLORS.ink, dashed: true }]}
              .draw=${(w: number) => differenceChart(r.variants.map((v, i) => ({ name: v.name, total: v.difference.total, histogram: v.difference.histogram, color: variantColor(i) })), { width: w })}
            ></sim-chart>
          `
        : null}
    `;
  }
}
customElements.define('sim-compare', SimCompare);
