import type { Role } from '@handoff/contracts';
import type { SignUpRecord, SignUpsRepository } from '@handoff/core/auth';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { signUps } from '../schema/index.ts';

const toRecord = (row: typeof signUps.$inferSelect): SignUpRecord => ({
  ...row,
  roles: row.roles as Role[],
});

export function createSignUpsRepository(db: Db): SignUpsRepository {
  return {
    async create(input) {
      const [row] = await db.insert(signUps).values(input).returning({ id: signUps.id });
      return row!;
    },
    async findById(id) {
      const [row] = await db.select().from(signUps).where(eq(signUps.id, id));
      return row ? toRecord(row) : null;
    },
    async consume(id, at) {
      const [row] = await db
        .update(signUps)
        .set({ usedAt: at })
        .where(and(eq(signUps.id, id), isNull(signUps.usedAt), gt(signUps.expiresAt, at)))
        .returning();
      return row ? toRecord(row) : null;
    },
  };
}
