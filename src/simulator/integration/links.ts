/**
 * Links: how each caller reaches each system, and what the link is doing right now.
 *
 * A scenario declares the links it cares about. Every other pair gets a default: a channel reaches its
 * own system directly (a POS captures its own sales), other systems through the API gateway, and the
 * middleware reaches systems directly.
 */
import type { CallPolicy, Channel, IntegrationStyle, LinkConfig, Scenario, SystemKind } from '../scenario/schema.js';
import { SYSTEM_KINDS } from '../scenario/schema.js';

/** A caller of systems: a sales channel or the integration middleware. */
export type Caller = Channel | 'middleware';

/** Default topic name for event-driven delivery to a system. */
export function defaultTopic(to: SystemKind): string {
  return `${to}.inbound`;
}

/** One link's configuration and live state. */
export class Link {
  readonly id: string;
  readonly from: Caller;
  readonly to: SystemKind;
  readonly style: IntegrationStyle;
  readonly topic: string;
  readonly policy: CallPolicy | null;
  /** File schedule of a link with style `batch`, or null for the default schedule. */
  readonly batch: LinkConfig['batch'] | null;
  /** Relay through the middleware, for a link with style `middleware`, or null for a plain call. */
  readonly orchestration: LinkConfig['orchestration'] | null;
  readonly declared: boolean;
  cut = false;
  /** Calls or messages sent since the run start. */
  sent = 0;
  /** Calls or messages per second over the last closed sample window. */
  rate = 0;
  private sentAtWindowStart = 0;

  constructor(config: LinkConfig, declared: boolean) {
    this.id = linkId(config.from, config.to);
    this.from = config.from;
    this.to = config.to;
    this.style = config.style;
    this.topic = config.topic ?? defaultTopic(config.to);
    this.policy = config.policy ?? null;
    this.batch = config.batch ?? null;
    this.orchestration = config.orchestration ?? null;
    this.declared = declared;
  }

  /** Closes a sample window of `length` ms and computes the link's rate over it. */
  closeWindow(length: number): void {
    this.rate = ((this.sent - this.sentAtWindowStart) * 1_000) / length;
    this.sentAtWindowStart = this.sent;
  }
}

/** Returns the id of the link from `from` to `to`, such as `ecommerce->loyalty`. */
export function linkId(from: Caller, to: SystemKind): string {
  return `${from}->${to}`;
}

/** All links of a scenario, declared and default, by id. */
export class LinkTable {
  private readonly links = new Map<string, Link>();
  /** The same links by caller and system, so the hot path builds no id string. */
  private readonly byCaller = new Map<Caller, Map<SystemKind, Link>>();

  constructor(scenario: Scenario) {
    for (const config of scenario.links) this.links.set(linkId(config.from, config.to), new Link(config, true));

    const callers: Caller[] = ['ecommerce', 'pos', 'middleware'];
    for (const from of callers) {
      for (const to of SYSTEM_KINDS) {
        if (!scenario.systems[to] || this.links.has(linkId(from, to))) continue;
        const style: IntegrationStyle = from === to || from === 'middleware' ? 'direct' : 'gateway';
        this.links.set(linkId(from, to), new Link({ from, to, style }, false));
      }
    }

    for (const link of this.links.values()) {
      const targets = this.byCaller.get(link.from) ?? new Map<SystemKind, Link>();
      targets.set(link.to, link);
      this.byCaller.set(link.from, targets);
    }
  }

  /** Returns the link from `from` to `to`; a missing system is a bug in the caller. */
  get(from: Caller, to: SystemKind): Link {
    const link = this.byCaller.get(from)?.get(to);
    if (!link) throw new Error(`bug: no link from ${from} to ${to}; the scenario declares no ${to} system`);
    return link;
  }

  /** Returns the links the landscape draws: declared ones, and defaults between channels and systems. */
  all(): Link[] {
    return [...this.links.values()];
  }
}
