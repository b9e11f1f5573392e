import { renderEmail } from '@handoff/mail/templates';
import type { Clock } from '../clock.ts';
import type { JobHandlers } from '../jobs.ts';
import type { LinkSigner, Links } from '../links.ts';
import type { Mailer } from '../mailer.ts';
import { invitationPath } from './invitation-link.ts';
import type { ProviderMembersRepository } from './members.ports.ts';

export interface InvitationEmailDeps {
  members: Pick<ProviderMembersRepository, 'findInvitation'>;
  mailer: Mailer;
  signer: LinkSigner;
  links: Links;
  clock: Clock;
}

type Handlers = Pick<JobHandlers, 'email.provider-invitation'>;

const KIND_NOUN = { firm: 'firm', freelancer: 'profile', virtual_assistant: 'profile' } as const;

/**
 * The invitation e-mail. Keyed by the job, so a retry sends nothing twice while inviting the same
 * address again (a new job) does send again; an invitation no longer open sends nothing.
 */
export function createInvitationEmailHandlers({
  members,
  mailer,
  signer,
  links,
  clock,
}: InvitationEmailDeps): Handlers {
  return {
    async 'email.provider-invitation'({ invitationId }, { jobId }) {
      const inv = await members.findInvitation(invitationId);
      if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= clock.now()) return;
      const who = inv.inviterName ?? 'A colleague';
      const noun = inv.providerKind ? KIND_NOUN[inv.providerKind] : 'profile';
      await mailer.send({
        key: `provider-invitation:${invitationId}:${jobId}`,
        to: inv.email,
        subject: `${who} invited you to ${inv.providerName} on Handoff`,
        ...renderEmail({
          preheader: `Join ${inv.providerName} and edit its provider profile together.`,
          heading: `Join ${inv.providerName} on Handoff`,
          paragraphs: [
            `${who} invited you to become a member of the ${noun} ${inv.providerName} on Handoff, the marketplace where small businesses hand off their back office.`,
            'As a member you can edit the profile owners see: functions, duties, packages, rates and reference customers.',
            `Log in or create your account with this address (${inv.email}), then accept. The link works once and expires in 7 days.`,
          ],
          action: { label: 'Accept the invitation', url: links(invitationPath(signer, invitationId)) },
          footnote: 'Not expecting this? Ignore this e-mail: nothing happens unless you accept.',
        }),
      });
    },
  };
}
