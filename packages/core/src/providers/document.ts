import { toUsd } from '@handoff/contracts';
import { findFunction, findIndustry } from '../taxonomy/index.ts';
import type { ProviderIndexDocument, ProviderIndexSource } from './ports.ts';

type Band = ProviderIndexDocument['timezoneBand'];

// A fixed winter instant, so a zone's band does not move with daylight saving or the date it is
// computed on.
const REFERENCE_INSTANT = new Date(Date.UTC(2026, 0, 15, 12));
const bandCache = new Map<string, Band>();

/** UTC offset of a zone in hours (e.g. 5.5 for Asia/Kolkata); 0 for a zone Intl does not know. */
export function utcOffsetHours(timeZone: string, at = REFERENCE_INSTANT): number {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
    if (!match) return 0;
    const hours = Number(match[2]) + Number(match[3]) / 60;
    return match[1] === '-' ? -hours : hours;
  } catch {
    return 0;
  }
}

/**
 * Working-hours band for the timezone facet: Americas up to UTC−2, Europe & Africa from UTC−1 to
 * UTC+4 (Dubai, Moscow), Asia & Pacific from UTC+5 (Karachi, Kolkata, Manila, Sydney).
 */
export function timezoneBand(timeZone: string): Band {
  let band = bandCache.get(timeZone);
  if (!band) {
    const offset = utcOffsetHours(timeZone);
    band = offset <= -1.5 ? 'americas' : offset < 4.5 ? 'europe_africa' : 'asia_pacific';
    bandCache.set(timeZone, band);
  }
  return band;
}

/**
 * The search document for a profile. A draft, or a profile missing what search needs, maps to an
 * unpublished document, which every index removes instead of storing.
 */
export function toIndexDocument(p: ProviderIndexSource): ProviderIndexDocument {
  const published =
    p.status === 'published' &&
    !p.hidden &&
    p.kind !== null &&
    p.rateMin !== null &&
    p.rateMax !== null &&
    p.timezone !== null &&
    p.country !== null;
  const duties = [...new Set(p.functions.flatMap((f) => [...f.duties, ...f.customDuties]))];
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    headline: p.headline,
    bio: p.bio,
    kind: p.kind ?? 'freelancer', // only read when published, which requires a kind
    functions: p.functions.map((f) => f.slug),
    functionNames: p.functions.map((f) => findFunction(f.slug)?.name ?? f.slug),
    industries: [...p.industries],
    industryNames: p.industries.map((slug) => findIndustry(slug)?.name ?? slug),
    duties,
    languages: [...p.languages],
    timezone: p.timezone ?? 'UTC',
    timezoneBand: timezoneBand(p.timezone ?? 'UTC'),
    country: p.country ?? '',
    rateMin: p.rateMin ?? 0,
    rateMax: p.rateMax ?? 0,
    currency: p.currency,
    rateMinUsd: toUsd(p.rateMin ?? 0, p.currency),
    rateMaxUsd: toUsd(p.rateMax ?? 0, p.currency),
    ratingAvg: p.ratingAvg,
    ratingCount: p.ratingCount,
    verifiedReferenceCount: p.verifiedReferenceCount,
    logoVersion: p.logoVersion,
    published,
    updatedAt: p.updatedAt.toISOString(),
  };
}
