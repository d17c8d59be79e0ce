/**
 * The controls bar: play, pause, step, speed, the simulation clock, restart with a seed, load
 * factor and policies. Live actions reach the simulation, which records them on the fault timeline.
 */
import { useEffect, useState } from 'react';
import type { PolicyToggle } from '../../../simulator/api.js';
import type { LinkConfig, PolicySet } from '../../../simulator/scenario/schema.js';
import { control, pause, play, restart, setSpeed, step } from '../../store/actions.js';
import { formatClock, formatElapsed } from '../../store/clock.js';
import { useStudio } from '../../store/studio.js';
import type { Speed } from '../../worker/protocol.js';

/** Speed stops of the slider, in simulated seconds per real second; the last runs flat out. */
export const SPEED_STOPS: readonly Speed[] = [1, 2, 5, 10, 30, 60, 120, 300, 600, 1_200, 3_600, 'max'];

const TOGGLES: { policy: PolicyToggle; label: string }[] = [
  { policy: 'retry', label: 'Retry' },
  { policy: 'circuitBreaker', label: 'Breaker' },
  { policy: 'timeout', label: 'Timeout' },
  { policy: 'gatewayRateLimit', label: 'Rate limit' },
  { policy: 'provisionalAccrual', label: 'Provisional points' },
  { policy: 'idempotency', label: 'Idempotency' },
  { policy: 'loadShedding', label: 'Load shedding' },
  { policy: 'bulkhead', label: 'Bulkheads' },
  { policy: 'hedge', label: 'Hedging' },
  { policy: 'retryBudget', label: 'Retry budget' },
  { policy: 'deadLetterReplay', label: 'Scheduled replay' },
];

/** Formats a speed for the label next to the slider. */
export function speedLabel(speed: Speed): string {
  return speed === 'max' ? 'max' : `${speed}×`;
}

function stopIndex(speed: Speed): number {
  const index = SPEED_STOPS.indexOf(speed);
  if (index >= 0) return index;
  // A speed between stops (set from the menu or a test) shows at the nearest stop below it.
  const below = SPEED_STOPS.findLastIndex((stop) => stop !== 'max' && typeof speed === 'number' && stop <= speed);
  return Math.max(0, below);
}

/** Renders the controls bar. */
export function ControlsBar() {
  const runState = useStudio((state) => state.runState);
  const speed = useStudio((state) => state.speed);
  const loaded = useStudio((state) => state.loaded);
  const now = useStudio((state) => state.snapshot?.now ?? 0);
  const end = useStudio((state) => state.snapshot?.end ?? loaded?.scenario.clock.duration ?? 0);
  const activePolicy = useStudio((state) => state.snapshot?.activePolicy ?? state.loaded?.policy ?? null);

  const [seedText, setSeedText] = useState('1');
  const [loadFactor, setLoadFactor] = useState(1);
  const [toggles, setToggles] = useState<Record<PolicyToggle, boolean>>(togglesFrom(undefined));

  // A new load or restart starts from the scenario's own settings.
  useEffect(() => {
    if (loaded === null) return;
    setSeedText(String(loaded.seed));
    setLoadFactor(loaded.scenario.load.factor);
  }, [loaded]);

  // Switching the policy set shows that set's own policies as switched on or off.
  useEffect(() => {
    setToggles(togglesFrom(activePolicy === null ? undefined : loaded?.scenario.policies[activePolicy], loaded?.scenario.links));
  }, [loaded, activePolicy]);

  const disabled = loaded === null;
  const seed = Number(seedText);
  const seedValid = seedText.trim() !== '' && Number.isInteger(seed) && seed >= 0;
  const policies = loaded ? Object.keys(loaded.scenario.policies) : [];
  const progress = end > 0 ? Math.min(1, now / end) : 0;

  return (
    <div className="controls" data-testid="controls" data-run-state={runState} data-sim-now={now}>
      <div className="control-group">
        {runState === 'playing' ? (
          <button type="button" className="primary icon-button" onClick={pause} data-testid="run-pause" title="Pause">
            ❚❚ Pause
          </button>
        ) : (
          <button
            type="button"
            className="primary icon-button"
            onClick={play}
            disabled={disabled || runState === 'done'}
            data-testid="run-play"
            title="Play"
          >
            ▶ Play
          </button>
        )}
        <button type="button" onClick={step} disabled={disabled || runState !== 'paused'} data-testid="run-step" title="Advance one sample interval">
          Step
        </button>
      </div>

      <label className="control-group speed" title="Simulated seconds per real second">
        <span className="control-label">Speed</span>
        <input
          type="range"
          min={0}
          max={SPEED_STOPS.length - 1}
          step={1}
          value={stopIndex(speed)}
          onChange={(event) => setSpeed(SPEED_STOPS[Number(event.target.value)] ?? 'max')}
          disabled={disabled}
          data-testid="speed-slider"
          aria-valuetext={speedLabel(speed)}
        />
        <span className="mono speed-value" data-testid="speed-value">
          {speedLabel(speed)}
        </span>
      </label>

      <div className="control-group clock" data-testid="sim-clock">
        <span className="mono clock-wall">{loaded ? formatClock(loaded.clockStart, now) : '—'}</span>
        <span className="mono muted clock-elapsed">
          {formatElapsed(now)} / {formatElapsed(end)}
        </span>
        <div className="progress" aria-hidden="true">
          <div className="progress-fill" style={{ width: `${progress * 100}%` }} />
        </div>
        <span className={`run-badge run-${runState}`} data-testid="run-state">
          {runState}
        </span>
      </div>

      <form
        className="control-group"
        onSubmit={(event) => {
          event.preventDefault();
          if (seedValid) restart(seed);
        }}
      >
        <label className="control-label" htmlFor="seed-input">
          Seed
        </label>
        <input
          id="seed-input"
          className={seedValid ? 'mono seed-input' : 'mono seed-input invalid'}
          inputMode="numeric"
          value={seedText}
          onChange={(event) => setSeedText(event.target.value)}
          disabled={disabled}
          data-testid="seed-input"
          title={seedValid ? 'Seed of the restarted run' : 'Enter a whole number of 0 or more'}
        />
        <button type="submit" disabled={disabled || !seedValid} data-testid="run-restart">
          Restart
        </button>
      </form>

      <label className="control-group" title="Multiplies the scenario's arrival rate">
        <span className="control-label">Load</span>
        <input
          type="range"
          min={0}
          max={3}
          step={0.25}
          value={loadFactor}
          disabled={disabled}
          data-testid="load-factor"
          onChange={(event) => {
            const factor = Number(event.target.value);
            setLoadFactor(factor);
            control({ kind: 'loadFactor', factor });
          }}
        />
        <span className="mono speed-value">{loadFactor.toFixed(2)}×</span>
      </label>

      <label className="control-group">
        <span className="control-label">Policy</span>
        <select
          value={activePolicy ?? ''}
          disabled={disabled || policies.length === 0}
          data-testid="policy-select"
          onChange={(event) => control({ kind: 'policy', name: event.target.value })}
        >
          {activePolicy === null ? <option value="">none</option> : null}
          {policies.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>

      <div className="control-group toggles" role="group" aria-label="Policy toggles">
        {TOGGLES.map(({ policy, label }) => (
          <button
            key={policy}
            type="button"
            className={toggles[policy] ? 'toggle on' : 'toggle'}
            aria-pressed={toggles[policy]}
            disabled={disabled}
            data-testid={`toggle-${policy}`}
            onClick={() => {
              const enabled = !toggles[policy];
              setToggles({ ...toggles, [policy]: enabled });
              control({ kind: 'policyToggle', policy, enabled });
            }}
          >
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * Returns which toggles a policy set switches on; no set means no policies. A bulkhead, hedge or retry
 * budget set on one of `links` alone also counts, because it acts under any policy set.
 */
export function togglesFrom(set: PolicySet | undefined, links: readonly LinkConfig[] = []): Record<PolicyToggle, boolean> {
  const onLink = (key: 'bulkhead' | 'hedge' | 'retryBudget'): boolean => links.some((link) => link.policy?.[key] !== undefined);
  return {
    retry: set?.calls.retry !== undefined,
    circuitBreaker: set?.calls.circuitBreaker !== undefined,
    timeout: set?.calls.timeout !== undefined,
    gatewayRateLimit: set?.gatewayRateLimit !== undefined,
    provisionalAccrual: set?.provisionalAccrual === true,
    idempotency: set?.idempotency !== undefined,
    loadShedding: set?.gateway?.loadShedding !== undefined,
    bulkhead: set?.calls.bulkhead !== undefined || onLink('bulkhead'),
    hedge: set?.calls.hedge !== undefined || onLink('hedge'),
    retryBudget: set?.calls.retryBudget !== undefined || onLink('retryBudget'),
    deadLetterReplay: set?.replay !== undefined,
  };
}
