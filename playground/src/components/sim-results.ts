/**
 * The results view: headline cards and the five charts (fan, total-revenue histogram, attainment
 * histogram, Lorenz curve, headcount), all drawn from the latest (possibly partial) Summary.
 */
import { LitElement, html, css } from 'lit';
import { base, view, COLORS } from '../theme.js';
import { StoreController } from '../store-controller.js';
import { isStale } from '../app.js';
import { fanChart } from '../charts/fan.js';
import { histogramChart } from '../charts/histogram.js';
import { lorenzChart } from '../charts/lorenz.js';
import { headcountChart } from '../charts/headcount.js';
import { formatMoney, formatPct, presetBlurb } from '../format.js';
import './sim-chart.js';
import './sim-kpis.js';
import './sim-coverage.js';
import './sim-customers.js';
import './sim-demand.js';
import './sim-details.js';
import './sim-people.js';

export class SimResults extends LitElement {
  private state = new StoreController(this);

  static styles = [
    base,
    view,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.75rem;
      }
      .wide {
        grid-column: 1 / -1;
      }
      @media (max-width: 1099px) {
        .grid {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .about {
        margin: 0;
        font-size: 0.85rem;
        color: #2d3d4e;
        background: #fff;
        border-left: 4px solid #f59e0b;
        border-radius: 6px;
        padding: 0.45rem 0.75rem;
      }
      .about p {
        margin: 0;
        font-size: inherit;
        color: inherit;
      }
      .about details {
        margin-top: 0.25rem;
      }
      .about summary {
        cursor: pointer;
        color: #1d4f91;
        font-size: 0.8rem;
      }
      .stale-note {
        margin: 0;
        font-size: 0.82rem;
        color: #7c2d12;
        background: #fff7ed;
        border: 1px solid #fed7aa;
        border-radius: 6px;
        padding: 0.35rem 0.7rem;
      }
      .stale sim-kpis,
      .stale .grid {
        opacity: 0.45;
        filter: grayscale(0.6);
        transition: opacity 0.2s;
      }
      .hint {
        font-size: 0.8rem;
        color: #4a5a6b;
        margin: 0;
      }
    `,
  ];

  render() {
    const { summary: s, running, presetId, presets, errors } = this.state.value;
    const stale = isStale(this.state.value);
    const plan = s?.plan ?? null;
    const preset = presetId ? presets.find((p) => p.id === presetId) : undefined;
    // the preset file's header comment: the question it answers, in the author's words (minus file names)
    const blurb = preset?.description ? presetBlurb(preset.description) : null;
    const lead = blurb ? blurb.sentences.slice(0, 1).join(' ') : '';
    const more = blurb ? [...blurb.sentences.slice(1), ...(blurb.compare ? ['To set it against the other designs of its study, add them in the Compare tab.'] : [])].join(' ') : '';
    return html`
      ${lead
        ? html`<div class="about" data-testid="preset-about">
            <p><strong>${preset!.name}.</strong> ${lead}</p>
            ${more ? html`<details><summary>More about this preset</summary><p>${more}</p></details>` : null}
          </div>`
        : null}
      ${stale
        ? html`<p class="stale-note" role="status" data-testid="stale-note">
            ${errors.length ? 'These results are for the previous inputs: fix the marked fields to update them.' : 'These results are for the previous inputs; updating…'}
          </p>`
        : null}
      <div class=${stale ? 'stale' : ''} data-testid="results-body" data-stale=${stale ? 'true' : 'false'} style="display:grid;gap:0.75rem">
      <sim-kpis .summary=${s} ?partial=${running}></sim-kpis>
      ${s?.customers ? html`<sim-customers .summary=${s} ?partial=${running}></sim-customers>` : null}
      ${s?.demand ? html`<sim-demand .summary=${s} ?partial=${running}></sim-demand>` : null}
      <div class="grid">
        <sim-chart
          class="wide"
          data-testid="fan-chart"
          data-trials=${s ? String(s.trials) : ''}
          data-hash=${s ? s.scenarioHash : ''}
          data-seed=${s ? String(s.seed) : ''}
          data-done=${s && !running ? 'true' : 'false'}
          heading="Monthly revenue"
          filename="monthly-revenue"
          caption=${s ? `Spread of ${s.trials.toLocaleString('en-US')} simulated futures, seed ${s.seed}.` : ''}
          .legend=${[
            { label: 'P10–P90', color: COLORS.band90 },
            { label: 'P25–P75', color: COLORS.band50 },
            { label: 'Median', color: COLORS.median },
            ...(plan ? [{ label: 'Plan', color: COLORS.plan, dashed: true }] : []),
          ]}
          .draw=${s ? (w: number) => fanChart(s, { width: w }) : null}
        ></sim-chart>
        <sim-chart
          data-testid="revenue-histogram"
          heading="Total revenue over the horizon"
          filename="revenue-histogram"
          caption=${`Each bar counts trials (simulated futures). ${plan ? `Plan ${formatMoney(plan.target)} is hit in ${formatPct(plan.probability)} of trials.` : 'No plan set: add a quota to mark it.'}`}
          .draw=${s ? (w: number) => histogramChart(s.revenue.histogram, { width: w, label: 'Total revenue', format: formatMoney, marker: plan ? { value: plan.target, label: 'Plan' } : null, ariaLabel: 'Histogram of total revenue across trials' }) : null}
        ></sim-chart>
        <sim-chart
          data-testid="attainment-histogram"
          heading="Quota attainment per rep-year"
          filename="attainment-histogram"
          caption=${s?.reps.shareAtQuota
            ? `Each bar counts rep-years (a rep seated 3+ months of a year, against the ramp-adjusted quota); ${formatPct(s.reps.shareAtQuota.mean, 0)} are at or above quota (mean). The 0–10% bar is rep-years with no or almost no won deals: short stints, ramping, low win rates, and a year holds only a handful of lumpy deals. The last bar is 300% or more.`
            : ''}
          empty="Set a quota to see attainment."
          .draw=${s?.reps.attainmentHistogram
            ? (w: number) =>
                histogramChart(s.reps.attainmentHistogram!, {
                  width: w,
                  label: 'Attainment of quota',
                  format: (v) => formatPct(v, 0),
                  marker: { value: 1, label: 'Quota' },
                  ariaLabel: 'Histogram of quota attainment per rep-year',
                  color: '#8fb3a5',
                  yLabel: 'Rep-years',
                  firstBinNote: '← no or few wins',
                  openEndedLabel: '300%+',
                })
            : null}
        ></sim-chart>
        <sim-chart
          data-testid="lorenz-chart"
          heading="Who produces the revenue"
          filename="lorenz"
          caption=${s ? `Top 20% of reps book ${formatPct(s.reps.top20Share.p50, 0)} of rep revenue (P50).` : ''}
          .draw=${s ? (w: number) => lorenzChart([{ name: 'Reps', points: s.reps.lorenz, color: COLORS.median }], { width: w }) : null}
        ></sim-chart>
        <sim-chart
          data-testid="headcount-chart"
          heading="Headcount"
          filename="headcount"
          .legend=${[
            { label: 'Productive', color: COLORS.productive },
            { label: 'Ramping', color: COLORS.ramping },
            { label: 'Vacant', color: COLORS.vacant },
          ]}
          .draw=${s ? (w: number) => headcountChart(s, { width: w }) : null}
        ></sim-chart>
      </div>
      ${s?.coverage ? html`<sim-coverage .summary=${s}></sim-coverage>` : null}
      ${s ? html`<sim-people .summary=${s}></sim-people>` : null}
      ${s ? html`<sim-details .summary=${s}></sim-details>` : null}
      </div>
    `;
  }
}
customElements.define('sim-results', SimResults);
