/**
 * The event backbone: topics split into partitions by key, at-least-once delivery to consumers, and
 * per-key ordering.
 *
 * A message's key picks its partition, and each partition belongs to one consumer, which handles its
 * messages one at a time in order. A failed delivery is tried again after a backoff and blocks the
 * messages behind it, as a Kafka consumer that does not commit does; after the policy's number of
 * attempts it goes to the dead-letter queue and the partition moves on.
 *
 * A malformed (poison) message fails in the consumer before any call to the system, on every attempt.
 * With a poison queue configured it is set aside after its first failure; without one it blocks its
 * partition through every retry like any failing message. Dead letters go back on their topics by a
 * replay, by hand or on the policy's schedule, paced so they re-enter no faster than the replay rate.
 */
import type { Scheduler } from '../engine/scheduler.js';
import type { RandomStream } from '../engine/random.js';
import { ServiceTime } from '../engine/distributions.js';
import { DeadLetterQueue, ReplayPacer } from '../policies/dead-letter.js';
import type { BackboneConfig, OperationName } from '../scenario/schema.js';
import type { CallExecutor, CallResult, SystemEffect } from './call.js';
import type { Link } from './links.js';
import type { PolicyRuntime } from './policy-runtime.js';
import type { MessagingNote } from './trace-notes.js';

/** A message on the backbone: a call to make on a system on the publisher's behalf. */
export interface Message {
  readonly topic: string;
  readonly key: number;
  /** The link from the middleware to the system the consumer calls. */
  readonly link: Link;
  readonly operation: OperationName;
  readonly effect: SystemEffect | null;
  /** Called once the message is delivered, with the successful call's result. */
  readonly delivered: ((result: CallResult, now: number) => void) | null;
  /** Called when the message goes to the dead-letter queue. */
  readonly deadLettered: ((now: number) => void) | null;
  readonly publishedAt: number;
  attempts: number;
  /** Called when a replay takes the message from the dead-letter queue, so its work counts as lag again. */
  readonly resumed?: ((now: number) => void) | null;
  /** Adds what happens to the message later to the publishing journey's trace. */
  readonly note?: MessagingNote | null;
  /** Malformed: every delivery attempt fails before the system is called. Set by the backbone on publish. */
  poison?: boolean;
}

/** Replay rate when a replay by hand names none and the active policy set has no replay schedule. */
export const DEFAULT_REPLAY_RATE = 10;

/** Delay before a failed delivery is tried again: 1 s, doubling, at most 30 s. */
const REDELIVERY_BASE_MS = 1_000;
const REDELIVERY_MAX_MS = 30_000;

interface Consumer {
  queue: Message[];
  head: number;
  busy: boolean;
}

interface Topic {
  name: string;
  consumers: Consumer[];
  published: number;
}

/** Delivery faults in force, by topic; the empty key applies to all topics. */
interface DeliveryFaults {
  duplicate: Map<string, number>;
  outOfOrder: Map<string, number>;
  poison: Map<string, number>;
}

/** Scheduler priority of scheduled replays, with the other housekeeping after journeys. */
const REPLAY_PRIORITY = 10;

/** Topics, consumers and the dead-letter queue of one run. */
export class EventBackbone {
  readonly deadLetters = new DeadLetterQueue<Message>();
  /** Malformed messages set aside after their first failed attempt. */
  readonly poisonQueue = new DeadLetterQueue<Message>();
  /** Poison messages published since the run start. */
  poisonPublished = 0;
  /** Dead letters that re-entered their topics since the run start. */
  replayed = 0;
  /** Dead letters taken for replay that wait for their slot. */
  replayPending = 0;
  /** Simulated time of the next scheduled replay, or null when the active policy set schedules none. */
  nextReplayAt: number | null = null;
  private readonly scheduler: Scheduler;
  private readonly config: BackboneConfig;
  private readonly executor: CallExecutor;
  private readonly policies: PolicyRuntime;
  private readonly publishTime: ServiceTime;
  private readonly random: RandomStream;
  private readonly poisonRandom: RandomStream;
  private readonly pacer = new ReplayPacer();
  /** Increases when the replay schedule is re-armed, so a tick of the old schedule does nothing. */
  private replayGeneration = 0;
  private readonly topics = new Map<string, Topic>();
  private readonly faults: DeliveryFaults = { duplicate: new Map(), outOfOrder: new Map(), poison: new Map() };
  private queued = 0;

  /**
   * Creates the backbone. `poisonRandom` draws which messages are malformed; it defaults to `random`,
   * but a run passes a stream of its own so that poisoning does not shift the other draws.
   */
  constructor(
    scheduler: Scheduler,
    config: BackboneConfig,
    executor: CallExecutor,
    policies: PolicyRuntime,
    random: RandomStream,
    poisonRandom: RandomStream = random,
  ) {
    this.scheduler = scheduler;
    this.config = config;
    this.executor = executor;
    this.policies = policies;
    this.random = random;
    this.poisonRandom = poisonRandom;
    this.publishTime = new ServiceTime(config.publishLatency.p50, config.publishLatency.p99);
    if (config.duplicateRate > 0) this.faults.duplicate.set('', config.duplicateRate);
    if (config.poisonRate !== undefined && config.poisonRate > 0) this.faults.poison.set('', config.poisonRate);
    this.armReplay();
  }

  /** Messages published but not yet delivered or dead-lettered, over all topics. */
  get lag(): number {
    return this.queued;
  }

  /** Returns the messages waiting on one topic. */
  topicLag(name: string): number {
    const topic = this.topics.get(name);
    if (!topic) return 0;
    let waiting = 0;
    for (const consumer of topic.consumers) waiting += consumer.queue.length - consumer.head;
    return waiting;
  }

  /** Sets the share of messages delivered twice, on one topic or (without a topic) on all. */
  setDuplicateRate(rate: number, topic = ''): void {
    this.faults.duplicate.set(topic, rate);
  }

  /** Sets the share of messages delivered ahead of the one published before them. */
  setOutOfOrderRate(rate: number, topic = ''): void {
    this.faults.outOfOrder.set(topic, rate);
  }

  /** Sets the share of published messages that are malformed, on one topic or (without a topic) on all. */
  setPoisonRate(rate: number, topic = ''): void {
    this.faults.poison.set(topic, rate);
  }

  /** Returns the share of messages made malformed on all topics, or on `topic` when given. */
  poisonRate(topic = ''): number {
    return this.rate(this.faults.poison, topic);
  }

  /**
   * Publishes a message and calls `acked` once the broker has it (after the publish latency), so the
   * publisher can go on.
   */
  publish(message: Message, acked: (now: number) => void): void {
    const delay = this.publishTime.sample(this.random);
    this.scheduler.after(delay, (now) => {
      acked(now);
      const topic = this.topic(message.topic);
      topic.published++;
      const consumer = this.consumerFor(topic, message.key);
      if (this.poisonRandom.chance(this.rate(this.faults.poison, message.topic))) {
        message.poison = true;
        this.poisonPublished++;
      }

      this.enqueue(consumer, message);
      if (this.random.chance(this.rate(this.faults.duplicate, message.topic))) {
        this.enqueue(consumer, { ...message, attempts: 0 });
      }
      this.pump(consumer);
    });
  }

  /**
   * Takes up to `limit` dead letters, oldest first, and puts them back on their topics no faster than
   * `ratePerSecond`: the first re-enters now (or when earlier replays leave a slot), the next ones one
   * interval apart. Returns the number taken.
   *
   * @throws Error when `limit` is not a whole number of 0 or more, or `ratePerSecond` is not above 0.
   */
  replayDeadLetters(limit: number, ratePerSecond: number = this.policies.replay?.ratePerSecond ?? DEFAULT_REPLAY_RATE): number {
    if (!(ratePerSecond > 0)) {
      throw new Error(`Invalid replay rate ${ratePerSecond} per second: use a number above 0.`);
    }

    const now = this.scheduler.now;
    const letters = this.deadLetters.take(limit);
    for (const { item: message } of letters) {
      const at = this.pacer.reserve(now, ratePerSecond);
      this.replayPending++;
      message.resumed?.(now);
      this.scheduler.at(at, (time) => this.reenter(message, time));
    }
    return letters.length;
  }

  /**
   * Starts the replay schedule of the active policy set, replacing any earlier one. Call it after the
   * active policy set changes; without a `replay` policy no replay is scheduled.
   */
  armReplay(): void {
    this.replayGeneration++;
    this.nextReplayAt = null;
    const schedule = this.policies.replay;
    if (!schedule) return;
    this.scheduleReplay(this.scheduler.now + schedule.every, this.replayGeneration);
  }

  private scheduleReplay(at: number, generation: number): void {
    this.nextReplayAt = at;
    this.scheduler.at(
      at,
      (now) => {
        if (generation !== this.replayGeneration) return;
        const schedule = this.policies.replay;
        if (!schedule) {
          this.nextReplayAt = null;
          return;
        }
        this.replayDeadLetters(schedule.limit ?? this.deadLetters.depth, schedule.ratePerSecond);
        this.scheduleReplay(now + schedule.every, generation);
      },
      REPLAY_PRIORITY,
    );
  }

  private reenter(message: Message, now: number): void {
    this.replayPending--;
    this.replayed++;
    message.attempts = 0;
    message.note?.(now, 'REPLAYED', `replayed from the dead-letter queue to ${message.topic}`);
    const consumer = this.consumerFor(this.topic(message.topic), message.key);
    this.enqueue(consumer, message);
    this.pump(consumer);
  }

  private enqueue(consumer: Consumer, message: Message): void {
    this.queued++;
    const swap = consumer.queue.length - consumer.head > 1 && this.random.chance(this.rate(this.faults.outOfOrder, message.topic));
    consumer.queue.push(message);
    if (swap) {
      const last = consumer.queue.length - 1;
      const previous = consumer.queue[last - 1] as Message;
      consumer.queue[last - 1] = message;
      consumer.queue[last] = previous;
    }
  }

  private pump(consumer: Consumer): void {
    if (consumer.busy || consumer.head >= consumer.queue.length) return;
    consumer.busy = true;

    const message = consumer.queue[consumer.head] as Message;
    message.attempts++;
    if (message.poison) {
      // The consumer cannot deserialize the message, so the attempt fails before any call.
      this.scheduler.after(0, (now) => this.failed(consumer, message, 'malformed', now));
      return;
    }

    this.executor.call(message.link, message.operation, message.effect, (result) => {
      const now = this.scheduler.now;
      if (result.ok) {
        this.dequeue(consumer);
        message.delivered?.(result, now);
        this.pump(consumer);
        return;
      }
      this.failed(consumer, message, result.failure ?? 'error', now);
    });
  }

  /** Handles a failed delivery attempt: set the message aside, dead-letter it, or retry after a backoff. */
  private failed(consumer: Consumer, message: Message, reason: string, now: number): void {
    if (message.poison && this.policies.poisonQueue) {
      this.dequeue(consumer);
      this.poisonQueue.add(message, now, reason);
      message.deadLettered?.(now);
      message.note?.(now, 'POISONED', `malformed message set aside in the poison queue after attempt ${message.attempts}`);
      this.pump(consumer);
      return;
    }

    const maxAttempts = this.policies.deadLetterAttempts;
    if (maxAttempts !== null && message.attempts >= maxAttempts) {
      this.dequeue(consumer);
      this.deadLetters.add(message, now, reason);
      message.deadLettered?.(now);
      message.note?.(now, 'DEAD_LETTERED', `${reason}; dead-lettered after ${message.attempts} attempts`);
      this.pump(consumer);
      return;
    }

    const delay = Math.min(REDELIVERY_MAX_MS, REDELIVERY_BASE_MS * 2 ** (message.attempts - 1));
    this.scheduler.after(delay, () => {
      consumer.busy = false;
      this.pump(consumer);
    });
  }

  private dequeue(consumer: Consumer): void {
    consumer.head++;
    consumer.busy = false;
    this.queued--;
    // Compact the array once the consumed prefix dominates, so memory stays bounded.
    if (consumer.head > 1_024 && consumer.head * 2 > consumer.queue.length) {
      consumer.queue = consumer.queue.slice(consumer.head);
      consumer.head = 0;
    }
  }

  private consumerFor(topic: Topic, key: number): Consumer {
    const partition = key % this.config.partitions;
    return topic.consumers[partition % topic.consumers.length] as Consumer;
  }

  private topic(name: string): Topic {
    let topic = this.topics.get(name);
    if (!topic) {
      const consumers: Consumer[] = [];
      const count = Math.min(this.config.consumerConcurrency, this.config.partitions);
      for (let i = 0; i < count; i++) consumers.push({ queue: [], head: 0, busy: false });
      topic = { name, consumers, published: 0 };
      this.topics.set(name, topic);
    }
    return topic;
  }

  private rate(rates: Map<string, number>, topic: string): number {
    return rates.get(topic) ?? rates.get('') ?? 0;
  }
}
