import type { Role } from '@handoff/contracts';
import type { RefreshSessionsRepository } from '@handoff/core/auth';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { refreshSessions, users } from '../schema/index.ts';

const columns = {
  id: refreshSessions.id,
  userId: refreshSessions.userId,
  familyId: refreshSessions.familyId,
  expiresAt: refreshSessions.expiresAt,
  usedAt: refreshSessions.usedAt,
  revokedAt: refreshSessions.revokedAt,
};

/** The token a session would refresh with next: neither spent, nor revoked, nor expired. */
const live = (at: Date) =>
  and(isNull(refreshSessions.usedAt), isNull(refreshSessions.revokedAt), gt(refreshSessions.expiresAt, at));

export function createRefreshSessionsRepository(db: Db): RefreshSessionsRepository {
  return {
    async create({ at, ...input }) {
      await db.insert(refreshSessions).values({ ...input, ...(at ? { createdAt: at, lastSeenAt: at } : {}) });
    },
    async consume(tokenHash, at) {
      const [row] = await db
        .update(refreshSessions)
        .set({ usedAt: at })
        .where(
          and(
            eq(refreshSessions.tokenHash, tokenHash),
            isNull(refreshSessions.usedAt),
            isNull(refreshSessions.revokedAt),
          ),
        )
        .returning(columns);
      return row ?? null;
    },
    async findByHash(tokenHash) {
      const [row] = await db
        .select(columns)
        .from(refreshSessions)
        .where(eq(refreshSessions.tokenHash, tokenHash));
      return row ?? null;
    },
    async revokeFamily(familyId, at) {
      await db
        .update(refreshSessions)
        .set({ revokedAt: at })
        .where(and(eq(refreshSessions.familyId, familyId), isNull(refreshSessions.revokedAt)));
    },
    async revokeAllForUser(userId, at) {
      await db
        .update(refreshSessions)
        .set({ revokedAt: at })
        .where(and(eq(refreshSessions.userId, userId), isNull(refreshSessions.revokedAt)));
    },

    async accessState(userId, familyId, at) {
      // A family is alive while any of its tokens is unrevoked and unexpired. Spent (rotated) tokens
      // count too: a refresh spends the old token a moment before it writes the new one.
      const lastSeen = sql<string | Date | null>`(
        select max(s.last_seen_at) from refresh_sessions s
        where s.family_id = ${familyId} and s.user_id = ${userId}
          and s.revoked_at is null and s.expires_at > ${at})`;
      const [row] = await db
        .select({
          roles: users.roles,
          validAfter: users.sessionsValidAfter,
          lastSeenAt: lastSeen,
        })
        .from(users)
        .where(eq(users.id, userId));
      if (!row) return undefined;
      return {
        roles: row.roles as Role[],
        validAfter: row.validAfter,
        // A scalar subquery comes back as text from one driver and a Date from another.
        lastSeenAt: row.lastSeenAt === null ? null : new Date(row.lastSeenAt),
      };
    },
    async touch(userId, familyId, at) {
      await db
        .update(refreshSessions)
        .set({ lastSeenAt: at })
        .where(
          and(
            eq(refreshSessions.familyId, familyId),
            eq(refreshSessions.userId, userId),
            isNull(refreshSessions.usedAt),
            isNull(refreshSessions.revokedAt),
          ),
        );
    },
    async listLive(userId, at) {
      const signedIn = sql<
        string | Date
      >`(select min(f.created_at) from refresh_sessions f where f.family_id = ${refreshSessions.familyId})`;
      const rows = await db
        .select({
          familyId: refreshSessions.familyId,
          userAgent: refreshSessions.userAgent,
          ip: refreshSessions.ip,
          lastSeenAt: refreshSessions.lastSeenAt,
          signedInAt: signedIn,
        })
        .from(refreshSessions)
        .where(and(eq(refreshSessions.userId, userId), live(at)))
        .orderBy(desc(refreshSessions.lastSeenAt))
        .limit(100);
      return rows.map((r) => ({ ...r, signedInAt: new Date(r.signedInAt) }));
    },
    async revokeFamilyOfUser(userId, familyId, at) {
      const rows = await db
        .update(refreshSessions)
        .set({ revokedAt: at })
        .where(
          and(
            eq(refreshSessions.userId, userId),
            eq(refreshSessions.familyId, familyId),
            isNull(refreshSessions.revokedAt),
          ),
        )
        .returning({
          live: sql<boolean>`${refreshSessions.usedAt} is null and ${refreshSessions.expiresAt} > ${at}`,
        });
      return rows.some((r) => r.live);
    },
    async revokeOthers(userId, keepFamilyId, at) {
      const rows = await db
        .update(refreshSessions)
        .set({ revokedAt: at })
        .where(
          and(
            eq(refreshSessions.userId, userId),
            ne(refreshSessions.familyId, keepFamilyId),
            isNull(refreshSessions.revokedAt),
          ),
        )
        .returning({
          familyId: refreshSessions.familyId,
          live: sql<boolean>`${refreshSessions.usedAt} is null and ${refreshSessions.expiresAt} > ${at}`,
        });
      return new Set(rows.filter((r) => r.live).map((r) => r.familyId)).size;
    },
  };
}
