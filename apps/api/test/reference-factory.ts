import { functions } from '@handoff/core/taxonomy';
import type { FastifyInstance } from 'fastify';
import { anOwner, aProvider, bidBody, insertJobPost, submitBid, type Headers } from './bid-factory.ts';
import type { TestApp } from './helpers.ts';

// Test data for reference checks: an owner with a job, a provider with a bid on it and named
// reference contacts, the owner's ask, and the answers a reference customer would type.

/** A reference customer's remote address, unlike the test accounts' own 127.0.0.1. */
export const CUSTOMER_IP = '203.0.113.9';

/** A duty the standard test profile covers (see completeProfile). */
export const CONTACT_DUTY = functions.find((f) => f.slug === 'customer-service')!.duties[0]!;

export const contact = (n: number, overrides: Record<string, unknown> = {}) => ({
  name: `Dana Whitfield ${n}`,
  email: `dana${n}@acme-realty-${n}.example`,
  company: `Acme Realty ${n}`,
  role: 'Managing broker',
  period: { from: '2023-02', to: null },
  function: 'customer-service',
  duties: [CONTACT_DUTY],
  ...overrides,
});

/** A provider bidding on an owner's job, shortlisted, with `contacts` on its profile. */
export async function shortlistedBid(
  t: TestApp,
  contacts = [contact(1), contact(2)],
  name = 'Keystone Desk',
) {
  const owner = await anOwner(t.app, 'Olivia Owner');
  const job = await insertJobPost(t, owner.id);
  const provider = await aProvider(t.app, name, { references: contacts });
  const bid = await submitBid(t.app, provider.headers, job.id, bidBody(job));
  const res = await t.app.inject({
    method: 'POST',
    url: `/bids/${bid.id}/shortlist`,
    headers: owner.headers,
  });
  if (res.statusCode >= 300) throw new Error(`shortlist failed: ${res.body}`);
  return { owner, job, provider, bid };
}

/** The profile's contact ids, in the order they were entered. */
export async function contactIds(
  app: FastifyInstance,
  headers: Headers,
  providerId: string,
): Promise<string[]> {
  const res = await app.inject({ method: 'GET', url: `/providers/${providerId}`, headers });
  return (res.json() as { references: { id: string }[] }).references.map((r) => r.id);
}

/** The token of the newest reference e-mail to `email` in the dev mailbox, and the mail's text. */
export async function mailedToken(app: FastifyInstance, email: string) {
  const list = (
    await app.inject({ method: 'GET', url: `/dev/mailbox?to=${encodeURIComponent(email)}` })
  ).json().messages as { id: string; subject: string }[];
  const mail = list.find((m) => /reference/i.test(m.subject));
  if (!mail) return null;
  const body = (await app.inject({ method: 'GET', url: `/dev/mailbox/${mail.id}` })).json() as {
    text: string;
  };
  const token = /\/r\/([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/.exec(body.text)?.[1] ?? null;
  return { token, text: body.text, count: list.filter((m) => /reference/i.test(m.subject)).length };
}

/** A complete, favourable answer for a form with `duties` duties. */
export function answer(duties: number, overrides: Record<string, unknown> = {}) {
  return {
    relationship: {
      company: 'Acme Realty 1',
      role: 'Managing broker',
      industry: 'real-estate',
      period: { from: '2023-02', to: null },
      dutiesContracted: [CONTACT_DUTY],
    },
    duties: Array.from({ length: duties }, (_, i) => ({
      performed: i !== duties - 1,
      quality: i !== duties - 1 ? 5 : null,
      timeliness: i !== duties - 1 ? 4 : null,
      benchmark: i !== duties - 1 ? 'met' : 'none',
      example: i === 0 ? 'Every call picked up by the third ring, even on open-house Saturdays.' : '',
    })),
    communication: 5,
    reliability: 4,
    costVersusQuote: 'as_quoted',
    problemsHandled: 'A missed showing was rebooked the same hour.',
    wouldRehire: 'yes',
    recommend: 9,
    advice: 'Share your showing calendar with them on day one.',
    privateNote: 'PRIVATE-NOTE-do-not-show',
    ...overrides,
  };
}

export async function postAnswer(
  app: FastifyInstance,
  token: string,
  body: object,
  remoteAddress = CUSTOMER_IP,
) {
  return app.inject({ method: 'POST', url: `/reference-forms/${token}`, payload: body, remoteAddress });
}
