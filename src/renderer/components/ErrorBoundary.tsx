/**
 * Catches a view that throws while rendering, shows what failed and lets the rest of the studio go on.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Name of the guarded part, shown in the message, such as "Business dashboard". */
  area: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Shows a fallback panel in place of a child tree that threw, with a button to try again. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[studio] ${this.props.area} failed to render:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="state-panel state-error" role="alert" data-testid="view-error">
        <h3>{this.props.area} stopped working</h3>
        <p className="mono">{error.message}</p>
        <p className="muted">The rest of the studio and the simulation carry on.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
