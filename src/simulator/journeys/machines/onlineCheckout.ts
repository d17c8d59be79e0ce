/**
 * Online checkout: a shopper pays for a cart on the web shop, optionally with loyalty points.
 *
 * Changes from the textbook order, and why:
 * - The cart is priced first, because the points a shopper can redeem depend on the basket total, and
 *   a price failure then stops the checkout before any points are spent.
 * - Guests (the CRM lookup failed) and non-members take their own lane without loyalty calls. The
 *   machine has no context, so the lane is how it remembers that no points are involved.
 * - A failed order placement is compensated in reverse order: the payment is voided (the shop may
 *   have charged before the caller gave up), the stock released, the redeemed points given back.
 * - A failed reservation is released too, because the ERP may have reserved after the caller timed
 *   out. Guests share the compensation states; the points question answers no for them.
 * - Reads may be served from a cache, and a redemption may be deferred, while the system is
 *   unreachable (`DEGRADED`). The order goes on and the run measures the work left to reconcile.
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
      { system: 'erp', operation: 'lookupPrice', mode: 'request', priority: 'critical', label: 'Price the cart', degrade: 'cachedRead' },
      { OK: 'getCustomer', DEGRADED: 'getCustomer', FAILED: 'lost' },
    ),
    // A CRM failure must not cost the sale: the shopper checks out as a guest.
    getCustomer: step(
      {
        system: 'crm',
        operation: 'getCustomer',
        mode: 'request',
        priority: 'standard',
        label: 'Identify the shopper',
        degrade: 'cachedRead',
      },
      { OK: 'isMember', DEGRADED: 'isMember', FAILED: 'guestReserveInventory' },
    ),
    isMember: decision('isMember', 'Loyalty member?', { YES: 'redeemsReward', NO: 'guestReserveInventory' }),
    redeemsReward: decision('redeemsReward', 'Pays with points?', { YES: 'getBalance', NO: 'reserveInventory' }),
    // The shopper has chosen to pay with points. Without a balance or a redemption the checkout page
    // cannot take that payment, and the shopper abandons; so both calls are critical for shedding.
    getBalance: step(
      {
        system: 'loyalty',
        operation: 'getBalance',
        mode: 'request',
        priority: 'critical',
        label: 'Show the points balance',
        degrade: 'deferredRedemption',
      },
      { OK: 'redeem', DEGRADED: 'redeem', FAILED: 'lost' },
    ),
    redeem: step(
      {
        system: 'loyalty',
        operation: 'redeem',
        mode: 'request',
        priority: 'critical',
        label: 'Redeem points',
        degrade: 'deferredRedemption',
      },
      { OK: 'reserveInventory', DEGRADED: 'reserveInventory', FAILED: 'lost' },
    ),
    reserveInventory: step(
      { system: 'erp', operation: 'reserveInventory', mode: 'request', priority: 'critical', label: 'Reserve stock' },
      { OK: 'placeOrder', FAILED: 'releaseInventory' },
    ),
    placeOrder: step(
      { system: 'ecommerce', operation: 'placeOrder', mode: 'request', priority: 'critical', label: 'Place the order' },
      { OK: 'postOrder', FAILED: 'voidPayment' },
    ),
    voidPayment: step(
      {
        system: 'ecommerce',
        operation: 'voidPayment',
        mode: 'request',
        priority: 'critical',
        label: 'Void the payment',
        compensation: true,
      },
      { OK: 'releaseInventory', FAILED: 'releaseInventory' },
    ),
    // A notification, so an event link can retry it; a failed release is retried by the run too.
    releaseInventory: step(
      {
        system: 'erp',
        operation: 'releaseInventory',
        mode: 'notify',
        priority: 'critical',
        label: 'Release the stock',
        compensation: true,
      },
      { OK: 'compensate', FAILED: 'compensate' },
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
      { OK: 'guestPlaceOrder', FAILED: 'releaseInventory' },
    ),
    guestPlaceOrder: step(
      { system: 'ecommerce', operation: 'placeOrder', mode: 'request', priority: 'critical', label: 'Place the order' },
      { OK: 'guestPostOrder', FAILED: 'voidPayment' },
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
