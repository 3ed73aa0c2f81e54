/**
 * Forecast fan (issue 17): cumulative bookings of the plan year by month. The months up to the as-of
 * date are what was booked (a solid line); the forecast months carry the engine's P10-P90 and P25-P75
 * bands and median, starting from the last booked month; the plan line is the year's plan pro rata.
 * Every number comes from the engine's forecast (/api/forecast); this only draws it.
 */
import * as Plot from '@observablehq/plot';
import type { FanMonth } from '../../../engine/index.js';
import { formatMoney } from '../format.js';
import { COLORS, CHART_STYLE } from '../theme.js';
import type { ChartOptions } from './fan.js';

export const ACTUAL_COLOR = COLORS.ink;

const dateOf = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1));
};

/**
 * The rows drawn: every month with its date; `actual` rows (booked) and `forecast` rows (the bands),
 * the forecast starting at the last booked month so that the bands leave from the line.
 * @example forecastRows(report.fan).forecast[0].month // the as-of month (or the first forecast month when nothing is booked yet)
 */
export function forecastRows(fan: FanMonth[]) {
  const rows = fan.map((m) => ({ ...m, date: dateOf(m.month) }));
  const actual = rows.filter((r) => r.actual !== null);
  const firstForecast = rows.findIndex((r) => r.actual === null);
  const forecast = firstForecast < 0 ? [] : rows.slice(Math.max(0, firstForecast - 1));
  return { rows, actual, forecast };
}

/**
 * Builds the forecast fan chart.
 * @example host.append(forecastChart(report.fan, { width: 640 }));
 */
export function forecastChart(fan: FanMonth[], o: ChartOptions): SVGSVGElement | HTMLElement {
  const { rows, actual, forecast } = forecastRows(fan);
  const last = rows.at(-1);
  return Plot.plot({
    document: o.document,
    width: o.width,
    height: o.height ?? 300,
    marginLeft: 64,
    marginRight: 28,
    style: CHART_STYLE,
    ariaLabel: 'Forecast fan: cumulative bookings of the plan year against the plan',
    ariaDescription: `${rows.length} months from ${rows[0]?.month ?? ''} to ${last?.month ?? ''}: ${actual.length} booked, ${rows.length - actual.length} forecast with 50% and 80% bands; at ${last?.month ?? ''} the median is ${formatMoney(last?.p50)} against a plan of ${formatMoney(last?.plan)}.`,
    x: { label: 'Month', type: 'utc', tickFormat: '%b %y', ticks: Math.min(6, rows.length) },
    y: { label: 'Cumulative bookings', grid: true, tickFormat: (d: number) => formatMoney(d), zero: true },
    marks: [
      Plot.areaY(forecast, { x: 'date', y1: 'p10', y2: 'p90', fill: COLORS.band90, fillOpacity: 0.9 }),
      Plot.areaY(forecast, { x: 'date', y1: 'p25', y2: 'p75', fill: COLORS.band50, fillOpacity: 0.9 }),
      Plot.lineY(forecast, { x: 'date', y: 'p50', stroke: COLORS.median, strokeWidth: 2.5 }),
      Plot.lineY(rows, { x: 'date', y: 'plan', stroke: COLORS.plan, strokeWidth: 2, strokeDasharray: '6,4' }),
      Plot.lineY(actual, { x: 'date', y: 'actual', stroke: ACTUAL_COLOR, strokeWidth: 2.5 }),
      Plot.dot(actual, { x: 'date', y: 'actual', fill: ACTUAL_COLOR, r: 3 }),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: 'date',
          y: (d: (typeof rows)[number]) => d.actual ?? d.p50,
          title: (d: (typeof rows)[number]) =>
            d.actual !== null
              ? `${d.month}\nBooked to date ${formatMoney(d.actual)}\nPlan to date ${formatMoney(d.plan)}`
              : `${d.month}\nP90 ${formatMoney(d.p90)}\nP75 ${formatMoney(d.p75)}\nP50 ${formatMoney(d.p50)}\nP25 ${formatMoney(d.p25)}\nP10 ${formatMoney(d.p10)}\nPlan to date ${formatMoney(d.plan)}`,
        }),
      ),
    ],
  });
}
