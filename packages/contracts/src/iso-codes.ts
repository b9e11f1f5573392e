// Closed lists the profile and search schemas validate against. Generated from the ISO standards
// (deprecated and user-assigned codes left out); change them only when a standard changes.

/** ISO 639-1 language codes. */
export const LANGUAGE_CODES: readonly string[] = (
  'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de ' +
  'dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ' +
  'ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu ' +
  'lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu ' +
  'rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ' +
  'ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
).split(' ');

/** ISO 3166-1 alpha-2 country codes. */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT ' +
  'BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ' +
  'ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT ' +
  'HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS ' +
  'LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI ' +
  'NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG ' +
  'SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/** Currencies a provider can quote in (ISO 4217): the markets Handoff serves, kept short on purpose. */
export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'INR',
  'PHP',
  'PKR',
  'UAH',
  'COP',
  'KES',
  'MXN',
  'ZAR',
  'PLN',
] as const;
export type Currency = (typeof CURRENCIES)[number];

/**
 * US dollars per unit of each currency: approximate reference rates, used only so that search can
 * compare and sort rates quoted in different currencies (a rate filter is in US dollars). Profiles
 * always show the provider's own currency. Refreshed with releases, not live: a few per cent of drift
 * moves a provider across a filter boundary at most.
 */
export const FX_REFERENCE_DATE = '2026-11-01';
export const USD_PER_UNIT: Record<Currency, number> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CAD: 0.72,
  AUD: 0.65,
  NZD: 0.59,
  CHF: 1.12,
  INR: 0.012,
  PHP: 0.017,
  PKR: 0.0036,
  UAH: 0.024,
  COP: 0.00025,
  KES: 0.0078,
  MXN: 0.055,
  ZAR: 0.054,
  PLN: 0.25,
};

/** An amount in US dollars, to the cent; an unknown currency is taken as dollars. */
export const toUsd = (amount: number, currency: string): number =>
  Math.round(amount * (USD_PER_UNIT[currency as Currency] ?? 1) * 100) / 100;

const languageSet = new Set(LANGUAGE_CODES);
const countrySet = new Set(COUNTRY_CODES);
export const isLanguageCode = (code: string) => languageSet.has(code);
export const isCountryCode = (code: string) => countrySet.has(code);

let zoneNames: Map<string, string> | undefined;
/**
 * The IANA zone name in its usual spelling, or null if this runtime's Intl does not know it.
 * `america/chicago` becomes `America/Chicago`; aliases such as `Asia/Calcutta` are accepted as typed.
 */
export function canonicalTimeZone(value: string): string | null {
  const zone = value.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(zone) || zone.length > 64) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return null;
  }
  zoneNames ??= new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));
  return zoneNames.get(zone.toLowerCase()) ?? zone;
}
