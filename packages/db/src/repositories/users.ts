import type { Role } from '@handoff/contracts';
import type { UserRecord, UsersRepository } from '@handoff/core/auth';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
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

/** A unique-index violation, however the driver or drizzle wrapped it. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

/** A deleted account's tombstone is nobody: no read finds it, so no flow can act for it or mail it. */
const live = isNull(users.deletedAt);

export function createUsersRepository(db: Db): UsersRepository {
  const credentials = async (where: ReturnType<typeof eq>) => {
    const [row] = await db
      .select({ ...publicColumns, passwordHash: users.passwordHash })
      .from(users)
      .where(and(where, live));
    return row ? { user: toRecord(row), passwordHash: row.passwordHash } : null;
  };
  const update = async (id: string, set: PgUpdateSetSource<typeof users>) => {
    const [row] = await db.update(users).set(set).where(eq(users.id, id)).returning(publicColumns);
    return row ? toRecord(row) : null;
  };

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
      const [row] = await db
        .select(publicColumns)
        .from(users)
        .where(and(eq(users.id, id), live));
      return row ? toRecord(row) : null;
    },
    findCredentialsByEmail: (email) => credentials(eq(users.email, email)),
    findCredentialsById: (id) => credentials(eq(users.id, id)),
    async markEmailVerified(id, at) {
      await db
        .update(users)
        .set({ emailVerifiedAt: at, updatedAt: at })
        .where(and(eq(users.id, id), isNull(users.emailVerifiedAt)));
    },
    async setPassword(id, passwordHash, at, endAccessTokens = true) {
      await db
        .update(users)
        .set({ passwordHash, updatedAt: at, ...(endAccessTokens ? { sessionsValidAfter: at } : {}) })
        .where(eq(users.id, id));
    },
    async endAccessTokens(id, at) {
      await db.update(users).set({ sessionsValidAfter: at, updatedAt: at }).where(eq(users.id, id));
    },
    setName: (id, name, at) => update(id, { name, updatedAt: at }),
    async setEmail(id, email, at) {
      try {
        return await update(id, { email, emailVerifiedAt: at, updatedAt: at });
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },
    addRole: (id, role, at) =>
      update(id, {
        roles: sql`case when ${role} = any(${users.roles}) then ${users.roles} else array_append(${users.roles}, ${role}) end`,
        updatedAt: at,
      }),
  };
}
