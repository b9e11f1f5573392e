import { and, eq, isNull, like, or } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { providers, providerSlugRedirects } from '../schema/index.ts';

// Old profile addresses. A slug is either current (providers.slug) or an old one here, never both;
// rows point at the profile, not at the next slug, so a chain of renames needs one hop. The providers
// repository calls these with its own handle, which the use cases bind to their transaction.

const r = providerSlugRedirects;

/** A profile has just taken `slug`: it stops being anyone's old address. */
export async function releaseSlug(db: Db, slug: string): Promise<void> {
  await db.delete(r).where(eq(r.slug, slug));
}

/** The profile moved from `from` to `to`: `from` now leads to it, and `to` is nobody's old address. */
export async function recordSlugChange(
  db: Db,
  providerId: string,
  from: string,
  to: string,
  at: Date,
): Promise<void> {
  await releaseSlug(db, to);
  await db
    .insert(r)
    .values({ slug: from, providerId, createdAt: at })
    // Only when two renames raced for the same slug; the last one to leave it owns the redirect.
    .onConflictDoUpdate({ target: r.slug, set: { providerId, createdAt: at } });
}

/** Old slugs that equal `base` or are `base-N` (`escaped` is `base` escaped for LIKE). */
export async function oldSlugsLike(db: Db, base: string, escaped: string): Promise<string[]> {
  const rows = await db
    .select({ slug: r.slug })
    .from(r)
    .where(or(eq(r.slug, base), like(r.slug, `${escaped}-%`)));
  return rows.map((row) => row.slug);
}

/** The current slug of the published profile that `oldSlug` used to name, if any. */
export async function publishedSlugFor(db: Db, oldSlug: string): Promise<string | null> {
  const [row] = await db
    .select({ slug: providers.slug })
    .from(r)
    .innerJoin(providers, eq(providers.id, r.providerId))
    .where(and(eq(r.slug, oldSlug), eq(providers.status, 'published'), isNull(providers.suspendedAt)));
  return row?.slug ?? null;
}
