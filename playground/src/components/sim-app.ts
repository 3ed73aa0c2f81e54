/**
 * The playground shell: toolbar (presets, saved scenarios, undo, run, new draw, trials, share,
 * export), the editor on the left and the four views on the right.
 */
import { LitElement, html, css } from 'lit';
import { base } from '../theme.js';
import { getApp, type View } from '../app.js';
import { ApiError, NEEDS_SERVER } from '../api.js';
import { StoreController } from '../store-controller.js';
import { downloadText } from '../download.js';
import { TRAINER_TRIALS } from '../trainer-scenario.js';
import './sim-editor.js';
import './sim-progress.js';
import './sim-results.js';
import './sim-compare.js';
import './sim-sensitivity.js';
import './sim-trainer.js';
import './sim-calibrate.js';
import './sim-forecast.js';
import './sim-history.js';

const VIEWS: { id: View; label: string }[] = [
  { id: 'results', label: 'Results' },
  { id: 'compare', label: 'Compare' },
  { id: 'sensitivity', label: 'Sensitivity' },
  { id: 'trainer', label: 'Trainer: 80/20' },
  { id: 'calibrate', label: 'Calibrate' },
  { id: 'forecast', label: 'As of today' },
];
const TRIALS = [500, 1000, 2000, 5000, 10000];

/** What "auto" means (the engine's default precision, engine/precision/defaults.ts). */
const AUTO_TITLE = 'auto: run until P(plan) is known to ±1 point and mean revenue to ±0.5% (95% intervals), at most 100,000 trials; or pick a fixed trial count';

/**
 * The trials select's value: 'auto' or a fixed count.
 * @example trialsChoice('auto') // 'auto'
 * @example trialsChoice('5000') // 5000
 */
export function trialsChoice(value: string): number | 'auto' {
  return value === 'auto' ? 'auto' : Number(value);
}

export class SimApp extends LitElement {
  static properties = { drawerOpen: { state: true } };
  /** narrow screens: whether the editor drawer is open (wide screens always show the editor) */
  declare drawerOpen: boolean;
  private state = new StoreController(this);
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    super();
    this.drawerOpen = false;
  }

  private setDrawer(open: boolean) {
    this.drawerOpen = open;
    void this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>(open ? '.drawer-close' : '.drawer-toggle');
      if (target && getComputedStyle(target).display !== 'none') target.focus();
    });
  }

  static styles = [
    base,
    css`
      :host {
        display: grid;
        grid-template-rows: auto auto 1fr;
        height: 100vh;
        background: #f4f6f9;
      }
      header {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0.5rem 0.6rem;
        padding: 0.55rem 1rem;
        background: #14253a;
        color: #fff;
      }
      header h1 {
        font-size: 1.1rem;
        margin: 0 0.75rem 0 0;
        letter-spacing: 0.01em;
      }
      header h1 span {
        font-weight: 400;
        color: #b6c6d8;
        font-size: 0.85rem;
        margin-left: 0.4rem;
      }
      header label {
        font-size: 0.78rem;
        color: #d3deea;
      }
      .group {
        display: flex;
        align-items: center;
        gap: 0.35rem;
      }
      .targets {
        width: 9.5rem;
        min-width: 0;
      }
      .spacer {
        flex: 1;
      }
      .seed {
        font-size: 0.78rem;
        color: #d3deea;
        font-variant-numeric: tabular-nums;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.75rem;
        padding: 0.4rem 1rem;
        background: #fff;
        border-bottom: 1px solid #dde4ec;
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
      }
      [role='tab'] {
        border: none;
        border-bottom: 3px solid transparent;
        border-radius: 0;
        padding: 0.4rem 0.7rem;
        font-weight: 600;
        color: #4a5a6b;
        background: none;
      }
      [role='tab'][aria-selected='true'] {
        color: #1d4f91;
        border-bottom-color: #1d4f91;
      }
      sim-progress {
        flex: 1 1 14rem;
        min-width: 0;
      }
      .drawer-toggle,
      .drawer-close,
      .drawer-undo,
      .drawer-bar,
      .backdrop {
        display: none;
      }
      .main {
        display: grid;
        grid-template-columns: minmax(300px, 360px) 1fr;
        min-height: 0;
      }
      .main.solo {
        grid-template-columns: 1fr;
      }
      [hidden],
      aside[hidden] {
        display: none !important;
      }
      aside {
        overflow-y: auto;
        background: #fff;
        border-right: 1px solid #dde4ec;
        padding: 0.25rem 0.9rem 2rem;
      }
      aside h2 {
        font-size: 0.8rem;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: #4a5a6b;
        margin: 0.8rem 0 0.2rem;
      }
      main {
        overflow-y: auto;
        padding: 0.9rem 1rem 2rem;
        min-width: 0;
      }
      .alert {
        background: #fff5f5;
        border: 1px solid #fecaca;
        color: #991b1b;
        padding: 0.5rem 0.75rem;
        border-radius: 8px;
        margin-bottom: 0.75rem;
        font-size: 0.85rem;
      }
      .notice {
        position: fixed;
        bottom: 1rem;
        right: 1rem;
        background: #14253a;
        color: #fff;
        padding: 0.5rem 0.9rem;
        border-radius: 8px;
        font-size: 0.85rem;
        box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2);
      }
      header select {
        max-width: 13rem;
      }
      /* preset names are long ("Leadership churn (tenure 19, impatient board)"): room to read them */
      header #preset {
        max-width: 22rem;
      }
      header #saved {
        max-width: 9rem;
      }
      @media (max-width: 1440px) {
        header h1 span {
          display: none;
        }
      }
      @media (max-width: 1180px) {
        header .group > label {
          display: none;
        }
      }
      /* narrow screens: the page scrolls as one, the header wraps, the editor is a drawer */
      @media (max-width: 899px) {
        :host {
          display: block;
          height: auto;
          min-height: 100vh;
        }
        header {
          padding: 0.5rem 0.75rem;
        }
        header h1 {
          margin-right: auto;
        }
        .spacer {
          display: none;
        }
        .bar {
          padding: 0.35rem 0.75rem;
        }
        .main {
          display: block;
        }
        main {
          overflow: visible;
          padding: 0.75rem 0.6rem 2rem;
        }
        .drawer-toggle {
          display: inline-block;
        }
        .drawer-bar {
          display: flex;
          justify-content: flex-end;
          gap: 0.5rem;
          padding-top: 0.6rem;
          position: sticky;
          top: 0;
          z-index: 2;
          background: inherit;
        }
        .drawer-close,
        .drawer-undo {
          display: block;
        }
        aside {
          position: fixed;
          z-index: 20;
          top: 0;
          bottom: 0;
          left: 0;
          width: min(380px, 92vw);
          border-right: 1px solid #c6d0db;
          box-shadow: 4px 0 24px rgba(0, 0, 0, 0.25);
          transform: translateX(-105%);
          visibility: hidden;
          transition:
            transform 0.2s ease,
            visibility 0.2s;
        }
        aside.open {
          transform: none;
          visibility: visible;
        }
        .backdrop.open {
          display: block;
          position: fixed;
          inset: 0;
          z-index: 19;
          background: rgba(20, 37, 58, 0.45);
        }
      }
      @media (max-width: 520px) {
        header select {
          max-width: 11rem;
        }
        header .group.preset-group {
          flex: 1 1 100%;
        }
        header #preset {
          max-width: none;
          width: 100%;
        }
        header #saved {
          max-width: 7rem;
        }
        .label-wide {
          display: none;
        }
      }
      .exports button {
        font-size: 0.78rem;
        padding: 0.25rem 0.6rem;
      }
      header button:not(.primary) {
        background: #22395a;
        color: #fff;
        border-color: #3b5577;
      }
      header button:not(.primary):hover:not(:disabled) {
        background: #2d4870;
      }
      header button.primary {
        background: #f59e0b;
        border-color: #f59e0b;
        color: #14253a;
      }
      header button.primary:hover:not(:disabled) {
        background: #fbbf24;
      }
    `,
  ];

  connectedCallback() {
    super.connectedCallback();
    void getApp().init();
    window.addEventListener('keydown', this.onKey);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
  }

  private onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.drawerOpen) this.setDrawer(false);
    const target = e.composedPath()[0] as HTMLElement | undefined;
    const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') && (target as HTMLInputElement).type !== 'range';
    if ((e.ctrlKey || e.metaKey) && e.key === 'z' && !typing) {
      e.preventDefault();
      getApp().undo();
    }
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void getApp().run();
    }
  };

  updated() {
    const n = this.state.value.notice;
    if (n && !this.noticeTimer) {
      this.noticeTimer = setTimeout(() => {
        this.noticeTimer = null;
        getApp().store.set({ notice: null });
      }, 3500);
    }
  }

  private async share() {
    const url = getApp().shareUrl();
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      getApp().store.set({ notice: 'Share link copied to the clipboard (it is also in the address bar)' });
    } catch {
      getApp().store.set({ notice: 'Share link is in the address bar' });
    }
  }

  private async exportSummary(kind: 'json' | 'csv') {
    const s = this.state.value.summary;
    if (!s) return;
    const name = String(s.scenario?.name ?? 'summary').replace(/[^\w.-]+/g, '-').toLowerCase();
    if (kind === 'json') return downloadText(`${name}-seed${s.seed}.json`, JSON.stringify(s, null, 2), 'application/json');
    // the engine writes the CSV (the server, or the engine in this page): the bytes of salesim run --csv
    try {
      downloadText(`${name}-seed${s.seed}.csv`, await getApp().summaryCsv(s), 'text/csv');
    } catch (e) {
      getApp().store.set({ notice: `Export CSV failed: ${e instanceof ApiError ? e.errors.map((x) => x.message).join('; ') : e instanceof Error ? e.message : String(e)}` });
    }
  }

  private onFieldChange = (e: Event) => {
    const { path, value, preview } = (e as CustomEvent<{ path: string; value: unknown; preview?: boolean }>).detail;
    getApp().setField(path, value, { preview });
  };

  render() {
    const st = this.state.value;
    const app = getApp();
    return html`
      <header>
        <h1>salesim<span>sales organisation playground</span></h1>
        <button
          class="drawer-toggle"
          aria-expanded=${this.drawerOpen ? 'true' : 'false'}
          aria-controls="editor"
          data-testid="editor-toggle"
          ?hidden=${st.view === 'trainer'}
          @click=${() => this.setDrawer(!this.drawerOpen)}
        >
          Edit scenario
        </button>
        <div class="group preset-group">
          <label for="preset">Preset</label>
          <select id="preset" aria-label="Preset" data-testid="preset-picker" @change=${(e: Event) => app.loadPreset((e.target as HTMLSelectElement).value)}>
            ${st.presetId === null ? html`<option value="" selected>(custom)</option>` : null}
            ${st.presets.map((p) => html`<option value=${p.id} ?selected=${p.id === st.presetId} title=${p.description ?? ''}>${p.name}</option>`)}
          </select>
        </div>
        ${app.hasStore ? html`<div class="group">
          <label for="saved">Saved</label>
          <select id="saved" aria-label="Saved scenarios" @change=${(e: Event) => { const v = (e.target as HTMLSelectElement).value; if (v) void app.loadSaved(v); }}>
            <option value="" ?selected=${st.savedId === null}>${st.saved.length ? 'Open saved…' : 'none yet'}</option>
            ${st.saved.map((s) => html`<option value=${s.id} ?selected=${s.id === st.savedId}>${s.name ?? s.id}</option>`)}
          </select>
          <button @click=${() => app.save()} data-testid="save-button">${st.savedId ? 'Save' : 'Save as new'}</button>
          ${st.savedId ? html`<button @click=${() => (st.revisions.open ? app.closeRevisions() : app.openRevisions())} aria-expanded=${st.revisions.open ? 'true' : 'false'} data-testid="history-button">History</button>` : null}
        </div>` : html`<span class="seed" data-testid="saved-needs-server" title=${NEEDS_SERVER}>Saved scenarios: needs the server</span>`}
        <button @click=${() => app.undo()} ?disabled=${!st.canUndo} title="Undo (Ctrl+Z)" data-testid="undo-button">Undo</button>
        <span class="spacer"></span>
        <div class="group">
          <label for="trials">Trials</label>
          <select id="trials" aria-label="Trials" title=${AUTO_TITLE} @change=${(e: Event) => app.setTrials(trialsChoice((e.target as HTMLSelectElement).value))}>
            <option value="auto" ?selected=${st.auto}>auto</option>
            ${(TRIALS.includes(st.trials) ? TRIALS : [...TRIALS, st.trials].sort((a, b) => a - b)).map((t) => html`<option value=${t} ?selected=${!st.auto && t === st.trials}>${t.toLocaleString('en-US')}</option>`)}
          </select>
          ${st.auto
            ? html`<input
                class="targets"
                aria-label="Precision targets of the auto run"
                title="auto runs until these targets hold, e.g. p_plan=0.005,revenue=0.25% (salesim run --precision); empty: the default, p_plan=0.01,revenue=0.5%"
                placeholder="precision: default"
                data-testid="precision-targets"
                .value=${st.precision}
                @change=${(e: Event) => app.setPrecision((e.target as HTMLInputElement).value)}
              />`
            : null}
        </div>
        <span class="seed" data-testid="seed">seed ${st.seed}</span>
        <button @click=${() => app.newDraw()} title="Run again with a new random seed" data-testid="new-draw">New draw</button>
        <button class="primary" data-testid="run-button" @click=${() => app.run()} title="Run (Ctrl+Enter)">${st.running ? 'Running…' : 'Run'}</button>
      </header>
      <div class="bar">
        <div role="tablist" aria-label="Views">
          ${VIEWS.map(
            (v) => html`<button
              role="tab"
              id="tab-${v.id}"
              data-testid="tab-${v.id}"
              aria-selected=${st.view === v.id ? 'true' : 'false'}
              aria-controls="view"
              @click=${() => app.setView(v.id)}
            >
              ${v.label}
            </button>`,
          )}
        </div>
        ${st.view === 'trainer'
          ? html`<sim-progress .done=${st.trainer.running ? 0 : TRAINER_TRIALS} .total=${st.trainer.running || st.trainer.current ? TRAINER_TRIALS : 0} ?running=${st.trainer.running}></sim-progress>`
          : html`<sim-progress .done=${st.progress?.done ?? 0} .total=${st.progress?.total ?? 0} .precision=${st.progress?.precision ?? null} ?running=${st.running} .activity=${st.running ? null : st.activity}></sim-progress>`}
        <div class="group exports">
          <button @click=${() => this.share()} data-testid="share-button">Share link</button>
          <button @click=${() => this.exportSummary('json')} ?disabled=${!st.summary} title="Download the Summary as JSON">Export JSON</button>
          <button @click=${() => this.exportSummary('csv')} ?disabled=${!st.summary} title="Download the Summary as CSV">Export CSV</button>
        </div>
      </div>
      <div class="main ${st.view === 'trainer' ? 'solo' : ''}">
        <div class="backdrop ${this.drawerOpen ? 'open' : ''}" @click=${() => this.setDrawer(false)}></div>
        <aside id="editor" class=${this.drawerOpen ? 'open' : ''} aria-label="Scenario editor" @field-change=${this.onFieldChange} ?hidden=${st.view === 'trainer'}>
          <div class="drawer-bar">
            <button class="drawer-undo" data-testid="drawer-undo" @click=${() => app.undo()} ?disabled=${!st.canUndo} title="Undo (Ctrl+Z)">Undo</button>
            <button class="drawer-close" data-testid="editor-close" @click=${() => this.setDrawer(false)}>Close editor</button>
          </div>
          <h2>Scenario</h2>
          <sim-editor></sim-editor>
        </aside>
        <main id="view" role="tabpanel" aria-labelledby="tab-${st.view}">
          ${st.revisions.open && st.savedId ? html`<sim-history></sim-history>` : null}
          ${st.runError ? html`<div class="alert" role="alert">${st.runError}</div>` : null}
          ${st.errors.length ? html`<div class="alert" role="alert">The scenario has ${st.errors.length} problem${st.errors.length > 1 ? 's' : ''}; see the fields marked in the editor.</div>` : null}
          ${st.view === 'results' ? html`<sim-results></sim-results>` : null}
          ${st.view === 'compare' ? html`<sim-compare></sim-compare>` : null}
          ${st.view === 'sensitivity' ? html`<sim-sensitivity></sim-sensitivity>` : null}
          ${st.view === 'trainer' ? html`<sim-trainer></sim-trainer>` : null}
          ${st.view === 'calibrate' ? html`<sim-calibrate></sim-calibrate>` : null}
          ${st.view === 'forecast' ? html`<sim-forecast></sim-forecast>` : null}
        </main>
      </div>
      ${st.notice ? html`<div class="notice" role="status">${st.notice}</div>` : null}
    `;
  }
}
customElements.define('sim-app', SimApp);
