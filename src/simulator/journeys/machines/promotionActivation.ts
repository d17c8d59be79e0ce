/**
 * Promotion activation: a customer activates a tier promotion on the web shop or at a till.
 *
 * Change from the textbook flow, and why: logging the interaction in the CRM moved to the end as a
 * notification. A failed log line must not cancel a promotion the customer has already been given,
 * so it ends in `completedDegraded` instead of `lost`.
 */
import { setup } from 'xstate';
import { final, step, type JourneyEventObject, type JourneyRootMeta } from '../conventions.js';

const rootMeta: JourneyRootMeta = { label: 'Promotion activation', channels: ['ecommerce', 'pos'] };

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
      { system: 'erp', operation: 'lookupPrice', mode: 'request', priority: 'standard', label: 'Price the offer' },
      { OK: 'upsertCustomer', FAILED: 'lost' },
    ),
    upsertCustomer: step(
      {
        system: 'crm',
        operation: 'upsertCustomer',
        mode: 'request',
        priority: 'standard',
        label: 'Store the promotion on the profile',
      },
      { OK: 'logInteraction', FAILED: 'lost' },
    ),
    logInteraction: step(
      { system: 'crm', operation: 'logInteraction', mode: 'notify', priority: 'standard', label: 'Log the activation' },
      { OK: 'completed', FAILED: 'completedDegraded' },
    ),
    completed: final('completed', 'Promotion active'),
    completedDegraded: final('completedDegraded', 'Promotion active, not logged'),
    lost: final('lost', 'Promotion not activated'),
  },
});
