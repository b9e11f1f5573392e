import { renderEmail } from '@handoff/mail/templates';
import type { Clock } from '../clock.ts';
import type { JobHandlers } from '../jobs.ts';
import type { LinkSigner, Links } from '../links.ts';
import type { Mailer } from '../mailer.ts';
import { findFunction } from '../taxonomy/index.ts';
import type { Transactor } from '../transaction.ts';
import type { ReferenceRequestForForm, ReferencesRepository } from './ports.ts';
import { nextReminderAt, referencePath, REMINDER_DAYS } from './rules.ts';

export interface ReferenceEmailDeps {
  transaction: Transactor;
  references: Pick<ReferencesRepository, 'findForForm' | 'markSent' | 'optedOut' | 'decline'>;
  mailer: Mailer;
  signer: LinkSigner;
  links: Links;
  clock: Clock;
  /** Requests claimed per statement by the reminder scan. */
  scanBatch?: number;
}

type Handlers = Pick<
  JobHandlers,
  'email.reference-request' | 'email.reference-reminder' | 'references.reminder-scan'
>;

const dateText = (d: Date) =>
  d.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

function message(r: ReferenceRequestForForm, links: Links, signer: LinkSigner, reminder: number) {
  const fn = findFunction(r.functionSlug)?.name.toLowerCase() ?? 'their work';
  const who = r.bidId
    ? `A business owner considering ${r.provider.name} for ${fn} would like to hear from you.`
    : `${r.provider.name} asked you to vouch for their ${fn} work on Handoff.`;
  const url = links(referencePath(signer, r.id));
  const base = links(`${referencePath(signer, r.id)}/decline`);
  return renderEmail({
    preheader: `A few questions about ${r.provider.name}, duty by duty — about 5 minutes.`,
    heading: reminder ? `A reminder: how did ${r.provider.name} do?` : `How did ${r.provider.name} do?`,
    paragraphs: [
      `Hello ${r.name},`,
      `${who} ${r.provider.name} named you (${r.role} at ${r.company}) as a customer who can speak to their work.`,
      `The form asks, for each duty, whether they did it, how well and how promptly — about 5 minutes, no account needed. You can save a draft and come back.`,
      `The link is private to you, works once and expires on ${dateText(r.expiresAt)}.`,
    ],
    action: { label: 'Answer the questions', url },
    footnote: `Rather not? Decline or stop all e-mails about ${r.provider.name}: ${base}`,
  });
}

/** The request e-mail, its reminders, and the scan that finds them due. */
export function createReferenceEmailHandlers(deps: ReferenceEmailDeps): Handlers {
  const { transaction, references, mailer, signer, links, clock, scanBatch = 5_000 } = deps;
  const open = (r: ReferenceRequestForForm | null) =>
    r &&
    (r.status === 'requested' || r.status === 'sent' || r.status === 'reminded') &&
    r.expiresAt > clock.now();

  return {
    /** Keyed by the request: a retry, or a worker killed mid-send, never e-mails twice. */
    async 'email.reference-request'({ requestId }) {
      const r = await references.findForForm(requestId);
      if (!open(r) || r!.status !== 'requested') return;
      const request = r!;
      // An opt-out that arrived since the request was made wins.
      if ((await references.optedOut(request.provider.id, [request.email])).size) {
        await references.decline(request.id, clock.now(), false);
        return;
      }
      await mailer.send({
        key: `reference-request:${request.id}`,
        to: request.email,
        subject: `How did ${request.provider.name} do? A reference request`,
        ...message(request, links, signer, 0),
      });
      const sentAt = clock.now();
      await references.markSent(request.id, sentAt, nextReminderAt(sentAt, 0));
    },

    async 'email.reference-reminder'({ requestId, reminder }) {
      const r = await references.findForForm(requestId);
      if (!open(r) || r!.status === 'requested') return;
      const request = r!;
      await mailer.send({
        key: `reference-reminder:${request.id}:${reminder}`,
        to: request.email,
        subject: `Reminder: a reference for ${request.provider.name}`,
        ...message(request, links, signer, reminder),
      });
    },

    /**
     * Claims due reminders batch by batch, each claim and its e-mail jobs in one transaction, so
     * two scans at once (or a retried one) queue each reminder once. Then expires old links.
     */
    async 'references.reminder-scan'() {
      const now = clock.now();
      for (;;) {
        const claimed = await transaction(async (scope) => {
          const due = await scope.references.claimDueReminders(now, scanBatch);
          await scope.jobs.enqueueMany(
            'email.reference-reminder',
            due.map((d) => ({ requestId: d.requestId, reminder: d.reminder })),
          );
          return due.length;
        });
        if (claimed < scanBatch) break;
      }
      await transaction((scope) => scope.references.expire(now));
    },
  };
}

export { REMINDER_DAYS };
