import type { ProviderDocument, ProviderHit } from './types.ts';

/** The fields a hit carries, in both engines (an allow-list: bio, duties and published never leave). */
export const HIT_FIELDS = [
  'id',
  'slug',
  'name',
  'headline',
  'kind',
  'functions',
  'functionNames',
  'industries',
  'industryNames',
  'languages',
  'timezone',
  'timezoneBand',
  'country',
  'rateMin',
  'rateMax',
  'currency',
  'ratingAvg',
  'ratingCount',
  'verifiedReferenceCount',
  'logoVersion',
  'updatedAt',
] as const satisfies readonly (keyof ProviderHit)[];

export function toHit(doc: ProviderHit | ProviderDocument): ProviderHit {
  return {
    id: doc.id,
    slug: doc.slug,
    name: doc.name,
    headline: doc.headline,
    kind: doc.kind,
    functions: [...doc.functions],
    functionNames: [...doc.functionNames],
    industries: [...doc.industries],
    industryNames: [...doc.industryNames],
    languages: [...doc.languages],
    timezone: doc.timezone,
    timezoneBand: doc.timezoneBand,
    country: doc.country,
    rateMin: doc.rateMin,
    rateMax: doc.rateMax,
    currency: doc.currency,
    ratingAvg: doc.ratingAvg ?? null,
    ratingCount: doc.ratingCount,
    verifiedReferenceCount: doc.verifiedReferenceCount,
    // Documents indexed before hits carried it have no field: no logo until the next sync.
    logoVersion: doc.logoVersion ?? null,
    updatedAt: doc.updatedAt,
  };
}

/** Last occurrence of each id wins, so one batch never writes the same document twice. */
export function dedupeById<T extends { id: string }>(docs: T[]): T[] {
  return [...new Map(docs.map((d) => [d.id, d])).values()];
}

// Fails to compile if a ProviderHit field is missing from HIT_FIELDS.
type MissingHitField = Exclude<keyof ProviderHit, (typeof HIT_FIELDS)[number]>;
const _everyHitField: [MissingHitField] extends [never] ? true : never = true;
