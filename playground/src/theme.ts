/**
 * Shared visual language: colours used by charts and components, and base styles for controls.
 */
import { css, unsafeCSS } from 'lit';

export const COLORS = {
  ink: '#1b2a3a',
  muted: '#5b6b7c',
  band90: '#bcd3ee',
  band50: '#7fa9dc',
  median: '#1d4f91',
  plan: '#c2410c',
  good: '#15803d',
  bad: '#b91c1c',
  productive: '#1d4f91',
  ramping: '#7fa9dc',
  vacant: '#f2b8a0',
  series: ['#1d4f91', '#c2410c', '#15803d', '#7c3aed'],
  /** comparisons: the baseline in dark slate, variants in colour-blind-safe hues that stay apart when overlaid */
  baseline: '#334155',
  variants: ['#d55e00', '#0072b2', '#009e73'],
};

/** The colour of the comparison's i-th variant (0-based). */
export const variantColor = (i: number): string => COLORS.variants[i % COLORS.variants.length];

/** The text style of every chart (Observable Plot's \`style\` option). */
export const CHART_STYLE = { fontSize: '12px', fontFamily: 'Inter, Segoe UI, system-ui, sans-serif', color: COLORS.ink, background: 'transparent' };

export const base = css`
  :host {
    font-family: 'Inter', 'Segoe UI', system-ui, -apple-system, sans-serif;
    color: #1b2a3a;
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  select,
  input {
    font: inherit;
    font-size: 0.875rem;
  }
  button {
    border: 1px solid #c6d0db;
    background: #fff;
    color: #1b2a3a;
    border-radius: 6px;
    padding: 0.35rem 0.75rem;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: #eef3f8;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button.primary {
    background: #1d4f91;
    border-color: #1d4f91;
    color: #fff;
    font-weight: 600;
  }
  button.primary:hover:not(:disabled) {
    background: #173f74;
  }
  :focus-visible {
    outline: 3px solid #f59e0b;
    outline-offset: 2px;
  }
  select {
    max-width: 100%;
  }
  select,
  input[type='number'],
  input[type='text'] {
    border: 1px solid #c6d0db;
    border-radius: 6px;
    padding: 0.3rem 0.45rem;
    background: #fff;
    color: #1b2a3a;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** The layout every view shares: a grid of white panels with a small heading and muted paragraphs. */
/** Headline cards (results, customers, coverage): a white card with an accent top border, a small caps title, a big value, a small line under it. */
export const cards = css`
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: 0.6rem;
    margin-bottom: 0.75rem;
  }
  .card {
    background: #fff;
    border: 1px solid #dde4ec;
    border-top: 4px solid var(--card-accent, #dde4ec);
    border-radius: 10px;
    padding: 0.6rem 0.8rem;
    min-width: 0;
  }
  h3 {
    margin: 0;
    font-size: 0.72rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: #4a5a6b;
    font-weight: 600;
  }
  .value {
    font-size: var(--card-value-size, 1.4rem);
    font-weight: 700;
    margin: 0.15rem 0 0.05rem;
    font-variant-numeric: tabular-nums;
  }
  .sub {
    font-size: 0.75rem;
    color: #4a5a6b;
    font-variant-numeric: tabular-nums;
  }
  :host([partial]) .value {
    color: #4a5a6b;
  }
`;

export const view = css`
  :host {
    display: grid;
    gap: 0.75rem;
  }
  :host > * {
    min-width: 0;
  }
  .panel {
    background: #fff;
    border: 1px solid #dde4ec;
    border-radius: 10px;
    padding: 0.75rem 0.9rem;
  }
  h2 {
    font-size: 1rem;
    margin: 0 0 0.3rem;
  }
  p {
    font-size: 0.82rem;
    color: #4a5a6b;
    margin: 0.2rem 0 0.5rem;
  }
`;

/** Right-aligned numeric tables with a left-aligned first column. */
/**
 * Below `maxWidth` px a `table.cards` shows each row as a card of "label: value" lines (cells carry
 * data-label and wrap their content in one element): phones for most tables, a laptop for wide ones.
 * @example css`${cardTable(1100)}` // the comparison table's nine columns as cards below 1100 px
 * @example css`${cardTable(1100, 'table.rolling')}` // only the tables of class rolling
 */
export function cardTable(maxWidth: number, table = 'table.cards') {
  const t = unsafeCSS(table);
  return css`
    @media (max-width: ${maxWidth}px) {
    ${t} thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
    }
    ${t} tr {
      display: block;
      border-bottom: 2px solid #dde4ec;
      padding: 0.3rem 0;
    }
    ${t} td,
    ${t} th {
      display: grid;
      grid-template-columns: 45% 1fr;
      gap: 0.5rem;
      text-align: left;
      border: none;
      padding: 0.2rem 0.3rem;
    }
    ${t} td:first-child,
    ${t} th:first-child {
      display: block;
      font-weight: 700;
    }
    ${t} [data-label]::before {
      content: attr(data-label);
      color: #4a5a6b;
      font-size: 0.75rem;
    }
    }
  `;
}

export const tables = css`
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.82rem;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: right;
    padding: 0.3rem 0.5rem;
    border-bottom: 1px solid #eef2f6;
  }
  th:first-child,
  td:first-child {
    text-align: left;
  }
  ${cardTable(700)}
`;
