/**
 * A backbone with one loyalty system and fixed latencies, so tests can state exact delivery times:
 * publishing takes 5 ms and each loyalty call 10 ms.
 */
import type { MessagingEvent } from '../../../src/simulator/integration/trace-notes.js';
import { RandomStreams } from '../../../src/simulator/engine/random.js';
import { Scheduler } from '../../../src/simulator/engine/scheduler.js';
import { EventBackbone, type Message } from '../../../src/simulator/integration/backbone.js';
import { CallExecutor } from '../../../src/simulator/integration/call.js';
import { LinkTable } from '../../../src/simulator/integration/links.js';
import { PolicyRuntime } from '../../../src/simulator/integration/policy-runtime.js';
import type { Scenario, SystemKind } from '../../../src/simulator/scenario/schema.js';
import { SimSystem } from '../../../src/simulator/systems/system.js';
import { scenarioFrom } from '../runtime/fixtures.js';

/** One thing that happened to a test message, in simulated time. */
export interface MessageEvent {
  id: string;
  t: number;
  event: 'APPLIED' | MessagingEvent;
}

/** The parts of a backbone test and the log of what happened to each message. */
export interface BackboneHarness {
  scheduler: Scheduler;
  backbone: EventBackbone;
  links: LinkTable;
  log: MessageEvent[];
  /** Builds a message for customer `key` whose effect and notes go to the log under `id`. */
  message: (id: string, key: number) => Message;
  /** Publishes a message at simulated time `at`. */
  publishAt: (at: number, message: Message) => void;
}

/** One simulated system of `scenario` with a scheduler, the call executor and the link table around it. */
export function singleSystemRig(scenario: Scenario, kind: SystemKind, policy: string | null) {
  const scheduler = new Scheduler();
  const random = new RandomStreams(1);
  const system = new SimSystem(
    { kind, name: kind, concurrency: 4, queueLimit: 100, errorRate: 0, latency: scenario.systems[kind]?.latency ?? {}, limiter: null },
    scheduler,
    random,
  );
  const systems = new Map<SystemKind, SimSystem>([[kind, system]]);
  const policies = new PolicyRuntime(scenario, policy);
  const executor = new CallExecutor(scheduler, systems, policies, random.stream('retry-jitter'), () => undefined);
  const links = new LinkTable(scenario);
  return { scheduler, random, system, policies, executor, links };
}

/** Creates a backbone with the policy set written as YAML (indented two spaces under its name). */
export function backboneHarness(policy = '{}', backbone = '{}'): BackboneHarness {
  const scenario = scenarioFrom(`
schemaVersion: 1
name: backbone test
clock: { duration: 1h }
systems:
  loyalty: { concurrency: 4, errorRate: 0, latency: { accrue: { p50: 10ms, p99: 10ms } } }
  pos: {}
  erp: {}
links:
  - { from: pos, to: loyalty, style: events }
backbone: ${backbone}
policies:
  test: ${policy}
load:
  profile: { kind: constant, rate: 0 }
  channels: { pos: 1 }
  mix: { inStoreCheckout: 1 }
`);
  const { scheduler, random, policies, executor, links } = singleSystemRig(scenario, 'loyalty', 'test');
  const bus = new EventBackbone(scheduler, scenario.backbone, executor, policies, random.stream('backbone'), random.stream('poison'));
  const log: MessageEvent[] = [];

  const message = (id: string, key: number): Message => ({
    topic: 'loyalty.inbound',
    key,
    link: links.get('middleware', 'loyalty'),
    operation: 'accrue',
    effect: (outcome, now) => {
      if (outcome.status === 'ok') log.push({ id, t: now, event: 'APPLIED' });
    },
    delivered: null,
    deadLettered: null,
    publishedAt: scheduler.now,
    attempts: 0,
    note: (now, event) => log.push({ id, t: now, event }),
  });
  const publishAt = (at: number, item: Message): void => {
    scheduler.at(at, () => bus.publish(item, () => undefined));
  };
  return { scheduler, backbone: bus, links, log, message, publishAt };
}

/** Returns the ids of the log entries with `event`, in log order. */
export function idsOf(log: readonly MessageEvent[], event: MessageEvent['event']): string[] {
  return log.filter((entry) => entry.event === event).map((entry) => entry.id);
}
