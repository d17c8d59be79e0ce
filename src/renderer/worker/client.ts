/**
 * The page side of the worker protocol: it starts the simulation worker, sends commands and
 * matches replies to their requests.
 */
import type { ReplyPayloads, WorkerCommand, WorkerEvent, WorkerRequest } from './protocol.js';

/** How long a request may wait for its reply before it is rejected, in milliseconds. */
export const REQUEST_TIMEOUT_MS = 15_000;

type Pending = { resolve: (payload: unknown) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> };

/** A request without its id, which the client assigns. */
export type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'requestId'> : never) : never;

/** Creates the worker; tests pass a fake that behaves like one. */
export type WorkerFactory = () => Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

/** Creates the module worker that runs the simulator. */
export function createSimulationWorker(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
}

/** Sends commands to the simulation worker and passes its events to a listener. */
export class SimulationClient {
  private worker: ReturnType<WorkerFactory> | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly onEvent: (event: WorkerEvent) => void,
    private readonly factory: WorkerFactory = createSimulationWorker,
  ) {}

  /** Starts a new worker, ending the previous one and rejecting its open requests. */
  start(): void {
    this.stop('the worker was restarted');
    const worker = this.factory();
    worker.addEventListener('message', (message) => this.receive((message as MessageEvent<WorkerEvent>).data));
    worker.addEventListener('error', (error) => {
      const detail = error instanceof ErrorEvent && error.message ? error.message : 'the worker script failed to load or threw';
      this.onEvent({ type: 'failed', message: `simulation worker stopped: ${detail}`, stack: null });
      this.rejectAll(`simulation worker stopped: ${detail}`);
    });
    this.worker = worker;
  }

  /** Ends the worker; open requests are rejected with the reason. */
  stop(reason = 'the worker was stopped'): void {
    this.rejectAll(reason);
    this.worker?.terminate();
    this.worker = null;
  }

  /** Sends a command that expects no reply. */
  send(command: Exclude<WorkerCommand, WorkerRequest>): void {
    this.requireWorker().postMessage(command);
  }

  /** Sends a request and resolves with its reply. */
  request<K extends WorkerRequest['type']>(body: Extract<RequestBody, { type: K }>): Promise<ReplyPayloads[K]> {
    const worker = this.requireWorker();
    const requestId = this.nextRequestId++;
    return new Promise<ReplyPayloads[K]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(`worker request ${body.type} timed out after ${REQUEST_TIMEOUT_MS} ms`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(requestId, { resolve: resolve as (payload: unknown) => void, reject, timer });
      worker.postMessage({ ...body, requestId });
    });
  }

  private receive(event: WorkerEvent): void {
    if (event.type !== 'reply') {
      this.onEvent(event);
      return;
    }
    const pending = this.pending.get(event.requestId);
    if (pending === undefined) return;
    this.pending.delete(event.requestId);
    clearTimeout(pending.timer);
    pending.resolve(event.payload);
  }

  private rejectAll(reason: string): void {
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new Error(reason));
    }
    this.pending.clear();
  }

  private requireWorker(): ReturnType<WorkerFactory> {
    if (this.worker !== null) return this.worker;
    throw new Error('simulation worker is not running; call start() first');
  }
}
