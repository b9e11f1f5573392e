import {
  alternativesResponse,
  engagementResponse,
  handoverResponse,
  repostResponse,
  reviewsResponse,
  reviewView,
  type Alternatives,
  type EngagementView,
  type HandoverBody,
  type HandoverView,
  type ReviewCadence,
  type ReviewsView,
  type ReviewView,
  type SubmitReviewBody,
} from '@handoff/contracts';
import { request } from './api-client.ts';

const path = (segment: string) => encodeURIComponent(segment);

/** An engagement's reviews, their schedule, and switching providers: one function per endpoint. */
export const reviewsApi = {
  overview: (token: string, id: string): Promise<ReviewsView> =>
    request(reviewsResponse, `/engagements/${path(id)}/reviews`, { token }),

  submit: (token: string, id: string, body: SubmitReviewBody): Promise<ReviewView> =>
    request(reviewView, `/engagements/${path(id)}/reviews`, { method: 'POST', body, token }),

  setCadence: (token: string, id: string, cadence: ReviewCadence): Promise<ReviewsView> =>
    request(reviewsResponse, `/engagements/${path(id)}/schedule`, {
      method: 'PUT',
      body: { cadence },
      token,
    }),

  reviewNow: (token: string, id: string): Promise<ReviewsView> =>
    request(reviewsResponse, `/engagements/${path(id)}/schedule/review-now`, { method: 'POST', token }),

  repost: (token: string, id: string): Promise<{ jobPostId: string }> =>
    request(repostResponse, `/engagements/${path(id)}/repost`, { method: 'POST', token }),

  async alternatives(token: string, id: string): Promise<Alternatives> {
    const res = await request(alternativesResponse, `/engagements/${path(id)}/alternatives`, { token });
    return res.providers;
  },

  handover: (token: string, id: string): Promise<HandoverView> =>
    request(handoverResponse, `/engagements/${path(id)}/handover`, { token }),

  saveHandover: (token: string, id: string, body: HandoverBody): Promise<HandoverView> =>
    request(handoverResponse, `/engagements/${path(id)}/handover`, { method: 'PUT', body, token }),

  end: (token: string, id: string, note: string): Promise<EngagementView> =>
    request(engagementResponse, `/engagements/${path(id)}/end`, { method: 'POST', body: { note }, token }),
};
