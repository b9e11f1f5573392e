import type { RefreshSessionsRepository } from '@handoff/core/auth';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { refreshSessions } from '../schema/index.ts';

const columns = {
  id: refreshSessions.id,
  userId: refreshSessions.userId,
  familyId: refreshSessions.familyId,
  expiresAt: refreshSessions.expiresAt,
  usedAt: refreshSessions.usedAt,
  revokedAt: refreshSessions.revokedAt,
};

export function createRefreshSessionsRepository(db: Db): RefreshSessionsRepository {
  return {
    async create(input) {
      await db.insert(refreshSessions).values(input);
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
  };
}
