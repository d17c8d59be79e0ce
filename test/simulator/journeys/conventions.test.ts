import { describe, expect, it } from 'vitest';
import { setup, type AnyStateMachine } from 'xstate';
import { JourneyConventionError, compileJourney, type JourneyEventObject } from '../../../src/simulator/journeys/index.js';

const rootMeta = { label: 'Test journey', channels: ['pos'] };
const lookup = { system: 'erp', operation: 'lookupPrice', mode: 'request', priority: 'standard', label: 'Price' };
const done = { type: 'final' as const, meta: { outcome: 'completed', label: 'Done' } };
const lost = { type: 'final' as const, meta: { outcome: 'lost', label: 'Lost' } };

/** Builds a journey machine from a plain states config so each test can break one rule. */
function machineWith(states: Record<string, object>, initial = 'price'): AnyStateMachine {
  return setup({ types: { events: {} as JourneyEventObject } }).createMachine({
    id: 'broken',
    meta: rootMeta,
    initial,
    states: states as Record<string, { type?: 'final' }>,
  });
}

function compileError(machine: AnyStateMachine): JourneyConventionError {
  try {
    compileJourney('inStoreCheckout', machine);
  } catch (error) {
    if (error instanceof JourneyConventionError) return error;
    throw error;
  }
  throw new Error('compileJourney accepted a machine that breaks a convention');
}

describe('journey conventions', () => {
  it('accepts a minimal valid machine', () => {
    const machine = machineWith({ price: { meta: { step: lookup }, on: { OK: 'done', FAILED: 'lost' } }, done, lost });

    expect(compileJourney('inStoreCheckout', machine).states).toHaveLength(3);
  });

  it('rejects a context guard', () => {
    const machine = setup({
      types: { context: {} as { tries: number }, events: {} as JourneyEventObject },
      guards: { tooMany: ({ context }) => context.tries > 2 },
    }).createMachine({
      id: 'broken',
      meta: rootMeta,
      context: { tries: 0 },
      initial: 'price',
      states: {
        price: {
          meta: { step: lookup },
          on: { OK: [{ guard: 'tooMany', target: 'lost' }, { target: 'done' }], FAILED: 'lost' },
        },
        done,
        lost,
      },
    });

    const error = compileError(machine);
    expect(error.message).toBe(
      'Invalid journey machine "broken", state "price": the OK transition has a guard. ' +
        'Guards are not allowed: send a distinct event per outcome.',
    );
    expect(error.machineId).toBe('broken');
    expect(error.stateId).toBe('price');
  });

  it('rejects a step without system', () => {
    const { system: _omitted, ...noSystem } = lookup;
    const machine = machineWith({ price: { meta: { step: noSystem }, on: { OK: 'done', FAILED: 'lost' } }, done, lost });

    expect(compileError(machine).message).toBe(
      'Invalid journey machine "broken", state "price": meta.step.system must be one of ' +
        'erp, crm, loyalty, pos, ecommerce; found undefined.',
    );
  });

  it('rejects a non-final state without exit', () => {
    const machine = machineWith({
      price: { meta: { step: lookup }, on: { OK: 'stuck', FAILED: 'lost' } },
      stuck: { meta: { step: lookup }, on: { OK: 'stuckToo', FAILED: 'stuckToo' } },
      stuckToo: { meta: { step: lookup }, on: { OK: 'stuck', FAILED: 'stuck' } },
      lost,
    });

    expect(compileError(machine).message).toBe(
      'Invalid journey machine "broken", state "stuck": the state has no path to a final state. ' +
        'Add a transition towards one.',
    );
  });

  it('rejects a step missing FAILED', () => {
    const machine = machineWith({ price: { meta: { step: lookup }, on: { OK: 'done' } }, done, lost });

    expect(compileError(machine).message).toContain(
      'state "price": a step state accepts exactly OK and FAILED, plus DEGRADED when meta.step.degrade is set; ' +
        'it accepts [OK]. Expected [OK, FAILED].',
    );
  });

  it('rejects DEGRADED without degrade', () => {
    const machine = machineWith({
      price: { meta: { step: lookup }, on: { OK: 'done', FAILED: 'lost', DEGRADED: 'done' } },
      done,
      lost,
    });

    expect(compileError(machine).message).toContain('it accepts [OK, FAILED, DEGRADED]. Expected [OK, FAILED].');
  });

  it('rejects an operation of another system', () => {
    const machine = machineWith({
      price: { meta: { step: { ...lookup, operation: 'accrue' } }, on: { OK: 'done', FAILED: 'lost' } },
      done,
      lost,
    });

    expect(compileError(machine).message).toContain(
      'meta.step.operation "accrue" is not offered by erp; use one of reserveInventory, lookupPrice, postOrder, postRefund, releaseInventory.',
    );
  });

  it('rejects an unknown decision', () => {
    const machine = machineWith({
      price: { meta: { step: lookup }, on: { OK: 'ask', FAILED: 'lost' } },
      ask: { meta: { decision: 'isVip', label: 'VIP?' }, on: { YES: 'done', NO: 'lost' } },
      done,
      lost,
    });

    expect(compileError(machine).message).toContain('state "ask": meta.decision must be one of isMember');
  });

  it('rejects a nested state', () => {
    const machine = machineWith({
      price: { initial: 'inner', states: { inner: { meta: { step: lookup }, on: { OK: '#broken.done' } } } },
      done,
    });

    expect(compileError(machine).message).toContain('state "price": journey machines are flat');
  });

  it('rejects a delayed transition', () => {
    const machine = machineWith({
      price: { meta: { step: lookup }, on: { OK: 'done', FAILED: 'lost' }, after: { 1000: 'lost' } },
      done,
      lost,
    });

    expect(compileError(machine).message).toContain('delayed transitions are not allowed');
  });

  it('rejects an unknown event', () => {
    const machine = machineWith({
      price: { meta: { step: lookup }, on: { OK: 'done', FAILED: 'lost', TIMEOUT: 'lost' } },
      done,
      lost,
    });

    expect(compileError(machine).message).toContain('event "TIMEOUT" is not a journey event');
  });

  it('rejects an unreachable state', () => {
    const machine = machineWith({
      price: { meta: { step: lookup }, on: { OK: 'done', FAILED: 'lost' } },
      orphan: { meta: { step: lookup }, on: { OK: 'done', FAILED: 'lost' } },
      done,
      lost,
    });

    expect(compileError(machine).message).toContain('state "orphan": the state is unreachable');
  });

  it('rejects a final state without outcome', () => {
    const machine = machineWith({
      price: { meta: { step: lookup }, on: { OK: 'done', FAILED: 'lost' } },
      done: { type: 'final', meta: { label: 'Done' } },
      lost,
    });

    expect(compileError(machine).message).toContain('state "done": meta.outcome must be one of');
  });

  it('rejects a root without channels', () => {
    const machine = setup({ types: { events: {} as JourneyEventObject } }).createMachine({
      id: 'broken',
      initial: 'done',
      states: { done },
    });

    expect(compileError(machine).message).toBe(
      'Invalid journey machine "broken": meta.channels must be a non-empty list of ecommerce or pos; found undefined.',
    );
  });
});
