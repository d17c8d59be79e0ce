import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/simulator/index.js';
import { RecordOwners } from '../../../src/simulator/runtime/record-owners.js';
import { recordsSchema } from '../../../src/simulator/scenario/schema.js';
import { testScenario } from './fixtures.js';

function owners(records: Record<string, unknown> = {}): RecordOwners {
  return new RecordOwners(recordsSchema.parse(records));
}

describe('price copies', () => {
  it('off by default', () => {
    const book = owners();

    expect(book.priceFromCopy('ecommerce', 5_000)).toBeNull();
    expect(book.figures().pricedFromCopy).toBe(0);
  });

  it('age counts from last read', () => {
    const book = owners({ priceFromCopy: true, priceStaleness: 60_000 });
    book.priceRead('pos', 100_000);

    expect(book.priceFromCopy('pos', 160_000)).toEqual({ age: 60_000, conflict: false });
    expect(book.priceFromCopy('pos', 160_001)).toEqual({ age: 60_001, conflict: true });
    // The other channel still prices from the copy it started with, taken at 0.
    expect(book.priceFromCopy('ecommerce', 160_000)).toEqual({ age: 160_000, conflict: true });
    expect(book.figures()).toMatchObject({ pricedFromCopy: 3, priceConflicts: 2 });
  });
});

describe('order booking', () => {
  it('only the owner operation books', () => {
    const book = owners({ orders: 'ecommerce' });

    expect(book.books('ecommerce', 'placeOrder')).toBe(true);
    expect(book.books('erp', 'postOrder')).toBe(false);
    expect(owners().books('erp', 'postOrder')).toBe(true);
    expect(owners({ orders: 'crm' }).books('crm', 'getCustomer')).toBe(false);
  });

  it('late booking clears the risk', () => {
    const book = owners();
    book.booked(1, true);
    book.orderFinished(1, true);
    book.orderFinished(2, true);
    expect(book.figures()).toMatchObject({ ordersBooked: 1, ordersAtRisk: 1 });

    book.booked(2, false);
    book.booked(2, false);
    expect(book.figures()).toMatchObject({ ordersBooked: 2, ordersAtRisk: 0 });
  });

  it('lost orders book nothing', () => {
    const book = owners();
    book.booked(3, true);
    book.orderFinished(3, false);
    book.booked(4, false);

    expect(book.figures()).toMatchObject({ ordersBooked: 0, ordersAtRisk: 0 });
  });
});

describe('ledger owner balance', () => {
  it('wins over provisional points', () => {
    const book = owners();

    expect(book.balanceRead(0)).toBeNull();
    expect(book.balanceRead(120)).toBe("ledger owner's balance wins over 120 provisional points");
    expect(book.figures().ledgerConflicts).toBe(1);
  });
});

const ERP_ERRORS = `
faults:
  - { kind: errorRate, system: erp, rate: 0.5, at: 1m, duration: 4m }
`;
const ERP_OUTAGE = `
faults:
  - { kind: outage, system: erp, at: 3m, duration: 2m }
`;

describe('owners in a simulation', () => {
  it('price copies save online checkouts', () => {
    const without = createSimulation(testScenario(ERP_ERRORS)).runToEnd();
    const withCopy = createSimulation(testScenario(`${ERP_ERRORS}records: { priceFromCopy: true, priceStaleness: 1m }`)).runToEnd();

    expect(without.business.pricedFromCopy).toBe(0);
    expect(withCopy.business.pricedFromCopy).toBeGreaterThan(20);
    // Successful lookups keep refreshing the copies, so none grows older than a minute.
    expect(withCopy.business.priceConflicts).toBe(0);
    expect(withCopy.journeys.onlineCheckout.lost).toBeLessThan(without.journeys.onlineCheckout.lost);
  });

  it('an outage ages the copies', () => {
    const simulation = createSimulation(testScenario(`${ERP_OUTAGE}records: { priceFromCopy: true, priceStaleness: 1m }`), {
      traceCapacity: 20_000,
    });
    const report = simulation.runToEnd();
    const conflicts = simulation
      .journeys({ limit: 20_000 })
      .items.flatMap((item) => simulation.journey(item.id)?.trace ?? [])
      .filter((step) => step.detail.includes('may disagree with the owner'));

    expect(report.business.priceConflicts).toBeGreaterThan(0);
    expect(report.business.priceConflicts).toBeLessThan(report.business.pricedFromCopy);
    expect(conflicts.length).toBe(report.business.priceConflicts);
    expect(simulation.snapshot().continuity.priceCopyStaleness).toBe(60_000);
  });

  it('orders wait for their owner', () => {
    const scenario = testScenario(`${ERP_OUTAGE}
links:
  - { from: ecommerce, to: erp, style: events }
  - { from: pos, to: erp, style: events }
`);
    const simulation = createSimulation(scenario);
    simulation.advanceTo(290_000);
    const during = simulation.snapshot();

    expect(during.continuity.records.ordersAtRisk).toBeGreaterThan(100);
    expect(during.business.ordersBooked + during.business.ordersAtRisk).toBe(during.business.ordersCompleted);

    const report = simulation.runToEnd();
    // What remains at risk is what the last seconds published and ERP has not applied yet.
    expect(report.business.ordersAtRisk).toBeLessThan(during.business.ordersAtRisk / 10);
    expect(report.business.ordersBooked + report.business.ordersAtRisk).toBe(report.business.ordersCompleted);
  });

  it('store sales miss an ecommerce owner', () => {
    const report = createSimulation(testScenario('records: { orders: ecommerce }')).runToEnd();
    const store = report.journeys.inStoreCheckout;

    expect(report.business.ordersAtRisk).toBe(store.completed + store.completedDegraded);
    expect(report.business.ordersBooked).toBe(report.business.ordersCompleted - report.business.ordersAtRisk);
  });

  it('loyalty errors leave provisional conflicts', () => {
    const members = 'population: { customers: 50, redemptionShare: 0.5 }';
    const faults = 'faults: [{ kind: errorRate, system: loyalty, rate: 0.5, at: 1m, duration: 4m }]';
    const simulation = createSimulation({ ...testScenario(`${members}\n${faults}`), activePolicy: 'strong' }, { traceCapacity: 20_000 });
    const report = simulation.runToEnd();
    const notes = simulation
      .journeys({ limit: 20_000 })
      .items.flatMap((item) => simulation.journey(item.id)?.trace ?? [])
      .filter((step) => step.operation === 'getBalance' && step.detail.includes("ledger owner's balance wins"));

    expect(report.business.ledgerConflicts).toBeGreaterThan(0);
    expect(notes.length).toBe(report.business.ledgerConflicts);
    const calm = createSimulation({ ...testScenario(members), activePolicy: 'strong' }).runToEnd();
    expect(calm.business.ledgerConflicts).toBe(0);
  });
});
