import type { AccountErasureRepository, Membership } from '@handoff/core/account';
import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  accountTokens,
  bidThreadEmails,
  bidThreadReads,
  bids,
  jobPostMatches,
  jobPosts,
  mailLog,
  notificationPreferences,
  notifications,
  ownerProfiles,
  ownerTasks,
  providerFunctions,
  providerIndustries,
  providerInvitations,
  providerLogos,
  providerMembers as pm,
  providerPackages,
  providerReferences,
  referenceOptOuts,
  referenceRequests,
  providers,
  providerSlugRedirects,
  refreshSessions,
  signUps,
  savedProviders,
  users,
} from '../schema/index.ts';

/** What a tombstone is called wherever other people's records show its author. */
export const FORMER_MEMBER = 'Former member';

/** Not an address (`.invalid` is reserved and never delivers), unique, and it frees the real one. */
export const tombstoneEmail = (userId: string) => `deleted-${userId}@invalid`;

/** No argon2 hash looks like this, so no password can ever match it. */
const UNUSABLE_PASSWORD = '!deleted';

export function createAccountErasureRepository(db: Db): AccountErasureRepository {
  return {
    async memberships(userId) {
      const mine = await db
        .select({ providerId: pm.providerId, name: providers.name, role: pm.role })
        .from(pm)
        .innerJoin(providers, eq(providers.id, pm.providerId))
        .where(eq(pm.userId, userId))
        .orderBy(asc(pm.createdAt));
      if (!mine.length) return [];
      const others = await db
        .select({ providerId: pm.providerId, userId: pm.userId, name: users.name, role: pm.role })
        .from(pm)
        .innerJoin(users, eq(users.id, pm.userId))
        .where(
          and(
            inArray(
              pm.providerId,
              mine.map((m) => m.providerId),
            ),
            ne(pm.userId, userId),
            isNull(users.deletedAt),
          ),
        )
        .orderBy(asc(pm.createdAt), asc(pm.userId));
      return mine.map((m): Membership => ({
        ...m,
        others: others
          .filter((o) => o.providerId === m.providerId)
          .map(({ userId: id, name, role }) => ({ userId: id, name, role })),
      }));
    },

    async leaveProvider(providerId, userId, heir, at) {
      await db.delete(pm).where(and(eq(pm.providerId, providerId), eq(pm.userId, userId)));
      if (heir) {
        await db
          .update(pm)
          .set({ role: 'owner' })
          .where(and(eq(pm.providerId, providerId), eq(pm.userId, heir)));
        await db.update(providers).set({ updatedAt: at }).where(eq(providers.id, providerId));
      }
    },

    async retireProvider(providerId, at) {
      // Only bids on open jobs can still be accepted; on closed and filled jobs they are history.
      const openJobs = db.select({ id: jobPosts.id }).from(jobPosts).where(eq(jobPosts.status, 'open'));
      const withdrawn = await db
        .update(bids)
        .set({ status: 'withdrawn', updatedAt: at })
        .where(
          and(eq(bids.providerId, providerId), eq(bids.status, 'active'), inArray(bids.jobPostId, openJobs)),
        )
        .returning({ bidId: bids.id, jobPostId: bids.jobPostId });
      const jobs = withdrawn.length
        ? await db
            .select({ id: jobPosts.id, title: jobPosts.title, ownerId: jobPosts.ownerId })
            .from(jobPosts)
            .where(
              inArray(
                jobPosts.id,
                withdrawn.map((w) => w.jobPostId),
              ),
            )
        : [];
      await db
        .update(providers)
        .set({
          status: 'draft',
          name: FORMER_MEMBER,
          slug: `former-member-${providerId}`,
          headline: '',
          bio: '',
          rateMin: null,
          rateMax: null,
          languages: sql`'{}'::text[]`,
          timezone: null,
          country: null,
          teamSize: null,
          website: null,
          publishedAt: null,
          suspendedAt: null,
          ratingAvg: null,
          ratingCount: 0,
          verifiedReferenceCount: 0,
          updatedAt: at,
        })
        .where(eq(providers.id, providerId));
      // Its reference customers' names, addresses and answers go with it (answers cascade).
      for (const table of [
        referenceRequests,
        referenceOptOuts,
        providerReferences,
        providerLogos,
        providerSlugRedirects,
        providerInvitations,
        providerPackages,
        providerFunctions,
        providerIndustries,
        pm,
      ]) {
        await db.delete(table).where(eq(table.providerId, providerId));
      }
      return withdrawn.flatMap((w) => {
        const job = jobs.find((j) => j.id === w.jobPostId);
        return job ? [{ ...w, jobTitle: job.title, ownerId: job.ownerId }] : [];
      });
    },

    async deleteDrafts(ownerId) {
      await db.delete(jobPosts).where(and(eq(jobPosts.ownerId, ownerId), eq(jobPosts.status, 'draft')));
    },

    async erase(userId, email, at) {
      // First, so a second deletion running alongside waits here and then finds nothing to do.
      const [tombstone] = await db
        .update(users)
        .set({
          email: tombstoneEmail(userId),
          name: FORMER_MEMBER,
          passwordHash: UNUSABLE_PASSWORD,
          roles: sql`'{}'::text[]`,
          emailVerifiedAt: null,
          sessionsValidAfter: at,
          suspendedAt: null,
          suspendedReason: null,
          deletedAt: at,
          updatedAt: at,
        })
        .where(and(eq(users.id, userId), isNull(users.deletedAt)))
        .returning({ id: users.id });
      if (!tombstone) return false;
      await db.delete(refreshSessions).where(eq(refreshSessions.userId, userId));
      await db.delete(accountTokens).where(eq(accountTokens.userId, userId));
      await db.delete(notifications).where(eq(notifications.userId, userId));
      await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
      await db.delete(ownerProfiles).where(eq(ownerProfiles.userId, userId));
      await db.delete(ownerTasks).where(eq(ownerTasks.userId, userId));
      await db.delete(savedProviders).where(eq(savedProviders.ownerId, userId));
      await db.delete(jobPostMatches).where(eq(jobPostMatches.userId, userId));
      await db.delete(bidThreadReads).where(eq(bidThreadReads.userId, userId));
      await db.delete(bidThreadEmails).where(eq(bidThreadEmails.userId, userId));
      await db.delete(pm).where(eq(pm.userId, userId));
      // Invitations addressed to them go; on the ones they sent or accepted, who did it is forgotten.
      await db.delete(providerInvitations).where(eq(providerInvitations.email, email));
      await db
        .update(providerInvitations)
        .set({
          invitedBy: sql`nullif(${providerInvitations.invitedBy}, ${userId}::uuid)`,
          acceptedBy: sql`nullif(${providerInvitations.acceptedBy}, ${userId}::uuid)`,
        })
        .where(or(eq(providerInvitations.invitedBy, userId), eq(providerInvitations.acceptedBy, userId)));
      // Sign-ups made with the address: the one that created the account, and any still pending.
      await db.delete(signUps).where(eq(signUps.email, email));
      // The record of mail sent to the address (the last e-mail is logged after this, then purged).
      await db.delete(mailLog).where(eq(mailLog.to, email));
      return true;
    },
  };
}
