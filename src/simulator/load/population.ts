/**
 * The seeded customers, products and stores of a run, made with faker.
 *
 * Every entity is generated from (run seed, entity kind, index) alone, because faker is reseeded before
 * each one. So customer 123 is the same person whatever else the run draws, and a run with 500,000
 * customers builds only those its journeys meet. This module never uses the global faker, whose state
 * other code shares.
 */
import { Faker, base, en } from '@faker-js/faker';
import type { RandomStream } from '../engine/random.js';
import type { PopulationConfig } from '../scenario/schema.js';
import { XoroshiroRandomizer, mix32 } from './faker-randomizer.js';

/** Loyalty tiers from the lowest to the highest. */
export const LOYALTY_TIERS = ['bronze', 'silver', 'gold'] as const;
export type LoyaltyTier = (typeof LOYALTY_TIERS)[number];

/** A customer of the retailer. */
export interface Customer {
  index: number;
  /** `C` and six digits, such as `C000123`. */
  id: string;
  name: string;
  email: string;
  /** Whether the customer is a loyalty member; non-members have no tier and no points. */
  member: boolean;
  tier: LoyaltyTier | null;
  /** Points balance at the run start. */
  points: number;
  /** Index of the customer's home store. */
  homeStore: number;
}

/** A product in the catalogue. */
export interface Product {
  index: number;
  /** `SKU-` and six digits, such as `SKU-000042`. */
  sku: string;
  name: string;
  /** Price in currency units, rounded to cents. */
  price: number;
}

/** A physical store. */
export interface Store {
  index: number;
  /** `S` and four digits, such as `S0007`. */
  id: string;
  name: string;
  city: string;
}

// NOTE: the tier split and the opening balances are this model's assumptions, not published figures.
const TIER_WEIGHTS = [
  { value: 'bronze' as const, weight: 70 },
  { value: 'silver' as const, weight: 22 },
  { value: 'gold' as const, weight: 8 },
];
const MEAN_OPENING_POINTS: Record<LoyaltyTier, number> = { bronze: 400, silver: 1_500, gold: 5_000 };

const STORE_FORMATS = ['Flagship', 'Mall', 'Outlet', 'Plaza', 'Downtown', 'Retail Park'];

/** Log-scale spread of product prices and basket values; an assumption giving a long right tail. */
const PRICE_SIGMA = 0.8;
const BASKET_SIGMA = 0.6;

/** Tags in the top bits of the faker seed so customer 5 and product 5 come from different sequences. */
const CUSTOMER_TAG = 1;
const PRODUCT_TAG = 2;
const STORE_TAG = 3;
const MEMBER_TAG = 4;
const TAG_SHIFT = 2 ** 29;

/**
 * Generates the people, products and stores of a run on demand and caches them.
 *
 * @example
 * const population = new Population(scenario.population, scenario.seed);
 * const customer = population.customer(population.pickCustomerIndex(streams.stream('customers')));
 */
export class Population {
  readonly config: PopulationConfig;
  readonly seed: number;
  private readonly faker = new Faker({ locale: [en, base], randomizer: new XoroshiroRandomizer() });
  private readonly seedHash: number;
  private readonly customers = new Map<number, Customer>();
  private readonly products = new Map<number, Product>();
  private readonly stores = new Map<number, Store>();

  constructor(config: PopulationConfig, seed: number) {
    this.config = config;
    this.seed = seed;
    this.seedHash = mix32(mix32(seed | 0) ^ Math.floor(seed / 0x1_0000_0000));
  }

  /** Returns customer `index`, from 0 to `config.customers - 1`. Throws a RangeError outside that range. */
  customer(index: number): Customer {
    checkIndex(index, this.config.customers, 'customer');
    let customer = this.customers.get(index);
    if (customer) return customer;

    const faker = this.reseed(CUSTOMER_TAG, index);
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const member = this.isMember(index);
    const tier = member ? faker.helpers.weightedArrayElement(TIER_WEIGHTS) : null;
    const points = tier === null ? 0 : Math.floor(-MEAN_OPENING_POINTS[tier] * Math.log(1 - faker.number.float()));

    customer = {
      index,
      id: `C${String(index).padStart(6, '0')}`,
      name: `${firstName} ${lastName}`,
      email: faker.internet.exampleEmail({ firstName, lastName }).toLowerCase(),
      member,
      tier,
      points,
      homeStore: faker.number.int({ min: 0, max: this.config.stores - 1 }),
    };
    this.customers.set(index, customer);
    return customer;
  }

  /** Returns product `index`, from 0 to `config.products - 1`. Throws a RangeError outside that range. */
  product(index: number): Product {
    checkIndex(index, this.config.products, 'product');
    let product = this.products.get(index);
    if (product) return product;

    const faker = this.reseed(PRODUCT_TAG, index);
    const name = faker.commerce.productName();
    const price = logNormalWithMean(this.config.averageBasket, PRICE_SIGMA, standardNormal(faker));

    product = { index, sku: `SKU-${String(index).padStart(6, '0')}`, name, price: toCents(price) };
    this.products.set(index, product);
    return product;
  }

  /** Returns store `index`, from 0 to `config.stores - 1`. Throws a RangeError outside that range. */
  store(index: number): Store {
    checkIndex(index, this.config.stores, 'store');
    let store = this.stores.get(index);
    if (store) return store;

    const faker = this.reseed(STORE_TAG, index);
    const city = faker.location.city();
    const name = `${city} ${faker.helpers.arrayElement(STORE_FORMATS)}`;
    store = { index, id: `S${String(index).padStart(4, '0')}`, name, city };
    this.stores.set(index, store);
    return store;
  }

  /**
   * Returns whether customer `index` is a loyalty member, from (seed, index) by a hash rather than faker,
   * so a journey can ask without generating the customer's name and email.
   */
  isMember(index: number): boolean {
    const uniform = (mix32(((MEMBER_TAG * TAG_SHIFT + index) | 0) ^ this.seedHash) >>> 0) / 0x1_0000_0000;
    return uniform < this.config.loyaltyMemberShare;
  }

  /** Draws a customer index, each customer equally likely. */
  pickCustomerIndex(stream: RandomStream): number {
    return stream.int(this.config.customers);
  }

  /** Draws an order value in currency units: log-normal with mean `config.averageBasket`, in cents. */
  basketValue(stream: RandomStream): number {
    const value = logNormalWithMean(this.config.averageBasket, BASKET_SIGMA, stream.normal());
    return Math.max(0.01, toCents(value));
  }

  /**
   * Seeds faker for one entity. For a given run seed the mapping from (tag, index) to the faker seed is
   * one-to-one while index < 2^29, because XOR with a constant and `mix32` are both bijections.
   */
  private reseed(tag: number, index: number): Faker {
    this.faker.seed(mix32(((tag * TAG_SHIFT + index) | 0) ^ this.seedHash));
    return this.faker;
  }
}

function checkIndex(index: number, count: number, entity: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`${entity} index ${index} is out of range: use an integer from 0 to ${count - 1}`);
  }
}

/** Scales a standard normal draw to a log-normal value whose mean is `mean`. */
function logNormalWithMean(mean: number, sigma: number, z: number): number {
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  return Math.exp(mu + sigma * z);
}

/** Draws a standard normal value from faker's generator (Box-Muller), so it follows faker's seed. */
function standardNormal(faker: Faker): number {
  const u = 1 - faker.number.float();
  const v = faker.number.float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function toCents(value: number): number {
  return Math.round(value * 100) / 100;
}
