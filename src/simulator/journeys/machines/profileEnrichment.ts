/**
 * Profile enrichment: a background update of a customer profile from channel data. Every call is
 * `low` priority, so a gateway under load sheds these first.
 *
 * Change from the textbook flow, and why: the closing interaction log is a notification whose failure
 * ends in `completedDegraded`, because the profile is already enriched once the upsert succeeded.
 */
import { setup } from 'xstate';
import { final, step, type JourneyEventObject, type JourneyRootMeta } from '../conventions.js';

const rootMeta: JourneyRootMeta = { label: 'Profile enrichment', channels: ['ecommerce', 'pos'] };

/** Read a profile, write the enriched profile back and log the change. */
export const profileEnrichmentMachine = setup({
  types: { events: {} as JourneyEventObject },
}).createMachine({
  id: 'profileEnrichment',
  meta: rootMeta,
  initial: 'getCustomer',
  states: {
    getCustomer: step(
      { system: 'crm', operation: 'getCustomer', mode: 'request', priority: 'low', label: 'Read the profile' },
      { OK: 'upsertCustomer', FAILED: 'lost' },
    ),
    upsertCustomer: step(
      { system: 'crm', operation: 'upsertCustomer', mode: 'request', priority: 'low', label: 'Write the profile' },
      { OK: 'logInteraction', FAILED: 'lost' },
    ),
    logInteraction: step(
      { system: 'crm', operation: 'logInteraction', mode: 'notify', priority: 'low', label: 'Log the change' },
      { OK: 'completed', FAILED: 'completedDegraded' },
    ),
    completed: final('completed', 'Profile enriched'),
    completedDegraded: final('completedDegraded', 'Profile enriched, not logged'),
    lost: final('lost', 'Profile not enriched'),
  },
});
