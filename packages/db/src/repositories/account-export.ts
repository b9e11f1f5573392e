import type { AccountExportRepository } from '@handoff/core/account';
import type { Role } from '@handoff/contracts';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  accountTokens,
  notifications,
  ownerProfiles,
  ownerTasks,
  providerFunctions,
  providerIndustries,
  providerMembers as pm,
  providerPackages,
  providerReferences,
  providers as p,
  refreshSessions as rs,
  savedProviders,
  users,
} from '../schema/index.ts';
import { exportWork } from './account-export-work.ts';
import { packageColumns, referenceColumns } from './provider-rows.ts';

// Everything below selects its columns one by one: a hash, a token or another person's address is
// never read, so it cannot leak into the file (the api's response schema is a second allow-list).

/** One entry per log-in (a refresh-token family), from its rows; the token hashes stay behind. */
async function sessionsOf(db: Db, userId: string) {
  const rows = await db
    .select({
      id: rs.familyId,
      signedInAt: sql<Date>`min(${rs.createdAt})`.mapWith(rs.createdAt),
      lastSeenAt: sql<Date>`max(${rs.lastSeenAt})`.mapWith(rs.lastSeenAt),
      expiresAt: sql<Date>`max(${rs.expiresAt})`.mapWith(rs.expiresAt),
      endedAt: sql<Date | null>`max(${rs.revokedAt})`.mapWith(rs.revokedAt),
      live: sql<boolean>`bool_or(${rs.revokedAt} is null)`.mapWith(Boolean),
      userAgent: sql<string | null>`(array_agg(${rs.userAgent} order by ${rs.createdAt} desc))[1]`,
      ip: sql<string | null>`(array_agg(${rs.ip} order by ${rs.createdAt} desc))[1]`,
      refreshes: sql<number>`count(*)::int - 1`.mapWith(Number),
    })
    .from(rs)
    .where(eq(rs.userId, userId))
    .groupBy(rs.familyId)
    .orderBy(desc(sql`min(${rs.createdAt})`));
  return rows.map(({ live, endedAt, ...s }) => ({ ...s, endedAt: live ? null : endedAt }));
}

async function ownerPart(db: Db, userId: string) {
  const [timeValue, worksheet, saved] = await Promise.all([
    db
      .select({
        targetIncome: ownerProfiles.targetIncome,
        currency: ownerProfiles.currency,
        hoursPerDay: ownerProfiles.hoursPerDay,
        daysPerWeek: ownerProfiles.daysPerWeek,
        weeksPerYear: ownerProfiles.weeksPerYear,
        updatedAt: ownerProfiles.updatedAt,
      })
      .from(ownerProfiles)
      .where(eq(ownerProfiles.userId, userId)),
    db
      .select({
        id: ownerTasks.id,
        feeling: ownerTasks.feeling,
        name: ownerTasks.name,
        hoursPerWeek: ownerTasks.hoursPerWeek,
        functionSlug: ownerTasks.functionSlug,
        functionSource: ownerTasks.functionSource,
        position: ownerTasks.position,
        jobPostId: ownerTasks.jobPostId,
        createdAt: ownerTasks.createdAt,
        updatedAt: ownerTasks.updatedAt,
      })
      .from(ownerTasks)
      .where(eq(ownerTasks.userId, userId))
      .orderBy(asc(ownerTasks.feeling), asc(ownerTasks.position)),
    db
      .select({
        providerId: p.id,
        name: p.name,
        slug: p.slug,
        note: savedProviders.note,
        savedAt: savedProviders.createdAt,
      })
      .from(savedProviders)
      .innerJoin(p, eq(p.id, savedProviders.providerId))
      .where(eq(savedProviders.ownerId, userId))
      .orderBy(desc(savedProviders.createdAt)),
  ]);
  return { timeValue: timeValue[0] ?? null, worksheet, savedProviders: saved };
}

/** The profiles the account belongs to, whole, as their members see them in the editor. */
async function providerPart(db: Db, userId: string) {
  const memberships = await db
    .select({
      role: pm.role,
      joinedAt: pm.createdAt,
      profile: {
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
        remote: p.remote,
        onSite: p.onSite,
        teamSize: p.teamSize,
        website: p.website,
        publishedAt: p.publishedAt,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
      },
    })
    .from(pm)
    .innerJoin(p, eq(p.id, pm.providerId))
    .where(eq(pm.userId, userId))
    .orderBy(asc(pm.createdAt));
  if (!memberships.length) return [];
  const ids = memberships.map((m) => m.profile.id);
  const [functions, industries, packages, references, members] = await Promise.all([
    db
      .select({
        providerId: providerFunctions.providerId,
        slug: providerFunctions.functionSlug,
        duties: providerFunctions.duties,
        customDuties: providerFunctions.customDuties,
      })
      .from(providerFunctions)
      .where(inArray(providerFunctions.providerId, ids))
      .orderBy(asc(providerFunctions.position)),
    db
      .select({ providerId: providerIndustries.providerId, slug: providerIndustries.industrySlug })
      .from(providerIndustries)
      .where(inArray(providerIndustries.providerId, ids))
      .orderBy(asc(providerIndustries.position)),
    db
      .select(packageColumns)
      .from(providerPackages)
      .where(inArray(providerPackages.providerId, ids))
      .orderBy(asc(providerPackages.position)),
    db
      .select(referenceColumns)
      .from(providerReferences)
      .where(inArray(providerReferences.providerId, ids))
      .orderBy(asc(providerReferences.position)),
    db
      .select({
        providerId: pm.providerId,
        userId: pm.userId,
        name: users.name,
        role: pm.role,
        joinedAt: pm.createdAt,
      })
      .from(pm)
      .innerJoin(users, eq(users.id, pm.userId))
      .where(inArray(pm.providerId, ids))
      .orderBy(desc(pm.role), asc(pm.createdAt)),
  ]);
  const of = <T extends { providerId: string }>(rows: T[], id: string) =>
    rows.filter((r) => r.providerId === id).map(({ providerId: _, ...rest }) => rest);
  return memberships.map((m) => ({
    ...m,
    profile: {
      ...m.profile,
      functions: of(functions, m.profile.id),
      industries: of(industries, m.profile.id).map((i) => i.slug),
      packages: of(packages, m.profile.id),
      references: of(references, m.profile.id),
    },
    members: of(members, m.profile.id).map(({ userId: id, ...member }) => ({
      ...member,
      you: id === userId,
    })),
  }));
}

export function createAccountExportRepository(db: Db): AccountExportRepository {
  return {
    async collect(userId) {
      const [account] = await db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          roles: users.roles,
          emailVerifiedAt: users.emailVerifiedAt,
          createdAt: users.createdAt,
          updatedAt: users.updatedAt,
        })
        .from(users)
        .where(and(eq(users.id, userId), isNull(users.deletedAt)));
      if (!account) return null;
      const [sessions, accountLinks, notes, owner, providerProfiles, work] = await Promise.all([
        sessionsOf(db, userId),
        db
          .select({
            id: accountTokens.id,
            purpose: accountTokens.purpose,
            email: accountTokens.email,
            createdAt: accountTokens.createdAt,
            expiresAt: accountTokens.expiresAt,
            usedAt: accountTokens.usedAt,
          })
          .from(accountTokens)
          .where(eq(accountTokens.userId, userId))
          .orderBy(desc(accountTokens.createdAt)),
        db
          .select({
            id: notifications.id,
            kind: notifications.kind,
            title: notifications.title,
            body: notifications.body,
            link: notifications.link,
            readAt: notifications.readAt,
            createdAt: notifications.createdAt,
          })
          .from(notifications)
          .where(eq(notifications.userId, userId))
          .orderBy(desc(notifications.createdAt), desc(notifications.id)),
        ownerPart(db, userId),
        providerPart(db, userId),
        exportWork(db, userId),
      ]);
      return {
        account: { ...account, roles: account.roles as Role[] },
        sessions,
        accountLinks,
        notifications: notes,
        owner,
        providerProfiles,
        ...work,
      };
    },
  };
}
