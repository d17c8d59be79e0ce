/**
 * The designed empty, loading and error states of a view, so no panel is ever blank.
 */
import type { ReactNode } from 'react';

interface Props {
  kind: 'empty' | 'loading' | 'error';
  title: string;
  children?: ReactNode;
  testId?: string;
}

/** Shows a centred message with optional actions for a view that has nothing to show yet. */
export function StatePanel({ kind, title, children, testId }: Props) {
  return (
    <div className={`state-panel state-${kind}`} data-testid={testId ?? `state-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'loading' ? <div className="spinner" aria-hidden="true" /> : null}
      <h3>{title}</h3>
      {children}
    </div>
  );
}
