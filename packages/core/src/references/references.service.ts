import type { ReferenceRequestsBody } from '@handoff/contracts';
import type { BidsRepository } from '../bids/ports.ts';
import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import type { ProvidersRepository } from '../providers/ports.ts';
import type { Transactor } from '../transaction.ts';
import { referenceNotices } from './notices.ts';
import type { NewReferenceRequest, ReferenceDuty, ReferencesRepository } from './ports.ts';
import { monthToDate, REFERENCE_TTL_MS } from './rules.ts';

export interface ReferenceServiceDeps {
  transaction: Transactor;
  references: ReferencesRepository;
  bids: Pick<BidsRepository, 'findForViewer'>;
  providers: Pick<ProvidersRepository, 'findForMember' | 'findPublishedBySlug'>;
  notifications: Pick<NotificationService, 'notify'>;
  clock: Clock;
}

const BID_NOT_FOUND = 'No bid with this id among yours';
const PROVIDER_NOT_FOUND = 'No provider profile with this id among yours';

type Contact = Omit<
  NewReferenceRequest,
  'providerId' | 'bidId' | 'requestedBy' | 'duties' | 'contactDuties' | 'expiresAt' | 'at'
> & { duties: string[] };

/** Asking for references: the owner on a shortlisted bid, the provider for a bid or for its profile. */
export function createReferenceService(deps: ReferenceServiceDeps) {
  const { transaction, references, bids, providers, notifications, clock } = deps;

  /** The profile's contacts picked by id, plus the added ones, as request contacts. */
  async function contactsFor(
    userId: string,
    providerId: string,
    body: ReferenceRequestsBody,
  ): Promise<Contact[]> {
    const profile = await providers.findForMember(userId, providerId);
    if (!profile) throw new NotFoundError(PROVIDER_NOT_FOUND);
    const byId = new Map(profile.references.map((r) => [r.id, r]));
    const picked = body.contactIds.map((id) => {
      const r = byId.get(id);
      if (!r) {
        throw new ConflictError(
          'One of the picked contacts is no longer on your profile; reload and pick again',
          {
            contactIds: 'Pick contacts listed on your profile',
          },
        );
      }
      return {
        name: r.name,
        email: r.email.toLowerCase(),
        company: r.company,
        role: r.role,
        periodFrom: monthToDate(r.periodFrom.slice(0, 7)),
        periodTo: r.periodTo ? monthToDate(r.periodTo.slice(0, 7)) : null,
        functionSlug: r.functionSlug,
        duties: r.duties,
      };
    });
    const added = body.add.map((r) => ({
      name: r.name,
      email: r.email.toLowerCase(),
      company: r.company,
      role: r.role,
      periodFrom: monthToDate(r.period.from),
      periodTo: r.period.to ? monthToDate(r.period.to) : null,
      functionSlug: r.function,
      duties: r.duties,
    }));
    return [...picked, ...added];
  }

  /** Writes the requests and their e-mail jobs in one transaction; opted-out addresses stop it all. */
  async function createRequests(
    userId: string,
    providerId: string,
    bidId: string | null,
    contacts: Contact[],
    dutiesFor: (c: Contact) => ReferenceDuty[],
  ): Promise<number> {
    const emails = [...new Set(contacts.map((c) => c.email))];
    const optedOut = await references.optedOut(providerId, emails);
    if (optedOut.size) {
      throw new ConflictError(
        `${[...optedOut].join(', ')} asked not to be e-mailed about this provider again; pick another contact`,
        { contactIds: 'This contact opted out' },
      );
    }
    const at = clock.now();
    const expiresAt = new Date(at.getTime() + REFERENCE_TTL_MS);
    const unique = [...new Map(contacts.map((c) => [c.email, c])).values()];
    return transaction(async (scope) => {
      const created = await scope.references.insertRequests(
        unique.map(({ duties, ...c }) => ({
          ...c,
          providerId,
          bidId,
          requestedBy: userId,
          contactDuties: duties,
          duties: dutiesFor({ ...c, duties }),
          expiresAt,
          at,
        })),
      );
      await scope.jobs.enqueueMany(
        'email.reference-request',
        created.map((r) => ({ requestId: r.id })),
      );
      return created.length;
    });
  }

  async function viewBid(userId: string, bidId: string) {
    const bid = await bids.findForViewer(userId, bidId);
    if (!bid) throw new NotFoundError(BID_NOT_FOUND);
    return bid;
  }

  return {
    /** The owner asks the provider of a shortlisted bid for references; the provider is told. */
    async askOnBid(userId: string, bidId: string): Promise<void> {
      const bid = await viewBid(userId, bidId);
      if (bid.side !== 'owner') throw new ForbiddenError('Only the job’s owner can ask for references');
      if (!bid.shortlisted && bid.status !== 'accepted') {
        throw new ConflictError('Shortlist this bid before asking for references');
      }
      if (bid.status === 'withdrawn' || bid.status === 'declined') {
        throw new ConflictError('This bid is no longer on offer');
      }
      await transaction(async (scope) => {
        if (!(await scope.references.askOnBid(bidId, userId, clock.now()))) return;
        const members = await scope.bids.providerMembers([bid.provider.id]);
        for (const m of members) {
          await notifications.notify(scope, {
            userId: m.userId,
            ...referenceNotices.asked({ bidId, jobTitle: bid.jobPost.title }),
          });
        }
      });
    },

    /** The provider picks contacts for a bid the owner asked references on; they rate the job's duties. */
    async requestOnBid(userId: string, bidId: string, body: ReferenceRequestsBody): Promise<number> {
      const bid = await viewBid(userId, bidId);
      if (bid.side !== 'provider') throw new ForbiddenError('Only the provider picks its reference contacts');
      if (!(await references.askedAt(bidId))) {
        throw new ConflictError('The owner has not asked for references on this bid');
      }
      const contacts = await contactsFor(userId, bid.provider.id, body);
      const duties = bid.coverage.map((c) => ({ id: c.dutyId, text: c.duty }));
      return createRequests(userId, bid.provider.id, bidId, contacts, () => duties);
    },

    /** The provider asks its own contacts to vouch for the profile; they rate the duties listed for them. */
    async requestForProfile(
      userId: string,
      providerId: string,
      body: ReferenceRequestsBody,
    ): Promise<number> {
      const contacts = await contactsFor(userId, providerId, body);
      return createRequests(userId, providerId, null, contacts, (c) =>
        c.duties.map((text) => ({ id: null, text })),
      );
    },

    /** A bid's requests with their answers, for the owner and the provider's members only. */
    async forBid(userId: string, bidId: string) {
      const bid = await viewBid(userId, bidId);
      const [askedAt, requests, summary] = await Promise.all([
        references.askedAt(bidId),
        references.listForBid(bidId),
        references.summary(bid.provider.id),
      ]);
      return { side: bid.side, askedAt, requests, summary };
    },

    /** The profile's requests, for its members. */
    async forProvider(userId: string, providerId: string) {
      const profile = await providers.findForMember(userId, providerId);
      if (!profile) throw new NotFoundError(PROVIDER_NOT_FOUND);
      return references.listForProvider(providerId);
    },

    /** What anyone sees on a published profile: verified answers only. */
    async published(slug: string) {
      const profile = await providers.findPublishedBySlug(slug);
      if (!profile) throw new NotFoundError('No published provider with this address');
      const [summary, answers] = await Promise.all([
        references.summary(profile.id),
        references.verifiedAnswers(profile.id, 20),
      ]);
      return { summary, answers };
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
