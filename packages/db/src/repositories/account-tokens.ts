import type { AccountTokensRepository } from '@handoff/core/account';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accountTokens } from '../schema/index.ts';

const columns = {
  id: accountTokens.id,
  userId: accountTokens.userId,
  purpose: accountTokens.purpose,
  email: accountTokens.email,
  expiresAt: accountTokens.expiresAt,
  usedAt: accountTokens.usedAt,
};

export function createAccountTokensRepository(db: Db): AccountTokensRepository {
  return {
    async create(input) {
      const [row] = await db.insert(accountTokens).values(input).returning({ id: accountTokens.id });
      return row!;
    },
    async findById(id) {
      const [row] = await db.select(columns).from(accountTokens).where(eq(accountTokens.id, id));
      return row ?? null;
    },
    async findOpen(userId, purpose, at) {
      const [row] = await db
        .select(columns)
        .from(accountTokens)
        .where(
          and(
            eq(accountTokens.userId, userId),
            eq(accountTokens.purpose, purpose),
            isNull(accountTokens.usedAt),
            gt(accountTokens.expiresAt, at),
          ),
        )
        .orderBy(desc(accountTokens.createdAt))
        .limit(1);
      return row ?? null;
    },
    async consume(id, purpose, at) {
      const [row] = await db
        .update(accountTokens)
        .set({ usedAt: at })
        .where(
          and(
            eq(accountTokens.id, id),
            eq(accountTokens.purpose, purpose),
            isNull(accountTokens.usedAt),
            gt(accountTokens.expiresAt, at),
          ),
        )
        .returning(columns);
      return row ?? null;
    },
    async expireAll(userId, purpose, at) {
      await db
        .update(accountTokens)
        .set({ usedAt: at })
        .where(
          and(
            eq(accountTokens.userId, userId),
            eq(accountTokens.purpose, purpose),
            isNull(accountTokens.usedAt),
          ),
        );
    },
  };
}
