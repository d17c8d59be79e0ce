/**
 * Customer journeys: the XState machines, their compiled transition tables and their paths.
 */
export {
  DECISION_NAMES,
  DEGRADE_MODES,
  EVENT_INDEX,
  FINAL_OUTCOMES,
  JOURNEY_EVENTS,
  STEP_MODES,
  STEP_PRIORITIES,
  type DecisionName,
  type DegradeMode,
  type FinalOutcome,
  type JourneyEvent,
  type JourneyEventObject,
  type JourneyRootMeta,
  type StepMeta,
  type StepMode,
  type StepPriority,
} from './conventions.js';
export { compileJourney, type CompiledJourney, type CompiledState } from './compile.js';
export { JourneyConventionError } from './validate.js';
export { getCompiledJourney, journeyMachines } from './registry.js';
export { enumerateJourneyPaths, type JourneyPath } from './paths.js';
