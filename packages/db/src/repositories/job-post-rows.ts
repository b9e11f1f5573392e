import type { JobPostRecord, JobPostWrite } from '@handoff/core/job-posts';
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jobPostBenchmarks as bm, jobPostDuties as d, jobPosts as j } from '../schema/index.ts';

// The job row's columns and how a record is put together from it and its lists; shared by the
// owner's repository and the reads for providers and the public.

export const jobColumns = {
  id: j.id,
  ownerId: j.ownerId,
  status: j.status,
  title: j.title,
  functionSlug: j.functionSlug,
  industrySlug: j.industrySlug,
  summary: j.summary,
  processNotes: j.processNotes,
  trainingLinks: j.trainingLinks,
  startBy: j.startBy,
  durationWeeks: j.durationWeeks,
  budgetBasis: j.budgetBasis,
  budgetMin: j.budgetMin,
  budgetMax: j.budgetMax,
  currency: j.currency,
  hoursPerWeek: j.hoursPerWeek,
  engagementType: j.engagementType,
  workLocation: j.workLocation,
  underBudgetBonus: j.underBudgetBonus,
  earlyFinishBonus: j.earlyFinishBonus,
  visibility: j.visibility,
  revision: j.revision,
  publishedAt: j.publishedAt,
  closedAt: j.closedAt,
  createdAt: j.createdAt,
  updatedAt: j.updatedAt,
};

export type JobRow = Omit<JobPostRecord, 'duties' | 'benchmarks'>;

/** The feed's text: title, summary and every duty, kept on each write. */
export const searchTextOf = (w: Pick<JobPostWrite, 'title' | 'summary' | 'duties'>) =>
  [w.title, w.summary, ...w.duties.map((duty) => duty.text)].filter(Boolean).join('\n');

/** The row's own values from a write (lists and search text aside). */
export const jobValues = (w: JobPostWrite) => ({
  title: w.title,
  functionSlug: w.functionSlug,
  industrySlug: w.industrySlug,
  summary: w.summary,
  processNotes: w.processNotes,
  trainingLinks: w.trainingLinks,
  startBy: w.startBy,
  durationWeeks: w.durationWeeks,
  budgetBasis: w.budgetBasis,
  budgetMin: w.budgetMin,
  budgetMax: w.budgetMax,
  currency: w.currency,
  hoursPerWeek: w.hoursPerWeek,
  engagementType: w.engagementType,
  workLocation: w.workLocation,
  underBudgetBonus: w.underBudgetBonus,
  earlyFinishBonus: w.earlyFinishBonus,
  visibility: w.visibility,
  searchText: searchTextOf(w),
});

/** Rows with their duties and benchmarks, in order, one query per list. */
export async function withLists<R extends { id: string }>(
  db: Db,
  rows: R[],
): Promise<(R & Pick<JobPostRecord, 'duties' | 'benchmarks'>)[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [duties, benchmarks] = await Promise.all([
    db
      .select({ jobPostId: d.jobPostId, id: d.id, text: d.text })
      .from(d)
      .where(inArray(d.jobPostId, ids))
      .orderBy(asc(d.position)),
    db
      .select({
        jobPostId: bm.jobPostId,
        id: bm.id,
        objective: bm.objective,
        target: bm.target,
        cadence: bm.cadence,
        dueDate: bm.dueDate,
      })
      .from(bm)
      .where(inArray(bm.jobPostId, ids))
      .orderBy(asc(bm.position)),
  ]);
  const byJob = <T extends { jobPostId: string }>(list: T[]) => {
    const map = new Map<string, Omit<T, 'jobPostId'>[]>();
    for (const { jobPostId, ...rest } of list) map.set(jobPostId, [...(map.get(jobPostId) ?? []), rest]);
    return map;
  };
  const dutyMap = byJob(duties);
  const benchmarkMap = byJob(benchmarks);
  return rows.map((r) => ({
    ...r,
    duties: dutyMap.get(r.id) ?? [],
    benchmarks: benchmarkMap.get(r.id) ?? [],
  }));
}

/**
 * Writes a job's duties and benchmarks to match the write: items sent with an id are updated in
 * place (bids point at duty ids), the others inserted, the ones left out deleted. The caller proved
 * the job is theirs (call inside the transaction that did).
 */
export async function replaceLists(db: Db, jobPostId: string, w: JobPostWrite): Promise<void> {
  const kept = <T extends { id?: string | undefined }>(list: T[]) =>
    list.flatMap((item, position) => (item.id ? [{ ...item, id: item.id, position }] : []));
  const fresh = <T extends { id?: string | undefined }>(list: T[]) =>
    list.flatMap(({ id, ...item }, position) => (id ? [] : [{ ...item, jobPostId, position }]));
  const keptDuties = kept(w.duties);
  const keptBenchmarks = kept(w.benchmarks);
  const others = (column: typeof d.id | typeof bm.id, ids: string[]) =>
    ids.length ? notInArray(column, ids) : undefined;

  await db.delete(d).where(
    and(
      eq(d.jobPostId, jobPostId),
      others(
        d.id,
        keptDuties.map((x) => x.id),
      ),
    ),
  );
  await db.delete(bm).where(
    and(
      eq(bm.jobPostId, jobPostId),
      others(
        bm.id,
        keptBenchmarks.map((x) => x.id),
      ),
    ),
  );
  if (keptDuties.length) {
    await db.execute(sql`
      UPDATE ${d} SET text = u.text, position = u.position
      FROM unnest(${sql.param(keptDuties.map((x) => x.id))}::uuid[], ${sql.param(keptDuties.map((x) => x.text))}::text[],
        ${sql.param(keptDuties.map((x) => x.position))}::int[]) AS u(id, text, position)
      WHERE ${d.id} = u.id AND ${d.jobPostId} = ${jobPostId}`);
  }
  if (keptBenchmarks.length) {
    const col = <K extends keyof (typeof keptBenchmarks)[number]>(k: K) =>
      sql.param(keptBenchmarks.map((x) => x[k]));
    await db.execute(sql`
      UPDATE ${bm} SET objective = u.objective, target = u.target, cadence = u.cadence, due_date = u.due_date,
        position = u.position
      FROM unnest(${col('id')}::uuid[], ${col('objective')}::text[], ${col('target')}::text[],
        ${col('cadence')}::text[], ${col('dueDate')}::date[], ${col('position')}::int[])
        AS u(id, objective, target, cadence, due_date, position)
      WHERE ${bm.id} = u.id AND ${bm.jobPostId} = ${jobPostId}`);
  }
  const newDuties = fresh(w.duties);
  if (newDuties.length) await db.insert(d).values(newDuties);
  const newBenchmarks = fresh(w.benchmarks);
  if (newBenchmarks.length) await db.insert(bm).values(newBenchmarks);
}
