import {
  bidReferencesResponse,
  providerReferenceRequestsResponse,
  publicReferencesResponse,
  type BidReferences,
  type PublicReferences,
  type ReferenceRequestsBody,
  type ReferenceRequestView,
} from '@handoff/contracts';
import { z } from 'zod';
import { request, send, type ClientInfo } from './api-client.ts';

const path = (segment: string) => encodeURIComponent(segment);
const created = z.object({ created: z.number().int() });

/** Reference checks: asking on a bid or for a profile, and reading requests and verified answers. */
export const referencesApi = {
  /** The owner asks the provider of a shortlisted bid for references. */
  async ask(token: string, bidId: string, client: ClientInfo): Promise<void> {
    await send(`/bids/${path(bidId)}/reference-ask`, { method: 'POST', token, client });
  },

  /** The provider e-mails the picked (and added) contacts about a bid; how many new requests went out. */
  async requestOnBid(
    token: string,
    bidId: string,
    body: ReferenceRequestsBody,
    client: ClientInfo,
  ): Promise<number> {
    const res = await request(created, `/bids/${path(bidId)}/reference-requests`, {
      method: 'POST',
      body,
      token,
      client,
    });
    return res.created;
  },

  forBid: (token: string, bidId: string): Promise<BidReferences> =>
    request(bidReferencesResponse, `/bids/${path(bidId)}/references`, { token }),

  async requestForProfile(
    token: string,
    providerId: string,
    body: ReferenceRequestsBody,
    client: ClientInfo,
  ): Promise<number> {
    const res = await request(created, `/providers/${path(providerId)}/reference-requests`, {
      method: 'POST',
      body,
      token,
      client,
    });
    return res.created;
  },

  async forProvider(token: string, providerId: string): Promise<ReferenceRequestView[]> {
    const res = await request(
      providerReferenceRequestsResponse,
      `/providers/${path(providerId)}/reference-requests`,
      { token },
    );
    return res.requests;
  },

  /** Anyone: a published profile's verified summary and answers. */
  published: (slug: string): Promise<PublicReferences> =>
    request(publicReferencesResponse, `/public/providers/${path(slug)}/references`),
};
