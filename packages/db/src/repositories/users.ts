import type { Role } from '@handoff/contracts';
import type { UserRecord, UsersRepository } from '@handoff/core/auth';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/index.ts';

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  roles: users.roles,
  emailVerifiedAt: users.emailVerifiedAt,
  suspendedAt: users.suspendedAt,
  createdAt: users.createdAt,
};

const toRecord = (
  row: Pick<
    typeof users.$inferSelect,
    'id' | 'email' | 'name' | 'roles' | 'emailVerifiedAt' | 'suspendedAt' | 'createdAt'
  >,
): UserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  roles: row.roles as Role[],
  emailVerifiedAt: row.emailVerifiedAt,
  suspendedAt: row.suspendedAt,
  createdAt: row.createdAt,
});

export function createUsersRepository(db: Db): UsersRepository {
  return {
    async create(input) {
      const rows = await db
        .insert(users)
        .values(input)
        .onConflictDoNothing({ target: users.email })
        .returning(publicColumns);
      return rows[0] ? toRecord(rows[0]) : null;
    },
    async findById(id) {
      const [row] = await db.select(publicColumns).from(users).where(eq(users.id, id));
      return row ? toRecord(row) : null;
    },
    async findCredentialsByEmail(email) {
      const [row] = await db
        .select({ ...publicColumns, passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.email, email));
      return row ? { user: toRecord(row), passwordHash: row.passwordHash } : null;
    },
    async markEmailVerified(id, at) {
      await db
        .update(users)
        .set({ emailVerifiedAt: at, updatedAt: at })
        .where(and(eq(users.id, id), isNull(users.emailVerifiedAt)));
    },
    async setPassword(id, passwordHash, at) {
      await db
        .update(users)
        .set({ passwordHash, sessionsValidAfter: at, updatedAt: at })
        .where(eq(users.id, id));
    },
    async sessionsValidAfter(id) {
      const [row] = await db.select({ after: users.sessionsValidAfter }).from(users).where(eq(users.id, id));
      return row ? row.after : undefined;
    },
  };
}
