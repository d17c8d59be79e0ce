/**
 * Throwaway timing script: compiled-table steps per second against XState actor transitions per
 * second, on the online checkout journey. Run with `npx tsx bench/journeys.bench.ts`.
 *
 * Both sides replay the same event sequences, taken from the journey's simple paths, so they walk the
 * same states. Wall-clock timing is fine here because this script is not part of the simulator.
 */
import { createActor, initialTransition, transition, type AnyStateMachine } from 'xstate';
import {
  EVENT_INDEX,
  enumerateJourneyPaths,
  getCompiledJourney,
  journeyMachines,
  type JourneyEvent,
} from '../src/simulator/journeys/index.js';
import type { JourneyKind } from '../src/simulator/scenario/schema.js';

const KIND: JourneyKind = 'onlineCheckout';
const TABLE_ROUNDS = 200_000;
const ACTOR_ROUNDS = 5_000;

function timeTable(paths: JourneyEvent[][]): number {
  const journey = getCompiledJourney(KIND);
  const columns = paths.map((events) => Int8Array.from(events, (event) => EVENT_INDEX[event]));
  let steps = 0;
  let checksum = 0;

  const start = performance.now();
  for (let round = 0; round < TABLE_ROUNDS; round++) {
    for (const path of columns) {
      let state = journey.initial;
      for (let i = 0; i < path.length; i++) state = journey.states[state]!.next[path[i]!]!;
      checksum += state;
      steps += path.length;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  if (checksum < 0) console.log(checksum);
  return steps / seconds;
}

function timeActors(machine: AnyStateMachine, paths: JourneyEvent[][]): number {
  let steps = 0;

  const start = performance.now();
  for (let round = 0; round < ACTOR_ROUNDS; round++) {
    for (const path of paths) {
      const actor = createActor(machine).start();
      for (const type of path) actor.send({ type });
      steps += path.length;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return steps / seconds;
}

function timeTransitionFunction(machine: AnyStateMachine, paths: JourneyEvent[][]): number {
  const [initial] = initialTransition(machine);
  let steps = 0;

  const start = performance.now();
  for (let round = 0; round < ACTOR_ROUNDS; round++) {
    for (const path of paths) {
      let snapshot = initial;
      for (const type of path) [snapshot] = transition(machine, snapshot, { type });
      steps += path.length;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return steps / seconds;
}

const paths = enumerateJourneyPaths(KIND).map((path) => path.events);
const tableRate = timeTable(paths);
const actorRate = timeActors(journeyMachines[KIND], paths);
const functionRate = timeTransitionFunction(journeyMachines[KIND], paths);

console.log(`journey: ${KIND}, ${paths.length} paths`);
console.log(`compiled table: ${(tableRate / 1e6).toFixed(1)} M steps/s`);
console.log(`XState actors:  ${(actorRate / 1e3).toFixed(0)} k transitions/s (actor start included)`);
console.log(`XState transition(): ${(functionRate / 1e3).toFixed(0)} k transitions/s`);
console.log(`ratio: ${(tableRate / actorRate).toFixed(0)}x over actors, ${(tableRate / functionRate).toFixed(0)}x over transition()`);
