/**
 * Duplicate detection by idempotency key, as a receiver that stores each key for a retention period does.
 * Stripe, for example, may prune keys once they are at least 24 hours old
 * (https://docs.stripe.com/idempotency, page undated), after which a reused key is treated as new.
 */
import { Ring } from '../engine/ring.js';

/**
 * An idempotency key. The simulator keys its own requests by number, because a key store keeps a
 * number in far less memory than a string over a retention of hours.
 */
export type IdempotencyKey = string | number;

/**
 * Stores the idempotency keys seen in the last `retentionMs` milliseconds of simulated time.
 *
 * Retention runs from the first time a key was seen: a duplicate does not extend it. Expired keys are
 * evicted lazily in insertion order on each check, so memory holds only the keys of one retention period.
 */
export class IdempotencyStore {
  private readonly retentionMs: number;
  /** First-seen time of each stored key. */
  private readonly seenAt = new Map<IdempotencyKey, number>();
  /**
   * The same keys and times in the order they were stored, which is time order, so eviction takes
   * from the front in constant time. Walking the Map from its start instead would also pass over the
   * slots of deleted keys that V8 keeps until the next rehash.
   */
  private readonly order = new Ring<IdempotencyKey>(256);
  private readonly orderTimes = new Ring<number>(256);
  private latest = Number.NEGATIVE_INFINITY;

  /** @throws Error when `retentionMs` is not a number of 0 or more. */
  constructor(retentionMs: number) {
    if (!(retentionMs >= 0)) {
      throw new Error(`Invalid idempotency retention ${retentionMs}: use 0 ms or more.`);
    }
    this.retentionMs = retentionMs;
  }

  /** Returns the number of keys stored, including any expired keys not yet evicted. */
  get size(): number {
    return this.seenAt.size;
  }

  /**
   * Records `key` at `now` and returns `duplicate` when it was first seen less than `retentionMs` ago,
   * otherwise `new`.
   *
   * @throws Error when `now` is earlier than the time of a previous check, because eviction relies on
   *   keys arriving in time order.
   */
  check(key: IdempotencyKey, now: number): 'new' | 'duplicate' {
    if (now < this.latest) {
      throw new Error(
        `IdempotencyStore.check called at ${now} ms after a check at ${this.latest} ms: pass simulated times in order.`,
      );
    }
    this.latest = now;
    this.evictExpired(now);

    if (this.seenAt.has(key)) return 'duplicate';

    this.seenAt.set(key, now);
    this.order.push(key);
    this.orderTimes.push(now);
    return 'new';
  }

  private evictExpired(now: number): void {
    while (this.orderTimes.length > 0 && now - (this.orderTimes.peek() as number) >= this.retentionMs) {
      this.orderTimes.shift();
      this.seenAt.delete(this.order.shift());
    }
  }
}

/** Decision of a receiver on one write: apply it, or drop it as a repeat of a stored key. */
export type WriteDecision = 'apply' | 'drop';

/** Idempotency figures of one receiving system. */
export interface ReceiverFigures {
  /** Keys stored now, including expired keys not yet evicted. */
  keysStored: number;
  /** Retention of the store in ms, or null while the active policy set has no idempotency. */
  retention: number | null;
  /** Repeated writes dropped by their key. */
  suppressed: number;
  /** Writes applied although the same request was applied before: no key check, or the key had expired. */
  repeatsApplied: number;
}

/**
 * Checks the idempotency keys of writes at each receiving system, one store per system.
 *
 * The retention comes from the active policy set at each check. When it changes (a live switch of
 * policy set), the system's store starts empty with the new retention.
 * NOTE: a real receiver keeps its keys across a client's policy change; starting empty trades that
 * for not keeping a store whose retention no longer matches the configuration.
 */
export class ReceiverIdempotency {
  private readonly stores = new Map<string, IdempotencyStore>();
  private readonly retentions = new Map<string, number>();
  private readonly suppressed = new Map<string, number>();
  private readonly repeats = new Map<string, number>();

  /**
   * Decides on a write of `key` at `system` at `now`: `drop` when the key was stored less than
   * `retention` ms ago, otherwise `apply`. A null `retention` (idempotency off) applies every write.
   */
  decide(system: string, key: IdempotencyKey, now: number, retention: number | null): WriteDecision {
    if (retention === null) return 'apply';

    let store = this.stores.get(system);
    if (!store || this.retentions.get(system) !== retention) {
      store = new IdempotencyStore(retention);
      this.stores.set(system, store);
      this.retentions.set(system, retention);
    }
    if (store.check(key, now) === 'new') return 'apply';

    this.suppressed.set(system, (this.suppressed.get(system) ?? 0) + 1);
    return 'drop';
  }

  /** Counts a write that `system` applied although it had applied the same request before. */
  recordRepeat(system: string): void {
    this.repeats.set(system, (this.repeats.get(system) ?? 0) + 1);
  }

  /** Returns the figures of `system`, with `retention` as the active policy set configures it. */
  figures(system: string, retention: number | null): ReceiverFigures {
    return {
      keysStored: this.stores.get(system)?.size ?? 0,
      retention,
      suppressed: this.suppressed.get(system) ?? 0,
      repeatsApplied: this.repeats.get(system) ?? 0,
    };
  }
}

/** Receives a note on a write for the journey trace, such as a duplicate dropped by its key. */
export type WriteNote = (now: number, event: 'DUPLICATE_DROPPED' | 'DUPLICATE_APPLIED', detail: string) => void;

/**
 * Creates the side effect of one posting request at a receiver that checks its idempotency key, such
 * as an order posted to the ERP. Every attempt and redelivery of the request runs the same effect, so
 * it counts the postings of this request: a second posting is a duplicate.
 *
 * `retention` is read at each posting, so a live policy change takes effect at once. `describeKey` names
 * the key in trace notes, where `key` itself may be a bare number.
 */
export function createPostingEffect(
  receivers: ReceiverIdempotency,
  system: string,
  key: IdempotencyKey,
  retention: () => number | null,
  note: WriteNote | null,
  describeKey: string = String(key),
): (outcome: { status: string }, now: number) => void {
  let postings = 0;
  return (outcome, now) => {
    if (outcome.status !== 'ok') return;
    if (receivers.decide(system, key, now, retention()) === 'drop') {
      note?.(now, 'DUPLICATE_DROPPED', `${system} dropped repeated ${describeKey} by its idempotency key`);
      return;
    }

    postings++;
    if (postings === 1) return;
    receivers.recordRepeat(system);
    note?.(now, 'DUPLICATE_APPLIED', `${system} applied ${describeKey} again (posting ${postings})`);
  };
}
