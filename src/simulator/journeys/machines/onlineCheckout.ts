/**
 * Online checkout: a shopper pays for a cart on the web shop, optionally with loyalty points.
 *
 * Changes from the textbook order, and why:
 * - The cart is priced first, because the points a shopper can redeem depend on the basket total, and
 *   a price failure then stops the checkout before any points are spent.
 * - Guests (the CRM lookup failed) and non-members take their own lane without loyalty calls. The
 *   machine has no context, so the lane is how it remembers that no points are involved.
 * - A failed order placement compensates redeemed points just like a failed reservation.
 * - The inventory reservation is never released by a call: the ERP lets an unconfirmed reservation
 *   expire, and `SYSTEM_OPERATIONS.erp` has no release operation.
 * - After `placeOrder` the order is kept. A failed or degraded notification ends in `completedDegraded`
 *   so the run counts orders whose ERP posting or points are still pending.
 */
import { setup } from 'xstate';
import { decision, final, step, type JourneyEventObject, type JourneyRootMeta } from '../conventions.js';

const rootMeta: JourneyRootMeta = { label: 'Online checkout', channels: ['ecommerce'] };

/** Online checkout with points redemption, accrual for members and a guest lane. */
export const onlineCheckoutMachine = setup({
  types: { events: {} as JourneyEventObject },
}).createMachine({
  id: 'onlineCheckout',
  meta: rootMeta,
  initial: 'lookupPrice',
  states: {
    lookupPrice: step(
      { system: 'erp', operation: 'lookupPrice', mode: 'request', priority: 'critical', label: 'Price the cart' },
      { OK: 'getCustomer', FAILED: 'lost' },
    ),
    // A CRM failure must not cost the sale: the shopper checks out as a guest.
    getCustomer: step(
      { system: 'crm', operation: 'getCustomer', mode: 'request', priority: 'standard', label: 'Identify the shopper' },
      { OK: 'isMember', FAILED: 'guestReserveInventory' },
    ),
    isMember: decision('isMember', 'Loyalty member?', { YES: 'redeemsReward', NO: 'guestReserveInventory' }),
    redeemsReward: decision('redeemsReward', 'Pays with points?', { YES: 'getBalance', NO: 'reserveInventory' }),
    // The shopper has chosen to pay with points. Without a balance or a redemption the checkout page
    // cannot take that payment, and the shopper abandons; so both calls are critical for shedding.
    getBalance: step(
      { system: 'loyalty', operation: 'getBalance', mode: 'request', priority: 'critical', label: 'Show the points balance' },
      { OK: 'redeem', FAILED: 'lost' },
    ),
    redeem: step(
      { system: 'loyalty', operation: 'redeem', mode: 'request', priority: 'critical', label: 'Redeem points' },
      { OK: 'reserveInventory', FAILED: 'lost' },
    ),
    reserveInventory: step(
      { system: 'erp', operation: 'reserveInventory', mode: 'request', priority: 'critical', label: 'Reserve stock' },
      { OK: 'placeOrder', FAILED: 'compensate' },
    ),
    placeOrder: step(
      { system: 'ecommerce', operation: 'placeOrder', mode: 'request', priority: 'critical', label: 'Place the order' },
      { OK: 'postOrder', FAILED: 'compensate' },
    ),
    compensate: decision('hasRedeemed', 'Points redeemed?', { YES: 'reversePoints', NO: 'lost' }),
    // Sent as a notification so an event link can retry it until loyalty accepts it. It is critical
    // because shedding it would leave the shopper without the points.
    reversePoints: step(
      {
        system: 'loyalty',
        operation: 'reversePoints',
        mode: 'notify',
        priority: 'critical',
        label: 'Give back redeemed points',
        compensation: true,
      },
      { OK: 'lost', FAILED: 'lost' },
    ),
    postOrder: step(
      { system: 'erp', operation: 'postOrder', mode: 'notify', priority: 'standard', label: 'Post the order to ERP' },
      { OK: 'accrue', FAILED: 'accrueAfterPostFailed' },
    ),
    accrue: step(
      {
        system: 'loyalty',
        operation: 'accrue',
        mode: 'notify',
        priority: 'standard',
        label: 'Award points',
        degrade: 'provisionalAccrual',
      },
      { OK: 'completed', DEGRADED: 'completedDegraded', FAILED: 'completedDegraded' },
    ),
    // The same call as `accrue`, reached after the ERP posting failed, so every outcome is degraded.
    accrueAfterPostFailed: step(
      {
        system: 'loyalty',
        operation: 'accrue',
        mode: 'notify',
        priority: 'standard',
        label: 'Award points',
        degrade: 'provisionalAccrual',
      },
      { OK: 'completedDegraded', DEGRADED: 'completedDegraded', FAILED: 'completedDegraded' },
    ),
    guestReserveInventory: step(
      { system: 'erp', operation: 'reserveInventory', mode: 'request', priority: 'critical', label: 'Reserve stock' },
      { OK: 'guestPlaceOrder', FAILED: 'lost' },
    ),
    guestPlaceOrder: step(
      { system: 'ecommerce', operation: 'placeOrder', mode: 'request', priority: 'critical', label: 'Place the order' },
      { OK: 'guestPostOrder', FAILED: 'lost' },
    ),
    guestPostOrder: step(
      { system: 'erp', operation: 'postOrder', mode: 'notify', priority: 'standard', label: 'Post the order to ERP' },
      { OK: 'completed', FAILED: 'completedDegraded' },
    ),
    completed: final('completed', 'Order placed'),
    completedDegraded: final('completedDegraded', 'Order placed, follow-up pending'),
    lost: final('lost', 'Checkout abandoned'),
  },
});
