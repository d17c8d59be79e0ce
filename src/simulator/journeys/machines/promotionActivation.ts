/**
 * Promotion activation: a customer activates a tier promotion on the web shop or at a till.
 *
 * Change from the textbook flow, and why: logging the interaction in the CRM moved to the end as a
 * notification. A failed log line must not cancel a promotion the customer has already been given,
 * so it ends in `completedDegraded` instead of `lost`. With CRM unreachable, the profile write and the
 * log line may be queued for replay (`DEGRADED`). The promotion is then active but not yet stored, so
 * that lane ends in `completedDegraded`.
 */
import { setup } from 'xstate';
import { final, step, type JourneyEventObject, type JourneyRootMeta, type StepMeta } from '../conventions.js';

const rootMeta: JourneyRootMeta = { label: 'Promotion activation', channels: ['ecommerce', 'pos'] };

const logActivation: StepMeta = {
  system: 'crm',
  operation: 'logInteraction',
  mode: 'notify',
  priority: 'standard',
  label: 'Log the activation',
  degrade: 'queuedUpdate',
};

/** Activate a tier promotion: check the tier, price the offer and store it on the profile. */
export const promotionActivationMachine = setup({
  types: { events: {} as JourneyEventObject },
}).createMachine({
  id: 'promotionActivation',
  meta: rootMeta,
  initial: 'evaluateTier',
  states: {
    evaluateTier: step(
      { system: 'loyalty', operation: 'evaluateTier', mode: 'request', priority: 'standard', label: 'Check the tier' },
      { OK: 'lookupPrice', FAILED: 'lost' },
    ),
    lookupPrice: step(
      {
        system: 'erp',
        operation: 'lookupPrice',
        mode: 'request',
        priority: 'standard',
        label: 'Price the offer',
        degrade: 'cachedRead',
      },
      { OK: 'upsertCustomer', DEGRADED: 'upsertCustomer', FAILED: 'lost' },
    ),
    upsertCustomer: step(
      {
        system: 'crm',
        operation: 'upsertCustomer',
        mode: 'request',
        priority: 'standard',
        label: 'Store the promotion on the profile',
        degrade: 'queuedUpdate',
      },
      { OK: 'logInteraction', DEGRADED: 'logInteractionAfterQueued', FAILED: 'lost' },
    ),
    logInteraction: step(logActivation, { OK: 'completed', DEGRADED: 'completedDegraded', FAILED: 'completedDegraded' }),
    // The same call as `logInteraction`, reached after the profile write was queued, so every ending is degraded.
    logInteractionAfterQueued: step(logActivation, {
      OK: 'completedDegraded',
      DEGRADED: 'completedDegraded',
      FAILED: 'completedDegraded',
    }),
    completed: final('completed', 'Promotion active'),
    completedDegraded: final('completedDegraded', 'Promotion active, not logged'),
    lost: final('lost', 'Promotion not activated'),
  },
});
