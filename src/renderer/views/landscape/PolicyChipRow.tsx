/**
 * The row of policy chips under a landscape node.
 */
import { useRef } from 'react';
import type { LiveSnapshot } from '../../../simulator/api.js';
import type { StudioState } from '../../store/studio.js';
import type { PolicyChip } from './policy-chips.js';

/**
 * Wraps a chip selector so the store hands back the same array while the chips' text is unchanged,
 * which keeps a node from re-rendering on every snapshot.
 */
export function useShallowChips(select: (snapshot: LiveSnapshot | null) => PolicyChip[]): (state: StudioState) => PolicyChip[] {
  const previous = useRef<PolicyChip[]>([]);
  return (state) => {
    const next = select(state.snapshot);
    const same = next.length === previous.current.length && next.every((chip, index) => chip.label === previous.current[index]?.label);
    if (!same) previous.current = next;
    return previous.current;
  };
}

/** Renders the chips, or nothing when no policy has acted yet. */
export function PolicyChipRow({ chips, testId }: { chips: PolicyChip[]; testId: string }) {
  if (chips.length === 0) return null;
  return (
    <ul className="policy-chips" data-testid={testId}>
      {chips.map((chip) => (
        <li key={chip.key} className={`policy-chip policy-chip-${chip.tone}`} data-policy={chip.key}>
          {chip.label}
        </li>
      ))}
    </ul>
  );
}
