/**
 * Scheduled batch file transfer, the integration style of a legacy landscape. A channel writes each
 * notify step to a file at once and goes on. At each scheduled time (a nightly 02:00 file, or one
 * every few hours) the file is delivered to the receiving system, which imports its records at a
 * bounded rate.
 *
 * The receiver imports a record as a call over the middleware's link to it, with that link's policies.
 * A record it rejects is carried over to the next file, as an import's error file is sent again. A file
 * due while the link is cut stays where it is and goes with the next delivery.
 */
import type { BatchSnapshot } from '../api.js';
import type { Scheduler } from '../engine/scheduler.js';
import { ReplayPacer } from '../policies/dead-letter.js';
import type { LinkConfig, OperationName } from '../scenario/schema.js';
import type { CallExecutor, SystemEffect } from './call.js';
import type { Link, LinkTable } from './links.js';
import type { MessagingNote } from './trace-notes.js';

/** The schedule of a batch link, as the scenario sets it. */
export type BatchSchedule = NonNullable<LinkConfig['batch']>;

/** One record of a batch file: a call the receiving system makes when it imports the record. */
export interface BatchRecord {
  readonly operation: OperationName;
  readonly effect: SystemEffect | null;
  /** Adds what happens to the record to the writing journey's trace. */
  readonly note: MessagingNote | null;
  readonly writtenAt: number;
}

const DAY_MS = 86_400_000;

/**
 * Returns the time of day in ms at simulated time zero, read from the scenario's `clock.start` label
 * in its own UTC offset (the local time of the scenario), or 0 (midnight) when there is no label.
 *
 * @throws Error when `start` has no time of day of the form `THH:MM`.
 */
export function startTimeOfDay(start: string | undefined): number {
  if (start === undefined) return 0;
  const match = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(start);
  if (!match) {
    throw new Error(`Invalid clock.start "${start}": write an ISO 8601 date and time such as 2025-11-28T10:00:00-05:00.`);
  }
  const [hours, minutes, seconds] = [match[1], match[2], match[3] ?? '0'].map(Number) as [number, number, number];
  return ((hours * 60 + minutes) * 60 + seconds) * 1_000;
}

/**
 * Returns the simulated time of the first delivery: the first `at` time of day at or after time zero,
 * or one `every` after time zero when the schedule names no time of day.
 */
export function firstDelivery(schedule: BatchSchedule, timeOfDayAtZero: number): number {
  if (schedule.at === undefined) return schedule.every;
  const [hours, minutes] = schedule.at.split(':').map(Number) as [number, number];
  const at = (hours * 60 + minutes) * 60_000;
  return (((at - timeOfDayAtZero) % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The open file, the schedule and the import of one batch link. */
export class BatchTransfer {
  readonly link: Link;
  readonly schedule: BatchSchedule;
  nextDeliveryAt: number;
  lastDeliveredAt: number | null = null;
  filesDelivered = 0;
  recordsDelivered = 0;
  recordsCarriedOver = 0;
  recordsProcessing = 0;
  private file: BatchRecord[] = [];
  private readonly importer: Link;
  private readonly scheduler: Scheduler;
  private readonly executor: CallExecutor;
  private readonly pacer = new ReplayPacer();

  constructor(link: Link, schedule: BatchSchedule, importer: Link, scheduler: Scheduler, executor: CallExecutor, timeOfDayAtZero: number) {
    this.link = link;
    this.schedule = schedule;
    this.importer = importer;
    this.scheduler = scheduler;
    this.executor = executor;
    this.nextDeliveryAt = firstDelivery(schedule, timeOfDayAtZero);
    scheduler.at(this.nextDeliveryAt, this.deliver, DELIVERY_PRIORITY);
  }

  /** Records written to the open file, waiting for the next delivery. */
  get recordsBuffered(): number {
    return this.file.length;
  }

  /** Appends a record to the open file. */
  write(record: BatchRecord): void {
    this.file.push(record);
    this.link.sent++;
  }

  private readonly deliver = (now: number): void => {
    this.nextDeliveryAt = now + this.schedule.every;
    this.scheduler.at(this.nextDeliveryAt, this.deliver, DELIVERY_PRIORITY);
    if (this.link.cut || this.file.length === 0) return;

    const file = this.file;
    this.file = [];
    this.filesDelivered++;
    this.lastDeliveredAt = now;
    this.recordsDelivered += file.length;
    this.recordsProcessing += file.length;
    for (const record of file) {
      const at = this.pacer.reserve(now, this.schedule.recordsPerSecond);
      this.scheduler.at(at, () => this.importRecord(record));
    }
  };

  private importRecord(record: BatchRecord): void {
    this.executor.call(this.importer, record.operation, record.effect, (result) => {
      const now = this.scheduler.now;
      this.recordsProcessing--;
      if (result.ok) {
        record.note?.(now, 'BATCH_DELIVERED', `imported from the ${this.link.id} file after ${now - record.writtenAt} ms`);
        return;
      }
      this.recordsCarriedOver++;
      this.file.push(record);
      record.note?.(now, 'BATCHED', `import failed (${result.failure ?? 'error'}); carried over to the next file`);
    });
  }

  /** Returns the link's file and schedule for the live snapshot. */
  snapshot(): BatchSnapshot {
    return {
      link: this.link.id,
      from: this.link.from,
      to: this.link.to,
      recordsBuffered: this.file.length,
      recordsProcessing: this.recordsProcessing,
      nextDeliveryAt: this.nextDeliveryAt,
      lastDeliveredAt: this.lastDeliveredAt,
      filesDelivered: this.filesDelivered,
      recordsDelivered: this.recordsDelivered,
      recordsCarriedOver: this.recordsCarriedOver,
      recordsPerSecond: this.schedule.recordsPerSecond,
    };
  }
}

/** Scheduler priority of file deliveries, with the other housekeeping after journeys. */
const DELIVERY_PRIORITY = 10;

/**
 * Default schedule of a batch link that sets none: one file a day at midnight, 50 records/s.
 * NOTE: the import rate is a model estimate, not a vendor figure; a scenario should set its own.
 */
export const DEFAULT_BATCH_SCHEDULE: BatchSchedule = { at: '00:00', every: DAY_MS, recordsPerSecond: 50 };

/** The batch transfers of a run, one per link with style `batch`. */
export class BatchTransfers {
  private readonly transfers = new Map<string, BatchTransfer>();

  constructor(links: LinkTable, scheduler: Scheduler, executor: CallExecutor, clockStart: string | undefined) {
    const timeOfDay = startTimeOfDay(clockStart);
    for (const link of links.all()) {
      if (link.style !== 'batch') continue;
      const schedule = link.batch ?? DEFAULT_BATCH_SCHEDULE;
      const importer = links.get('middleware', link.to);
      this.transfers.set(link.id, new BatchTransfer(link, schedule, importer, scheduler, executor, timeOfDay));
    }
  }

  /** Returns the transfer of a batch link; a link of another style is a bug in the caller. */
  get(link: Link): BatchTransfer {
    const transfer = this.transfers.get(link.id);
    if (!transfer) throw new Error(`bug: link ${link.id} has style ${link.style}, not batch`);
    return transfer;
  }

  /** Returns the snapshot of every batch link. */
  snapshots(): BatchSnapshot[] {
    return [...this.transfers.values()].map((transfer) => transfer.snapshot());
  }
}
