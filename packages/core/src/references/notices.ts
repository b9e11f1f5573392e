import type { NewNotification } from '../notifications/ports.ts';

// What each party is told about reference checks, said for the person reading it.

type Notice = Omit<NewNotification, 'userId'>;

const quote = (title: string) => `“${title.length > 80 ? `${title.slice(0, 77)}…` : title}”`;

export const referenceLinks = {
  bid: (bidId: string) => `/bids/${bidId}#references`,
  profile: () => '/provider/references',
};

export const referenceNotices = {
  asked: ({ bidId, jobTitle }: { bidId: string; jobTitle: string }): Notice => ({
    kind: 'reference.asked',
    title: `References asked for on ${quote(jobTitle)}`,
    body: 'The owner shortlisted your bid and would like to hear from your customers. Pick who to ask: they get an e-mail with a short form.',
    link: referenceLinks.bid(bidId),
  }),
  answered: ({
    bidId,
    company,
    declined,
    held,
  }: {
    bidId: string | null;
    company: string;
    declined: boolean;
    held: boolean;
  }): Notice => ({
    kind: 'reference.answered',
    title: declined ? `${company} declined to give a reference` : `${company} answered a reference request`,
    body: declined
      ? 'They will not be asked again through this request.'
      : held
        ? 'The answer is held for a check by our team before it counts as verified.'
        : 'The answer is verified and counts on the profile.',
    link: bidId ? referenceLinks.bid(bidId) : referenceLinks.profile(),
  }),
  reviewed: ({
    company,
    cleared,
    reason,
  }: {
    company: string;
    cleared: boolean;
    reason: string;
  }): Notice => ({
    kind: 'reference.reviewed',
    title: cleared
      ? `The reference from ${company} was checked and now counts`
      : `The reference from ${company} was not accepted`,
    body: cleared ? 'It is verified and shown on your profile.' : `Reason: ${reason}`,
    link: referenceLinks.profile(),
  }),
};
