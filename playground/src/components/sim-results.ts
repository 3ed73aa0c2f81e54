/**
 * The results view: headline cards and the five charts (fan, total-revenue histogram, attainment
 * histogram, Lorenz curve, headcount), all drawn from the latest (possibly partial) Summary.
 */
import { LitElement, html, css } from 'lit';
import { base, view, COLORS } from '../theme.js';
import { StoreController } from '../store-controller.js';
import { fanChart } from '../charts/fan.js';
import { histogramChart } from '../charts/histogram.js';
import { lorenzChart } from '../charts/lorenz.js';
import { headcountChart } from '../charts/headcount.js';
import { formatMoney, formatPct } from '../format.js';
import './sim-chart.js';
import './sim-kpis.js';
import './sim-customers.js';

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
      .about {
        margin: 0;
        font-size: 0.85rem;
        color: #2d3d4e;
        background: #fff;
        border-left: 4px solid #f59e0b;
        border-radius: 6px;
        padding: 0.45rem 0.75rem;
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      .hint {
        font-size: 0.8rem;
        color: #4a5a6b;
        margin: 0;
      }
    `,
  ];

  render() {
    const { summary: s, running, presetId, presets } = this.state.value;
    const plan = s?.plan ?? null;
    const preset = presetId ? presets.find((p) => p.id === presetId) : undefined;
    // the preset file's header comment: the question it answers, in the author's words
    const about = preset?.description ? preset.description.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ') : '';
    return html`
      ${about ? html`<p class="about" data-testid="preset-about" title=${preset!.description ?? ''}><strong>${preset!.name}.</strong> ${about}</p>` : null}
      <sim-kpis .summary=${s} ?partial=${running}></sim-kpis>
      ${s?.customers ? html`<sim-customers .summary=${s} ?partial=${running}></sim-customers>` : null}
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
          caption=${plan ? `Plan ${formatMoney(plan.target)} is hit in ${formatPct(plan.probability)} of trials.` : 'No plan set: add a quota to mark it.'}
          .draw=${s ? (w: number) => histogramChart(s.revenue.histogram, { width: w, label: 'Total revenue', format: formatMoney, marker: plan ? { value: plan.target, label: 'Plan' } : null, ariaLabel: 'Histogram of total revenue across trials' }) : null}
        ></sim-chart>
        <sim-chart
          data-testid="attainment-histogram"
          heading="Quota attainment per rep-year"
          filename="attainment-histogram"
          caption=${s?.reps.shareAtQuota ? `${formatPct(s.reps.shareAtQuota.mean, 0)} of rep-years at or above quota (mean).` : ''}
          empty="Set a quota to see attainment."
          .draw=${s?.reps.attainmentHistogram
            ? (w: number) =>
                histogramChart(s.reps.attainmentHistogram!, { width: w, label: 'Attainment', format: (v) => formatPct(v, 0), marker: { value: 1, label: 'Quota' }, ariaLabel: 'Histogram of rep attainment', color: '#8fb3a5' })
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
    `;
  }
}
customElements.define('sim-results', SimResults);
