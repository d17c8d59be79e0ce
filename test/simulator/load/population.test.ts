import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../src/simulator/engine/random.js';
import { Population } from '../../../src/simulator/load/population.js';
import type { PopulationConfig } from '../../../src/simulator/scenario/schema.js';

const CONFIG: PopulationConfig = {
  customers: 50_000,
  products: 500,
  stores: 40,
  loyaltyMemberShare: 0.6,
  redemptionShare: 0.1,
  averageBasket: 114.7,
  pointsPerUnit: 1,
};

describe('Population determinism', () => {
  it('same seed same people', () => {
    const a = new Population(CONFIG, 7);
    const b = new Population(CONFIG, 7);
    for (const i of [0, 1, 123, 49_999]) expect(b.customer(i)).toEqual(a.customer(i));
    expect(b.product(42)).toEqual(a.product(42));
    expect(b.store(3)).toEqual(a.store(3));
  });

  it('customer independent of order', () => {
    const a = new Population(CONFIG, 7);
    const b = new Population(CONFIG, 7);
    for (let i = 0; i < 50; i++) b.customer(i);
    b.product(9);
    expect(b.customer(123)).toEqual(a.customer(123));
  });

  it('another seed other people', () => {
    const a = new Population(CONFIG, 7);
    const b = new Population(CONFIG, 8);
    const same = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((i) => a.customer(i).name === b.customer(i).name);
    expect(same.length).toBeLessThan(3);
  });

  it('ids and fields well formed', () => {
    const population = new Population(CONFIG, 1);
    const customer = population.customer(123);
    expect(customer.id).toBe('C000123');
    expect(customer.email).toMatch(/^[^@\s]+@example\.(com|net|org)$/);
    expect(customer.homeStore).toBeGreaterThanOrEqual(0);
    expect(customer.homeStore).toBeLessThan(CONFIG.stores);
    expect(population.product(42).sku).toBe('SKU-000042');
    expect(population.store(7).id).toBe('S0007');
  });

  it('non-members hold no points', () => {
    const population = new Population(CONFIG, 1);
    for (let i = 0; i < 500; i++) {
      const customer = population.customer(i);
      if (!customer.member) expect([customer.tier, customer.points]).toEqual([null, 0]);
      else expect(customer.tier).not.toBeNull();
    }
  });

  it('index out of range rejected', () => {
    const population = new Population(CONFIG, 1);
    expect(() => population.customer(50_000)).toThrow(RangeError);
    expect(() => population.store(-1)).toThrow('store index -1 is out of range: use an integer from 0 to 39');
  });
});

describe('Population distributions', () => {
  it('member share within tolerance', () => {
    const population = new Population(CONFIG, 3);
    let members = 0;
    for (let i = 0; i < 20_000; i++) if (population.customer(i).member) members++;
    // Standard deviation of the share over 20,000 customers: sqrt(0.6 * 0.4 / 20,000) = 0.0035.
    expect(Math.abs(members / 20_000 - 0.6)).toBeLessThan(4 * 0.0035);
  });

  it('basket mean near average', () => {
    const population = new Population(CONFIG, 3);
    const stream = new RandomStreams(3).stream('baskets');
    let sum = 0;
    for (let i = 0; i < 50_000; i++) sum += population.basketValue(stream);
    expect(sum / 50_000).toBeCloseTo(114.7, -1);
  });

  it('product price mean near average', () => {
    const population = new Population({ ...CONFIG, products: 20_000 }, 3);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += population.product(i).price;
    expect(Math.abs(sum / 20_000 - 114.7)).toBeLessThan(3);
  });

  it('customer picks cover range', () => {
    const population = new Population({ ...CONFIG, customers: 10 }, 3);
    const stream = new RandomStreams(3).stream('customers');
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i++) seen.add(population.pickCustomerIndex(stream));
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
