import { COUNTRY_CODES, CURRENCIES, LANGUAGE_CODES } from '@handoff/contracts';
import { countryName, languageName } from '$lib/provider-format.ts';

// The editor's pick lists, built once on the server and sent with the page, so the options the browser
// hydrates are exactly the ones the server rendered (each runtime's Intl data differs a little).

export interface Option {
  value: string;
  label: string;
}

export interface OptionGroup {
  label: string;
  options: Option[];
}

export interface EditorOptions {
  countries: Option[];
  languages: Option[];
  /** Shown as checkboxes; the rest are in an "add another language" list. */
  commonLanguages: string[];
  timezones: OptionGroup[];
  currencies: string[];
}

const COMMON_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'pl', 'uk', 'ar', 'hi', 'ur', 'tl', 'zh'];

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, 'en');

function offsetOf(zone: string, at: Date): string {
  try {
    return (
      new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value ?? ''
    );
  } catch {
    return '';
  }
}

function timezoneGroups(): OptionGroup[] {
  const zones = Intl.supportedValuesOf('timeZone').filter((z) => z.includes('/') && !z.startsWith('Etc/'));
  const now = new Date();
  const groups = new Map<string, Option[]>();
  for (const zone of zones) {
    const [region = 'Other', ...rest] = zone.split('/');
    const city = rest.join(' / ').replaceAll('_', ' ');
    const offset = offsetOf(zone, now);
    const options = groups.get(region) ?? [];
    options.push({ value: zone, label: offset ? `${city} (${offset})` : city });
    groups.set(region, options);
  }
  const list = [...groups].map(([label, options]) => ({ label, options: options.sort(byLabel) }));
  list.push({ label: 'Other', options: [{ value: 'UTC', label: 'UTC (GMT)' }] });
  return list.sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

// Rebuilt twice a day so the offsets shown follow daylight saving.
const TTL_MS = 12 * 3_600_000;
let cached: { options: EditorOptions; expires: number } | null = null;

export function editorOptions(): EditorOptions {
  if (cached && Date.now() < cached.expires) return cached.options;
  const options = {
    countries: COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) })).sort(byLabel),
    languages: LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code) })).sort(byLabel),
    commonLanguages: COMMON_LANGUAGES,
    timezones: timezoneGroups(),
    currencies: [...CURRENCIES],
  };
  cached = { options, expires: Date.now() + TTL_MS };
  return options;
}
