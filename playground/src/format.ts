/**
 * Display formatting for the playground: money, percentages, counts, months. Pure presentation; no
 * statistics are computed here (every number shown comes from the engine's Summary).
 */

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Money, compact: $12.3M, $940K, $75.
 * @example formatMoney(12_345_678) // '$12.3M'
 */
export function formatMoney(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  return `${sign}$${a >= 1000 ? compact.format(a) : whole.format(a)}`;
}

/**
 * A share in [0, 1] as a percentage with `digits` decimals.
 * @example formatPct(0.4567) // '45.7%'
 */
export function formatPct(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return `${(v * 100).toFixed(digits)}%`;
}

/**
 * A count or small number with at most `digits` decimals, trailing zeros dropped.
 * @example formatNumber(2.5) // '2.5'
 */
export function formatNumber(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(v);
}

/**
 * A multiple such as ROI or a revenue ratio.
 * @example formatMultiple(2.456) // '2.46×'
 */
export function formatMultiple(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return `${v.toFixed(2)}×`;
}

/** Units an editor field can carry. `pct` fields store a share in [0, 1] and show 0-100. */
export type Unit = 'pct' | 'usd' | 'months' | 'count' | 'opps' | 'x' | 'none';

/** The short suffix shown next to an editor field. */
export const UNIT_LABEL: Record<Unit, string> = {
  pct: '%',
  usd: '$',
  months: 'months',
  count: '',
  opps: 'opps',
  x: '×',
  none: '',
};

/**
 * Converts a stored value to the number shown in an input (shares become percentages).
 * @example toDisplay(0.25, 'pct') // 25
 */
export function toDisplay(v: number, unit: Unit): number {
  return unit === 'pct' ? Math.round(v * 100 * 1e6) / 1e6 : v;
}

/**
 * Converts a number typed into an input back to the stored value.
 * @example fromDisplay(25, 'pct') // 0.25
 */
export function fromDisplay(v: number, unit: Unit): number {
  return unit === 'pct' ? Math.round((v / 100) * 1e9) / 1e9 : v;
}

/**
 * A server rule (stored form) in the units of the box the person typed into: a percent box's
 * "must be between 0 and 1" reads "must be between 0% and 100%".
 * @example ruleInUnits('must be between 0 and 1', 'pct') // 'must be between 0% and 100%'
 */
export function ruleInUnits(rule: string, unit: Unit | undefined): string {
  if (unit !== 'pct' || !rule) return rule;
  return rule.replace(/(?<![\w.])-?\d+(?:\.\d+)?(?![\w.%])/g, (m) => `${toDisplay(Number(m), 'pct')}%`);
}

/**
 * A parameter value in its editor unit: shares as %, money as $, months with their unit.
 * @example formatValue(0.24, 'pct') // '24%'
 */
export function formatValue(v: number | null | undefined, unit: Unit | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (unit === 'pct') return `${formatNumber(v * 100, 1)}%`;
  if (unit === 'usd') return formatMoney(v);
  if (unit === 'months') return `${formatNumber(v, 1)} mo`;
  if (unit === 'x') return `${formatNumber(v, 2)}×`;
  return formatNumber(v, 3);
}

/**
 * A change in a probability, in percentage points.
 * @example formatPts(0.123) // '+12.3 pts'
 */
export function formatPts(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const s = (v * 100).toFixed(digits);
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${s.replace('-', '')} pts`;
}

/**
 * A preset's header comment for the browser: its sentences, without those that name files or CLI
 * commands (meaningless in the playground), and whether any such sentence pointed to a comparison.
 * @example presetBlurb('Is 3X right? A rule. Compare a.yaml and b.yaml.') // { sentences: ['Is 3X right?', 'A rule.'], compare: true }
 */
export function presetBlurb(description: string): { sentences: string[]; compare: boolean } {
  const all = description
    .split(/\n\s*\n/)[0]
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.?!])\s+(?=[A-Z`])/)
    .filter(Boolean);
  const fileish = (x: string) => /\.ya?ml\b|`|\bsalesim\b/.test(x);
  const sentences = all.filter((x) => !fileish(x));
  return { sentences, compare: all.some((x) => fileish(x) && /compare/i.test(x)) };
}
