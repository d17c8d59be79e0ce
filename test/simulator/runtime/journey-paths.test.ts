import { describe, expect, it } from 'vitest';
import { createSimulation, enumerateJourneyPaths, JOURNEY_KINDS, type JourneyKind } from '../../../src/simulator/index.js';
import { testScenario } from './fixtures.js';

/** A scenario that starts only journeys of `kind`, about one every two seconds for a minute. */
function onlyKind(kind: JourneyKind) {
  const scenario = testScenario();
  return {
    ...scenario,
    clock: { ...scenario.clock, duration: 60_000 },
    load: { ...scenario.load, profile: { kind: 'constant' as const, rate: 0.5 }, mix: { [kind]: 1 } },
  };
}

describe('every journey path runs in the simulator', () => {
  for (const kind of JOURNEY_KINDS) {
    const paths = enumerateJourneyPaths(kind);

    it(`${kind}: all ${paths.length} paths reach their outcome`, () => {
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const forced = new Map<string, string>();
        path.states.forEach((state, index) => {
          const event = path.events[index];
          if (event) forced.set(state, event);
        });

        const simulation = createSimulation(onlyKind(kind), {
          traceCapacity: 1_000,
          script: (_journey, stateId) => (forced.get(stateId) ?? null) as never,
        });
        simulation.runToEnd();

        const finished = simulation.journeys({ limit: 1_000 }).items.filter((item) => item.outcome !== 'running');
        expect(finished.length, `${kind} ${path.events.join(' ')}`).toBeGreaterThan(5);
        for (const item of finished) {
          const trace = simulation.journey(item.id);
          expect(trace?.path, `${kind} ${path.events.join(' ')}`).toEqual(path.states);
          expect(item.outcome).toBe(path.outcome);
        }
      }
    });
  }
});
