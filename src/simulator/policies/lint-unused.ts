/**
 * Policy lint of settings that are valid by the schema but do nothing where they are written: a
 * link option that only a link of another style reads, or a replay schedule with no dead-letter queue
 * to replay. The author most likely meant the setting to act, so each warning names what to change.
 */
import { formatPointer, type DocumentPath } from '../scenario/issues.js';
import type { LinkConfig, Scenario } from '../scenario/schema.js';
import type { PolicyWarning } from './lint.js';

/** Link options read only by links of one integration style. */
const STYLE_OPTIONS = [
  { key: 'batch', style: 'batch', code: 'batch-without-batch-style', what: 'a batch file schedule' },
  { key: 'orchestration', style: 'middleware', code: 'orchestration-without-middleware-style', what: 'a middleware orchestration' },
  { key: 'topic', style: 'events', code: 'topic-without-events-style', what: 'an event topic' },
] as const satisfies readonly { key: keyof LinkConfig; style: LinkConfig['style']; code: PolicyWarning['code']; what: string }[];

/** Returns the warnings of settings that do nothing: link options of another style, then replays without dead letters. */
export function unusedSettings(scenario: Scenario): PolicyWarning[] {
  return [...linkOptionsOfOtherStyles(scenario.links), ...replaysWithoutDeadLetters(scenario)];
}

/** Warns of a link option that only links of another style read, so the link ignores it. */
function linkOptionsOfOtherStyles(links: readonly LinkConfig[]): PolicyWarning[] {
  const found: PolicyWarning[] = [];
  links.forEach((link, index) => {
    for (const option of STYLE_OPTIONS) {
      if (link[option.key] === undefined || link.style === option.style) continue;
      const id = `${link.from}->${link.to}`;
      found.push(
        unused(
          option.code,
          ['links', index, option.key],
          null,
          `${id} sets ${option.what} (${option.key}), but its style is ${link.style}; only links of style ${option.style} read ${option.key}, so it is ignored`,
          `set style: ${option.style} on ${id} if it should use ${option.key}, or remove ${option.key} from the link`,
        ),
      );
    }
  });
  return found;
}

/** Warns of a scheduled replay in a policy set without `deadLetter`: no message is ever dead-lettered, so the replay finds nothing. */
function replaysWithoutDeadLetters(scenario: Scenario): PolicyWarning[] {
  const found: PolicyWarning[] = [];
  for (const [name, set] of Object.entries(scenario.policies)) {
    if (set.replay === undefined || set.deadLetter !== undefined) continue;
    found.push(
      unused(
        'replay-without-dead-letter',
        ['policies', name, 'replay'],
        name,
        `policy set "${name}" schedules a replay of the dead-letter queue but sets no deadLetter, so messages are redelivered ` +
          'without limit, none is ever dead-lettered, and every replay finds the queue empty',
        `add deadLetter: { maxAttempts: 5 } to policy set "${name}" so failed messages are set aside for the replay, or remove replay`,
      ),
    );
  }
  return found;
}

function unused(code: PolicyWarning['code'], path: DocumentPath, policy: string | null, message: string, fix: string): PolicyWarning {
  return { code, path, pointer: formatPointer(path), policy, message, fix };
}
