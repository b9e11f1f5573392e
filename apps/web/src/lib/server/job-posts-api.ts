import {
  feedQuery,
  feedResponse,
  myJobPostsQuery,
  providerInvitationsQuery,
  inviteProviderResponse,
  jobPostInvitationsResponse,
  jobPostResponse,
  myJobPostsResponse,
  ownerJobPostResponse,
  publicJobPostResponse,
  receivedInvitationsResponse,
  type CreateJobPostBody,
  type FeedQuery,
  type JobPostInput,
  type JobPostStatus,
} from '@handoff/contracts';
import type { z } from 'zod';
import { request, send } from './api-client.ts';
import { apiQuery } from './api-query.ts';

export type OwnerJobPost = z.infer<typeof ownerJobPostResponse>;
export type ViewedJobPost = z.infer<typeof jobPostResponse>;
export type PublicJobPost = z.infer<typeof publicJobPostResponse>;
export type MyJobPosts = z.infer<typeof myJobPostsResponse>['jobPosts'];
export type Feed = z.infer<typeof feedResponse>;
export type JobPostInvitations = z.infer<typeof jobPostInvitationsResponse>['invitations'];
export type ReceivedInvitations = z.infer<typeof receivedInvitationsResponse>['invitations'];
export type InviteResult = z.infer<typeof inviteProviderResponse>;

const path = (segment: string) => encodeURIComponent(segment);

/** Job posts (the marketplace's jobs), invitations to them and the providers' feed: one function per endpoint. */
export const jobPostsApi = {
  // The owner's side.
  create: (token: string, body: CreateJobPostBody): Promise<OwnerJobPost> =>
    request(ownerJobPostResponse, '/job-posts', { method: 'POST', body, token }),

  async mine(token: string, status?: JobPostStatus): Promise<MyJobPosts> {
    const { jobPosts } = await request(
      myJobPostsResponse,
      `/job-posts${apiQuery(myJobPostsQuery, { status })}`,
      { token },
    );
    return jobPosts;
  },

  update: (token: string, id: string, body: JobPostInput): Promise<OwnerJobPost> =>
    request(ownerJobPostResponse, `/job-posts/${path(id)}`, { method: 'PUT', body, token }),

  publish: (token: string, id: string): Promise<OwnerJobPost> =>
    request(ownerJobPostResponse, `/job-posts/${path(id)}/publish`, { method: 'POST', token }),

  close: (token: string, id: string): Promise<OwnerJobPost> =>
    request(ownerJobPostResponse, `/job-posts/${path(id)}/close`, { method: 'POST', token }),

  /** Drafts only; the api answers 409 for a job that was published. */
  async remove(token: string, id: string): Promise<void> {
    await send(`/job-posts/${path(id)}`, { method: 'DELETE', token });
  },

  invite: (token: string, id: string, providerId: string, message = ''): Promise<InviteResult> =>
    request(inviteProviderResponse, `/job-posts/${path(id)}/invitations`, {
      method: 'POST',
      body: { providerId, message },
      token,
    }),

  async invitations(token: string, id: string): Promise<JobPostInvitations> {
    const { invitations } = await request(jobPostInvitationsResponse, `/job-posts/${path(id)}/invitations`, {
      token,
    });
    return invitations;
  },

  // Anyone signed in: the owner's view, an invited or bidding provider's view (`viewer` says which).
  get: (token: string, id: string): Promise<ViewedJobPost> =>
    request(jobPostResponse, `/job-posts/${path(id)}`, { token }),

  // Nobody signed in: a public open job, without the owner's private fields.
  getPublic: (id: string): Promise<PublicJobPost> =>
    request(publicJobPostResponse, `/public/job-posts/${path(id)}`),

  // The provider's side.
  feed: (token: string, filter: Partial<FeedQuery> = {}): Promise<Feed> =>
    request(feedResponse, `/feed/job-posts${apiQuery(feedQuery, filter)}`, {
      token,
    }),

  async received(token: string, providerId?: string): Promise<ReceivedInvitations> {
    const { invitations } = await request(
      receivedInvitationsResponse,
      `/provider/invitations${apiQuery(providerInvitationsQuery, { providerId })}`,
      { token },
    );
    return invitations;
  },
};
