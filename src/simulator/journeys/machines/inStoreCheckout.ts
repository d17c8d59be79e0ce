/**
 * In-store checkout: a cashier rings up a basket at the till.
 *
 * Change from the textbook flow, and why: a failed ERP price lookup does not stop the sale, because
 * store tills keep a local price file for exactly that case. The price may be stale, but the sale
 * goes through, so that step is `standard` rather than `critical`. A price served from the till's
 * cache of recent lookups is a `DEGRADED` result that goes the same way.
 */
import { setup } from 'xstate';
import { decision, final, step, type JourneyEventObject, type JourneyRootMeta } from '../conventions.js';

const rootMeta: JourneyRootMeta = { label: 'In-store checkout', channels: ['pos'] };

/** In-store checkout with points accrual for members. */
export const inStoreCheckoutMachine = setup({
  types: { events: {} as JourneyEventObject },
}).createMachine({
  id: 'inStoreCheckout',
  meta: rootMeta,
  initial: 'lookupPrice',
  states: {
    lookupPrice: step(
      {
        system: 'erp',
        operation: 'lookupPrice',
        mode: 'request',
        priority: 'standard',
        label: 'Price the basket',
        degrade: 'cachedRead',
      },
      { OK: 'captureSale', DEGRADED: 'captureSale', FAILED: 'captureSale' },
    ),
    captureSale: step(
      { system: 'pos', operation: 'captureSale', mode: 'request', priority: 'critical', label: 'Take payment' },
      { OK: 'isMember', FAILED: 'lost' },
    ),
    isMember: decision('isMember', 'Loyalty card scanned?', { YES: 'accrue', NO: 'postOrder' }),
    accrue: step(
      {
        system: 'loyalty',
        operation: 'accrue',
        mode: 'notify',
        priority: 'standard',
        label: 'Award points',
        degrade: 'provisionalAccrual',
      },
      { OK: 'postOrder', DEGRADED: 'postOrderAfterDegraded', FAILED: 'postOrderAfterDegraded' },
    ),
    postOrder: step(
      { system: 'erp', operation: 'postOrder', mode: 'notify', priority: 'standard', label: 'Post the sale to ERP' },
      { OK: 'completed', FAILED: 'completedDegraded' },
    ),
    // The same call as `postOrder`, reached after accrual degraded or failed, so the sale ends degraded.
    postOrderAfterDegraded: step(
      { system: 'erp', operation: 'postOrder', mode: 'notify', priority: 'standard', label: 'Post the sale to ERP' },
      { OK: 'completedDegraded', FAILED: 'completedDegraded' },
    ),
    completed: final('completed', 'Sale completed'),
    completedDegraded: final('completedDegraded', 'Sale completed, follow-up pending'),
    lost: final('lost', 'Sale lost at the till'),
  },
});
