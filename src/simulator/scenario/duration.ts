/** Result of parsing a duration: milliseconds, or a message saying what is wrong. */
export type DurationResult = { ok: true; ms: number } | { ok: false; message: string };

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;

/**
 * Parses a duration such as `250ms`, `30s`, `1h30m` or a number of milliseconds.
 *
 * @example parseDuration('1h30m') // { ok: true, ms: 5_400_000 }
 */
export function parseDuration(value: number | string): DurationResult {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return { ok: true, ms: value };
    return { ok: false, message: `duration ${value} is invalid: use a number of milliseconds of 0 or more` };
  }

  const text = value.trim();
  let total = 0;
  let matched = 0;
  PART.lastIndex = 0;
  for (let match = PART.exec(text); match; match = PART.exec(text)) {
    total += Number(match[1]) * (UNIT_MS[match[2] as string] as number);
    matched = PART.lastIndex;
  }

  if (text.length === 0 || matched !== text.length) {
    return {
      ok: false,
      message: `duration "${value}" is invalid: write it as 250ms, 30s, 5m, 1h30m or 2d, or as a number of milliseconds`,
    };
  }
  return { ok: true, ms: total };
}

/** Formats milliseconds as a short duration, such as `1h30m` or `250ms`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  let rest = Math.round(ms / 1_000);
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}

const UNIT_WORDS: Record<string, string> = {
  ms: 'ms', msec: 'ms', msecs: 'ms', millis: 'ms', millisecond: 'ms', milliseconds: 'ms',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', day: 'd', days: 'd',
};
const WORDY_PART = /(\d+(?:\.\d+)?)\s*([a-z]+)/gy;

/**
 * Rewrites a duration written in words, such as `30 mins` or `1 hour 30 minutes`, in the short form.
 *
 * Returns null when the text has no such reading, so the caller falls back to a general hint.
 *
 * @example suggestDuration('30 mins') // '30m'
 */
export function suggestDuration(text: string): string | null {
  const source = text.trim().toLowerCase().replace(/\s*(,|and)\s*/g, ' ');
  let result = '';
  let matched = 0;

  WORDY_PART.lastIndex = 0;
  for (let match = WORDY_PART.exec(source); match; match = WORDY_PART.exec(source)) {
    const unit = UNIT_WORDS[match[2] as string];
    if (unit === undefined) return null;
    result += `${match[1]}${unit}`;
    while (source[WORDY_PART.lastIndex] === ' ') WORDY_PART.lastIndex++;
    matched = WORDY_PART.lastIndex;
  }

  if (result === '' || matched !== source.length) return null;
  return parseDuration(result).ok ? result : null;
}
