/**
 * Calibration from CRM history: fit a scenario to an opportunity export (and roster), generate
 * synthetic history from a scenario, and back-test a scenario against history.
 * @example
 * import { calibrate, synthesize, backtest } from './calibrate/index.js';
 * const { opportunities } = synthesize(scenario, { months: 24, start: '2025-01', seed: 1 });
 * const { scenario: fitted, report } = calibrate(opportunities);
 * const bt = backtest(opportunities, fitted, { from: '2025-01', to: '2026-12', trials: 1000, seed: 1 });
 */
export { calibrate, type CalibrateOptions, type CalibrationResult, type CalibrationReport } from './calibrate.js';
export { synthesize, type SynthOptions, type SynthResult, OPPORTUNITY_COLUMNS, ROSTER_COLUMNS, STAGES } from './synthesize.js';
export { sampleExport, sampleExportOptions, sampleExportRequest, sampleAsOfMonth, SAMPLE_EXPORT_MONTHS, SAMPLE_EXPORT_OPTIONS, type SampleExport, type SampleExportOptions } from './sampleExport.js';
export { backtest, bookedRevenue, backtestScenario, compareToBand, type BacktestOptions, type BacktestResult, type BacktestMonth, type BacktestScores, type BookedRevenue } from './backtest.js';
export { chooseDealSize, LOGNORMAL_ALPHA, type DealSizeChoice } from './fitDealSize.js';
export { fitMarket, MARKET_ALPHA, type MarketFit, type MarketTest } from './fitMarket.js';
export { andersonDarling, type NormalityTest } from './normality.js';
export { resolveMapping, classifyStage, type Mapping, type MappingInput, type Outcome } from './mapping.js';
export { parseCsv, toCsv, type CsvTable } from './csv.js';
export { parseDate, parseMonth, formatMonth, type CalendarDate, type DateOrder } from './dates.js';
export { parseAmount } from './amount.js';
export { readOpportunities, type Opportunity } from './opportunities.js';
export { readRoster, type RosterEntry } from './roster.js';
export type { FittedParameter } from './parameter.js';
