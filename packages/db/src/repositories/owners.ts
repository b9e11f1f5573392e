import type {
  OwnerTaskRecord,
  OwnersRepository,
  SavedProvidersRepository,
  TaskWrite,
  TypicalRate,
} from '@handoff/core/owners';
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { ownerProfiles, ownerTasks as t, providers, savedProviders } from '../schema/index.ts';
import { rowsOf, usdPerUnit } from './sql-helpers.ts';

const profileColumns = {
  targetIncome: ownerProfiles.targetIncome,
  hoursPerDay: ownerProfiles.hoursPerDay,
  daysPerWeek: ownerProfiles.daysPerWeek,
  weeksPerYear: ownerProfiles.weeksPerYear,
  currency: ownerProfiles.currency,
  updatedAt: ownerProfiles.updatedAt,
};

const taskColumns = {
  id: t.id,
  feeling: t.feeling,
  name: t.name,
  hoursPerWeek: t.hoursPerWeek,
  functionSlug: t.functionSlug,
  functionSource: t.functionSource,
  position: t.position,
  jobPostId: t.jobPostId,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
};

/** The position after the last task of the user's column. */
const endOf = (userId: string, feeling: TaskWrite['feeling']) =>
  sql<number>`(SELECT coalesce(max(${t.position}) + 1, 0) FROM ${t} WHERE ${t.userId} = ${userId} AND ${t.feeling} = ${feeling})`;

export function createOwnersRepository(db: Db): OwnersRepository {
  return {
    async findProfile(userId) {
      const [row] = await db
        .select(profileColumns)
        .from(ownerProfiles)
        .where(eq(ownerProfiles.userId, userId));
      // Columns are nullable for a profile saved in parts; ours are always written whole.
      return row && row.targetIncome !== null
        ? (row as NonNullable<Awaited<ReturnType<OwnersRepository['findProfile']>>>)
        : null;
    },

    async saveProfile(userId, input, at) {
      const values = {
        targetIncome: input.targetIncome,
        hoursPerDay: input.hoursPerDay,
        daysPerWeek: input.daysPerWeek,
        weeksPerYear: input.weeksPerYear,
        currency: input.currency,
        updatedAt: at,
      };
      const [row] = await db
        .insert(ownerProfiles)
        .values({ userId, ...values })
        .onConflictDoUpdate({ target: ownerProfiles.userId, set: values })
        .returning(profileColumns);
      return row as NonNullable<Awaited<ReturnType<OwnersRepository['findProfile']>>>;
    },

    async listTasks(userId) {
      return (await db
        .select(taskColumns)
        .from(t)
        .where(eq(t.userId, userId))
        .orderBy(asc(t.feeling), asc(t.position), asc(t.createdAt))) as OwnerTaskRecord[];
    },

    async findTask(userId, id) {
      const [row] = await db
        .select(taskColumns)
        .from(t)
        .where(and(eq(t.id, id), eq(t.userId, userId)));
      return (row as OwnerTaskRecord | undefined) ?? null;
    },

    async countTasks(userId) {
      const [row] = await db.select({ n: count() }).from(t).where(eq(t.userId, userId));
      return row?.n ?? 0;
    },

    async insertTask(userId, task, at) {
      const [row] = await db
        .insert(t)
        .values({ userId, ...task, position: endOf(userId, task.feeling), createdAt: at, updatedAt: at })
        .returning(taskColumns);
      return row as OwnerTaskRecord;
    },

    async updateTask(userId, id, task, { moveToEnd }, at) {
      const [row] = await db
        .update(t)
        .set({ ...task, updatedAt: at, ...(moveToEnd ? { position: endOf(userId, task.feeling) } : {}) })
        .where(and(eq(t.id, id), eq(t.userId, userId)))
        .returning(taskColumns);
      return (row as OwnerTaskRecord | undefined) ?? null;
    },

    async deleteTask(userId, id) {
      const rows = await db
        .delete(t)
        .where(and(eq(t.id, id), eq(t.userId, userId)))
        .returning({ id: t.id });
      return rows.length > 0;
    },

    async reorderTasks(userId, ids, at) {
      if (ids.length === 0) return;
      await db.execute(sql`
        UPDATE ${t} SET position = o.n - 1, updated_at = ${at}::timestamptz
        FROM unnest(${sql.param(ids)}::uuid[]) WITH ORDINALITY AS o(id, n)
        WHERE ${t.id} = o.id AND ${t.userId} = ${userId}`);
    },

    async linkTask(userId, taskId, jobPostId, at, onlyIfUnlinked = false) {
      const rows = await db
        .update(t)
        .set({ jobPostId, updatedAt: at })
        .where(and(eq(t.id, taskId), eq(t.userId, userId), onlyIfUnlinked ? isNull(t.jobPostId) : undefined))
        .returning({ id: t.id });
      return rows.length > 0;
    },

    async typicalRates(functionSlugs) {
      if (functionSlugs.length === 0) return new Map();
      const usd = usdPerUnit(sql`p.currency`);
      const rows = await rowsOf<{ slug: string; min: string; max: string }>(
        db,
        sql`
        SELECT pf.function_slug AS slug,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY p.rate_min * ${usd}) AS min,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY p.rate_max * ${usd}) AS max
        FROM provider_functions pf JOIN providers p ON p.id = pf.provider_id
        WHERE pf.function_slug = ANY(${sql.param([...functionSlugs])}::text[])
          AND p.status = 'published' AND p.rate_min IS NOT NULL AND p.rate_max IS NOT NULL
        GROUP BY pf.function_slug`,
      );
      const round = (v: string) => Math.round(Number(v) * 100) / 100;
      return new Map<string, TypicalRate>(
        rows.map((r) => [r.slug, { min: round(r.min), max: round(r.max) }]),
      );
    },
  };
}

const s = savedProviders;
const savedColumns = {
  providerId: s.providerId,
  slug: providers.slug,
  name: providers.name,
  kind: providers.kind,
  headline: providers.headline,
  note: s.note,
  savedAt: s.createdAt,
  functions: sql<string[]>`coalesce((SELECT array_agg(pf.function_slug ORDER BY pf.position)
    FROM provider_functions pf WHERE pf.provider_id = ${providers.id}), '{}'::text[])`,
};

export function createSavedProvidersRepository(db: Db): SavedProvidersRepository {
  const saved = () =>
    db
      .select(savedColumns)
      .from(s)
      .innerJoin(providers, and(eq(providers.id, s.providerId), eq(providers.status, 'published')));

  return {
    async save(ownerId, providerId, note, at) {
      // Inserted only for a published profile; xmax = 0 tells an insert from an update.
      const rows = await rowsOf<{ inserted: boolean }>(
        db,
        sql`
        INSERT INTO ${s} (owner_id, provider_id, note, created_at)
        SELECT ${ownerId}::uuid, p.id, ${note}::text, ${at}::timestamptz FROM ${providers} p WHERE p.id = ${providerId} AND p.status = 'published'
        ON CONFLICT (owner_id, provider_id) DO UPDATE SET note = excluded.note
        RETURNING (xmax = 0) AS inserted`,
      );
      const [row] = rows;
      return !row ? 'not_found' : row.inserted ? 'created' : 'updated';
    },

    async list(ownerId) {
      return saved().where(eq(s.ownerId, ownerId)).orderBy(desc(s.createdAt), asc(providers.name));
    },

    async find(ownerId, providerId) {
      const [row] = await saved().where(and(eq(s.ownerId, ownerId), eq(s.providerId, providerId)));
      return row ?? null;
    },

    async remove(ownerId, providerId) {
      const rows = await db
        .delete(s)
        .where(and(eq(s.ownerId, ownerId), eq(s.providerId, providerId)))
        .returning({ providerId: s.providerId });
      return rows.length > 0;
    },
  };
}
