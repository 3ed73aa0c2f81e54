/**
 * The saved scenario's history: every revision with what it changed, the line diff of its text against
 * the one before, and a Restore button (the store adds the old revision again as the latest).
 */
import { LitElement, html, css } from 'lit';
import { base } from '../theme.js';
import { getApp } from '../app.js';
import { StoreController } from '../store-controller.js';
import { describeChanges } from '../diff.js';
import { lineDiff } from '../line-diff.js';

export class SimHistory extends LitElement {
  static properties = { shown: { state: true } };
  /** the revision whose diff is open */
  declare shown: number | null;
  private state = new StoreController(this);

  constructor() {
    super();
    this.shown = null;
  }

  static styles = [
    base,
    css`
      :host {
        display: block;
      }
      section {
        background: #fff;
        border: 1px solid #d8dee8;
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
        max-width: 100%;
        box-sizing: border-box;
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.4rem;
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        flex-wrap: wrap;
      }
      h2 button {
        margin-left: auto;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.35rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 0.6rem;
        align-items: baseline;
        border-top: 1px solid #eef1f5;
        padding-top: 0.35rem;
      }
      .what {
        flex: 1 1 14rem;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .muted {
        color: #5b6576;
        font-size: 0.85rem;
      }
      pre {
        flex-basis: 100%;
        margin: 0.2rem 0 0;
        max-height: 18rem;
        overflow: auto;
        font-size: 0.8rem;
        background: #f7f9fc;
        border-radius: 6px;
        padding: 0.3rem 0.5rem;
      }
      .added {
        background: #e3f4e6;
        display: block;
      }
      .removed {
        background: #fbe4e4;
        display: block;
        text-decoration: line-through;
      }
    `,
  ];

  render() {
    const st = this.state.value;
    const app = getApp();
    const list = st.revisions.list;
    const latest = list?.at(-1)?.revision;
    return html`<section aria-label="Revision history" data-testid="history">
      <h2>History of “${String(st.scenario.name ?? 'this scenario')}” <span class="muted">${list ? `${list.length} revision${list.length === 1 ? '' : 's'}` : 'loading…'}</span>
        <button @click=${() => app.closeRevisions()} data-testid="history-close">Close</button></h2>
      ${st.revisions.error ? html`<p role="alert">${st.revisions.error}</p>` : null}
      <ol>
        ${(list ?? [])
          .map((r, i) => ({ r, prev: i > 0 ? list![i - 1] : null }))
          .reverse()
          .map(
            ({ r, prev }) => html`<li data-testid="revision-${r.revision}">
              <strong>r${r.revision}</strong>
              <span class="muted">${new Date(r.createdAt).toLocaleString()}</span>
              <span class="what">${prev ? describeChanges(prev.scenario, r.scenario) || 'no change to the model (text or name only)' : 'first save'} · seed ${String(r.scenario.seed)}, ${Number(r.scenario.trials).toLocaleString('en-US')} trials</span>
              ${prev ? html`<button @click=${() => (this.shown = this.shown === r.revision ? null : r.revision)} aria-expanded=${this.shown === r.revision ? 'true' : 'false'}>Diff</button>` : null}
              ${r.revision === latest ? html`<span class="muted">latest</span>` : html`<button @click=${() => app.restoreRevision(r.revision)} data-testid="restore-${r.revision}">Restore</button>`}
              ${this.shown === r.revision && prev
                ? html`<pre aria-label="Changes from revision ${prev.revision}">${lineDiff(prev.source, r.source).map((d) => html`<span class=${d.kind}>${d.kind === 'added' ? '+ ' : d.kind === 'removed' ? '- ' : '  '}${d.text}</span>${d.kind === 'same' ? '\n' : ''}`)}</pre>`
                : null}
            </li>`,
          )}
      </ol>
    </section>`;
  }
}
customElements.define('sim-history', SimHistory);
