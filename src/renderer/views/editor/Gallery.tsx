/**
 * The gallery of shipped scenarios: one card each with its name, description and shape.
 */
import { useMemo } from 'react';
import { parseScenario } from '../../../simulator/index.js';
import { formatDuration } from '../../../simulator/scenario/duration.js';
import { openGalleryScenario } from '../../store/actions.js';
import { useStudio } from '../../store/studio.js';
import { GALLERY } from './gallery.js';

interface Card {
  file: string;
  text: string;
  name: string;
  description: string;
  facts: string[];
  valid: boolean;
}

function describe(file: string, text: string): Card {
  const parsed = parseScenario(text, `scenarios/${file}`);
  if (!parsed.ok) {
    return { file, text, name: file, description: `${parsed.issues.length} issue(s) in this file`, facts: [], valid: false };
  }
  const { scenario } = parsed;
  const facts = [
    formatDuration(scenario.clock.duration),
    `${Object.keys(scenario.systems).length} systems`,
    `${scenario.faults.length} faults`,
    `${Object.keys(scenario.policies).length} policy sets`,
  ];
  return { file, text, name: scenario.name, description: scenario.description ?? '', facts, valid: true };
}

/** Renders the gallery; opening a card requests confirmation first when the editor has unsaved changes. */
export function Gallery() {
  const cards = useMemo(() => GALLERY.map((entry) => describe(entry.file, entry.text)), []);
  const current = useStudio((state) => state.file);

  if (cards.length === 0) {
    return (
      <div className="gallery-empty muted" data-testid="gallery-empty">
        No scenarios were bundled: the <span className="mono">scenarios/</span> folder was empty at build time.
      </div>
    );
  }

  return (
    <ul className="gallery" data-testid="gallery">
      {cards.map((card) => (
        <li key={card.file} className={card.file === current ? 'gallery-card current' : 'gallery-card'} data-testid="gallery-card" data-file={card.file}>
          <div className="gallery-head">
            <span className="gallery-name">{card.name}</span>
            {card.valid ? null : <span className="badge bad">invalid</span>}
          </div>
          <div className="mono muted gallery-file">{card.file}</div>
          <p className="gallery-description">{card.description}</p>
          <div className="gallery-foot">
            <span className="mono muted">{card.facts.join(' · ')}</span>
            <button type="button" className="primary small" data-testid={`gallery-open-${card.file}`} onClick={() => openGalleryScenario(card.file, card.text)}>
              Open
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
