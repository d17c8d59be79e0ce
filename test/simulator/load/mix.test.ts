import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../src/simulator/engine/random.js';
import { JourneyMix } from '../../../src/simulator/load/mix.js';
import type { JourneyKind, LoadConfig } from '../../../src/simulator/scenario/schema.js';

const LOAD: LoadConfig = {
  profile: { kind: 'constant', rate: 1 },
  channels: { ecommerce: 3, pos: 1 },
  mix: { onlineCheckout: 4, inStoreCheckout: 3, buyOnlinePickUpInStore: 1, returnInStore: 0, promotionActivation: 1, profileEnrichment: 1 },
  factor: 1,
};
const PICKS = 100_000;

function tally(load: LoadConfig, seed: number): { kinds: Map<JourneyKind, number>; channels: Map<string, number> } {
  const mix = new JourneyMix(load);
  const stream = new RandomStreams(seed).stream('mix');
  const kinds = new Map<JourneyKind, number>();
  const channels = new Map<string, number>();
  for (let i = 0; i < PICKS; i++) {
    const pick = mix.pick(stream);
    kinds.set(pick.kind, (kinds.get(pick.kind) ?? 0) + 1);
    const key = `${pick.kind}:${pick.channel}`;
    channels.set(key, (channels.get(key) ?? 0) + 1);
  }
  return { kinds, channels };
}

describe('JourneyMix shares', () => {
  it('kind shares follow weights', () => {
    const { kinds } = tally(LOAD, 5);
    // toBeCloseTo(share, 2) allows 0.005, which is over three standard deviations of any share here
    // (at most sqrt(0.4 * 0.6 / 100,000) = 0.0016).
    expect((kinds.get('onlineCheckout') ?? 0) / PICKS).toBeCloseTo(0.4, 2);
    expect((kinds.get('inStoreCheckout') ?? 0) / PICKS).toBeCloseTo(0.3, 2);
    expect((kinds.get('buyOnlinePickUpInStore') ?? 0) / PICKS).toBeCloseTo(0.1, 2);
    expect((kinds.get('promotionActivation') ?? 0) / PICKS).toBeCloseTo(0.1, 2);
    expect(kinds.get('returnInStore')).toBeUndefined();
  });

  it('natural channels fixed', () => {
    const { channels } = tally(LOAD, 5);
    expect(channels.get('onlineCheckout:pos')).toBeUndefined();
    expect(channels.get('buyOnlinePickUpInStore:pos')).toBeUndefined();
    expect(channels.get('inStoreCheckout:ecommerce')).toBeUndefined();
  });

  it('shared kinds follow channel shares', () => {
    const { kinds, channels } = tally(LOAD, 5);
    const share = (channels.get('profileEnrichment:ecommerce') ?? 0) / (kinds.get('profileEnrichment') ?? 1);
    expect(share).toBeCloseTo(0.75, 1);
  });

  it('zero weights rejected as bug', () => {
    const load = { ...LOAD, mix: { ...LOAD.mix, onlineCheckout: 0, inStoreCheckout: 0, buyOnlinePickUpInStore: 0, promotionActivation: 0, profileEnrichment: 0 } };
    expect(() => new JourneyMix(load).pick(new RandomStreams(1).stream('mix'))).toThrow(/every journey weight in load.mix is 0/);
  });
});
