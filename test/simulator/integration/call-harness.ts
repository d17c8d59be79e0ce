/** A call executor over real systems with fixed service times, for exact call-path tests. */
import { RandomStreams } from '../../../src/simulator/engine/random.js';
import { Scheduler } from '../../../src/simulator/engine/scheduler.js';
import { CallExecutor, type CallResult } from '../../../src/simulator/integration/call.js';
import { LinkTable } from '../../../src/simulator/integration/links.js';
import { PolicyRuntime } from '../../../src/simulator/integration/policy-runtime.js';
import type { StepPriority } from '../../../src/simulator/journeys/conventions.js';
import type { Caller } from '../../../src/simulator/integration/links.js';
import type { OperationName, SystemKind } from '../../../src/simulator/scenario/schema.js';
import { SimSystem } from '../../../src/simulator/systems/system.js';
import { scenarioFrom } from '../runtime/fixtures.js';

/** Milliseconds every operation takes in the harness. */
export const SERVICE_MS = 100;

/** Creates an executor over the five systems, with the YAML policy set `policy` active. */
export function callHarness(policy: string, links = '[]', errorRate = 0, concurrency = 16) {
  const fixed = `{ p50: ${SERVICE_MS}, p99: ${SERVICE_MS} }`;
  const system = (ops: string) =>
    `{ concurrency: ${concurrency}, errorRate: ${errorRate}, latency: { ${ops
      .split(' ')
      .map((op) => `${op}: ${fixed}`)
      .join(', ')} } }`;
  const scenario = scenarioFrom(`
schemaVersion: 1
name: call path test
clock: { duration: 10m }
systems:
  crm: ${system('getCustomer upsertCustomer')}
  erp: ${system('lookupPrice reserveInventory')}
  loyalty: ${system('getBalance accrue')}
  pos: ${system('captureSale')}
  ecommerce: ${system('placeOrder')}
links: ${links}
policies:
  test: ${policy}
load: { profile: { kind: constant, rate: 0 }, channels: { ecommerce: 1 }, mix: { onlineCheckout: 1 } }
`);
  const scheduler = new Scheduler();
  const streams = new RandomStreams(1);
  const systems = new Map<SystemKind, SimSystem>();
  for (const [kind, config] of Object.entries(scenario.systems)) {
    const options = { kind: kind as SystemKind, name: kind, ...config, limiter: null };
    systems.set(kind as SystemKind, new SimSystem(options, scheduler, streams));
  }
  const table = new LinkTable(scenario);
  const policies = new PolicyRuntime(scenario, 'test');
  const executor = new CallExecutor(scheduler, systems, policies, streams.stream('retry-jitter'), () => {}, {
    links: table,
    auth: streams.stream('gateway-auth'),
  });
  const results: CallResult[] = [];

  /** Calls `operation` on `to` from `from` and returns the slot its result lands in. */
  function call(from: Caller, to: SystemKind, operation: OperationName, priority: StepPriority = 'standard'): number {
    const index = results.length;
    results.push(undefined as unknown as CallResult);
    executor.call(table.get(from, to), operation, null, (result) => (results[index] = result), priority);
    return index;
  }

  return { scheduler, systems, executor, policies, results, call, links: table };
}
