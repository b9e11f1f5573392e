import { referenceFormResponse, type ReferenceAnswerBody, type ReferenceForm } from '@handoff/contracts';
import type { RequestEvent } from '@sveltejs/kit';
import { request, send, type ClientInfo } from './api-client.ts';
import { clientOf } from './session.ts';

export type { ReferenceForm };

/**
 * Who is answering: the visitor's address and browser, and their access token if they happen to be
 * signed in, so the api's trust signals see the real person (a provider answering their own request).
 */
export interface Visitor {
  client: ClientInfo;
  token: string | null;
}

export const visitor = (event: RequestEvent): Visitor => ({
  client: clientOf(event),
  token: event.locals.accessToken,
});

const base = (token: string) => `/reference-forms/${encodeURIComponent(token)}`;

/** The public reference form behind an e-mailed link (no account needed). */
export const referenceFormApi = {
  get: (token: string, who: Visitor): Promise<ReferenceForm> =>
    request(referenceFormResponse, base(token), { client: who.client, token: who.token }),

  async saveDraft(token: string, draft: Record<string, string>, who: Visitor): Promise<void> {
    await send(`${base(token)}/draft`, { method: 'PUT', body: draft, client: who.client, token: who.token });
  },

  async submit(token: string, body: ReferenceAnswerBody, who: Visitor): Promise<void> {
    await send(base(token), { method: 'POST', body, client: who.client, token: who.token });
  },

  async decline(token: string, optOut: boolean, who: Visitor): Promise<void> {
    await send(`${base(token)}/decline`, {
      method: 'POST',
      body: { optOut },
      client: who.client,
      token: who.token,
    });
  },
};
