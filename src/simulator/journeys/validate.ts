/**
 * Structural checks of a journey machine, run before its table is computed. They reject anything the
 * compiled table could not reproduce: nesting, guards, actions, delays, invoked actors, stray events
 * and malformed state metadata.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { CHANNELS, SYSTEM_KINDS, SYSTEM_OPERATIONS } from '../scenario/schema.js';
import type { Channel } from '../scenario/schema.js';
import {
  DECISION_NAMES,
  DEGRADE_MODES,
  FINAL_OUTCOMES,
  JOURNEY_EVENTS,
  STEP_MODES,
  STEP_PRIORITIES,
  type DecisionName,
  type FinalOutcome,
  type StepMeta,
} from './conventions.js';

/** A journey machine that breaks a convention; names the machine, the state and the rule. */
export class JourneyConventionError extends Error {
  override name = 'JourneyConventionError';

  constructor(
    readonly machineId: string,
    readonly stateId: string | null,
    readonly rule: string,
  ) {
    const where = stateId === null ? `journey machine "${machineId}"` : `journey machine "${machineId}", state "${stateId}"`;
    super(`Invalid ${where}: ${rule}`);
  }
}

/** Role of a state as its metadata declares it: step, decision or final, with that metadata. */
export type StateRole =
  | { kind: 'step'; label: string; step: StepMeta }
  | { kind: 'decision'; label: string; decision: DecisionName }
  | { kind: 'final'; label: string; outcome: FinalOutcome };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/**
 * Checks the machine root and returns its channels.
 * @throws JourneyConventionError when the root is not a flat machine with `meta.channels`.
 */
export function validateRoot(machine: AnyStateMachine): Channel[] {
  const root = machine.root;
  const fail = (rule: string): never => {
    throw new JourneyConventionError(machine.id, null, rule);
  };

  if (root.type !== 'compound') fail(`the root must be a compound state with flat children, not "${root.type}".`);
  if (root.transitions.size > 0 || root.always?.length) {
    fail('the root must not handle events. Put each transition on the state that accepts it.');
  }
  if (root.entry.length > 0 || root.exit.length > 0 || root.invoke.length > 0) {
    fail('the root must not have actions or invoked actors, which the compiled table never runs.');
  }

  const meta: unknown = root.meta;
  const channels = isRecord(meta) ? meta.channels : undefined;
  if (!Array.isArray(channels) || channels.length === 0 || !channels.every((c) => oneOf(CHANNELS, c))) {
    fail(`meta.channels must be a non-empty list of ${CHANNELS.join(' or ')}; found ${JSON.stringify(channels)}.`);
  }
  return channels as Channel[];
}

/**
 * Checks one child state's structure and metadata and returns its role.
 * @throws JourneyConventionError naming the state and the broken rule.
 */
export function validateState(machine: AnyStateMachine, node: AnyStateNode): StateRole {
  const fail = (rule: string): never => {
    throw new JourneyConventionError(machine.id, node.key, rule);
  };

  if (node.type !== 'atomic' && node.type !== 'final') {
    fail(`journey machines are flat, so a "${node.type}" state is not allowed. Move its children to the root.`);
  }
  if (node.after.length > 0) fail('delayed transitions are not allowed; time belongs to the simulation clock.');
  if (node.always?.length) fail('eventless (always) transitions are not allowed; send an outcome event instead.');
  if (node.invoke.length > 0) fail('invoked actors are not allowed; the runner performs the call.');
  if (node.entry.length > 0 || node.exit.length > 0) {
    fail('entry and exit actions are not allowed, because the compiled table never runs them.');
  }

  for (const [eventType, definitions] of node.transitions) {
    if (!oneOf(JOURNEY_EVENTS, eventType)) {
      fail(`event "${eventType}" is not a journey event. Use one of ${JOURNEY_EVENTS.join(', ')}.`);
    }
    for (const definition of definitions) {
      if (definition.guard !== undefined) {
        fail(`the ${eventType} transition has a guard. Guards are not allowed: send a distinct event per outcome.`);
      }
      if (definition.actions.length > 0) {
        fail(`the ${eventType} transition has actions, which the compiled table never runs. Remove them.`);
      }
      if (!definition.target || definition.target.length !== 1) {
        fail(`the ${eventType} transition must have exactly one target state.`);
      }
      if (definition.target?.[0] === node) fail(`the ${eventType} transition targets its own state.`);
    }
  }

  return readRole(node, fail);
}

function readRole(node: AnyStateNode, fail: (rule: string) => never): StateRole {
  const meta: unknown = node.meta;
  if (!isRecord(meta)) fail('meta is missing. Give a step, decision or final state its metadata.');
  const record = meta as Record<string, unknown>;

  if (node.type === 'final') {
    if (!oneOf(FINAL_OUTCOMES, record.outcome)) {
      fail(`meta.outcome must be one of ${FINAL_OUTCOMES.join(', ')}; found ${JSON.stringify(record.outcome)}.`);
    }
    return { kind: 'final', label: readLabel(record.label, 'meta.label', fail), outcome: record.outcome as FinalOutcome };
  }

  if (record.step !== undefined && record.decision !== undefined) fail('meta has both step and decision.');
  if (record.decision !== undefined) {
    if (!oneOf(DECISION_NAMES, record.decision)) {
      fail(`meta.decision must be one of ${DECISION_NAMES.join(', ')}; found ${JSON.stringify(record.decision)}.`);
    }
    return {
      kind: 'decision',
      label: readLabel(record.label, 'meta.label', fail),
      decision: record.decision as DecisionName,
    };
  }
  if (!isRecord(record.step)) fail('a non-final state needs meta.step or meta.decision.');
  const stepMeta = validateStepMeta(record.step as Record<string, unknown>, fail);
  return { kind: 'step', label: stepMeta.label, step: stepMeta };
}

function validateStepMeta(meta: Record<string, unknown>, fail: (rule: string) => never): StepMeta {
  const { system, operation, mode, priority, degrade, compensation } = meta;

  if (!oneOf(SYSTEM_KINDS, system)) {
    fail(`meta.step.system must be one of ${SYSTEM_KINDS.join(', ')}; found ${JSON.stringify(system)}.`);
  }
  const kind = system as (typeof SYSTEM_KINDS)[number];
  const operations: readonly string[] = SYSTEM_OPERATIONS[kind];
  if (!oneOf(operations, operation)) {
    fail(`meta.step.operation ${JSON.stringify(operation)} is not offered by ${kind}; use one of ${operations.join(', ')}.`);
  }
  if (!oneOf(STEP_MODES, mode)) fail(`meta.step.mode must be request or notify; found ${JSON.stringify(mode)}.`);
  if (!oneOf(STEP_PRIORITIES, priority)) {
    fail(`meta.step.priority must be one of ${STEP_PRIORITIES.join(', ')}; found ${JSON.stringify(priority)}.`);
  }
  if (degrade !== undefined && !oneOf(DEGRADE_MODES, degrade)) {
    fail(`meta.step.degrade must be ${DEGRADE_MODES.join(' or ')} when set; found ${JSON.stringify(degrade)}.`);
  }
  if (compensation !== undefined && typeof compensation !== 'boolean') {
    fail(`meta.step.compensation must be a boolean when set; found ${JSON.stringify(compensation)}.`);
  }

  return {
    system: kind,
    operation: operation as StepMeta['operation'],
    mode: mode as StepMeta['mode'],
    label: readLabel(meta.label, 'meta.step.label', fail),
    priority: priority as StepMeta['priority'],
    ...(degrade === undefined ? {} : { degrade: degrade as StepMeta['degrade'] & string }),
    ...(compensation === undefined ? {} : { compensation: compensation as boolean }),
  };
}

function readLabel(label: unknown, field: string, fail: (rule: string) => never): string {
  if (typeof label !== 'string' || label.trim() === '') fail(`${field} must be a non-empty string.`);
  return label as string;
}
