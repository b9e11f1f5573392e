import type { Role } from '@handoff/contracts';
import type { AuditEntry, PeopleRepository, PersonDetail, SecurityEvent } from '@handoff/core/people';
import { and, desc, eq, ilike, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  accountTokens,
  auditLog,
  providerMembers,
  providers,
  refreshSessions,
  users,
} from '../schema/index.ts';

const summaryColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  roles: users.roles,
  emailVerifiedAt: users.emailVerifiedAt,
  suspendedAt: users.suspendedAt,
  deletedAt: users.deletedAt,
  createdAt: users.createdAt,
};

/** `%`, `_` and `\` typed by the operator match themselves. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** "Chrome on Linux"-style words are the settings page's business; here the raw agent, shortened. */
const client = (ip: string | null, agent: string | null) =>
  [ip ? `from ${ip}` : null, agent ? agent.slice(0, 120) : null].filter(Boolean).join(' · ');

export function createPeopleRepository(db: Db): PeopleRepository {
  async function securityEvents(userId: string, limit: number): Promise<SecurityEvent[]> {
    const [signIns, ended, tokens] = await Promise.all([
      // A family's first row is the sign-in; later rows are refreshes of it.
      db
        .selectDistinctOn([refreshSessions.familyId], {
          at: refreshSessions.createdAt,
          ip: refreshSessions.ip,
          userAgent: refreshSessions.userAgent,
        })
        .from(refreshSessions)
        .where(eq(refreshSessions.userId, userId))
        .orderBy(refreshSessions.familyId, refreshSessions.createdAt)
        .limit(200),
      db
        .selectDistinctOn([refreshSessions.familyId], { at: refreshSessions.revokedAt })
        .from(refreshSessions)
        .where(and(eq(refreshSessions.userId, userId), isNotNull(refreshSessions.revokedAt)))
        .orderBy(refreshSessions.familyId, refreshSessions.revokedAt)
        .limit(200),
      db
        .select({
          purpose: accountTokens.purpose,
          createdAt: accountTokens.createdAt,
          usedAt: accountTokens.usedAt,
        })
        .from(accountTokens)
        .where(eq(accountTokens.userId, userId))
        .orderBy(desc(accountTokens.createdAt))
        .limit(limit),
    ]);
    const events: SecurityEvent[] = [
      ...signIns.map((s) => ({ at: s.at, kind: 'signed_in' as const, detail: client(s.ip, s.userAgent) })),
      ...ended.map((s) => ({ at: s.at!, kind: 'session_ended' as const, detail: '' })),
      ...tokens.flatMap((t) => {
        const reset = t.purpose === 'reset_password';
        const sent: SecurityEvent = {
          at: t.createdAt,
          kind: reset ? 'reset_requested' : 'verify_sent',
          detail: '',
        };
        return t.usedAt
          ? [
              sent,
              { at: t.usedAt, kind: reset ? ('password_reset' as const) : ('verified' as const), detail: '' },
            ]
          : [sent];
      }),
    ];
    return events.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
  }

  return {
    async find(text, limit) {
      const q = text.trim();
      const rows = await db
        .select(summaryColumns)
        .from(users)
        .where(q ? or(ilike(users.email, contains(q)), ilike(users.name, contains(q))) : undefined)
        .orderBy(desc(users.createdAt), desc(users.id))
        .limit(limit);
      return rows.map((r) => ({ ...r, roles: r.roles as Role[] }));
    },

    async detail(id, events) {
      const [row] = await db
        .select({ ...summaryColumns, suspendedReason: users.suspendedReason })
        .from(users)
        .where(eq(users.id, id));
      if (!row) return null;
      const [profiles, securityEventsList] = await Promise.all([
        db
          .select({
            id: providers.id,
            slug: providers.slug,
            name: providers.name,
            status: providers.status,
            role: providerMembers.role,
            hidden: sql<boolean>`${providers.suspendedAt} IS NOT NULL`,
          })
          .from(providerMembers)
          .innerJoin(providers, eq(providers.id, providerMembers.providerId))
          .where(eq(providerMembers.userId, id))
          .orderBy(providers.createdAt),
        securityEvents(id, events),
      ]);
      const detail: PersonDetail = {
        ...row,
        roles: row.roles as Role[],
        profiles,
        securityEvents: securityEventsList,
      };
      return detail;
    },

    async setSuspension(id, at, reason) {
      await db
        .update(users)
        .set(
          at
            ? { suspendedAt: at, suspendedReason: reason, sessionsValidAfter: at, updatedAt: at }
            : { suspendedAt: null, suspendedReason: null, updatedAt: sql`now()` },
        )
        .where(eq(users.id, id));
      const owned = db
        .select({ id: providerMembers.providerId })
        .from(providerMembers)
        .where(and(eq(providerMembers.userId, id), eq(providerMembers.role, 'owner')));
      const changed = await db
        .update(providers)
        .set({ suspendedAt: at })
        .where(
          and(
            inArray(providers.id, owned),
            at ? isNull(providers.suspendedAt) : isNotNull(providers.suspendedAt),
          ),
        )
        .returning({ id: providers.id });
      return changed.map((r) => r.id);
    },

    async appendAudit(entry) {
      const [row] = await db.insert(auditLog).values(entry).returning();
      return toEntry(row!);
    },

    async auditLog({ limit, before, targetUserId }) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(
          and(
            targetUserId ? eq(auditLog.targetUserId, targetUserId) : undefined,
            before
              ? or(
                  lt(auditLog.createdAt, before.createdAt),
                  and(eq(auditLog.createdAt, before.createdAt), lt(auditLog.id, before.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
        .limit(limit);
      return rows.map(toEntry);
    },
  };
}

function toEntry(row: typeof auditLog.$inferSelect): AuditEntry {
  return {
    id: row.id,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action as AuditEntry['action'],
    targetUserId: row.targetUserId,
    targetEmail: row.targetEmail,
    reason: row.reason,
    createdAt: row.createdAt,
  };
}
