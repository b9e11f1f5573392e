import type { BidWrite } from '@handoff/core/bids';
import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { bids as b, jobPosts as j, providerMembers as pm } from '../schema/index.ts';

// What the bid repositories share: the columns a bid is written and read with, and the conditions
// that tie a statement to the user it acts for.

export const terms = (w: BidWrite) => ({
  price: w.price,
  priceBasis: w.priceBasis,
  currency: w.currency,
  estimatedHours: w.estimatedHours,
  startDate: w.startDate,
  durationWeeks: w.durationWeeks,
  coverNote: w.coverNote,
  package: w.package,
});

export const bidColumns = {
  id: b.id,
  status: b.status,
  price: b.price,
  priceBasis: b.priceBasis,
  currency: b.currency,
  estimatedHours: b.estimatedHours,
  startDate: b.startDate,
  durationWeeks: b.durationWeeks,
  coverNote: b.coverNote,
  package: b.package,
  shortlisted: b.shortlisted,
  archived: b.archived,
  declineReason: b.declineReason,
  revision: b.revision,
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
};

/** Conditions on the outer query's columns, each matching the acting user's right in SQL. */
export function bidConditions(db: Db) {
  /** True when `userId` is a member of the provider in `provider` (a column of the outer query). */
  const memberOf = (userId: string, provider: PgColumn): SQL =>
    exists(
      db
        .select({ one: sql`1` })
        .from(pm)
        .where(and(eq(pm.providerId, provider), eq(pm.userId, userId))),
    );
  /** True when `ownerId` owns the job in `jobPost` (optionally only while it is open). */
  const ownedJob = (ownerId: string, jobPost: PgColumn, open = false): SQL =>
    exists(
      db
        .select({ one: sql`1` })
        .from(j)
        .where(and(eq(j.id, jobPost), eq(j.ownerId, ownerId), open ? eq(j.status, 'open') : undefined)),
    );
  const openJob = (jobPost: PgColumn): SQL =>
    exists(
      db
        .select({ one: sql`1` })
        .from(j)
        .where(and(eq(j.id, jobPost), eq(j.status, 'open'))),
    );
  const myProviders = (userId: string) =>
    db.select({ id: pm.providerId }).from(pm).where(eq(pm.userId, userId));
  return { memberOf, ownedJob, openJob, myProviders };
}
