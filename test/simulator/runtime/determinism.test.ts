import { describe, expect, it } from 'vitest';
import { createSimulation, reportToJson } from '../../../src/simulator/index.js';
import { testScenario } from './fixtures.js';

const OUTAGE = `
faults:
  - { kind: outage, system: loyalty, at: 3m, duration: 2m }
  - { kind: duplicateDelivery, rate: 0.2, at: 1m, duration: 5m }
links:
  - { from: pos, to: loyalty, style: events }
`;

describe('simulation determinism', () => {
  it('same scenario and seed give identical report bytes', () => {
    const scenario = testScenario(OUTAGE);
    const first = reportToJson(createSimulation(scenario).runToEnd());
    const second = reportToJson(createSimulation(scenario).runToEnd());
    expect(second).toBe(first);
    expect(first.length).toBeGreaterThan(1_000);
  });

  it('another seed gives another report', () => {
    const scenario = testScenario(OUTAGE);
    const first = reportToJson(createSimulation(scenario, { seed: 1 }).runToEnd());
    const second = reportToJson(createSimulation(scenario, { seed: 2 }).runToEnd());
    expect(second).not.toBe(first);
  });

  it('a fault leaves the arrivals unchanged', () => {
    const calm = createSimulation(testScenario()).runToEnd();
    const stormy = createSimulation(testScenario(OUTAGE)).runToEnd();
    expect(stormy.business.journeysStarted).toBe(calm.business.journeysStarted);
    expect(stormy.series.map((point) => point.arrivalsPerSecond)).toEqual(calm.series.map((point) => point.arrivalsPerSecond));
  });

  it('stepping in slices equals one run', () => {
    const scenario = testScenario(OUTAGE);
    const whole = reportToJson(createSimulation(scenario).runToEnd());
    const sliced = createSimulation(scenario);
    while (!sliced.done) sliced.advanceTo(sliced.now + 1_234, 5_000);
    expect(reportToJson(sliced.report())).toBe(whole);
  });

  it('live snapshots leave the run unchanged', () => {
    const scenario = testScenario(OUTAGE);
    const whole = reportToJson(createSimulation(scenario, { policy: 'strong' }).runToEnd());
    const watched = createSimulation(scenario, { policy: 'strong', traceCapacity: 500 });
    while (!watched.done) {
      watched.advanceTo(watched.now + 777);
      watched.snapshot();
      watched.journeys({ limit: 5 });
    }
    expect(reportToJson(watched.report())).toBe(whole);
  });
});
