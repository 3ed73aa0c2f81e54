/**
 * Trainer mode, the 80/20 numerator: one slider f (share of the gap to the top 20% closed for the
 * other 80%); the engine simulates the two-tier organisation at f and at 0 on the same seed, and the
 * view shows both Lorenz curves and the revenue multiple next to the theory, 1 + 3f.
 */
import { LitElement, html, css } from 'lit';
import { base, view, COLORS } from '../theme.js';
import { getApp } from '../app.js';
import { StoreController } from '../store-controller.js';
import { lorenzChart } from '../charts/lorenz.js';
import { formatMoney, formatMultiple, formatPct } from '../format.js';
import { TRAINER_TRIALS } from '../trainer-scenario.js';
import './sim-chart.js';

export class SimTrainer extends LitElement {
  private state = new StoreController(this);

  static styles = [
    base,
    view,
    css`
      .panel {
        background: #fff;
        border: 1px solid #dde4ec;
        border-radius: 10px;
        padding: 1rem 1.2rem;
      }
      h2 {
        margin: 0 0 0.25rem;
        font-size: 1.25rem;
      }
      .lede {
        font-size: 0.95rem;
        color: #2d3d4e;
        margin: 0 0 0.8rem;
      }
      .slider {
        display: grid;
        grid-template-columns: auto 1fr auto;
        align-items: center;
        gap: 1rem;
      }
      .slider label {
        font-weight: 600;
      }
      input[type='range'] {
        width: 100%;
        accent-color: #c2410c;
        height: 1.6rem;
      }
      .fval {
        font-size: 1.6rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        min-width: 5.5rem;
        text-align: right;
      }
      .numbers {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.75rem;
        margin-top: 1rem;
      }
      .num {
        border: 1px solid #e3e9ef;
        border-radius: 10px;
        padding: 0.6rem 0.8rem;
      }
      .num h3 {
        margin: 0;
        font-size: 0.72rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: #4a5a6b;
      }
      .num .v {
        font-size: 2.2rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .num .s {
        font-size: 0.8rem;
        color: #4a5a6b;
      }
      .error {
        color: #b91c1c;
      }
      @media (max-width: 640px) {
        .panel {
          padding: 0.75rem 0.8rem;
        }
        .slider {
          grid-template-columns: 1fr auto;
          gap: 0.3rem 0.75rem;
        }
        .slider label {
          grid-column: 1 / -1;
        }
        .numbers {
          grid-template-columns: minmax(0, 1fr);
          gap: 0.5rem;
        }
        .num .v {
          font-size: 1.8rem;
        }
      }
    `,
  ];

  render() {
    const { trainer } = this.state.value;
    const { f, baseline, current } = trainer;
    const multiple = baseline && current ? current.revenue.total.mean / baseline.revenue.total.mean : null;
    return html`
      <section class="panel" aria-labelledby="tr-h">
        <h2 id="tr-h">The 80/20 numerator</h2>
        <p class="lede">
          The top 20% of reps book 80% of revenue. Lift everyone else a share <strong>f</strong> of the way to the top performers' win rate and revenue
          grows to <strong>1 + 3f</strong> times: 4× at f = 1 (+300%), not 5×.
        </p>
        <div class="slider">
          <label for="trainer-f">Gap closed for the other 80%, f</label>
          <input
            id="trainer-f"
            data-testid="trainer-slider"
            type="range"
            min="0"
            max="1"
            step="0.05"
            .value=${String(f)}
            aria-valuetext=${formatPct(f, 0)}
            @input=${(e: Event) => getApp().setTrainerF(Number((e.target as HTMLInputElement).value))}
          />
          <span class="fval" aria-hidden="true">${formatPct(f, 0)}</span>
        </div>
        <div class="numbers" aria-live="polite">
          <div class="num" data-testid="trainer-multiple" data-value=${multiple === null ? '' : String(multiple)}>
            <h3>Revenue multiple (simulated)</h3>
            <div class="v" style="color:${COLORS.plan}">${multiple === null ? '–' : formatMultiple(multiple)}</div>
            <div class="s">${current ? `${formatMoney(current.revenue.total.mean)} vs ${formatMoney(baseline?.revenue.total.mean)} a year (mean)` : trainer.running ? 'simulating…' : ''}</div>
          </div>
          <div class="num">
            <h3>Theory, 1 + 3f</h3>
            <div class="v">${formatMultiple(1 + 3 * f)}</div>
            <div class="s">expected value for this two-tier team</div>
          </div>
          <div class="num" data-testid="trainer-top20">
            <h3>Top 20% share</h3>
            <div class="v">${current ? formatPct(current.reps.top20Share.p50, 0) : '–'}</div>
            <div class="s">was ${baseline ? formatPct(baseline.reps.top20Share.p50, 0) : '–'} before the lift (P50)</div>
          </div>
        </div>
        ${trainer.error ? html`<p class="error" role="alert">${trainer.error}</p>` : null}
      </section>
      <sim-chart
        data-testid="trainer-lorenz"
        heading="Lorenz curve of rep revenue"
        filename="trainer-lorenz"
        caption=${`20 reps, 4 qualified opportunities a month each; top 20% win 64%, the rest 4%. Any team whose top 20% win 16 times as often as the rest is an 80/20 team with the same 1 + 3f: the pareto-numerator presets use 40% / 2.5% on 50 reps; the trainer's higher rates give a small room-sized team enough deals to see. Simulated by the engine, ${TRAINER_TRIALS.toLocaleString('en-US')} trials a point on a fixed seed.`}
        .legend=${[
          { label: 'Before (f = 0)', color: '#9aa8b6' },
          { label: `After (f = ${f.toFixed(2)})`, color: COLORS.plan },
        ]}
        .draw=${baseline && current
          ? (w: number) =>
              lorenzChart(
                [
                  { name: 'Before', points: baseline.reps.lorenz, color: '#9aa8b6' },
                  { name: 'After', points: current.reps.lorenz, color: COLORS.plan },
                ],
                { width: w, height: 320 },
              )
          : null}
      ></sim-chart>
    `;
  }
}
customElements.define('sim-trainer', SimTrainer);
