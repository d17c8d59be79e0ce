/**
 * The run's wall-clock label: the scenario's `clock.start` plus the simulated time elapsed.
 *
 * The start is shown as written, in the scenario's own local time: `2024-11-29T09:00:00-05:00`
 * reads 09:00, whatever the viewer's time zone. To do that the written date and time are taken
 * as if they were UTC and all formatting is done in UTC.
 */

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?/;

/** Parses `clock.start` into milliseconds on the UTC-as-local scale; a missing or unreadable start gives null. */
export function parseClockStart(start: string | undefined): number | null {
  if (start === undefined) return null;
  const match = ISO_LOCAL.exec(start.trim());
  if (match === null) return null;

  const [, year, month, day, hour = '0', minute = '0', second = '0', millis = '0'] = match;
  return Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    Number(millis.padEnd(3, '0')),
  );
}

/** Formats the wall-clock label of a simulated time, such as `Fri 2024-11-29 09:41:05`, or elapsed time `T+02:41:05`. */
export function formatClock(startMs: number | null, elapsedMs: number): string {
  if (startMs === null) return `T+${formatElapsed(elapsedMs)}`;

  const date = new Date(startMs + elapsedMs);
  const weekday = WEEKDAYS[date.getUTCDay()] as string;
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${weekday} ${day} ${time}`;
}

/** Formats elapsed simulated time as `HH:MM:SS`, with days prefixed past 24 hours. */
export function formatElapsed(ms: number): string {
  const totalSeconds = Math.floor(ms / 1_000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  const time = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return days > 0 ? `${days}d ${time}` : time;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
