/**
 * Faults and live actions: turning a scenario's scheduled faults and a user's clicks into changes of
 * the running landscape, each recorded on the run's timeline.
 */
import type { ControlAction, TimelineEntry } from '../api.js';
import { formatDuration } from '../scenario/duration.js';
import type { Fault } from '../scenario/schema.js';
import type { SimulationContext } from './context.js';

/** Applies actions to a run and keeps its fault timeline. */
export class Controls {
  readonly timeline: TimelineEntry[] = [];
  /** Live factor on the scenario's arrival rate (on top of `load.factor`), set by `loadFactor` actions. */
  loadFactor = 1;
  /** Called after the load factor changes, so the next arrival is drawn at the new rate. */
  onLoadChange: (() => void) | null = null;
  private readonly context: SimulationContext;

  constructor(context: SimulationContext) {
    this.context = context;
  }

  /** Schedules every fault of the scenario, with the action that ends it when it has a duration. */
  scheduleFaults(faults: readonly Fault[]): void {
    const scheduler = this.context.scheduler;
    for (const fault of faults) {
      const [start, end] = faultActions(fault);
      const until = fault.duration === undefined ? null : fault.at + fault.duration;
      const entry: TimelineEntry = { at: fault.at, until, label: describeFault(fault), origin: 'scenario', action: start };
      this.timeline.push(entry);

      // Priority -1 applies a fault before the other events of the same millisecond.
      scheduler.at(fault.at, () => this.apply(start), -1);
      if (until !== null) scheduler.at(until, () => this.apply(end), -1);
    }
  }

  /** Applies a user's action now and records it on the timeline. */
  applyLive(action: ControlAction): void {
    const now = this.context.scheduler.now;
    this.apply(action);

    const open = this.timeline.find((entry) => entry.origin === 'live' && entry.until === null && endsAction(entry.action, action));
    if (open) open.until = now;
    // A replay happens at one moment, so its entry is closed at once.
    const until = action.kind === 'replayDeadLetters' ? now : null;
    if (!isEndAction(action)) this.timeline.push({ at: now, until, label: describeAction(action), origin: 'live', action });
  }

  /** Applies an action without recording it. */
  apply(action: ControlAction): void {
    const { systems, links, backbone, policies } = this.context;
    switch (action.kind) {
      case 'systemDown':
        systems.get(action.system)?.setOutage(action.mode ?? 'unavailable');
        return;
      case 'systemUp':
        systems.get(action.system)?.setOutage(null);
        return;
      case 'latency':
        systems.get(action.system)?.setLatencyFactor(action.factor);
        return;
      case 'errorRate':
        systems.get(action.system)?.setErrorRate(action.rate);
        return;
      case 'limitCut':
        systems.get(action.system)?.setLimitFactor(action.factor);
        return;
      case 'linkCut':
        links.get(action.from, action.to).cut = action.cut;
        return;
      case 'loadFactor':
        this.loadFactor = action.factor;
        this.onLoadChange?.();
        return;
      case 'duplicateDelivery':
        backbone.setDuplicateRate(action.rate, action.topic);
        return;
      case 'outOfOrderDelivery':
        backbone.setOutOfOrderRate(action.rate, action.topic);
        return;
      case 'policy':
        policies.select(action.name);
        backbone.armReplay();
        return;
      case 'policyToggle':
        policies.setEnabled(action.policy, action.enabled);
        // The replay schedule starts again from now when switched back on.
        if (action.policy === 'deadLetterReplay') backbone.armReplay();
        return;
      case 'replayDeadLetters':
        backbone.replayDeadLetters(action.limit ?? backbone.deadLetters.depth, action.ratePerSecond);
        return;
      case 'poisonMessages':
        backbone.setPoisonRate(action.rate, action.topic);
        return;
    }
  }
}

/** Returns the action that starts a fault and the one that ends it. */
export function faultActions(fault: Fault): [ControlAction, ControlAction] {
  switch (fault.kind) {
    case 'outage':
      return [
        { kind: 'systemDown', system: fault.system, mode: fault.mode },
        { kind: 'systemUp', system: fault.system },
      ];
    case 'latency':
      return [
        { kind: 'latency', system: fault.system, factor: fault.factor },
        { kind: 'latency', system: fault.system, factor: 1 },
      ];
    case 'errorRate':
      return [
        { kind: 'errorRate', system: fault.system, rate: fault.rate },
        { kind: 'errorRate', system: fault.system, rate: null },
      ];
    case 'limitCut':
      return [
        { kind: 'limitCut', system: fault.system, factor: fault.factor },
        { kind: 'limitCut', system: fault.system, factor: 1 },
      ];
    case 'partition':
      return [
        { kind: 'linkCut', from: fault.from, to: fault.to, cut: true },
        { kind: 'linkCut', from: fault.from, to: fault.to, cut: false },
      ];
    case 'duplicateDelivery':
      return [
        { kind: 'duplicateDelivery', rate: fault.rate, ...(fault.topic ? { topic: fault.topic } : {}) },
        { kind: 'duplicateDelivery', rate: 0, ...(fault.topic ? { topic: fault.topic } : {}) },
      ];
    case 'outOfOrderDelivery':
      return [
        { kind: 'outOfOrderDelivery', rate: fault.rate, ...(fault.topic ? { topic: fault.topic } : {}) },
        { kind: 'outOfOrderDelivery', rate: 0, ...(fault.topic ? { topic: fault.topic } : {}) },
      ];
    case 'poisonMessages':
      return [
        { kind: 'poisonMessages', rate: fault.rate, ...(fault.topic ? { topic: fault.topic } : {}) },
        { kind: 'poisonMessages', rate: 0, ...(fault.topic ? { topic: fault.topic } : {}) },
      ];
  }
}

function describeFault(fault: Fault): string {
  const label = describeAction(faultActions(fault)[0]);
  return fault.duration === undefined ? label : `${label} for ${formatDuration(fault.duration)}`;
}

/** Returns a short label of an action for the timeline. */
export function describeAction(action: ControlAction): string {
  switch (action.kind) {
    case 'systemDown':
      return `${action.system} down (${action.mode ?? 'unavailable'})`;
    case 'systemUp':
      return `${action.system} back up`;
    case 'latency':
      return `${action.system} latency x${action.factor}`;
    case 'errorRate':
      return action.rate === null ? `${action.system} error rate restored` : `${action.system} error rate ${percent(action.rate)}`;
    case 'limitCut':
      return `${action.system} vendor limit x${action.factor}`;
    case 'linkCut':
      return `${action.from} to ${action.to} link ${action.cut ? 'cut' : 'restored'}`;
    case 'loadFactor':
      return `load x${action.factor}`;
    case 'duplicateDelivery':
      return `duplicate delivery ${percent(action.rate)}${action.topic ? ` on ${action.topic}` : ''}`;
    case 'outOfOrderDelivery':
      return `out-of-order delivery ${percent(action.rate)}${action.topic ? ` on ${action.topic}` : ''}`;
    case 'policy':
      return `policy set ${action.name}`;
    case 'policyToggle':
      return `${action.policy} ${action.enabled ? 'on' : 'off'}`;
    case 'replayDeadLetters':
      return `replay ${action.limit === undefined ? 'all' : action.limit} dead letters${action.ratePerSecond === undefined ? '' : ` at ${action.ratePerSecond}/s`}`;
    case 'poisonMessages':
      return `poison messages ${percent(action.rate)}${action.topic ? ` on ${action.topic}` : ''}`;
  }
}

function percent(rate: number): string {
  return `${Math.round(rate * 1_000) / 10} %`;
}

/** Returns whether `action` restores what an earlier live action changed. */
function isEndAction(action: ControlAction): boolean {
  switch (action.kind) {
    case 'systemUp':
      return true;
    case 'latency':
    case 'limitCut':
      return action.factor === 1;
    case 'errorRate':
      return action.rate === null;
    case 'linkCut':
      return !action.cut;
    case 'duplicateDelivery':
    case 'outOfOrderDelivery':
    case 'poisonMessages':
      return action.rate === 0;
    default:
      return false;
  }
}

/** Returns whether `later` ends or replaces the still-open live action `earlier`. */
function endsAction(earlier: ControlAction, later: ControlAction): boolean {
  if (earlier.kind === 'systemDown' && later.kind === 'systemUp') return earlier.system === later.system;
  if (earlier.kind !== later.kind) return false;
  if ('system' in earlier && 'system' in later) return earlier.system === later.system;
  if (earlier.kind === 'linkCut' && later.kind === 'linkCut') return earlier.from === later.from && earlier.to === later.to;
  if (earlier.kind === 'policyToggle' && later.kind === 'policyToggle') return earlier.policy === later.policy;
  if ('topic' in earlier || 'topic' in later) return ('topic' in earlier ? earlier.topic : undefined) === ('topic' in later ? later.topic : undefined);
  // A policy set switch or load change replaces the one before it.
  return true;
}
