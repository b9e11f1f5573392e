import { toIndexDocument, type ProviderIndex } from '@handoff/core/providers';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { providerChildRows } from '../repositories/provider-rows.ts';
import { createOutboxWriter } from '../repositories/outbox.ts';
import { refreshReferenceStats } from '../repositories/references.ts';
import { appMeta, providers, users } from '../schema/index.ts';
import { bulkInsert } from './bulk.ts';
import { DEMO_SEED, demoProvider, type DemoProvider } from './providers.ts';
import { demoReferences, DUTY_COLUMNS, REQUEST_COLUMNS, RESPONSE_COLUMNS } from './references.ts';

const MARKER = 'demo_providers';

export interface SeedProvidersOptions {
  /** How many demo providers there should be in total (more are added, none removed). */
  count: number;
  seed?: string;
  /** The hash every generated provider user logs in with (the demo password). */
  passwordHash: string;
  /** Provider #0 belongs to this existing account (the demo provider) and carries its name. */
  firstOwner?: { email: string; first: string; last: string };
  /** Indexes each batch as it is written; without one, a single `search.reindex` job is queued. */
  index?: ProviderIndex;
  /** Queue one `search.reindex` job when there is no index (default true; the benchmark indexes itself). */
  queueReindex?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedProvidersResult {
  seed: string;
  /** Demo providers present before this run, and written by it. */
  existing: number;
  inserted: number;
  /** A rebuild job was queued for the worker or the api to index them. */
  queuedReindex: boolean;
  /** Set when the database already holds demo providers from another seed: nothing was written. */
  otherSeed?: string;
}

/**
 * Loads generated, published providers with multi-row inserts, one transaction per batch. Idempotent
 * and resumable: `app_meta.demo_providers` records the seed and how many are in (updated in each
 * batch's transaction), so a second run adds only what is missing.
 */
export async function seedDemoProviders(db: Db, options: SeedProvidersOptions): Promise<SeedProvidersResult> {
  const seed = options.seed ?? DEMO_SEED;
  const batchSize = options.batchSize ?? 1000;
  const [marker] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, MARKER));
  const stored = marker ? (JSON.parse(marker.value) as { seed: string; count: number }) : null;
  if (stored && stored.seed !== seed) {
    return { seed, existing: stored.count, inserted: 0, queuedReindex: false, otherSeed: stored.seed };
  }
  const existing = stored?.count ?? 0;
  let inserted = 0;
  options.onProgress?.(existing, Math.max(existing, options.count));
  for (let from = existing; from < options.count; from += batchSize) {
    const size = Math.min(batchSize, options.count - from);
    const batch = Array.from({ length: size }, (_, k) =>
      demoProvider(seed, from + k, personFor(from + k, options)),
    );
    const written = await db.transaction(async (tx) => {
      const rows = await insertBatch(tx as unknown as Db, batch, options);
      await insertReferences(tx as unknown as Db, seed, from, batch, rows);
      const value = JSON.stringify({ seed, count: from + size });
      await tx
        .insert(appMeta)
        .values({ key: MARKER, value })
        .onConflictDoUpdate({ target: appMeta.key, set: { value } });
      return rows;
    });
    if (options.index && written.length > 0) {
      const stats = await statsOf(db, written);
      await options.index.upsert(written.map((p) => toDocument(p, stats.get(p.id)!)));
    }
    inserted += written.length;
    options.onProgress?.(from + size, options.count);
  }
  const queuedReindex = !options.index && inserted > 0 && options.queueReindex !== false;
  if (queuedReindex) await createOutboxWriter(db).enqueue('search.reindex', {});
  return { seed, existing, inserted, queuedReindex };
}

function personFor(index: number, options: SeedProvidersOptions) {
  return index === 0 && options.firstOwner ? options.firstOwner : undefined;
}

/** Writes one batch; returns the providers actually inserted (a clashing slug or id skips one). */
async function insertBatch(
  db: Db,
  batch: DemoProvider[],
  options: SeedProvidersOptions,
): Promise<DemoProvider[]> {
  const accountEmail = options.firstOwner?.email;
  const people = batch
    .flatMap((p) => [p.owner, ...p.members])
    .filter((u) => u.email !== accountEmail)
    .map((u) => ({ ...u, password_hash: options.passwordHash, roles: ['provider'] }));
  await bulkInsert(
    db,
    'users',
    { id: 'uuid', email: 'text', name: 'text', password_hash: 'text', roles: 'text[]' },
    people,
    sql`ON CONFLICT DO NOTHING`,
  );
  // Ids by e-mail: a user left by an earlier run (or the demo account) keeps its own id.
  const emails = batch.flatMap((p) => [p.owner.email, ...p.members.map((m) => m.email)]);
  const found = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const idOf = new Map(found.map((u) => [u.email, u.id]));

  const created = await bulkInsert<{ id: string }>(
    db,
    'providers',
    PROVIDER_COLUMNS,
    batch.map(providerRow),
    sql`ON CONFLICT DO NOTHING RETURNING id`,
  );
  const kept = new Set(created.map((c) => c.id));
  const written = batch.filter((p) => kept.has(p.id));
  if (written.length === 0) return [];

  const members = written.flatMap((p) =>
    [p.owner, ...p.members].flatMap((u, i) => {
      const userId = idOf.get(u.email);
      return userId ? [{ provider_id: p.id, user_id: userId, role: i === 0 ? 'owner' : 'member' }] : [];
    }),
  );
  await bulkInsert(
    db,
    'provider_members',
    { provider_id: 'uuid', user_id: 'uuid', role: 'text' },
    members,
    sql`ON CONFLICT DO NOTHING`,
  );
  const children = written.map((p) => providerChildRows(p.id, p.write));
  await bulkInsert(
    db,
    'provider_functions',
    { provider_id: 'uuid', function_slug: 'text', position: 'int', duties: 'jsonb', custom_duties: 'jsonb' },
    children.flatMap((c) =>
      c.functions.map((f) => ({
        provider_id: f.providerId,
        function_slug: f.functionSlug,
        position: f.position,
        duties: f.duties,
        custom_duties: f.customDuties,
      })),
    ),
  );
  await bulkInsert(
    db,
    'provider_industries',
    { provider_id: 'uuid', industry_slug: 'text', position: 'int' },
    children.flatMap((c) =>
      c.industries.map((i) => ({
        provider_id: i.providerId,
        industry_slug: i.industrySlug,
        position: i.position,
      })),
    ),
  );
  await bulkInsert(
    db,
    'provider_packages',
    {
      provider_id: 'uuid',
      position: 'int',
      name: 'text',
      description: 'text',
      price: 'numeric',
      billing: 'text',
      duties: 'jsonb',
    },
    children.flatMap((c) =>
      c.packages.map((k) => ({
        provider_id: k.providerId,
        position: k.position,
        name: k.name,
        description: k.description,
        price: k.price,
        billing: k.billing,
        duties: k.duties,
      })),
    ),
  );
  await bulkInsert(
    db,
    'provider_references',
    {
      provider_id: 'uuid',
      position: 'int',
      name: 'text',
      email: 'text',
      company: 'text',
      role: 'text',
      period_from: 'date',
      period_to: 'date',
      function_slug: 'text',
      duties: 'jsonb',
    },
    children.flatMap((c) =>
      c.references.map((r) => ({
        provider_id: r.providerId,
        position: r.position,
        name: r.name,
        email: r.email,
        company: r.company,
        role: r.role,
        period_from: r.periodFrom,
        period_to: r.periodTo,
        function_slug: r.functionSlug,
        duties: r.duties,
      })),
    ),
  );
  return written;
}

const PROVIDER_COLUMNS = {
  id: 'uuid',
  slug: 'text',
  name: 'text',
  kind: 'text',
  status: 'text',
  headline: 'text',
  bio: 'text',
  rate_min: 'numeric',
  rate_max: 'numeric',
  currency: 'text',
  languages: 'text[]',
  timezone: 'text',
  country: 'text',
  remote: 'boolean',
  on_site: 'boolean',
  team_size: 'int',
  website: 'text',
  published_at: 'timestamptz',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

const providerRow = (p: DemoProvider) => ({
  id: p.id,
  slug: p.write.slug,
  name: p.write.name,
  kind: p.write.kind,
  status: 'published',
  headline: p.write.headline,
  bio: p.write.bio,
  rate_min: p.write.rateMin,
  rate_max: p.write.rateMax,
  currency: p.write.currency,
  languages: p.write.languages,
  timezone: p.write.timezone,
  country: p.write.country,
  remote: p.write.remote,
  on_site: p.write.onSite,
  team_size: p.write.teamSize,
  website: p.write.website,
  published_at: p.publishedAt,
  created_at: p.createdAt,
  updated_at: p.publishedAt,
});

type Stats = { ratingAvg: number | null; ratingCount: number; verifiedReferenceCount: number };

function toDocument(p: DemoProvider, stats: Stats) {
  return toIndexDocument({
    ...p.write,
    id: p.id,
    status: 'published',
    ...stats,
    logoVersion: null, // demo providers have no logo
    updatedAt: p.publishedAt,
  });
}

/** The batch's reference customers' requests and answers, then the numbers made from them. */
async function insertReferences(
  db: Db,
  seed: string,
  from: number,
  batch: DemoProvider[],
  written: DemoProvider[],
) {
  const kept = new Set(written.map((p) => p.id));
  const rows = batch.flatMap((p, k) => (kept.has(p.id) ? [demoReferences(seed, from + k, p)] : []));
  await bulkInsert(
    db,
    'reference_requests',
    REQUEST_COLUMNS,
    rows.flatMap((r) => r.requests),
  );
  await bulkInsert(
    db,
    'reference_responses',
    RESPONSE_COLUMNS,
    rows.flatMap((r) => r.responses),
  );
  await bulkInsert(
    db,
    'reference_response_duties',
    DUTY_COLUMNS,
    rows.flatMap((r) => r.duties),
  );
  await refreshReferenceStats(
    db,
    written.map((p) => p.id),
  );
}

async function statsOf(db: Db, list: DemoProvider[]): Promise<Map<string, Stats>> {
  const rows = await db
    .select({
      id: providers.id,
      ratingAvg: providers.ratingAvg,
      ratingCount: providers.ratingCount,
      verifiedReferenceCount: providers.verifiedReferenceCount,
    })
    .from(providers)
    .where(
      inArray(
        providers.id,
        list.map((p) => p.id),
      ),
    );
  return new Map(rows.map(({ id, ...stats }) => [id, stats]));
}

/** How many demo providers the marker says are in (0 when never seeded). */
export async function demoProviderCount(db: Db): Promise<number> {
  const rows = await db.execute(sql`select value from app_meta where key = ${MARKER}`);
  const row = (rows as unknown as { rows: { value: string }[] }).rows[0];
  return row ? (JSON.parse(row.value) as { count: number }).count : 0;
}
