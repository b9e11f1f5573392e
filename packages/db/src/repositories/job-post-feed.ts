import type { FeedFilters, FeedProvider, FeedRow, JobPostFeedRepository } from '@handoff/core/job-posts';
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jobPosts as j, providerMembers } from '../schema/index.ts';
import { rowsOf, usdPerUnit } from './sql-helpers.ts';

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;
// Drizzle leaves columns of a one-table select unqualified, where a subquery would take them for its
// own: the outer row's keys are named in full.
const JOB_ID = sql.raw('"job_posts"."id"');
const MEMBER_PROVIDER = sql.raw('"provider_members"."provider_id"');

/**
 * The providers' feed: open jobs that are public in one of the profile's functions, or that it was
 * invited to. Newest first without text, a page walks job_posts_feed_public_idx for each function
 * (reading a page's worth of entries each) and the total counts that index alone; with text or the
 * best-match order, the matches are found through the GIN and feed indexes and sorted. Both need the
 * visibility map to skip the heap: a bulk load should end with VACUUM ANALYZE job_posts.
 */
export function createJobPostFeedRepository(db: Db): JobPostFeedRepository {
  return {
    async providersOf(userId) {
      const rows = await db
        .select({
          id: providerMembers.providerId,
          functions: sql<string[]>`coalesce((SELECT array_agg(pf.function_slug ORDER BY pf.position)
            FROM provider_functions pf WHERE pf.provider_id = ${MEMBER_PROVIDER}), '{}'::text[])`,
          industries: sql<string[]>`coalesce((SELECT array_agg(pi.industry_slug ORDER BY pi.position)
            FROM provider_industries pi WHERE pi.provider_id = ${MEMBER_PROVIDER}), '{}'::text[])`,
        })
        .from(providerMembers)
        .where(eq(providerMembers.userId, userId))
        .orderBy(asc(providerMembers.createdAt), asc(providerMembers.providerId));
      return rows;
    },

    async page(provider, f) {
      const fns = f.functionSlug
        ? provider.functions.filter((slug) => slug === f.functionSlug)
        : provider.functions;
      const filters = sql.join([sql`status = 'open'`, ...filterSql(f)], sql` AND `);
      // Two disjoint sets: public jobs in the profile's functions, and jobs it was invited to.
      const inFunctions = sql`visibility = 'public' AND function_slug = ANY(${textArray(fns)})`;
      const invited = sql`id = ANY(ARRAY(SELECT job_post_id FROM job_post_invitations WHERE provider_id = ${provider.id}))
        AND NOT (${inFunctions})`;
      const offset = (f.page - 1) * f.perPage;
      const newest = sql`published_at DESC, id DESC`;
      const pageQuery =
        f.sort === 'newest' && !f.q
          ? // Each function's newest public jobs straight from job_posts_feed_public_idx, merged.
            sql`SELECT id FROM (
              SELECT x.id, x.published_at FROM unnest(${textArray(fns)}) AS f(slug)
              CROSS JOIN LATERAL (SELECT id, published_at FROM job_posts
                WHERE ${filters} AND visibility = 'public' AND function_slug = f.slug
                ORDER BY ${newest} LIMIT ${offset + f.perPage}) x
              UNION ALL
              SELECT id, published_at FROM job_posts WHERE ${filters} AND ${invited}) page
            ORDER BY ${newest} LIMIT ${f.perPage} OFFSET ${offset}`
          : sql`SELECT id FROM job_posts WHERE ${filters} AND ((${inFunctions}) OR (${invited}))
            ORDER BY ${bestOrder(f, provider.industries)} LIMIT ${f.perPage} OFFSET ${offset}`;
      const [ids, [count]] = await Promise.all([
        rowsOf<{ id: string }>(db, pageQuery),
        rowsOf<{ total: number }>(
          db,
          sql`SELECT ((SELECT count(*) FROM job_posts WHERE ${filters} AND ${inFunctions})
            + (SELECT count(*) FROM job_posts WHERE ${filters} AND ${invited}))::int AS total`,
        ),
      ]);
      return {
        rows: await details(
          db,
          provider,
          ids.map((r) => r.id),
        ),
        total: count?.total ?? 0,
      };
    },
  };
}

/** The filters as conditions on job_posts' own columns (unqualified: every query here reads it alone). */
function filterSql(f: FeedFilters): SQL[] {
  const usd = usdPerUnit(sql`currency`);
  const out: SQL[] = [];
  if (f.q) out.push(sql`search_vector @@ websearch_to_tsquery('english', ${f.q})`);
  if (f.functionSlug) out.push(sql`function_slug = ${f.functionSlug}`);
  if (f.industrySlug) out.push(sql`industry_slug = ${f.industrySlug}`);
  if (f.basis) out.push(sql`budget_basis = ${f.basis}`);
  // A job open to any kind of provider suits every kind.
  if (f.engagementType) out.push(sql`engagement_type IN (${f.engagementType}, 'any')`);
  // Budget ranges overlap, compared in US dollars.
  if (f.budgetMinUsd !== undefined) out.push(sql`budget_max * ${usd} >= ${f.budgetMinUsd}`);
  if (f.budgetMaxUsd !== undefined) out.push(sql`budget_min * ${usd} <= ${f.budgetMaxUsd}`);
  if (f.postedSince) out.push(sql`published_at >= ${f.postedSince}`);
  return out;
}

/** Best match: the profile's industries first, then the text's rank, then newest. */
function bestOrder(f: FeedFilters, industries: string[]): SQL {
  const keys: SQL[] = [];
  if (f.sort === 'best') {
    keys.push(sql`coalesce(industry_slug = ANY(${textArray(industries)}), false) DESC`);
    if (f.q) keys.push(sql`ts_rank(search_vector, websearch_to_tsquery('english', ${f.q})) DESC`);
  }
  return sql.join([...keys, sql`published_at DESC, id DESC`], sql`, `);
}

/** The page's jobs in the order of `ids`, with how the profile relates to each. */
async function details(db: Db, provider: FeedProvider, ids: string[]): Promise<FeedRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: j.id,
      title: j.title,
      functionSlug: j.functionSlug,
      industrySlug: j.industrySlug,
      summary: sql<string>`left(${j.summary}, 280)`,
      budgetBasis: j.budgetBasis,
      budgetMin: j.budgetMin,
      budgetMax: j.budgetMax,
      currency: j.currency,
      hoursPerWeek: j.hoursPerWeek,
      engagementType: j.engagementType,
      workLocation: j.workLocation,
      visibility: j.visibility,
      startBy: j.startBy,
      durationWeeks: j.durationWeeks,
      publishedAt: j.publishedAt,
      industryMatch: sql<boolean>`coalesce(${j.industrySlug} = ANY(${textArray(provider.industries)}), false)`,
      invited: sql<boolean>`EXISTS (SELECT 1 FROM job_post_invitations i
        WHERE i.job_post_id = ${JOB_ID} AND i.provider_id = ${provider.id})`,
      bidStatus: sql<FeedRow['bidStatus']>`(SELECT b.status FROM bids b
        WHERE b.job_post_id = ${JOB_ID} AND b.provider_id = ${provider.id})`,
    })
    .from(j)
    .where(inArray(j.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r as FeedRow]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
