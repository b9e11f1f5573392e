const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * "3 minutes ago", "yesterday". `now` comes from the server's load so the page hydrates with the
 * exact text it was rendered with.
 */
export function relativeTime(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  if (Math.abs(diff) < 45_000) return 'just now';
  for (const [unit, ms] of units) {
    if (Math.abs(diff) >= ms || unit === 'minute') return format.format(Math.round(diff / ms), unit);
  }
  return 'just now';
}

const absolute = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** "Nov 22, 2026, 12:45 AM UTC": the same on the server and in every browser. */
export function absoluteTime(iso: string): string {
  return `${absolute.format(new Date(iso))} UTC`;
}
