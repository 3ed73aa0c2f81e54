/**
 * A chart card: title, optional legend, the Plot figure rendered into this element's shadow root
 * at the card's width (re-drawn on resize), and SVG / PNG download buttons.
 */
import { LitElement, html, css } from 'lit';
import { base } from '../theme.js';
import { downloadBlob, downloadText, svgText, svgToPng } from '../download.js';

export interface LegendItem {
  label: string;
  color: string;
  dashed?: boolean;
}

/**
 * Makes a Plot figure one accessible image: the SVG gets role="img" and a name, and the per-mark
 * `aria-label`s Plot puts on <g> elements (not allowed on an element without a role) move to
 * `data-mark`.
 * @example host.append(accessibleFigure(fanChart(summary, { width: 600 }), 'Monthly revenue'));
 */
export function accessibleFigure(el: Element, name: string): Element {
  const svgs = el.tagName.toLowerCase() === 'svg' ? [el] : [...el.querySelectorAll('svg')];
  for (const svg of svgs) {
    svg.setAttribute('role', 'img');
    if (!svg.getAttribute('aria-label')) svg.setAttribute('aria-label', name);
    for (const g of svg.querySelectorAll('[aria-label]')) {
      g.setAttribute('data-mark', g.getAttribute('aria-label')!);
      g.removeAttribute('aria-label');
    }
  }
  return el;
}

export class SimChart extends LitElement {
  static properties = {
    heading: { type: String },
    caption: { type: String },
    filename: { type: String },
    legend: { attribute: false },
    draw: { attribute: false },
    empty: { type: String },
  };
  declare heading: string;
  declare caption: string;
  declare filename: string;
  declare legend: LegendItem[];
  /** draws the figure for a given width; null when there is nothing to draw */
  declare draw: ((width: number) => Element | null) | null;
  declare empty: string;
  private width = 0;
  private observer: ResizeObserver | null = null;

  static styles = [
    base,
    css`
      :host {
        display: block;
        background: #fff;
        border: 1px solid #dde4ec;
        border-radius: 10px;
        padding: 0.75rem 0.9rem 0.5rem;
        min-width: 0;
      }
      header {
        display: flex;
        align-items: baseline;
        gap: 0.5rem;
      }
      h3 {
        font-size: 0.95rem;
        margin: 0;
        flex: 1;
      }
      .tools button {
        font-size: 0.72rem;
        padding: 0.1rem 0.45rem;
        color: #4a5a6b;
      }
      .caption {
        font-size: 0.78rem;
        color: #4a5a6b;
        margin: 0.15rem 0 0.25rem;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.9rem;
        font-size: 0.75rem;
        color: #3a4a5b;
        margin: 0.2rem 0;
      }
      .swatch {
        display: inline-block;
        width: 14px;
        height: 10px;
        margin-right: 0.3rem;
        border-radius: 2px;
        vertical-align: -1px;
      }
      .swatch.dashed {
        height: 0;
        border-top: 2px dashed;
        border-radius: 0;
        vertical-align: 3px;
      }
      .figure {
        min-height: 120px;
      }
      .empty {
        color: #4f5f70;
        font-size: 0.85rem;
        padding: 2rem 0;
        text-align: center;
      }
    `,
  ];

  constructor() {
    super();
    this.heading = '';
    this.caption = '';
    this.filename = 'chart';
    this.legend = [];
    this.draw = null;
    this.empty = 'Run a scenario to see this chart.';
  }

  connectedCallback() {
    super.connectedCallback();
    this.observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width);
      if (Math.abs(w - this.width) > 4) {
        this.width = w;
        this.paint();
      }
    });
    this.observer.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  private figureEl(): HTMLElement | null {
    return this.renderRoot.querySelector('.figure');
  }

  /** The chart's SVG (the figure itself, or the main SVG inside a Plot figure). */
  svg(): SVGSVGElement | null {
    return this.figureEl()?.querySelector('svg') ?? null;
  }

  private paint() {
    const host = this.figureEl();
    if (!host) return;
    const width = Math.max(240, (this.width || this.getBoundingClientRect().width || 600) - 30);
    const el = this.draw ? this.draw(width) : null;
    host.replaceChildren();
    if (el) host.append(accessibleFigure(el, this.heading));
    else {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = this.empty;
      host.append(p);
    }
  }

  updated() {
    this.paint();
  }

  private async download(kind: 'svg' | 'png') {
    const svg = this.svg();
    if (!svg) return;
    if (kind === 'svg') downloadText(`${this.filename}.svg`, svgText(svg), 'image/svg+xml');
    else downloadBlob(`${this.filename}.png`, await svgToPng(svg));
  }

  render() {
    return html`
      <header>
        <h3>${this.heading}</h3>
        <span class="tools">
          <button @click=${() => this.download('svg')} aria-label="Download ${this.heading} as SVG">SVG</button>
          <button @click=${() => this.download('png')} aria-label="Download ${this.heading} as PNG">PNG</button>
        </span>
      </header>
      ${this.caption ? html`<p class="caption">${this.caption}</p>` : null}
      ${this.legend.length
        ? html`<div class="legend">
            ${this.legend.map(
              (l) => html`<span><span class="swatch ${l.dashed ? 'dashed' : ''}" style=${l.dashed ? `border-color:${l.color}` : `background:${l.color}`}></span>${l.label}</span>`,
            )}
          </div>`
        : null}
      <div class="figure"></div>
    `;
  }
}
customElements.define('sim-chart', SimChart);
