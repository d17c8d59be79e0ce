/**
 * The journey mix: the kind of each arriving journey and the channel it starts in.
 */
import type { RandomStream } from '../engine/random.js';
import { CHANNELS, JOURNEY_KINDS } from '../scenario/schema.js';
import type { Channel, JourneyKind, LoadConfig } from '../scenario/schema.js';

/**
 * The channel each journey kind starts in; null means the kind takes a channel by `load.channels`.
 *
 * Online orders, pick-up-in-store orders included, start in the web shop; checkouts and returns at the
 * till start at the point of sale. Promotions and profile updates happen in either.
 */
export const NATURAL_CHANNEL: Record<JourneyKind, Channel | null> = {
  onlineCheckout: 'ecommerce',
  buyOnlinePickUpInStore: 'ecommerce',
  inStoreCheckout: 'pos',
  returnInStore: 'pos',
  promotionActivation: null,
  profileEnrichment: null,
};

/** A journey kind with the channel it starts in. */
export interface JourneyPick {
  kind: JourneyKind;
  channel: Channel;
}

/**
 * Picks journey kinds by the weights of `load.mix` and channels by `load.channels`; a kind or channel
 * left out has weight 0.
 *
 * Each pick draws one number for the kind, and a second only for kinds without a natural channel.
 */
export class JourneyMix {
  private readonly kindWeights: number[];
  private readonly kindTotal: number;
  private readonly channelWeights: number[];
  private readonly channelTotal: number;

  constructor(load: LoadConfig) {
    this.kindWeights = JOURNEY_KINDS.map((kind) => load.mix[kind] ?? 0);
    this.kindTotal = this.kindWeights.reduce((sum, w) => sum + w, 0);
    this.channelWeights = CHANNELS.map((channel) => load.channels[channel] ?? 0);
    this.channelTotal = this.channelWeights.reduce((sum, w) => sum + w, 0);
  }

  /**
   * Returns the next journey kind and channel.
   *
   * Throws when every weight is 0, which the scenario loader rejects, so it signals a bug in the caller.
   */
  pick(stream: RandomStream): JourneyPick {
    if (!(this.kindTotal > 0)) throw new Error('JourneyMix.pick: every journey weight in load.mix is 0; the scenario loader should have rejected it');
    const kind = JOURNEY_KINDS[stream.weightedIndex(this.kindWeights, this.kindTotal)] as JourneyKind;

    const natural = NATURAL_CHANNEL[kind];
    if (natural !== null) return { kind, channel: natural };

    // With both channel shares at 0 (rejected by the loader too), fall back to the web shop.
    if (!(this.channelTotal > 0)) return { kind, channel: 'ecommerce' };
    const channel = CHANNELS[stream.weightedIndex(this.channelWeights, this.channelTotal)] as Channel;
    return { kind, channel };
  }
}
