import type { ProviderMembersRepository } from '@handoff/core/providers';
import { aliasedTable, and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { providerInvitations as inv, providerMembers as m, providers, users } from '../schema/index.ts';

const invitationColumns = {
  id: inv.id,
  providerId: inv.providerId,
  email: inv.email,
  invitedBy: inv.invitedBy,
  createdAt: inv.createdAt,
  expiresAt: inv.expiresAt,
  acceptedAt: inv.acceptedAt,
  acceptedBy: inv.acceptedBy,
  revokedAt: inv.revokedAt,
};

const inviter = aliasedTable(users, 'inviter');
const detailColumns = {
  ...invitationColumns,
  providerName: providers.name,
  providerKind: providers.kind,
  inviterName: inviter.name,
};

/** The partial unique index's predicate: an invitation neither accepted nor revoked. */
const isOpen = and(isNull(inv.acceptedAt), isNull(inv.revokedAt));

export function createProviderMembersRepository(db: Db): ProviderMembersRepository {
  const details = () =>
    db
      .select(detailColumns)
      .from(inv)
      .innerJoin(providers, eq(providers.id, inv.providerId))
      .leftJoin(inviter, eq(inviter.id, inv.invitedBy));

  return {
    async roleOf(userId, providerId) {
      const [row] = await db
        .select({ role: m.role })
        .from(m)
        .where(and(eq(m.providerId, providerId), eq(m.userId, userId)));
      return row?.role ?? null;
    },

    async listMembers(providerId) {
      return (
        db
          .select({
            userId: m.userId,
            name: users.name,
            email: users.email,
            role: m.role,
            joinedAt: m.createdAt,
          })
          .from(m)
          .innerJoin(users, eq(users.id, m.userId))
          .where(eq(m.providerId, providerId))
          // 'owner' sorts before 'member' descending.
          .orderBy(desc(m.role), asc(m.createdAt), asc(users.name))
      );
    },

    async isMemberByEmail(providerId, email) {
      const [row] = await db
        .select({ userId: m.userId })
        .from(m)
        .innerJoin(users, eq(users.id, m.userId))
        .where(and(eq(m.providerId, providerId), eq(users.email, email)));
      return Boolean(row);
    },

    async listOpenInvitations(providerId) {
      return details()
        .where(and(eq(inv.providerId, providerId), isOpen))
        .orderBy(asc(inv.createdAt));
    },

    async findOpenInvitation(providerId, email) {
      const [row] = await db
        .select(invitationColumns)
        .from(inv)
        .where(and(eq(inv.providerId, providerId), eq(inv.email, email), isOpen));
      return row ?? null;
    },

    async upsertInvitation({ providerId, email, invitedBy, expiresAt, at }) {
      const [row] = await db
        .insert(inv)
        .values({ providerId, email, invitedBy, expiresAt, createdAt: at })
        .onConflictDoUpdate({
          target: [inv.providerId, inv.email],
          targetWhere: sql`${inv.acceptedAt} IS NULL AND ${inv.revokedAt} IS NULL`,
          set: { expiresAt },
        })
        .returning(invitationColumns);
      return row!;
    },

    async findInvitation(id) {
      const [row] = await details().where(eq(inv.id, id));
      return row ?? null;
    },

    async revokeInvitation(providerId, id, at) {
      const rows = await db
        .update(inv)
        .set({ revokedAt: at })
        .where(and(eq(inv.id, id), eq(inv.providerId, providerId), isOpen))
        .returning({ id: inv.id });
      return rows.length > 0;
    },

    async acceptInvitation(id, userId, at) {
      const [row] = await db
        .update(inv)
        .set({ acceptedAt: at, acceptedBy: userId })
        .where(and(eq(inv.id, id), isOpen, gt(inv.expiresAt, at)))
        .returning(invitationColumns);
      return row ?? null;
    },

    async addMember(providerId, userId, role, at) {
      const rows = await db
        .insert(m)
        .values({ providerId, userId, role, createdAt: at })
        .onConflictDoNothing({ target: [m.providerId, m.userId] })
        .returning({ userId: m.userId });
      return rows.length > 0;
    },

    async removeMember(providerId, userId) {
      const rows = await db
        .delete(m)
        .where(and(eq(m.providerId, providerId), eq(m.userId, userId), eq(m.role, 'member')))
        .returning({ userId: m.userId });
      return rows.length > 0;
    },

    async grantProviderRole(userId) {
      await db
        .update(users)
        .set({ roles: sql`array_append(${users.roles}, 'provider')`, updatedAt: sql`now()` })
        .where(and(eq(users.id, userId), sql`NOT ('provider' = ANY(${users.roles}))`));
    },
  };
}
