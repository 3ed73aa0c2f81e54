// @vitest-environment happy-dom
/** The variance-contribution tornado draws the engine's SRRC² shares, largest first, one bar per uncertain input. */
import { describe, expect, it } from 'vitest';
import { contributionChart } from '../../playground/src/charts/contribution.js';
import { engineSummary, SMALL_SCENARIO } from './fixtures.js';

const svgOf = (el: Element) => (el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')!);

describe('contribution chart', () => {
  it("draws one bar per uncertain input with the engine's share", () => {
    const summary = engineSummary({
      ...SMALL_SCENARIO,
      reps: { ...(SMALL_SCENARIO as { reps: Record<string, unknown> }).reps, opportunitiesPerMonth: { triangular: [2, 3, 4] }, dealSize: { uniform: [500, 1500] } },
    });
    const u = summary.uncertainty!;
    for (const width of [640, 390]) {
      const svg = svgOf(contributionChart(u, { width }));
      expect(svg.getAttribute('aria-label')).toBe('Variance contribution of each uncertain input to total revenue');
      const bars = svg.querySelectorAll('g[aria-label="bar"] > *');
      expect(bars).toHaveLength(2);
      const labels = [...svg.querySelectorAll('g[aria-label="text"] > *')].map((t) => t.textContent);
      expect(labels).toEqual(u.contribution.parameters.map((p) => `${(p.share * 100).toFixed(1)}%`));
    }
  });
});
