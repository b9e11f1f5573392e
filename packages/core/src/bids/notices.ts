import type { CoverageSummary, PriceBasis } from '@handoff/contracts';
import type { NewNotification } from '../notifications/ports.ts';

// What each party is told about bids, in-app and by e-mail: titles and bodies said for the person
// reading them, links to the web pages where they act on it.

type Notice = Omit<NewNotification, 'userId'>;

const quote = (title: string) => `“${title.length > 80 ? `${title.slice(0, 77)}…` : title}”`;
const excerpt = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const BASIS: Record<PriceBasis, string> = { hourly: ' an hour', monthly: ' a month', fixed: ' fixed price' };

export function formatPrice(amount: number, currency: string, basis: PriceBasis): string {
  const n = amount.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return `${currency} ${n}${BASIS[basis]}`;
}

export const bidLinks = {
  comparison: (jobPostId: string) => `/jobs/${jobPostId}/bids`,
  bid: (bidId: string) => `/bids/${bidId}`,
  thread: (bidId: string) => `/bids/${bidId}#messages`,
  engagement: (id: string) => `/engagements/${id}`,
};

interface BidFacts {
  bidId: string;
  jobPostId: string;
  jobTitle: string;
  providerName: string;
  price: number;
  currency: string;
  priceBasis: PriceBasis;
  summary: CoverageSummary;
  duties: number;
  commitments: CoverageSummary;
  benchmarks: number;
}

const terms = (b: BidFacts) =>
  `${formatPrice(b.price, b.currency, b.priceBasis)}, covering ${b.summary.yes} of ${b.duties} duties fully` +
  (b.summary.partly ? ` and ${b.summary.partly} partly` : '') +
  (b.benchmarks
    ? `; committing to ${b.commitments.yes} of ${b.benchmarks} ${b.benchmarks === 1 ? 'benchmark' : 'benchmarks'}` +
      (b.commitments.partly ? ` (${b.commitments.partly} partly)` : '')
    : '');

export const notices = {
  submitted: (b: BidFacts): Notice => ({
    kind: 'bid.received',
    title: `New bid on ${quote(b.jobTitle)} from ${b.providerName}`,
    body: `${b.providerName} bid ${terms(b)}. Compare it with the other bids on your job.`,
    link: bidLinks.comparison(b.jobPostId),
  }),

  revised: (b: BidFacts & { revision: number }): Notice => ({
    kind: 'bid.received',
    title: `${b.providerName} revised their bid on ${quote(b.jobTitle)}`,
    body: `Revision ${b.revision}: now ${terms(b)}.`,
    link: bidLinks.comparison(b.jobPostId),
  }),

  withdrawn: (b: { jobPostId: string; jobTitle: string; providerName: string }): Notice => ({
    kind: 'bid.withdrawn',
    title: `${b.providerName} withdrew their bid on ${quote(b.jobTitle)}`,
    body: `${b.providerName} is no longer offering to do this job. Their bid stays in your comparison, marked withdrawn.`,
    link: bidLinks.comparison(b.jobPostId),
  }),

  declined: (b: { bidId: string; jobTitle: string; reason: string | null }): Notice => ({
    kind: 'bid.declined',
    title: `Your bid on ${quote(b.jobTitle)} was declined`,
    body: b.reason
      ? `The owner’s reason: “${excerpt(b.reason, 1000)}”`
      : 'The owner gave no reason. Your bid stays on your dashboard, read-only.',
    link: bidLinks.bid(b.bidId),
  }),

  accepted: (b: { engagementId: string; jobTitle: string; startDate: string }): Notice => ({
    kind: 'bid.accepted',
    title: `You are hired: your bid on ${quote(b.jobTitle)} was accepted`,
    body: `The engagement starts on ${b.startDate}. Its page has the duties and benchmarks you will be reviewed against.`,
    link: bidLinks.engagement(b.engagementId),
  }),

  filled: (b: { bidId: string; jobTitle: string }): Notice => ({
    kind: 'job.filled',
    title: `${quote(b.jobTitle)} was filled with another bid`,
    body: 'Thank you for bidding. Your bid stays on your dashboard, read-only.',
    link: bidLinks.bid(b.bidId),
  }),

  message: (m: { bidId: string; jobTitle: string; authorName: string; body: string }): Notice => ({
    kind: 'message.received',
    title: `New message about ${quote(m.jobTitle)}`,
    body: `${m.authorName}: ${excerpt(m.body)}`,
    link: bidLinks.thread(m.bidId),
  }),
};
