/**
 * The six journey machines by kind, and their compiled tables, each compiled once on first use.
 */
import type { AnyStateMachine } from 'xstate';
import type { JourneyKind } from '../scenario/schema.js';
import { compileJourney, type CompiledJourney } from './compile.js';
import { buyOnlinePickUpInStoreMachine } from './machines/buyOnlinePickUpInStore.js';
import { inStoreCheckoutMachine } from './machines/inStoreCheckout.js';
import { onlineCheckoutMachine } from './machines/onlineCheckout.js';
import { profileEnrichmentMachine } from './machines/profileEnrichment.js';
import { promotionActivationMachine } from './machines/promotionActivation.js';
import { returnInStoreMachine } from './machines/returnInStore.js';

/** The machine of each journey kind: the single source of truth the simulator runs and the studio draws. */
export const journeyMachines: Readonly<Record<JourneyKind, AnyStateMachine>> = {
  onlineCheckout: onlineCheckoutMachine,
  inStoreCheckout: inStoreCheckoutMachine,
  buyOnlinePickUpInStore: buyOnlinePickUpInStoreMachine,
  returnInStore: returnInStoreMachine,
  promotionActivation: promotionActivationMachine,
  profileEnrichment: profileEnrichmentMachine,
};

const compiled = new Map<JourneyKind, CompiledJourney>();

/**
 * Returns the compiled table of a journey kind, compiling it on the first call and caching it.
 * @throws JourneyConventionError if the machine breaks a journey convention.
 */
export function getCompiledJourney(kind: JourneyKind): CompiledJourney {
  let journey = compiled.get(kind);
  if (journey === undefined) {
    journey = compileJourney(kind, journeyMachines[kind]);
    compiled.set(kind, journey);
  }
  return journey;
}
