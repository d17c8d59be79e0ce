/**
 * Caller-side resilience figures per target system: logical calls against the requests that reached
 * the system, which is the load amplification of retries at every layer and of hedges. Also retries
 * allowed and denied by the budget, hedges, bulkheads, and the circuit breakers' state changes.
 */
import type { BreakerTransition, CallResilienceSnapshot } from '../api.js';
import type { Bulkhead } from '../policies/bulkhead.js';
import type { CircuitState } from '../policies/circuit-breaker.js';
import type { SystemKind } from '../scenario/schema.js';

/** Breaker state changes kept for the snapshot and report; older ones are dropped, their count kept. */
export const BREAKER_TRANSITIONS_KEPT = 200;

interface Counters {
  logicalCalls: number;
  attempts: number;
  maxAttemptsPerCall: number;
  retries: number;
  retriesDenied: number;
  hedges: number;
  hedgeWins: number;
  breakerTransitions: number;
  /** Bulkheads that guard calls to the system, including ones replaced by a switch of policy set. */
  bulkheads: Bulkhead[];
}

/** Collects the call path's resilience figures of one run. */
export class CallFigures {
  private readonly systems = new Map<SystemKind, Counters>();
  private readonly transitions: BreakerTransition[] = [];

  /** Counts a call as its caller made it, before any retry. */
  logicalCall(system: SystemKind): void {
    this.counters(system).logicalCalls++;
  }

  /** Records that a logical call ended after `reached` requests reached the system. */
  logicalCallDone(system: SystemKind, reached: number): void {
    const counters = this.counters(system);
    if (reached > counters.maxAttemptsPerCall) counters.maxAttemptsPerCall = reached;
  }

  /** Counts one request reaching the system. */
  attempt(system: SystemKind): void {
    this.counters(system).attempts++;
  }

  retry(system: SystemKind): void {
    this.counters(system).retries++;
  }

  retryDenied(system: SystemKind): void {
    this.counters(system).retriesDenied++;
  }

  hedge(system: SystemKind): void {
    this.counters(system).hedges++;
  }

  hedgeWin(system: SystemKind): void {
    this.counters(system).hedgeWins++;
  }

  /** Adds a bulkhead guarding calls to `system`, for its in-flight, queue and rejection figures. */
  addBulkhead(system: SystemKind, bulkhead: Bulkhead): void {
    this.counters(system).bulkheads.push(bulkhead);
  }

  /** Records a breaker state change at `now`. */
  breakerTransition(system: SystemKind, from: CircuitState, to: CircuitState, now: number): void {
    this.counters(system).breakerTransitions++;
    this.transitions.push({ t: now, system, from, to });
    if (this.transitions.length > BREAKER_TRANSITIONS_KEPT) this.transitions.shift();
  }

  /** Returns the kept breaker state changes, oldest first. */
  breakerTransitions(): BreakerTransition[] {
    return this.transitions.map((transition) => ({ ...transition }));
  }

  /** Returns the figures of each system that has had calls, in the order of their first call. */
  snapshot(): CallResilienceSnapshot[] {
    const result: CallResilienceSnapshot[] = [];
    for (const [system, counters] of this.systems) {
      let bulkheadInFlight = 0;
      let bulkheadQueued = 0;
      let bulkheadRejections = 0;
      for (const bulkhead of counters.bulkheads) {
        bulkheadInFlight += bulkhead.inFlight;
        bulkheadQueued += bulkhead.queued;
        bulkheadRejections += bulkhead.rejections;
      }
      result.push({
        system,
        logicalCalls: counters.logicalCalls,
        attempts: counters.attempts,
        amplification: counters.logicalCalls > 0 ? counters.attempts / counters.logicalCalls : 0,
        maxAttemptsPerCall: counters.maxAttemptsPerCall,
        retries: counters.retries,
        retriesDenied: counters.retriesDenied,
        hedges: counters.hedges,
        hedgeWins: counters.hedgeWins,
        bulkheadInFlight,
        bulkheadQueued,
        bulkheadRejections,
        breakerTransitions: counters.breakerTransitions,
      });
    }
    return result;
  }

  private counters(system: SystemKind): Counters {
    let counters = this.systems.get(system);
    if (!counters) {
      counters = {
        logicalCalls: 0,
        attempts: 0,
        maxAttemptsPerCall: 0,
        retries: 0,
        retriesDenied: 0,
        hedges: 0,
        hedgeWins: 0,
        breakerTransitions: 0,
        bulkheads: [],
      };
      this.systems.set(system, counters);
    }
    return counters;
  }
}
