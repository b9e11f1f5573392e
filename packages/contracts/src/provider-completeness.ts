import type { ProviderKind } from './providers.ts';
import type { MissingField } from './provider-responses.ts';

export const HEADLINE_MIN = 10;
export const BIO_MIN = 50;

/** The parts of a profile publishing looks at. */
export interface ProviderCompleteness {
  kind: ProviderKind | null;
  headline: string;
  bio: string;
  functions: readonly { slug: string; duties: readonly string[]; customDuties: readonly string[] }[];
  industries: readonly string[];
  rateMin: number | null;
  rateMax: number | null;
  languages: readonly string[];
  timezone: string | null;
  country: string | null;
  remote: boolean;
  onSite: boolean;
}

/**
 * What a profile still needs before it can be published (or stay published); empty when complete.
 * Shared by the api's publish rule and the editor, which lists all of it at once even when the draft
 * itself has a field to fix. `functionName` turns a slug into the name a person reads.
 */
export function missingForPublish(
  p: ProviderCompleteness,
  functionName: (slug: string) => string = (slug) => slug,
): MissingField[] {
  const missing: MissingField[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) missing.push({ field, message });
  };
  need(p.kind !== null, 'kind', 'Say whether you work as a freelancer, a virtual assistant or a firm');
  need(
    p.headline.trim().length >= HEADLINE_MIN,
    'headline',
    `Add a headline of at least ${HEADLINE_MIN} characters`,
  );
  need(p.bio.trim().length >= BIO_MIN, 'bio', `Write a bio of at least ${BIO_MIN} characters`);
  need(p.functions.length > 0, 'functions', 'Choose at least one business function you serve');
  p.functions.forEach((f, i) =>
    need(
      f.duties.length + f.customDuties.length > 0,
      `functions.${i}.duties`,
      `Pick at least one duty you cover for ${functionName(f.slug)}`,
    ),
  );
  need(p.industries.length > 0, 'industries', 'Choose at least one industry you serve');
  need(p.rateMin !== null, 'rateMin', 'Enter the lowest hourly rate you charge');
  need(p.rateMax !== null, 'rateMax', 'Enter the highest hourly rate you charge');
  need(p.languages.length > 0, 'languages', 'Add at least one language you work in');
  need(p.timezone !== null, 'timezone', 'Choose your time zone');
  need(p.country !== null, 'country', 'Choose the country you work from');
  need(p.remote || p.onSite, 'remote', 'Say whether you work remotely, on site, or both');
  return missing;
}
