/**
 * Public entry of the simulator, used by the CLI, the studio's worker and the tests.
 *
 * @example
 * const parsed = parseScenario(text, 'scenarios/black-friday-loyalty-outage.yaml');
 * if (parsed.ok) {
 *   const report = createSimulation(parsed.scenario, { seed: 7 }).runToEnd();
 *   console.log(reportToJson(report));
 * }
 */
export * from './api.js';
export { createSimulation, Simulation, type SimulationOptions } from './simulation.js';
export { reportToJson } from './runtime/figures.js';
export { describeAction, faultActions } from './runtime/controls.js';
export { parseScenario, type ParseResult, type ParseOptions } from './scenario/load.js';
export { formatIssue, type ScenarioIssue, type ScenarioIssueCode } from './scenario/issues.js';
export { formatDuration, parseDuration } from './scenario/duration.js';
export * from './scenario/schema.js';
export { getCompiledJourney, journeyMachines, enumerateJourneyPaths } from './journeys/index.js';
export type { CompiledJourney, CompiledState, JourneyPath } from './journeys/index.js';
export { JOURNEY_EVENTS, type JourneyEvent, type StepMeta } from './journeys/conventions.js';
export { compareRuns, compareReports, compareFigures, sideLabel } from './compare.js';
export type { Comparison, ComparedRun, CompareOptions, Direction, FigureComparison, FigureUnit, RunSpec } from './compare.js';
export { lintPolicies, formatWarning, NON_IDEMPOTENT_OPERATIONS, type PolicyWarning, type PolicyWarningCode } from './policies/lint.js';
export { lintScenarioSource, type PlacedWarning } from './policies/lint-source.js';
