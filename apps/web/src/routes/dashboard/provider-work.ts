import type { BidStatus, EngagementSummary, FeedItem } from '@handoff/contracts';
import { bidsApi } from '$lib/server/bids-api.ts';
import { jobPostsApi, type ReceivedInvitations } from '$lib/server/job-posts-api.ts';

/** What the provider panel of the dashboard shows; each part is `null` when it could not be read. */
export interface ProviderWork {
  /** The newest matching jobs and how many there are in all. */
  feed: { total: number; items: FeedItem[] } | null;
  /** Invitations to open jobs not bid on yet, newest first, and how many. */
  invitations: { waiting: number; items: ReceivedInvitations } | null;
  /** Bids by status, over every profile the person is a member of. */
  bids: { counts: Record<BidStatus, number>; unreadMessages: number } | null;
  /** Engagements the person's profiles were hired for, active first. */
  engagements: EngagementSummary[] | null;
}

const FEED_ITEMS = 3;
const LISTED = 3;

/**
 * The provider's work at a glance, for the dashboard: call it with the session's access token for
 * someone with the provider role. Parts fail on their own (a provider with no profile yet has no feed).
 */
export async function loadProviderWork(token: string): Promise<ProviderWork> {
  const [feed, received, mine, unread, engagements] = await Promise.all([
    jobPostsApi.feed(token, { perPage: FEED_ITEMS }).catch(() => null),
    jobPostsApi.received(token).catch(() => null),
    bidsApi.mine(token, { limit: 1 }).catch(() => null),
    bidsApi.unreadMessages(token).catch(() => null),
    bidsApi.engagements(token, { as: 'provider' }).catch(() => null),
  ]);
  const waiting = received?.filter((i) => i.status === 'open' && i.bidStatus === null) ?? null;
  return {
    feed: feed ? { total: feed.total, items: feed.items } : null,
    invitations: waiting ? { waiting: waiting.length, items: waiting.slice(0, LISTED) } : null,
    bids: mine ? { counts: mine.counts, unreadMessages: unread ?? 0 } : null,
    engagements: engagements
      ? [...engagements]
          .sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1))
          .slice(0, LISTED)
      : null,
  };
}
