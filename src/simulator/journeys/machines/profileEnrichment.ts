/**
 * Profile enrichment: a background update of a customer profile from channel data. Every call is
 * `low` priority, so a gateway under load sheds these first.
 *
 * Change from the textbook flow, and why: the closing interaction log is a notification whose failure
 * ends in `completedDegraded`, because the profile is already enriched once the upsert succeeded.
 * With CRM unreachable the read may come from a cache and the writes may be queued for replay
 * (`DEGRADED`). A queued profile write ends in `completedDegraded`.
 */
import { setup } from 'xstate';
import { final, step, type JourneyEventObject, type JourneyRootMeta, type StepMeta } from '../conventions.js';

const rootMeta: JourneyRootMeta = { label: 'Profile enrichment', channels: ['ecommerce', 'pos'] };

const logChange: StepMeta = {
  system: 'crm',
  operation: 'logInteraction',
  mode: 'notify',
  priority: 'low',
  label: 'Log the change',
  degrade: 'queuedUpdate',
};

/** Read a profile, write the enriched profile back and log the change. */
export const profileEnrichmentMachine = setup({
  types: { events: {} as JourneyEventObject },
}).createMachine({
  id: 'profileEnrichment',
  meta: rootMeta,
  initial: 'getCustomer',
  states: {
    getCustomer: step(
      { system: 'crm', operation: 'getCustomer', mode: 'request', priority: 'low', label: 'Read the profile', degrade: 'cachedRead' },
      { OK: 'upsertCustomer', DEGRADED: 'upsertCustomer', FAILED: 'lost' },
    ),
    upsertCustomer: step(
      {
        system: 'crm',
        operation: 'upsertCustomer',
        mode: 'request',
        priority: 'low',
        label: 'Write the profile',
        degrade: 'queuedUpdate',
      },
      { OK: 'logInteraction', DEGRADED: 'logInteractionAfterQueued', FAILED: 'lost' },
    ),
    logInteraction: step(logChange, { OK: 'completed', DEGRADED: 'completedDegraded', FAILED: 'completedDegraded' }),
    // The same call as `logInteraction`, reached after the profile write was queued.
    logInteractionAfterQueued: step(logChange, {
      OK: 'completedDegraded',
      DEGRADED: 'completedDegraded',
      FAILED: 'completedDegraded',
    }),
    completed: final('completed', 'Profile enriched'),
    completedDegraded: final('completedDegraded', 'Profile enriched, not logged'),
    lost: final('lost', 'Profile not enriched'),
  },
});
