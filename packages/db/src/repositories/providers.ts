import { ConflictError } from '@handoff/core/errors';
import type {
  MemberProviderRecord,
  ProviderIndexSource,
  ProviderRecord,
  ProvidersRepository,
  ProviderWrite,
} from '@handoff/core/providers';
import { and, asc, count, eq, exists, gt, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  providerFunctions,
  providerIndustries,
  providerLogos,
  providerMembers,
  providerPackages,
  providerReferences,
  providers,
} from '../schema/index.ts';
import { packageColumns, providerChildRows, referenceColumns } from './provider-rows.ts';
import { oldSlugsLike, publishedSlugFor, recordSlugChange, releaseSlug } from './provider-slugs.ts';

const p = providers;
const SLUG_TAKEN = 'This profile address is taken; choose another one';

const indexColumns = {
  id: p.id,
  slug: p.slug,
  name: p.name,
  kind: p.kind,
  status: p.status,
  headline: p.headline,
  bio: p.bio,
  rateMin: p.rateMin,
  rateMax: p.rateMax,
  currency: p.currency,
  languages: p.languages,
  timezone: p.timezone,
  country: p.country,
  ratingAvg: p.ratingAvg,
  ratingCount: p.ratingCount,
  verifiedReferenceCount: p.verifiedReferenceCount,
  updatedAt: p.updatedAt,
};

const recordColumns = {
  ...indexColumns,
  remote: p.remote,
  onSite: p.onSite,
  teamSize: p.teamSize,
  website: p.website,
  publishedAt: p.publishedAt,
  createdAt: p.createdAt,
};

type Children = Pick<ProviderRecord, 'functions' | 'industries' | 'packages' | 'references' | 'logo'>;

/** A unique-index violation on `index`, however the driver or drizzle wrapped it. */
function isUniqueViolation(error: unknown, index: string): boolean {
  for (let e = error as { code?: string; message?: string; cause?: unknown } | undefined; e;) {
    if (e.code === '23505' && (e.message ?? '').includes(index)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

async function guardSlug<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'providers_slug_idx'))
      throw new ConflictError(SLUG_TAKEN, { slug: SLUG_TAKEN });
    throw error;
  }
}

const profileValues = (w: ProviderWrite) => ({
  slug: w.slug,
  name: w.name,
  kind: w.kind,
  headline: w.headline,
  bio: w.bio,
  rateMin: w.rateMin,
  rateMax: w.rateMax,
  currency: w.currency,
  languages: w.languages,
  timezone: w.timezone,
  country: w.country,
  remote: w.remote,
  onSite: w.onSite,
  teamSize: w.teamSize,
  website: w.website,
});

export function createProvidersRepository(db: Db): ProvidersRepository {
  /** True in the WHERE of a providers query when `userId` is one of the row's members. */
  const memberOf = (userId: string): SQL =>
    exists(
      db
        .select({ one: sql`1` })
        .from(providerMembers)
        .where(and(eq(providerMembers.providerId, p.id), eq(providerMembers.userId, userId))),
    );

  async function insertChildren(providerId: string, w: ProviderWrite) {
    const rows = providerChildRows(providerId, w);
    if (rows.functions.length) await db.insert(providerFunctions).values(rows.functions);
    if (rows.industries.length) await db.insert(providerIndustries).values(rows.industries);
    if (rows.packages.length) await db.insert(providerPackages).values(rows.packages);
    if (rows.references.length) await db.insert(providerReferences).values(rows.references);
  }

  async function functionsAndIndustries(ids: string[]) {
    const [fns, inds] = await Promise.all([
      db
        .select({
          providerId: providerFunctions.providerId,
          slug: providerFunctions.functionSlug,
          duties: providerFunctions.duties,
          customDuties: providerFunctions.customDuties,
        })
        .from(providerFunctions)
        .where(inArray(providerFunctions.providerId, ids))
        .orderBy(asc(providerFunctions.providerId), asc(providerFunctions.position)),
      db
        .select({ providerId: providerIndustries.providerId, slug: providerIndustries.industrySlug })
        .from(providerIndustries)
        .where(inArray(providerIndustries.providerId, ids))
        .orderBy(asc(providerIndustries.providerId), asc(providerIndustries.position)),
    ]);
    const functions = groupBy(fns, ({ providerId: _, ...f }) => f);
    const industries = groupBy(inds, (i) => i.slug);
    return { functions, industries };
  }

  /** The full records for these provider rows, children loaded in one query per table. */
  async function withChildren<T extends { id: string }>(rows: T[]): Promise<(T & Children)[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [{ functions, industries }, packages, references, logos] = await Promise.all([
      functionsAndIndustries(ids),
      db
        .select({ ...packageColumns, id: providerPackages.id })
        .from(providerPackages)
        .where(inArray(providerPackages.providerId, ids))
        .orderBy(asc(providerPackages.position)),
      db
        .select({ ...referenceColumns, id: providerReferences.id })
        .from(providerReferences)
        .where(inArray(providerReferences.providerId, ids))
        .orderBy(asc(providerReferences.position)),
      db
        .select({ providerId: providerLogos.providerId, sha256: providerLogos.sha256 })
        .from(providerLogos)
        .where(inArray(providerLogos.providerId, ids)),
    ]);
    const pkgs = groupBy(packages, ({ providerId: _, ...rest }) => rest);
    const refs = groupBy(references, ({ providerId: _, ...r }) => ({
      ...r,
      periodFrom: r.periodFrom.slice(0, 7),
      periodTo: r.periodTo ? r.periodTo.slice(0, 7) : null,
    }));
    const logo = new Map(logos.map((l) => [l.providerId, { sha256: l.sha256 }]));
    return rows.map((r) => ({
      ...r,
      functions: functions.get(r.id) ?? [],
      industries: industries.get(r.id) ?? [],
      packages: pkgs.get(r.id) ?? [],
      references: refs.get(r.id) ?? [],
      logo: logo.get(r.id) ?? null,
    }));
  }

  const memberRows = (userId: string, where?: SQL) =>
    db
      .select({ ...recordColumns, role: providerMembers.role })
      .from(p)
      .innerJoin(
        providerMembers,
        and(eq(providerMembers.providerId, p.id), eq(providerMembers.userId, userId)),
      )
      .where(where)
      .orderBy(asc(p.createdAt), asc(p.id));

  async function indexSourcesWhere(where: SQL, limit?: number): Promise<ProviderIndexSource[]> {
    // The logo's hash only (never its bytes): hits name the logo by a versioned URL.
    const query = db
      .select({
        ...indexColumns,
        logoSha256: providerLogos.sha256,
        hidden: sql<boolean>`${p.suspendedAt} IS NOT NULL`,
      })
      .from(p)
      .leftJoin(providerLogos, eq(providerLogos.providerId, p.id))
      .where(where)
      .orderBy(asc(p.id));
    const rows = limit === undefined ? await query : await query.limit(limit);
    if (rows.length === 0) return [];
    const { functions, industries } = await functionsAndIndustries(rows.map((r) => r.id));
    return rows.map(({ logoSha256, ...r }) => ({
      ...r,
      logoVersion: logoSha256 ? logoSha256.slice(0, 16) : null,
      functions: functions.get(r.id) ?? [],
      industries: industries.get(r.id) ?? [],
    }));
  }

  return {
    async create(userId, write, at) {
      return guardSlug(async () => {
        const [row] = await db
          .insert(p)
          .values({ ...profileValues(write), createdAt: at, updatedAt: at })
          .returning({ id: p.id });
        const id = row!.id;
        await db.insert(providerMembers).values({ providerId: id, userId, role: 'owner', createdAt: at });
        await releaseSlug(db, write.slug);
        await insertChildren(id, write);
        return { id };
      });
    },

    async findForMember(userId, id) {
      const rows = await memberRows(userId, eq(p.id, id));
      const [record] = await withChildren(rows);
      return (record as MemberProviderRecord | undefined) ?? null;
    },

    async listForMember(userId) {
      return (await withChildren(await memberRows(userId))) as MemberProviderRecord[];
    },

    async replace(userId, id, write, at) {
      return guardSlug(async () => {
        // Locked until the transaction ends, so the slug it had is still the one it is leaving.
        const [before] = await db
          .select({ slug: p.slug })
          .from(p)
          .where(and(eq(p.id, id), memberOf(userId)))
          .for('update');
        if (!before) return false;
        await db
          .update(p)
          .set({ ...profileValues(write), updatedAt: at })
          .where(and(eq(p.id, id), memberOf(userId)));
        if (before.slug !== write.slug) await recordSlugChange(db, id, before.slug, write.slug, at);
        // The select above locked the row and proved membership; the children follow it.
        await db.delete(providerFunctions).where(eq(providerFunctions.providerId, id));
        await db.delete(providerIndustries).where(eq(providerIndustries.providerId, id));
        await db.delete(providerPackages).where(eq(providerPackages.providerId, id));
        await db.delete(providerReferences).where(eq(providerReferences.providerId, id));
        await insertChildren(id, write);
        return true;
      });
    },

    async setStatus(userId, id, status, at) {
      const rows = await db
        .update(p)
        .set({ status, updatedAt: at, ...(status === 'published' ? { publishedAt: at } : {}) })
        .where(and(eq(p.id, id), memberOf(userId)))
        .returning({ id: p.id });
      return rows.length > 0;
    },

    async setLogo(userId, id, logo, at) {
      const rows = await db
        .update(p)
        .set({ updatedAt: at })
        .where(and(eq(p.id, id), memberOf(userId)))
        .returning({ id: p.id });
      if (rows.length === 0) return false;
      const values = {
        contentType: logo.contentType,
        bytes: logo.bytes,
        byteSize: logo.bytes.length,
        sha256: logo.sha256,
        updatedAt: at,
      };
      await db
        .insert(providerLogos)
        .values({ providerId: id, ...values })
        .onConflictDoUpdate({ target: providerLogos.providerId, set: values });
      return true;
    },

    async isMember(userId, id) {
      const [row] = await db
        .select({ one: sql<number>`1` })
        .from(providerMembers)
        .where(and(eq(providerMembers.providerId, id), eq(providerMembers.userId, userId)));
      return row !== undefined;
    },

    async countOwned(userId) {
      const [row] = await db
        .select({ n: count() })
        .from(providerMembers)
        .where(and(eq(providerMembers.userId, userId), eq(providerMembers.role, 'owner')));
      return row?.n ?? 0;
    },

    async slugsLike(base) {
      const escaped = base.replace(/[\\%_]/g, (c) => `\\${c}`);
      const [current, old] = await Promise.all([
        db
          .select({ slug: p.slug })
          .from(p)
          .where(or(eq(p.slug, base), like(p.slug, `${escaped}-%`))),
        oldSlugsLike(db, base, escaped),
      ]);
      return [...current.map((r) => r.slug), ...old];
    },

    async slugHolder(slug) {
      const [row] = await db.select({ id: p.id }).from(p).where(eq(p.slug, slug));
      return row?.id ?? null;
    },

    async findPublishedBySlug(slug) {
      const rows = await db
        .select(recordColumns)
        .from(p)
        .where(and(eq(p.slug, slug), eq(p.status, 'published'), isNull(p.suspendedAt)));
      const [record] = await withChildren(rows);
      return record ?? null;
    },

    publishedSlugFor: (oldSlug) => publishedSlugFor(db, oldSlug),

    async findLogo(id) {
      const [row] = await db
        .select({
          contentType: providerLogos.contentType,
          bytes: providerLogos.bytes,
          sha256: providerLogos.sha256,
          updatedAt: providerLogos.updatedAt,
          providerStatus: p.status,
        })
        .from(providerLogos)
        .innerJoin(p, eq(p.id, providerLogos.providerId))
        .where(eq(providerLogos.providerId, id));
      return row ?? null;
    },

    indexSources: (ids) => (ids.length ? indexSourcesWhere(inArray(p.id, ids)) : Promise.resolve([])),

    publishedIndexSources: (afterId, limit) =>
      indexSourcesWhere(
        and(eq(p.status, 'published'), isNull(p.suspendedAt), afterId ? gt(p.id, afterId) : undefined)!,
        limit,
      ),

    async countPublished() {
      const [row] = await db
        .select({ n: count() })
        .from(p)
        .where(and(eq(p.status, 'published'), isNull(p.suspendedAt)));
      return row?.n ?? 0;
    },
  };
}

function groupBy<R extends { providerId: string }, V>(rows: R[], map: (row: R) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const row of rows) {
    const list = out.get(row.providerId);
    if (list) list.push(map(row));
    else out.set(row.providerId, [map(row)]);
  }
  return out;
}
