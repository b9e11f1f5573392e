import type { ReferenceAnswerBody } from '@handoff/contracts';
import type { Clock } from '../clock.ts';
import { GoneError, NotFoundError, ValidationError } from '../errors.ts';
import type { LinkSigner } from '../links.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { findIndustry } from '../taxonomy/index.ts';
import type { Transactor } from '../transaction.ts';
import { referenceNotices } from './notices.ts';
import type { ReferenceRequestForForm, ReferencesRepository } from './ports.ts';
import {
  answerScore,
  companyKey,
  mismatches,
  monthToDate,
  parseReferenceToken,
  trustFlags,
} from './rules.ts';

export interface ReferenceFormDeps {
  transaction: Transactor;
  references: ReferencesRepository;
  notifications: Pick<NotificationService, 'notify'>;
  signer: LinkSigner;
  clock: Clock;
}

/** Who sent the form: the address and browser, and the account when they happen to be signed in. */
export interface Submitter {
  ip: string | null;
  userAgent: string | null;
  userId: string | null;
}

export const INVALID_LINK =
  'This link is not valid. Check that you opened the whole link from the e-mail, or ask the provider to send a new request.';

const dateText = (d: Date) => d.toISOString().slice(0, 10);

/** The form a reference customer reaches through the e-mailed link: no account, one use, 14 days. */
export function createReferenceFormService(deps: ReferenceFormDeps) {
  const { transaction, references, notifications, signer, clock } = deps;

  /** The request behind a link that can still be answered; a clear 4xx for every other link. */
  async function open(token: string): Promise<ReferenceRequestForForm> {
    const id = parseReferenceToken(signer, token);
    const request = id ? await references.findForForm(id) : null;
    if (!request) throw new NotFoundError(INVALID_LINK);
    if (request.status === 'answered') {
      throw new GoneError('This request was already answered — thank you. There is nothing more to do.');
    }
    if (request.status === 'declined') {
      throw new GoneError(
        `This request was declined, so the link no longer works. If you changed your mind, ask ${request.provider.name} to send a new one.`,
      );
    }
    if (request.status === 'unreachable' || request.expiresAt <= clock.now()) {
      throw new GoneError(
        `This link expired on ${dateText(request.expiresAt)}. If you still want to answer, ask ${request.provider.name} to send a new request.`,
      );
    }
    return request;
  }

  async function tell(
    scope: Parameters<Parameters<Transactor>[0]>[0],
    request: ReferenceRequestForForm,
    notice: ReturnType<typeof referenceNotices.answered>,
  ) {
    const members = await scope.bids.providerMembers([request.provider.id]);
    const people = new Set(members.map((m) => m.userId));
    if (request.ownerId) people.add(request.ownerId);
    for (const userId of people) await notifications.notify(scope, { userId, ...notice });
  }

  return {
    open,

    async saveDraft(token: string, draft: Record<string, string>): Promise<void> {
      const request = await open(token);
      if (!(await references.saveDraft(request.id, draft, clock.now()))) {
        throw new GoneError('This request was answered or closed meanwhile; the draft was not saved.');
      }
    },

    async decline(token: string, optOut: boolean): Promise<void> {
      const request = await open(token);
      await transaction(async (scope) => {
        if (!(await scope.references.decline(request.id, clock.now(), optOut))) {
          throw new GoneError('This request was answered or closed meanwhile.');
        }
        await tell(
          scope,
          request,
          referenceNotices.answered({
            bidId: request.bidId,
            company: request.company,
            declined: true,
            held: false,
          }),
        );
      });
    },

    /**
     * Stores the answer with every trust signal that fired: a flagged answer is kept (never dropped)
     * and counts once an operator clears it. The provider's numbers and search entry follow.
     */
    async submit(token: string, body: ReferenceAnswerBody, who: Submitter): Promise<{ status: string }> {
      const request = await open(token);
      const rel = body.relationship;
      if (!findIndustry(rel.industry)) {
        throw new ValidationError('Choose your industry from the list', {
          'relationship.industry': 'Choose your industry',
        });
      }
      if (body.duties.length !== request.duties.length) {
        throw new ValidationError(`Answer each of the ${request.duties.length} duties`, {
          duties: 'Answer every duty',
        });
      }
      const at = clock.now();
      const confirmed = {
        company: rel.company,
        role: rel.role,
        periodFrom: monthToDate(rel.period.from),
        periodTo: rel.period.to ? monthToDate(rel.period.to) : null,
        duties: rel.dutiesContracted,
      };
      const key = companyKey(rel.company);
      const facts = await references.trustFacts(request.provider.id, key, request.id, at);
      const flags = trustFlags({
        contactEmail: request.email,
        memberEmails: facts.memberEmails,
        providerWebsite: facts.website,
        viewerIsMember: who.userId !== null && facts.memberIds.includes(who.userId),
        ip: who.ip,
        userAgent: who.userAgent,
        memberIps: facts.memberIps,
        memberDevices: facts.memberDevices,
        sameCompanyAnswers: facts.sameCompanyAnswers,
        recentAnswers: facts.recentAnswers,
      });
      const duties = body.duties.map((d, i) => ({
        dutyId: request.duties[i]!.id,
        duty: request.duties[i]!.text,
        performed: d.performed,
        quality: d.performed ? d.quality : null,
        timeliness: d.performed ? d.timeliness : null,
        benchmark: d.performed ? d.benchmark : 'none',
        example: d.example,
      }));
      const status = flags.length ? 'flagged' : 'verified';
      await transaction(async (scope) => {
        const id = await scope.references.insertAnswer(
          request.id,
          request.provider.id,
          {
            status,
            flags,
            ...confirmed,
            companyKey: key,
            industrySlug: rel.industry,
            dutiesContracted: rel.dutiesContracted,
            mismatches: mismatches({ ...request, duties: request.contactDuties }, confirmed),
            duties,
            communication: body.communication,
            reliability: body.reliability,
            costVersusQuote: body.costVersusQuote,
            problemsHandled: body.problemsHandled,
            wouldRehire: body.wouldRehire,
            recommend: body.recommend,
            advice: body.advice,
            privateNote: body.privateNote,
            score: answerScore(duties, body.communication, body.reliability),
            ip: who.ip,
            userAgent: who.userAgent,
          },
          at,
        );
        if (!id) throw new GoneError('This request was already answered — thank you.');
        if (status === 'verified') {
          await scope.references.refreshProviderStats(request.provider.id);
          await scope.jobs.enqueue('search.upsert-provider', { providerId: request.provider.id });
        }
        await tell(
          scope,
          request,
          referenceNotices.answered({
            bidId: request.bidId,
            company: rel.company,
            declined: false,
            held: status === 'flagged',
          }),
        );
      });
      return { status };
    },
  };
}

export type ReferenceFormService = ReturnType<typeof createReferenceFormService>;
