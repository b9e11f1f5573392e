import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { Transactor } from '../transaction.ts';
import type { AuditEntry, PeopleRepository, PersonDetail, PersonSummary } from './ports.ts';

export interface PeopleServiceDeps {
  transaction: Transactor;
  people: PeopleRepository;
  clock: Clock;
}

export interface Operator {
  id: string;
  roles: readonly string[];
}

const NOT_FOUND = 'No account with this id';
const LIST_LIMIT = 50;
const EVENTS = 20;

/**
 * The operator's people desk: find a person, see their roles, profiles and recent security events,
 * suspend and reinstate. Every change writes an audit entry in the same transaction, so an action
 * without its record cannot happen.
 */
export function createPeopleService({ transaction, people, clock }: PeopleServiceDeps) {
  function requireOperator(actor: Operator) {
    if (!actor.roles.includes('admin')) throw new ForbiddenError('Only operators can manage people');
  }

  async function target(id: string): Promise<PersonDetail> {
    const person = await people.detail(id, EVENTS);
    if (!person) throw new NotFoundError(NOT_FOUND);
    return person;
  }

  return {
    async find(actor: Operator, text: string): Promise<PersonSummary[]> {
      requireOperator(actor);
      return people.find(text, LIST_LIMIT);
    },

    async get(actor: Operator, id: string): Promise<PersonDetail> {
      requireOperator(actor);
      return target(id);
    },

    /** Ends their sessions, hides the profiles they own from search and their pages, records why. */
    async suspend(actor: Operator, id: string, reason: string): Promise<PersonDetail> {
      requireOperator(actor);
      const person = await target(id);
      if (person.id === actor.id) throw new ConflictError('You cannot suspend your own account');
      if (person.roles.includes('admin')) {
        throw new ConflictError('Operators cannot suspend another operator here');
      }
      if (person.deletedAt)
        throw new ConflictError('This account was deleted by its owner; there is nothing to suspend');
      if (person.suspendedAt) throw new ConflictError('This account is already suspended');
      const actorEmail = (await target(actor.id)).email;
      const now = clock.now();
      await transaction(async (scope) => {
        const hidden = await scope.people.setSuspension(id, now, reason);
        await scope.sessions.revokeAllForUser(id, now);
        for (const providerId of hidden) await scope.jobs.enqueue('search.upsert-provider', { providerId });
        await scope.people.appendAudit(entry(actor.id, actorEmail, 'user.suspended', person, reason, now));
      });
      return target(id);
    },

    async reinstate(actor: Operator, id: string, reason: string): Promise<PersonDetail> {
      requireOperator(actor);
      const person = await target(id);
      if (person.deletedAt)
        throw new ConflictError('This account was deleted by its owner; it cannot be reinstated');
      if (!person.suspendedAt) throw new ConflictError('This account is not suspended');
      const actorEmail = (await target(actor.id)).email;
      const now = clock.now();
      await transaction(async (scope) => {
        const shown = await scope.people.setSuspension(id, null, null);
        for (const providerId of shown) await scope.jobs.enqueue('search.upsert-provider', { providerId });
        await scope.people.appendAudit(entry(actor.id, actorEmail, 'user.reinstated', person, reason, now));
      });
      return target(id);
    },

    async auditLog(
      actor: Operator,
      options: { limit: number; before?: { createdAt: Date; id: string }; targetUserId?: string },
    ): Promise<AuditEntry[]> {
      requireOperator(actor);
      return people.auditLog(options);
    },
  };
}

function entry(
  actorId: string,
  actorEmail: string,
  action: AuditEntry['action'],
  person: PersonSummary,
  reason: string,
  at: Date,
): Omit<AuditEntry, 'id'> {
  return {
    actorId,
    actorEmail,
    action,
    targetUserId: person.id,
    targetEmail: person.email,
    reason,
    createdAt: at,
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
