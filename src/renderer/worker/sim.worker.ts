/**
 * The simulation worker's entry: it connects a `SimulationHost` to the worker's message port.
 *
 * The simulator stays free of timers, so the pacing clock (`performance.now`) and timer
 * (`setTimeout`) are supplied here, where the browser provides them.
 */
import { createSimulation, formatIssue, parseScenario } from '../../simulator/index.js';
import { SimulationHost } from './host.js';
import { isWorkerCommand, type WorkerEvent } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A zero-delay `setTimeout` is clamped to 4 ms once nested, which would idle the worker a quarter of
// the time at full speed, so zero-delay ticks go through a MessageChannel instead.
const immediate = new MessageChannel();
const pending: (() => void)[] = [];
immediate.port1.onmessage = () => pending.shift()?.();

const host = new SimulationHost(
  { parseScenario, formatIssue, createSimulation },
  {
    now: () => performance.now(),
    schedule: (callback, delayMs) => {
      if (delayMs > 0) {
        setTimeout(callback, delayMs);
        return;
      }
      pending.push(callback);
      immediate.port2.postMessage(null);
    },
    post: (event: WorkerEvent) => scope.postMessage(event),
  },
);

scope.addEventListener('message', (message: MessageEvent<unknown>) => {
  if (!isWorkerCommand(message.data)) {
    const event: WorkerEvent = {
      type: 'failed',
      message: `worker received an unknown message ${JSON.stringify(message.data)}; send a WorkerCommand`,
      stack: null,
    };
    scope.postMessage(event);
    return;
  }
  host.handle(message.data);
});

scope.postMessage({ type: 'ready' } satisfies WorkerEvent);
