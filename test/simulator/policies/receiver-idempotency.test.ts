import { describe, expect, it } from 'vitest';
import { ReceiverIdempotency, createPostingEffect } from '../../../src/simulator/policies/idempotency.js';

const OK = { status: 'ok' };

describe('ReceiverIdempotency', () => {
  it('drops repeat within retention', () => {
    const receivers = new ReceiverIdempotency();

    expect(receivers.decide('loyalty', 'accrual:1', 0, 1_000)).toBe('apply');
    expect(receivers.decide('loyalty', 'accrual:1', 999, 1_000)).toBe('drop');
    expect(receivers.figures('loyalty', 1_000)).toEqual({ keysStored: 1, retention: 1_000, suppressed: 1, repeatsApplied: 0 });
  });

  it('applies repeat after retention', () => {
    const receivers = new ReceiverIdempotency();
    receivers.decide('loyalty', 'accrual:1', 0, 1_000);

    expect(receivers.decide('loyalty', 'accrual:1', 1_000, 1_000)).toBe('apply');
  });

  it('applies every write when off', () => {
    const receivers = new ReceiverIdempotency();

    expect(receivers.decide('erp', 'postOrder:1', 0, null)).toBe('apply');
    expect(receivers.decide('erp', 'postOrder:1', 1, null)).toBe('apply');
    expect(receivers.figures('erp', null).keysStored).toBe(0);
  });

  it('keeps one store per system', () => {
    const receivers = new ReceiverIdempotency();
    receivers.decide('loyalty', 'k', 0, 1_000);

    expect(receivers.decide('erp', 'k', 1, 1_000)).toBe('apply');
  });

  it('new retention starts empty store', () => {
    const receivers = new ReceiverIdempotency();
    receivers.decide('loyalty', 'k', 0, 1_000);

    expect(receivers.decide('loyalty', 'k', 10, 5_000)).toBe('apply');
    expect(receivers.decide('loyalty', 'k', 20, 5_000)).toBe('drop');
  });
});

describe('createPostingEffect', () => {
  it('counts repeat posting without idempotency', () => {
    const receivers = new ReceiverIdempotency();
    const notes: string[] = [];
    const effect = createPostingEffect(receivers, 'erp', 'postOrder:9', () => null, (_now, event, detail) => notes.push(`${event} ${detail}`));

    effect(OK, 0);
    effect(OK, 10);
    effect({ status: 'error' }, 20);

    expect(receivers.figures('erp', null).repeatsApplied).toBe(1);
    expect(notes).toEqual(['DUPLICATE_APPLIED erp applied postOrder:9 again (posting 2)']);
  });

  it('drops repeat within retention', () => {
    const receivers = new ReceiverIdempotency();
    const notes: string[] = [];
    const effect = createPostingEffect(receivers, 'erp', 'postOrder:9', () => 1_000, (_now, event) => notes.push(event));

    effect(OK, 0);
    effect(OK, 500);
    effect(OK, 1_500);

    expect(receivers.figures('erp', 1_000)).toEqual({ keysStored: 1, retention: 1_000, suppressed: 1, repeatsApplied: 1 });
    expect(notes).toEqual(['DUPLICATE_DROPPED', 'DUPLICATE_APPLIED']);
  });
});
