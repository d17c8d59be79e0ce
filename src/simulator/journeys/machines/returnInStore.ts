/**
 * Return in store: a customer brings an online order back to a store for a refund.
 *
 * The refund is posted to the ERP before any money is paid out, because only the ERP stores the
 * online order and its payment. If the ERP cannot confirm the refund, the store cannot refund at all.
 * Points earned on the order are reversed afterwards; when that fails, the customer keeps points for
 * goods they returned, which the run counts as `refundedWithoutReversal`.
 */
import { setup } from 'xstate';
import { decision, final, step, type JourneyEventObject, type JourneyRootMeta } from '../conventions.js';

const rootMeta: JourneyRootMeta = { label: 'Return in store', channels: ['pos'] };

/** In-store return of an online order, with reversal of the points it earned. */
export const returnInStoreMachine = setup({
  types: { events: {} as JourneyEventObject },
}).createMachine({
  id: 'returnInStore',
  meta: rootMeta,
  initial: 'processReturn',
  states: {
    processReturn: step(
      { system: 'pos', operation: 'processReturn', mode: 'request', priority: 'standard', label: 'Take the goods back' },
      { OK: 'postRefund', FAILED: 'lost' },
    ),
    postRefund: step(
      { system: 'erp', operation: 'postRefund', mode: 'request', priority: 'standard', label: 'Refund the order' },
      { OK: 'isMember', FAILED: 'lost' },
    ),
    isMember: decision('isMember', 'Loyalty member?', { YES: 'reversePoints', NO: 'completed' }),
    // Degraded: the till records the reversal locally and settles it with loyalty later.
    reversePoints: step(
      {
        system: 'loyalty',
        operation: 'reversePoints',
        mode: 'notify',
        priority: 'standard',
        label: 'Reverse earned points',
        degrade: 'provisionalAccrual',
      },
      { OK: 'completed', DEGRADED: 'completedDegraded', FAILED: 'refundedWithoutReversal' },
    ),
    completed: final('completed', 'Refunded'),
    completedDegraded: final('completedDegraded', 'Refunded, points reversal pending'),
    refundedWithoutReversal: final('refundedWithoutReversal', 'Refunded, points kept'),
    lost: final('lost', 'Left without a refund'),
  },
});
