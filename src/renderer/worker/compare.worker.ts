/**
 * The comparison worker's entry: it connects a `CompareHost` to the worker's message port, with the
 * clock and timer the browser provides.
 */
import { CompareHost } from './compare-host.js';
import { isCompareCommand, type CompareEvent } from './compare-protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A zero-delay setTimeout is clamped to 4 ms once nested; a MessageChannel turn is not.
const channel = new MessageChannel();
const queued: (() => void)[] = [];
channel.port1.onmessage = () => queued.shift()?.();

const host = new CompareHost({
  now: () => performance.now(),
  schedule: (callback) => {
    queued.push(callback);
    channel.port2.postMessage(null);
  },
  post: (event: CompareEvent) => scope.postMessage(event),
});

scope.addEventListener('message', (message: MessageEvent<unknown>) => {
  if (isCompareCommand(message.data)) host.handle(message.data);
});

scope.postMessage({ type: 'ready' } satisfies CompareEvent);
