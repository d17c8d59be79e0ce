/**
 * The scenario file format, schema version 1.
 *
 * One zod schema is the single definition: the loader validates with it, TypeScript types are inferred
 * from it, and `schema/scenario.schema.json` is generated from it for editors. Durations are written as
 * `250ms`, `30s`, `5m`, `1h30m` or a number of milliseconds, and are parsed to milliseconds.
 */
import { z } from 'zod';
import { parseDuration } from './duration.js';

/** The newest scenario schema version this build reads. */
export const SCHEMA_VERSION = 1;

/** The five simulated system kinds; each scenario has at most one system of each kind. */
export const SYSTEM_KINDS = ['erp', 'crm', 'loyalty', 'pos', 'ecommerce'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

/** Operations each system kind offers, as named in journeys, links and faults. */
export const SYSTEM_OPERATIONS = {
  erp: ['reserveInventory', 'lookupPrice', 'postOrder', 'postRefund', 'releaseInventory'],
  crm: ['getCustomer', 'upsertCustomer', 'logInteraction'],
  loyalty: ['getBalance', 'accrue', 'redeem', 'reversePoints', 'evaluateTier'],
  pos: ['captureSale', 'processReturn'],
  ecommerce: ['placeOrder', 'voidPayment'],
} as const satisfies Record<SystemKind, readonly string[]>;
export type OperationName = (typeof SYSTEM_OPERATIONS)[SystemKind][number];

/** Customer journey kinds, each modelled by one XState machine. */
export const JOURNEY_KINDS = [
  'onlineCheckout',
  'inStoreCheckout',
  'buyOnlinePickUpInStore',
  'returnInStore',
  'promotionActivation',
  'profileEnrichment',
] as const;
export type JourneyKind = (typeof JOURNEY_KINDS)[number];

/** Sales channels where journeys start. */
export const CHANNELS = ['ecommerce', 'pos'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Integration style by which a caller reaches a system. */
export const INTEGRATION_STYLES = ['direct', 'gateway', 'middleware', 'events', 'batch'] as const;
export type IntegrationStyle = (typeof INTEGRATION_STYLES)[number];

/** A duration in milliseconds, written as a number or a string such as `1h30m`. */
export const durationSchema = z
  .union([z.number().nonnegative(), z.string()])
  .transform((value, ctx) => {
    const parsed = parseDuration(value);
    if (parsed.ok) return parsed.ms;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  })
  .meta({ description: 'Milliseconds, or a string such as 250ms, 30s, 5m, 1h30m' });

const probability = z.number().min(0).max(1);
const positiveInt = z.number().int().positive();

/** A published figure the scenario is calibrated on. */
export const sourceSchema = z.strictObject({
  figure: z.string().min(1).meta({ description: 'The published figure as used, with its date' }),
  url: z.url().meta({ description: 'Where the figure is published' }),
  usedFor: z.string().optional().meta({ description: 'Which parameter of this scenario it sets' }),
});

/** Service time of one operation, log-normal through the given p50 and p99. */
export const latencySchema = z.strictObject({
  p50: durationSchema,
  p99: durationSchema,
});

export const systemSchema = z.strictObject({
  name: z.string().optional().meta({ description: 'Display name, such as "NetSuite ERP"' }),
  preset: z.string().optional().meta({ description: 'Vendor limit preset id, such as netsuite-concurrency' }),
  presetParams: z.record(z.string(), z.number()).optional(),
  concurrency: positiveInt.default(32).meta({ description: 'Requests served at once; the rest queue' }),
  queueLimit: z.number().int().nonnegative().default(10_000),
  errorRate: probability.default(0.001).meta({ description: 'Baseline share of calls that fail' }),
  latency: z.record(z.string(), latencySchema).default({}),
});

export const retrySchema = z.strictObject({
  maxAttempts: positiveInt.default(3),
  baseDelay: durationSchema.default(100),
  maxDelay: durationSchema.default(5_000),
  multiplier: z.number().min(1).default(2),
  jitter: z.enum(['none', 'full', 'equal']).default('full'),
});

export const circuitBreakerSchema = z.strictObject({
  window: z.enum(['count', 'time']).default('count'),
  windowSize: positiveInt.default(50).meta({ description: 'Calls (count window) or seconds (time window)' }),
  minimumCalls: positiveInt.default(20),
  failureRateThreshold: z.number().gt(0).max(100).default(50).meta({ description: 'Percent' }),
  slowCallDuration: durationSchema.default(2_000),
  slowCallRateThreshold: z.number().gt(0).max(100).default(100).meta({ description: 'Percent' }),
  openFor: durationSchema.default(30_000),
  halfOpenCalls: positiveInt.default(5),
});

export const rateLimitSchema = z.strictObject({
  algorithm: z.enum(['tokenBucket', 'leakyBucket', 'slidingWindow']).default('tokenBucket'),
  limit: z.number().positive().meta({ description: 'Tokens (bucket size) or requests per window' }),
  per: durationSchema
    .refine((ms) => ms > 0, { message: 'is too short', params: { fix: 'write a period longer than 0, such as 1s or 1m' } })
    .default(1_000)
    .meta({ description: 'Refill period or window length, longer than 0' }),
  burst: positiveInt.optional(),
});

/** A retry budget in the manner of Finagle's RetryBudget: a reserve plus a share of recent requests. */
export const retryBudgetSchema = z.strictObject({
  ttl: durationSchema.default(10_000).meta({ description: 'How long a request counts towards the budget' }),
  minRetriesPerSecond: z.number().nonnegative().default(10).meta({ description: 'Retries per second always allowed' }),
  percentCanRetry: z.number().min(0).max(1000).default(20).meta({ description: 'Percent of recent requests that may be retried' }),
});

/** A caller-side limit on concurrent calls over a link or to a target system. */
export const bulkheadSchema = z.strictObject({
  maxConcurrent: positiveInt.meta({ description: 'Attempts in flight at once from this caller' }),
  queue: z.number().int().nonnegative().default(0).meta({ description: 'Attempts that may wait for a slot; more are rejected at once' }),
  scope: z.enum(['link', 'system']).default('link').meta({ description: 'One bulkhead per link, or one per target system for all callers' }),
});

/** Hedged requests for idempotent reads: a second request after `delay`, and the first response wins. */
export const hedgeSchema = z.strictObject({
  delay: durationSchema.meta({ description: 'Wait for a response before sending the hedge' }),
  operations: z.array(z.enum(Object.values(SYSTEM_OPERATIONS).flat())).default(['getBalance', 'getCustomer', 'lookupPrice']).meta({
    description: 'Idempotent operations that may be hedged',
  }),
});

/** Resilience policies applied to a call. Every field is optional; a link overrides the defaults. */
export const callPolicySchema = z.strictObject({
  timeout: durationSchema.optional(),
  retry: retrySchema.optional(),
  circuitBreaker: circuitBreakerSchema.optional(),
  retryBudget: retryBudgetSchema.optional(),
  bulkhead: bulkheadSchema.optional(),
  hedge: hedgeSchema.optional(),
});

/** One consumer of the API gateway: a sales channel or the middleware. */
export const gatewayConsumerSchema = z.strictObject({
  authFailureRate: probability.default(0).meta({ description: 'Share of requests sent with bad credentials (401, not retried)' }),
  rateLimit: rateLimitSchema.optional().meta({ description: 'Overrides gatewayRateLimit for this consumer' }),
  dailyQuota: positiveInt.optional().meta({ description: 'Requests per day; the day starts at the scenario clock start' }),
});

/** API versions of one gateway route (the backend system) and the version each consumer calls. */
export const apiRouteSchema = z.strictObject({
  versions: z.record(z.string(), z.enum(['active', 'deprecated', 'retired'])).meta({
    description: 'Status of each version: deprecated works and is counted, retired returns 410 Gone',
  }),
  consumers: z.partialRecord(z.enum([...CHANNELS, 'middleware']), z.string()).default({}).meta({
    description: 'Version each consumer calls; a consumer left out calls the last active version listed',
  }),
});

/** Gateway load shedding: in-flight requests to one backend at which each priority is shed with 503. */
export const loadSheddingSchema = z.strictObject({
  low: positiveInt.meta({ description: 'In-flight requests at which low-priority requests are shed' }),
  standard: positiveInt.optional().meta({ description: 'Omitted: standard requests are never shed' }),
  critical: positiveInt.optional().meta({ description: 'Omitted: critical requests are never shed' }),
});

/** Governance at the API gateway, for links with style `gateway`. */
export const gatewaySchema = z.strictObject({
  consumers: z.partialRecord(z.enum([...CHANNELS, 'middleware']), gatewayConsumerSchema).default({}),
  dailyQuota: positiveInt.optional().meta({ description: 'Requests per consumer per day, unless the consumer sets its own' }),
  loadShedding: loadSheddingSchema.optional(),
  routes: z.partialRecord(z.enum(SYSTEM_KINDS), apiRouteSchema).default({}),
});

/** Degraded modes: what the channels do while loyalty or CRM is unreachable, and how they catch up. */
export const degradedModesSchema = z.strictObject({
  redemption: z.enum(['off', 'deferred', 'cachedBalance']).default('off').meta({
    description:
      'Loyalty unreachable: deferred queues the redemption and applies it later (refunded if the balance no longer covers it); cachedBalance redeems up to a fresh cached balance',
  }),
  balanceStaleness: durationSchema.default(300_000).meta({ description: 'Age up to which a cached balance may back a redemption' }),
  queueCustomerUpdates: z.boolean().default(false).meta({
    description: 'CRM unreachable: queue upsertCustomer and logInteraction and replay them in order when CRM is back',
  }),
  readCache: z
    .strictObject({
      staleness: durationSchema.default(120_000).meta({ description: 'Age up to which a cached response is served' }),
      operations: z.array(z.enum(['getCustomer', 'getBalance', 'lookupPrice'])).default(['getCustomer', 'getBalance', 'lookupPrice']),
    })
    .optional()
    .meta({ description: 'Serve failed reads from a cache filled by earlier successful reads' }),
  replayEvery: durationSchema.default(30_000).meta({ description: 'How often queued redemptions, updates and compensations are replayed' }),
});

export const policySetSchema = z.strictObject({
  description: z.string().optional(),
  calls: callPolicySchema.default({}),
  gatewayRateLimit: rateLimitSchema.optional(),
  gateway: gatewaySchema.optional(),
  nestedMiddlewareCalls: z.boolean().default(false).meta({
    description: 'A middleware-style link calls the system over the middleware link, with its own retries',
  }),
  deadLetter: z
    .strictObject({
      maxAttempts: positiveInt.default(5),
      poisonQueue: z.boolean().default(true).meta({
        description: 'Set a malformed message aside after its first failed attempt instead of retrying it',
      }),
    })
    .optional(),
  replay: z
    .strictObject({
      every: durationSchema.meta({ description: 'Time between scheduled replays of the dead-letter queue' }),
      ratePerSecond: z.number().positive().meta({ description: 'Replayed messages re-entering their topics per second at most' }),
      limit: positiveInt.optional().meta({ description: 'Messages taken per replay at most; omitted: all waiting' }),
    })
    .optional(),
  idempotency: z.strictObject({ retention: durationSchema.default(86_400_000) }).optional(),
  provisionalAccrual: z.boolean().default(false).meta({
    description: 'Record points locally while loyalty is unreachable and settle them when it returns',
  }),
  settlementInterval: durationSchema.default(60_000),
  settlementBatch: positiveInt.default(1_000).meta({ description: 'Provisional accruals settled per interval at most' }),
  degraded: degradedModesSchema.optional(),
});

export const linkSchema = z.strictObject({
  from: z.enum([...CHANNELS, 'middleware']),
  to: z.enum(SYSTEM_KINDS),
  style: z.enum(INTEGRATION_STYLES).default('gateway'),
  topic: z.string().optional().meta({ description: 'Event topic, for style: events' }),
  batch: z
    .strictObject({
      at: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a time of day as HH:MM, such as 02:00')
        .optional()
        .meta({ description: 'Local time of day of the first delivery, HH:MM in the clock.start offset; omitted: one `every` after the start' }),
      every: durationSchema.default(86_400_000).meta({ description: 'Time between file deliveries' }),
      recordsPerSecond: z.number().positive().default(50).meta({ description: 'Records the receiving system imports per second' }),
    })
    .optional()
    .meta({ description: 'File schedule, for style: batch; omitted: a daily file at 00:00, 50 records per second' }),
  orchestration: z
    .strictObject({
      hop: durationSchema.default(20).meta({ description: 'Latency the middleware adds each way; the 20 ms default is an estimate' }),
    })
    .optional()
    .meta({
      description:
        'For style: middleware. The middleware relays the call and calls the system with the policies of its own link; omitted: a plain call',
    }),
  policy: callPolicySchema.optional(),
});

export const backboneSchema = z.strictObject({
  partitions: positiveInt.default(12),
  consumerConcurrency: positiveInt.default(4),
  publishLatency: latencySchema.default({ p50: 5, p99: 40 }),
  duplicateRate: probability.default(0),
  poisonRate: probability.optional().meta({
    description: 'Share of published messages that are malformed and fail on every delivery attempt; omitted: none',
  }),
});

/**
 * Journeys per second. The ceiling keeps a run within reach of one machine: the simulator handles
 * about a million events a second, some ten per journey.
 */
const journeyRate = z.number().nonnegative().max(100_000);

/** Arrival-rate profile over the run, in journeys per second. */
export const profileSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('constant'), rate: journeyRate }),
  z.strictObject({
    kind: z.literal('ramp'),
    from: journeyRate,
    to: journeyRate,
    over: durationSchema,
  }),
  z.strictObject({
    kind: z.literal('spike'),
    base: journeyRate,
    peak: journeyRate,
    at: durationSchema,
    rise: durationSchema,
    hold: durationSchema,
    fall: durationSchema,
  }),
  z.strictObject({
    kind: z.literal('daily'),
    hourly: z.array(z.number().nonnegative()).length(24).meta({
      description: 'Relative weight of each hour of the day, starting at the scenario clock start',
    }),
    peakRate: journeyRate,
  }),
  z.strictObject({
    kind: z.literal('blackFriday'),
    peakRate: journeyRate.meta({ description: 'Journeys per second at the peak minute' }),
    peakAt: durationSchema.meta({ description: 'Offset of the peak minute from the run start' }),
    peakToAverage: z.number().min(1).meta({ description: 'Peak rate over the day average' }),
    width: durationSchema.default(3_600_000).meta({ description: 'Width of the peak, one standard deviation' }),
  }),
]);

export const loadSchema = z.strictObject({
  profile: profileSchema,
  channels: z.partialRecord(z.enum(CHANNELS), z.number().nonnegative()).meta({
    description: 'Share of journeys starting in each channel',
  }),
  mix: z.partialRecord(z.enum(JOURNEY_KINDS), z.number().nonnegative()).meta({
    description: 'Relative weight of each journey kind; a kind left out has weight 0',
  }),
  factor: z.number().nonnegative().max(1_000).default(1),
});

export const populationSchema = z.strictObject({
  customers: positiveInt.max(5_000_000).default(10_000).meta({ description: 'Customers, at most 5 million' }),
  products: positiveInt.default(1_000),
  stores: positiveInt.default(50),
  loyaltyMemberShare: probability.default(0.6),
  redemptionShare: probability.default(0.1).meta({ description: 'Share of member checkouts that redeem points' }),
  averageBasket: z.number().positive().default(100).meta({ description: 'Mean order value in currency units' }),
  pointsPerUnit: z.number().nonnegative().default(1),
});

const faultBase = {
  at: durationSchema,
  duration: durationSchema.optional().meta({ description: 'Omitted: until the end of the run' }),
  note: z.string().optional(),
};

export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('outage'),
    system: z.enum(SYSTEM_KINDS),
    mode: z.enum(['unavailable', 'unresponsive']).default('unavailable'),
    ...faultBase,
  }),
  z.strictObject({
    kind: z.literal('latency'),
    system: z.enum(SYSTEM_KINDS),
    factor: z.number().min(1),
    ...faultBase,
  }),
  z.strictObject({ kind: z.literal('errorRate'), system: z.enum(SYSTEM_KINDS), rate: probability, ...faultBase }),
  z.strictObject({
    kind: z.literal('limitCut'),
    system: z.enum(SYSTEM_KINDS),
    factor: z.number().gt(0).max(1),
    ...faultBase,
  }),
  z.strictObject({
    kind: z.literal('partition'),
    from: z.enum([...CHANNELS, 'middleware']),
    to: z.enum(SYSTEM_KINDS),
    ...faultBase,
  }),
  z.strictObject({
    kind: z.literal('duplicateDelivery'),
    topic: z.string().optional(),
    rate: probability,
    ...faultBase,
  }),
  z.strictObject({
    kind: z.literal('outOfOrderDelivery'),
    topic: z.string().optional(),
    rate: probability,
    ...faultBase,
  }),
  z.strictObject({
    kind: z.literal('poisonMessages'),
    topic: z.string().optional(),
    rate: probability,
    ...faultBase,
  }),
]);

/** Systems of record: the owner of each kind of record, the rule for conflicting writes, and duplicate identities. */
export const recordsSchema = z.strictObject({
  customers: z.enum(SYSTEM_KINDS).default('crm'),
  orders: z.enum(SYSTEM_KINDS).default('erp'),
  prices: z.enum(SYSTEM_KINDS).default('erp'),
  ledger: z.enum(SYSTEM_KINDS).default('loyalty'),
  conflictWindow: durationSchema.default(5_000).meta({
    description: 'Two channels writing the same customer within this window conflict',
  }),
  conflictRule: z.enum(['lastWriterWins', 'ownerWins']).default('lastWriterWins').meta({
    description: 'lastWriterWins keeps the later write; ownerWins keeps the record in the owning system and rejects the later write',
  }),
  duplicateShare: probability.default(0).meta({
    description: 'Share of failed or slow customer lookups at a checkout where the channel creates a new customer record',
  }),
  slowLookup: durationSchema.default(3_000).meta({ description: 'A customer lookup slower than this counts as slow' }),
  mergeEvery: durationSchema.default(300_000).meta({ description: 'How often a merge job folds duplicate customers into the owner' }),
  mergeBatch: positiveInt.default(100).meta({ description: 'Duplicates merged per run of the merge job at most' }),
  priceFromCopy: z.boolean().default(false).meta({
    description: 'When a price lookup at the price owner fails, the channel prices from its own copy, last refreshed by its last successful lookup',
  }),
  priceStaleness: durationSchema.default(900_000).meta({
    description: 'A channel copy of prices older than this may disagree with the owner: a price taken from it counts as a conflicting price',
  }),
});

export const scenarioSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: z.string().min(1),
  description: z.string().optional(),
  sources: z.array(sourceSchema).default([]),
  seed: z.number().int().nonnegative().default(1),
  clock: z.strictObject({
    start: z.string().optional().meta({ description: 'Wall-clock label of simulated time zero, ISO 8601' }),
    duration: durationSchema,
    sampleEvery: durationSchema.default(10_000),
  }),
  systems: z.partialRecord(z.enum(SYSTEM_KINDS), systemSchema),
  links: z.array(linkSchema).default([]),
  backbone: backboneSchema.default({
    partitions: 12,
    consumerConcurrency: 4,
    publishLatency: { p50: 5, p99: 40 },
    duplicateRate: 0,
  }),
  policies: z.record(z.string(), policySetSchema).default({}),
  activePolicy: z.string().optional(),
  load: loadSchema,
  population: populationSchema.default({
    customers: 10_000,
    products: 1_000,
    stores: 50,
    loyaltyMemberShare: 0.6,
    redemptionShare: 0.1,
    averageBasket: 100,
    pointsPerUnit: 1,
  }),
  faults: z.array(faultSchema).default([]),
  records: recordsSchema.optional(),
});

/** A scenario after validation: durations in milliseconds, defaults filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type SystemConfig = z.output<typeof systemSchema>;
export type PolicySet = z.output<typeof policySetSchema>;
export type CallPolicy = z.output<typeof callPolicySchema>;
export type RetryPolicy = z.output<typeof retrySchema>;
export type CircuitBreakerConfig = z.output<typeof circuitBreakerSchema>;
export type RateLimitConfig = z.output<typeof rateLimitSchema>;
export type RetryBudgetConfig = z.output<typeof retryBudgetSchema>;
export type BulkheadConfig = z.output<typeof bulkheadSchema>;
export type HedgeConfig = z.output<typeof hedgeSchema>;
export type GatewayConfig = z.output<typeof gatewaySchema>;
export type GatewayConsumerConfig = z.output<typeof gatewayConsumerSchema>;
export type LoadSheddingConfig = z.output<typeof loadSheddingSchema>;
export type ApiRouteConfig = z.output<typeof apiRouteSchema>;
export type LinkConfig = z.output<typeof linkSchema>;
export type DegradedModesConfig = z.output<typeof degradedModesSchema>;
export type RecordsConfig = z.output<typeof recordsSchema>;
export type Fault = z.output<typeof faultSchema>;
export type LoadProfile = z.output<typeof profileSchema>;
export type LoadConfig = z.output<typeof loadSchema>;
export type PopulationConfig = z.output<typeof populationSchema>;
export type BackboneConfig = z.output<typeof backboneSchema>;
