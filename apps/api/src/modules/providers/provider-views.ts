import { findFunction, findIndustry } from '@handoff/core/taxonomy';
import { missingForPublish, type MemberProviderRecord, type ProviderRecord } from '@handoff/core/providers';

// Records → response bodies. The response schemas are the allow-lists; these only shape and name.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Stable path; the version changes with the image so caches can keep each version for a year. */
export const logoUrl = (id: string, sha256: string) => `/providers/${id}/logo?v=${sha256.slice(0, 16)}`;

function profileFields(p: ProviderRecord) {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    kind: p.kind,
    headline: p.headline,
    bio: p.bio,
    functions: p.functions.map((f) => ({
      slug: f.slug,
      name: findFunction(f.slug)?.name ?? f.slug,
      duties: f.duties,
      customDuties: f.customDuties,
    })),
    industries: p.industries.map((slug) => ({ slug, name: findIndustry(slug)?.name ?? slug })),
    packages: p.packages,
    rateMin: p.rateMin,
    rateMax: p.rateMax,
    currency: p.currency,
    languages: p.languages,
    timezone: p.timezone,
    country: p.country,
    remote: p.remote,
    onSite: p.onSite,
    teamSize: p.teamSize,
    website: p.website,
    logoUrl: p.logo ? logoUrl(p.id, p.logo.sha256) : null,
    ratingAvg: p.ratingAvg,
    ratingCount: p.ratingCount,
    verifiedReferenceCount: p.verifiedReferenceCount,
    publishedAt: iso(p.publishedAt),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const reference = (r: ProviderRecord['references'][number]) => ({
  company: r.company,
  role: r.role,
  period: { from: r.periodFrom, to: r.periodTo },
  function: r.functionSlug,
  duties: r.duties,
});

export const memberView = (p: MemberProviderRecord) => ({
  ...profileFields(p),
  status: p.status,
  role: p.role,
  references: p.references.map((r) => ({ id: r.id, name: r.name, email: r.email, ...reference(r) })),
  missingForPublish: missingForPublish(p),
  createdAt: p.createdAt.toISOString(),
});

/**
 * No reference contacts at all: they never agreed to be listed, and nothing the provider typed about
 * them is confirmed. Verified answers (as the customers confirmed them) have their own route.
 */
export const publicView = (p: ProviderRecord) => profileFields(p);

export const summaryView = (p: MemberProviderRecord) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  kind: p.kind,
  status: p.status,
  headline: p.headline,
  role: p.role,
  missingForPublish: missingForPublish(p),
  publishedAt: iso(p.publishedAt),
  updatedAt: p.updatedAt.toISOString(),
});
