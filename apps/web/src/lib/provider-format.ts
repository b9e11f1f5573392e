import { PROVIDER_KIND_LABELS, TIMEZONE_BAND_LABELS, type ProviderKind } from '@handoff/contracts';

// How provider facts read on a page. The API sends codes (en, PH, America/Manila, USD); people see
// names. English names on purpose: the whole interface is in English.

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export const kindLabel = (kind: ProviderKind | null): string =>
  kind === null ? 'Provider type not chosen yet' : (PROVIDER_KIND_LABELS[kind] ?? kind);

export const bandLabel = (band: string): string =>
  TIMEZONE_BAND_LABELS[band as keyof typeof TIMEZONE_BAND_LABELS] ?? band;

/** "Asia/Manila" → "Manila"; "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export const cityOf = (zone: string): string => (zone.split('/').pop() ?? zone).replaceAll('_', ' ');

const moneyFormats = new Map<string, Intl.NumberFormat>();
/** "$1,200", "$87.50", "₱950" — whole amounts without cents. */
export function money(amount: number, currency: string): string {
  const key = `${currency}:${Number.isInteger(amount) ? 0 : 2}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
        maximumFractionDigits: 2,
      });
    } catch {
      format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    }
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

/** "$35–$55", or one price when both ends agree; `null` when the provider gave none. */
export function rateRange(min: number | null, max: number | null, currency: string): string | null {
  if (min === null && max === null) return null;
  if (min === null || max === null || min === max) return money((min ?? max)!, currency);
  return `${money(min, currency)}–${money(max, currency)}`;
}

export const BILLING_LABELS = { hourly: 'per hour', monthly: 'per month', fixed: 'fixed price' } as const;
export const BILLING_SHORT = { hourly: '/hr', monthly: '/mo', fixed: 'fixed' } as const;

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** "2023-02" → "Feb 2023". */
export function monthLabel(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  if (!year || !month) return yearMonth;
  return monthFormat.format(new Date(Date.UTC(year, month - 1, 1)));
}

export function initials(name: string): string {
  return (
    name
      .trim()
      .split(/\s+/)
      .filter((part) => /^[\p{L}\p{N}]/u.test(part))
      .slice(0, 2)
      .map((part) => part[0]!.toUpperCase())
      .join('') || '?'
  );
}

/** A stable hue for a name, so the same provider always gets the same initials badge. */
export function toneOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 6;
}

/** "New York · GMT-5": the zone's city and its offset today. */
export function zoneLabel(zone: string): string {
  try {
    const offset = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value;
    return offset ? `${cityOf(zone)} · ${offset}` : cityOf(zone);
  } catch {
    return zone;
  }
}

/**
 * "1 provider", "1,234 providers", or for a broad search counted on a sample "about 41,800 providers"
 * (three significant figures: the estimate is not better than that).
 */
export function providerCount(total: number, exact = true): string {
  const noun = total === 1 ? 'provider' : 'providers';
  if (exact) return `${total.toLocaleString('en-US')} ${noun}`;
  const rounded = Number(total.toPrecision(3));
  return `about ${rounded.toLocaleString('en-US')} ${noun}`;
}

/** A facet's count: as is, or for a broad search (counted on a sample) "≈10,000", two figures. */
export function facetCount(count: number, exact = true): string {
  if (exact || count === 0) return count.toLocaleString('en-US');
  return `≈${Number(count.toPrecision(2)).toLocaleString('en-US')}`;
}
