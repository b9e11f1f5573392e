import {
  bidComparisonResponse,
  bidMessage,
  bidMessagesQuery,
  bidMessagesResponse,
  compareBidsQuery,
  engagementsQuery,
  myBidsQuery,
  bidResponse,
  engagementResponse,
  engagementsResponse,
  messagesUnreadResponse,
  myBidsResponse,
  type BidComparison,
  type BidInput,
  type BidMessage,
  type BidRevisionInput,
  type BidStatus,
  type BidView,
  type CompareBidsQuery,
  type EngagementView,
} from '@handoff/contracts';
import type { z } from 'zod';
import { request } from './api-client.ts';
import { apiQuery } from './api-query.ts';

export type MyBids = z.infer<typeof myBidsResponse>;
export type BidMessages = z.infer<typeof bidMessagesResponse>;
export type EngagementList = z.infer<typeof engagementsResponse>['engagements'];

const path = (segment: string) => encodeURIComponent(segment);

/** Bids, their message threads and the engagements they turn into: one function per endpoint. */
export const bidsApi = {
  // A provider member's side.
  submit: (token: string, jobPostId: string, body: BidInput): Promise<BidView> =>
    request(bidResponse, `/job-posts/${path(jobPostId)}/bids`, { method: 'POST', body, token }),

  revise: (token: string, bidId: string, body: BidRevisionInput): Promise<BidView> =>
    request(bidResponse, `/bids/${path(bidId)}`, { method: 'PUT', body, token }),

  withdraw: (token: string, bidId: string): Promise<BidView> =>
    request(bidResponse, `/bids/${path(bidId)}/withdraw`, { method: 'POST', token }),

  mine: (
    token: string,
    filter: { status?: BidStatus; jobPostId?: string; before?: string; limit?: number } = {},
  ): Promise<MyBids> => request(myBidsResponse, `/bids${apiQuery(myBidsQuery, filter)}`, { token }),

  /** The owner's view or the bidding provider's, as the api decides (`viewer`). */
  get: (token: string, bidId: string): Promise<BidView> =>
    request(bidResponse, `/bids/${path(bidId)}`, { token }),

  // The job owner's side.
  compare: (
    token: string,
    jobPostId: string,
    options: Partial<CompareBidsQuery> = {},
  ): Promise<BidComparison> =>
    request(
      bidComparisonResponse,
      `/job-posts/${path(jobPostId)}/bids${apiQuery(compareBidsQuery, options)}`,
      { token },
    ),

  mark: (
    token: string,
    bidId: string,
    action: 'shortlist' | 'unshortlist' | 'archive' | 'unarchive',
  ): Promise<BidView> => request(bidResponse, `/bids/${path(bidId)}/${action}`, { method: 'POST', token }),

  decline: (token: string, bidId: string, reason?: string): Promise<BidView> =>
    request(bidResponse, `/bids/${path(bidId)}/decline`, {
      method: 'POST',
      body: reason ? { reason } : {},
      token,
    }),

  accept: (token: string, bidId: string): Promise<EngagementView> =>
    request(engagementResponse, `/bids/${path(bidId)}/accept`, { method: 'POST', token }),

  // The thread between the two parties.
  messages: (
    token: string,
    bidId: string,
    page: { after?: string; before?: string } = {},
  ): Promise<BidMessages> =>
    request(bidMessagesResponse, `/bids/${path(bidId)}/messages${apiQuery(bidMessagesQuery, page)}`, {
      token,
    }),

  postMessage: (token: string, bidId: string, body: string): Promise<BidMessage> =>
    request(bidMessage, `/bids/${path(bidId)}/messages`, { method: 'POST', body: { body }, token }),

  async unreadMessages(token: string): Promise<number> {
    const { unread } = await request(messagesUnreadResponse, '/messages/unread-count', { token });
    return unread;
  },

  // Engagements, for both parties.
  async engagements(
    token: string,
    filter: { as?: 'owner' | 'provider'; status?: 'active' | 'ended' } = {},
  ): Promise<EngagementList> {
    const { engagements } = await request(
      engagementsResponse,
      `/engagements${apiQuery(engagementsQuery, filter)}`,
      { token },
    );
    return engagements;
  },

  engagement: (token: string, id: string): Promise<EngagementView> =>
    request(engagementResponse, `/engagements/${path(id)}`, { token }),
};
