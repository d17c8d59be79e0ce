/**
 * Buy online, pick up in store: the shopper orders on the web shop against one store's stock and
 * collects the goods at that store's till.
 *
 * Changes from the textbook flow, and why:
 * - A failed CRM lookup does not stop the order: the shopper checks out as a guest, and membership is
 *   decided at pickup, where the loyalty card is scanned at the till.
 * - A failed capture at pickup ends in `completedDegraded`, not `lost`: staff hand over the goods
 *   against the order confirmation and key the sale in later, as stores do when a till is down.
 * - A failed reservation or order placement is compensated: the payment voided (the shop may have
 *   charged before the caller gave up), then the stock released, as the online checkout does.
 * - The customer lookup may be served from a cache while CRM is unreachable (`DEGRADED`).
 * - After the ERP posting fails, the pickup runs in a second lane whose every ending is degraded,
 *   because the machine has no context to remember the failure in.
 */
import { setup } from 'xstate';
import {
  decision,
  final,
  step,
  type JourneyEventObject,
  type JourneyRootMeta,
  type StepMeta,
} from '../conventions.js';

const rootMeta: JourneyRootMeta = { label: 'Buy online, pick up in store', channels: ['ecommerce'] };

const captureAtPickup: StepMeta = {
  system: 'pos',
  operation: 'captureSale',
  mode: 'request',
  priority: 'critical',
  label: 'Hand over at pickup',
};

const accrueAtPickup: StepMeta = {
  system: 'loyalty',
  operation: 'accrue',
  mode: 'notify',
  priority: 'standard',
  label: 'Award points',
  degrade: 'provisionalAccrual',
};

/** Order online against store stock, then capture and accrue points at pickup. */
export const buyOnlinePickUpInStoreMachine = setup({
  types: { events: {} as JourneyEventObject },
}).createMachine({
  id: 'buyOnlinePickUpInStore',
  meta: rootMeta,
  initial: 'getCustomer',
  states: {
    getCustomer: step(
      {
        system: 'crm',
        operation: 'getCustomer',
        mode: 'request',
        priority: 'standard',
        label: 'Identify the shopper',
        degrade: 'cachedRead',
      },
      { OK: 'reserveInventory', DEGRADED: 'reserveInventory', FAILED: 'reserveInventory' },
    ),
    reserveInventory: step(
      {
        system: 'erp',
        operation: 'reserveInventory',
        mode: 'request',
        priority: 'critical',
        label: 'Reserve store stock',
      },
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
    releaseInventory: step(
      {
        system: 'erp',
        operation: 'releaseInventory',
        mode: 'notify',
        priority: 'critical',
        label: 'Release the store stock',
        compensation: true,
      },
      { OK: 'lost', FAILED: 'lost' },
    ),
    postOrder: step(
      { system: 'erp', operation: 'postOrder', mode: 'notify', priority: 'standard', label: 'Post the order to ERP' },
      { OK: 'captureSale', FAILED: 'captureSaleAfterPostFailed' },
    ),
    captureSale: step(captureAtPickup, { OK: 'isMember', FAILED: 'completedDegraded' }),
    isMember: decision('isMember', 'Loyalty card scanned?', { YES: 'accrue', NO: 'completed' }),
    accrue: step(accrueAtPickup, { OK: 'completed', DEGRADED: 'completedDegraded', FAILED: 'completedDegraded' }),
    captureSaleAfterPostFailed: step(captureAtPickup, {
      OK: 'isMemberAfterPostFailed',
      FAILED: 'completedDegraded',
    }),
    isMemberAfterPostFailed: decision('isMember', 'Loyalty card scanned?', {
      YES: 'accrueAfterPostFailed',
      NO: 'completedDegraded',
    }),
    accrueAfterPostFailed: step(accrueAtPickup, {
      OK: 'completedDegraded',
      DEGRADED: 'completedDegraded',
      FAILED: 'completedDegraded',
    }),
    completed: final('completed', 'Order collected'),
    completedDegraded: final('completedDegraded', 'Order collected, follow-up pending'),
    lost: final('lost', 'Order not placed'),
  },
});
