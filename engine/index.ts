/**
 * salesim's public API: parse a scenario, simulate its trials, summarise them.
 * Pure TypeScript with no Node or DOM imports, so it runs in Node, a worker or a browser.
 * @example
 * import { parseScenario, simulate, summarize } from 'salesim';
 * const scenario = parseScenario('reps: { seats: 10, opportunitiesPerMonth: 4, winRate: 0.25, dealSize: 25000 }');
 * const summary = summarize(scenario, simulate(scenario, { trials: 500, seed: 1 }));
 */
export * from './errors.js';
export * from './scenario.js';
export { PRESET_NAME, rawScenario, scenarioOrPreset } from './requestScenario.js';
// the published schema marks the assumptions (this explicit export takes precedence over scenario.js's)
export { scenarioJsonSchema, withAssumptions } from './scenarioJsonSchema.js';
export { MAX_DEPTH, MAX_TEXT_CHARS, jsonTextDepth, yamlTextDepth, valueDepth } from './textLimits.js';
export * from './types.js';
export { simulate, runTrials, type SimulateOptions } from './simulate.js';
export { blockDefaults, type BlockDefaults } from './blockDefaults.js';
export { simulateEach, type ScenarioRuns } from './simulateEach.js';
export { mergeResults, sliceResults, allocateResults, resultArrays } from './results.js';
export { summarize, type SummarizeOptions } from './summarize.js';
export { summaryCsv, monthlyCsv, summaryCsvColumns, SUMMARY_CSV_HEADER, SUMMARY_CSV_STATS, SUMMARY_CSV_EXCLUDED, SUMMARY_CSV_EXCLUDED_LEAF } from './summaryCsv.js';
export { summaryReports, summaryTextSections, type ReportFormat, type TextRow, type TextUnit } from './summaryText.js';
export { planTargets, type PlanTargets } from './plan.js';
export { seatCount } from './seatCount.js';
export { stats, statsOrNull, quantileSorted, wilson, histogram } from './stats/stats.js';
export { ENGINE_VERSION } from './version.js';
export { compare, compareResults, type CompareResult, type CompareOptions, type VariantComparison } from './compare.js';
export {
  sensitivity,
  sensitivityFromResults,
  planSensitivity,
  sensitivityParams,
  sensitivityScenarios,
  sensitivityPairs,
  defaultParameters,
  type SensitivityOutput,
  type SensitivityParam,
  type SensitivityOptions,
  type SensitivityResult,
  type SensitivityParameter,
  type SensitivityRun,
} from './sensitivity.js';
export { parseStudy, parseCompareRequest, isStudy, checkComparable, type Study, type ReadScenarioFile } from './study.js';
export { mergePatch, applyScenarioPatch, checkPatch } from './patch.js';
export { createSummaryStream, type SummaryStream } from './summaryStream.js';
export * from './calibrate/index.js';
export { calibrateCustomers, type CustomerCalibration, type CustomerCalibrationOptions } from './calibrate/customers.js';
export { forecastSetup, spreadOverTerritories, type ForecastInput, type ForecastSetup } from './forecast/setup.js';
export { prepareForecast, forecast, reportPrepared, type ForecastAction, type PreparedForecast } from './forecast/prepare.js';
export { forecastReport, forecastOutcome, forecastFan, yearTotals, pairedEffect, type ForecastReport, type ForecastOutcome, type ForecastVariant, type FanMonth } from './forecast/report.js';
export { forecastPrecisionTracker } from './forecast/precision.js';
export { calibrateDemand, type DemandCalibration, type DemandCalibrationOptions } from './calibrate/demand.js';
export { withDemand, calibrateWithLeads, type CalibrationWithLeads } from './calibrate/withDemand.js';
export { compareAssumptions, comparisonAssumptions, type AssumptionAnalysis, type AssumptionAnalysisOptions, type VariantAssumptions, type ComparisonAssumption, type AssumptionIndex } from './compareAssumptions.js';
export { takeAssumptionsOption, assumptionsAnalysisOptions, type AssumptionsOption } from './assumptionsOption.js';
export { breakEven, type BreakEven, type BreakEvenOptions } from './breakEven.js';
export { ASSUMPTIONS, type Assumption } from './assumptions.js';
export { assumptionsUsed, type AssumptionUse } from './assumptionsUsed.js';
export { drawnParameters, drawsPerTrial } from './drawn.js';
export { sobolIndices, sobolFromOutputs, type SobolResult, type SobolIndex, type SobolOptions } from './uncertainty/sobol/sobol.js';
export { scenarioSobol, planOutcomes, type ScenarioSobolOptions } from './uncertainty/sobol/scenarioSobol.js';
export { scenarioIndices, type ScenarioIndices } from './uncertainty/sobol/scenarioIndices.js';
export { OUTCOME_METRICS, type OutcomeMetric } from './uncertainty/sobol/outcome.js';
export { compareColumns, compareDifferenceLines, compareTables, type CompareFormat } from './compareText.js';
export { headlineOutcome, mechanismOutcome, outcomeUnavailable, type MechanismOutcome } from './outcomes.js';
export { rollingBacktest, pipelineBaseline, summarize as summarizeRolling, type RollingOptions, type RollingResult, type RollingCut, type RollingSummary, type PointScore } from './forecast/rolling.js';
export { scoreSample, pitHistogram, ksUniform, type DistributionScore } from './forecast/scores.js';
export { solve, parseTarget, targetValue, withDecision, type SolveOptions, type SolveResult, type SolvePoint, type SolveTarget, type TargetValue } from './solve.js';
export type { Uncertainty, UncertainParameter, Correlation } from './uncertainty/resolve.js';
export type { Distribution } from './uncertainty/distribution.js';
export { DistributionSchema } from './uncertainty/distribution.js';
export { estimateWork, checkBudget, workFactors, workOf, type WorkRun, type WorkEstimate, type WorkFactors, type OverBudget } from './work.js';
export { expectedDeal, MAX_MAGNITUDE, MIN_MAGNITUDE, MAX_OPEN_PER_SEAT, MAX_CYCLE_MONTHS } from './runnable.js';
export { checkRunnable } from './scenarioSchema.js';
export { withAbortCell, checkAbort, isRunAborted, RunAborted } from './abort.js';
export { lognormalSum, empiricalSum, fentonWilkinson, SUM_EXACT_MAX } from './random/sums.js';
export { solveRuns } from './solveWork.js';
export { csvCell } from './csvCell.js';
export * from './precision/index.js';
