/**
 * The event backbone: topics split into partitions by key, at-least-once delivery to consumers, and
 * per-key ordering.
 *
 * A message's key picks its partition, and each partition belongs to one consumer, which handles its
 * messages one at a time in order. A failed delivery is tried again after a backoff and blocks the
 * messages behind it, as a Kafka consumer that does not commit does; after the policy's number of
 * attempts it goes to the dead-letter queue and the partition moves on.
 */
import type { Scheduler } from '../engine/scheduler.js';
import type { RandomStream } from '../engine/random.js';
import { ServiceTime } from '../engine/distributions.js';
import { DeadLetterQueue } from '../policies/dead-letter.js';
import type { BackboneConfig, OperationName } from '../scenario/schema.js';
import type { CallExecutor, CallResult, SystemEffect } from './call.js';
import type { Link } from './links.js';
import type { PolicyRuntime } from './policy-runtime.js';

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
}

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
}

/** Topics, consumers and the dead-letter queue of one run. */
export class EventBackbone {
  readonly deadLetters = new DeadLetterQueue<Message>();
  private readonly scheduler: Scheduler;
  private readonly config: BackboneConfig;
  private readonly executor: CallExecutor;
  private readonly policies: PolicyRuntime;
  private readonly publishTime: ServiceTime;
  private readonly random: RandomStream;
  private readonly topics = new Map<string, Topic>();
  private readonly faults: DeliveryFaults = { duplicate: new Map(), outOfOrder: new Map() };
  private queued = 0;

  constructor(scheduler: Scheduler, config: BackboneConfig, executor: CallExecutor, policies: PolicyRuntime, random: RandomStream) {
    this.scheduler = scheduler;
    this.config = config;
    this.executor = executor;
    this.policies = policies;
    this.random = random;
    this.publishTime = new ServiceTime(config.publishLatency.p50, config.publishLatency.p99);
    if (config.duplicateRate > 0) this.faults.duplicate.set('', config.duplicateRate);
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

      this.enqueue(consumer, message);
      if (this.random.chance(this.rate(this.faults.duplicate, message.topic))) {
        this.enqueue(consumer, { ...message, attempts: 0 });
      }
      this.pump(consumer);
    });
  }

  /** Puts dead-lettered messages back on their topics, at most `limit` of them. */
  replayDeadLetters(limit: number): number {
    const letters = this.deadLetters.take(limit);
    for (const { item: message } of letters) {
      message.attempts = 0;
      const consumer = this.consumerFor(this.topic(message.topic), message.key);
      this.enqueue(consumer, message);
      this.pump(consumer);
    }
    return letters.length;
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
    this.executor.call(message.link, message.operation, message.effect, (result) => {
      const now = this.scheduler.now;
      if (result.ok) {
        this.dequeue(consumer);
        message.delivered?.(result, now);
        this.pump(consumer);
        return;
      }

      const maxAttempts = this.policies.deadLetterAttempts;
      if (maxAttempts !== null && message.attempts >= maxAttempts) {
        this.dequeue(consumer);
        this.deadLetters.add(message, now, result.failure ?? 'error');
        message.deadLettered?.(now);
        this.pump(consumer);
        return;
      }

      const delay = Math.min(REDELIVERY_MAX_MS, REDELIVERY_BASE_MS * 2 ** (message.attempts - 1));
      this.scheduler.after(delay, () => {
        consumer.busy = false;
        this.pump(consumer);
      });
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
