import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import {
  EVENT_INDEX,
  JOURNEY_EVENTS,
  getCompiledJourney,
  journeyMachines,
} from '../../../src/simulator/journeys/index.js';
import { JOURNEY_KINDS } from '../../../src/simulator/scenario/schema.js';

describe('compileJourney', () => {
  it.each(JOURNEY_KINDS)('table matches XState for %s', (kind) => {
    const journey = getCompiledJourney(kind);
    const machine = journeyMachines[kind];
    const [start] = initialTransition(machine);

    for (const state of journey.states) {
      const snapshot = machine.resolveState({ value: state.key, context: start.context });
      for (const type of JOURNEY_EVENTS) {
        const [next] = transition(machine, snapshot, { type });
        const cell = state.next[EVENT_INDEX[type]];
        if (next === snapshot) {
          expect(cell, `${state.key} on ${type}`).toBe(-1);
        } else {
          expect(journey.states[cell!]?.key, `${state.key} on ${type}`).toBe(next.value);
        }
      }
    }
  });

  it.each(JOURNEY_KINDS)('initial state matches XState for %s', (kind) => {
    const journey = getCompiledJourney(kind);
    const [start] = initialTransition(journeyMachines[kind]);

    expect(journey.states[journey.initial]!.key).toBe(start.value);
  });

  it('sizes of every journey table', () => {
    const sizes = Object.fromEntries(
      JOURNEY_KINDS.map((kind) => {
        const journey = getCompiledJourney(kind);
        return [kind, [journey.states.length, journey.edges.length]];
      }),
    );

    expect(sizes).toEqual({
      onlineCheckout: [21, 42],
      inStoreCheckout: [9, 14],
      buyOnlinePickUpInStore: [15, 27],
      returnInStore: [8, 9],
      promotionActivation: [8, 14],
      profileEnrichment: [7, 12],
    });
  });

  it('channels of every journey', () => {
    const channels = Object.fromEntries(JOURNEY_KINDS.map((kind) => [kind, getCompiledJourney(kind).channels]));

    expect(channels).toEqual({
      onlineCheckout: ['ecommerce'],
      inStoreCheckout: ['pos'],
      buyOnlinePickUpInStore: ['ecommerce'],
      returnInStore: ['pos'],
      promotionActivation: ['ecommerce', 'pos'],
      profileEnrichment: ['ecommerce', 'pos'],
    });
    expect(getCompiledJourney('returnInStore').channel).toBe('pos');
  });

  it('caches compiled journeys', () => {
    expect(getCompiledJourney('onlineCheckout')).toBe(getCompiledJourney('onlineCheckout'));
  });

  it('copies step metadata', () => {
    const journey = getCompiledJourney('onlineCheckout');
    const accrue = journey.states[journey.stateIndex.get('accrue')!]!;
    const reverse = journey.states[journey.stateIndex.get('reversePoints')!]!;

    expect(accrue.id).toBe('onlineCheckout.accrue');
    expect(accrue.kind).toBe('step');
    expect(accrue.step).toEqual({
      system: 'loyalty',
      operation: 'accrue',
      mode: 'notify',
      priority: 'standard',
      label: 'Award points',
      degrade: 'provisionalAccrual',
    });
    expect(accrue.decision).toBeNull();
    expect(accrue.outcome).toBeNull();
    expect(reverse.step?.compensation).toBe(true);
  });

  it('copies decision and final metadata', () => {
    const journey = getCompiledJourney('onlineCheckout');
    const compensate = journey.states[journey.stateIndex.get('compensate')!]!;
    const lost = journey.states[journey.stateIndex.get('lost')!]!;

    expect(compensate.kind).toBe('decision');
    expect(compensate.decision).toBe('hasRedeemed');
    expect(compensate.label).toBe('Points redeemed?');
    expect(lost.kind).toBe('final');
    expect(lost.outcome).toBe('lost');
    expect(Array.from(lost.next)).toEqual([-1, -1, -1, -1, -1]);
  });

  it('lists edges in state order', () => {
    const journey = getCompiledJourney('profileEnrichment');
    const edges = journey.edges.map((edge) => `${journey.states[edge.from]!.key} ${edge.event} ${journey.states[edge.to]!.key}`);

    expect(edges).toEqual([
      'getCustomer OK upsertCustomer',
      'getCustomer FAILED lost',
      'getCustomer DEGRADED upsertCustomer',
      'upsertCustomer OK logInteraction',
      'upsertCustomer FAILED lost',
      'upsertCustomer DEGRADED logInteractionAfterQueued',
      'logInteraction OK completed',
      'logInteraction FAILED completedDegraded',
      'logInteraction DEGRADED completedDegraded',
      'logInteractionAfterQueued OK completedDegraded',
      'logInteractionAfterQueued FAILED completedDegraded',
      'logInteractionAfterQueued DEGRADED completedDegraded',
    ]);
  });
});
