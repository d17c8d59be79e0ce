import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/simulator/compare.js';
import { CompareHost } from '../../../src/renderer/worker/compare-host.js';
import type { CompareEvent } from '../../../src/renderer/worker/compare-protocol.js';
import { BASE_SCENARIO, scenarioFrom } from '../../simulator/runtime/fixtures.js';

const TEXT = BASE_SCENARIO.replace('duration: 10m', 'duration: 2m');

/** Creates a host whose clock jumps 100 ms per read, so each slice runs one step, and a queue run by hand. */
function harness() {
  const events: CompareEvent[] = [];
  const queue: (() => void)[] = [];
  let clock = 0;
  const host = new CompareHost({ now: () => (clock += 100), schedule: (callback) => queue.push(callback), post: (event) => events.push(event) });
  const drain = () => {
    while (queue.length > 0) queue.shift()?.();
  };
  return { host, events, queue, drain };
}

describe('CompareHost', () => {
  it('matches compareRuns result', () => {
    const { host, events, drain } = harness();

    host.handle({ type: 'compare', jobId: 1, a: { text: TEXT, file: 't.yaml', policy: 'weak' }, b: { text: TEXT, file: 't.yaml', policy: 'strong' }, seed: 4 });
    drain();

    const done = events.at(-1);
    expect(done?.type).toBe('compared');
    const expected = compareRuns(scenarioFrom(TEXT), { policy: 'weak', file: 't.yaml' }, { policy: 'strong', file: 't.yaml' }, { seed: 4 });
    if (done?.type === 'compared') expect(JSON.stringify(done.comparison)).toBe(JSON.stringify(expected));
    const progress = events.filter((event) => event.type === 'progress');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toEqual({ type: 'progress', jobId: 1, side: 'b', now: 120_000, end: 120_000 });
  });

  it('cancel stops the job', () => {
    const { host, events, queue, drain } = harness();

    host.handle({ type: 'compare', jobId: 2, a: { text: TEXT, file: 't.yaml' }, b: { text: TEXT, file: 't.yaml' } });
    queue.shift()?.();
    host.handle({ type: 'cancel', jobId: 2 });
    drain();

    expect(events.some((event) => event.type === 'compared')).toBe(false);
  });

  it('invalid side reports its issues', () => {
    const { host, events } = harness();

    host.handle({ type: 'compare', jobId: 3, a: { text: TEXT, file: 't.yaml' }, b: { text: 'schemaVersion: 1\nname: x\n', file: 'x.yaml' } });

    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('invalid');
    if (events[0]?.type === 'invalid') expect(events[0].side).toBe('b');
  });

  it('unknown policy fails with message', () => {
    const { host, events } = harness();

    host.handle({ type: 'compare', jobId: 4, a: { text: TEXT, file: 't.yaml', policy: 'nope' }, b: { text: TEXT, file: 't.yaml' } });

    expect(events).toEqual([{ type: 'failed', jobId: 4, message: 'policy set "nope" is not defined in the scenario (defined: weak, strong)' }]);
  });
});
