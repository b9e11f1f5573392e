import { call, publishedJob, signUpByApi } from './api-fixtures.ts';

// One small marketplace, made through the api, so that every page with an id, slug or token in its
// address has a real one to open: an owner with jobs and bids, an engagement with a review, a
// provider with a published profile and a colleague invited, reference requests with their tokens.

interface Job {
  id: string;
  duties: { id: string }[];
  benchmarks: { id: string }[];
}

export interface World {
  owner: { email: string; id: string };
  provider: { email: string; slug: string };
  openJobId: string;
  draftJobId: string;
  bidId: string;
  engagementId: string;
  referenceToken: string;
  invitationToken: string;
  mailId: string;
}

/** The first link in the newest mail to `to` whose subject matches, as the part after `prefix`. */
async function mailedLink(to: string, subject: RegExp, prefix: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { messages } = await call<{ messages: { id: string; subject: string }[] }>(
      `/dev/mailbox?to=${encodeURIComponent(to)}`,
    );
    const mail = messages.find((m) => subject.test(m.subject));
    if (mail) {
      const { text } = await call<{ text: string }>(`/dev/mailbox/${mail.id}`);
      const token = new RegExp(`${prefix}([0-9a-f-]{36}\\.[A-Za-z0-9_-]+)`).exec(text)?.[1];
      if (token) return { token, mailId: mail.id };
    }
    if (Date.now() > deadline) throw new Error(`no "${subject.source}" mail for ${to}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function bid(token: string, job: Job) {
  return call<{ id: string }>(`/job-posts/${job.id}/bids`, {
    method: 'POST',
    token,
    body: {
      price: 30,
      priceBasis: 'hourly',
      currency: 'USD',
      coverNote: 'Six brokerages already rely on us for calls and showings.',
      coverage: job.duties.map((d) => ({ dutyId: d.id, coverage: 'yes', note: '' })),
      benchmarks: job.benchmarks.map((b) => ({ benchmarkId: b.id, commitment: 'yes', note: '' })),
    },
  });
}

export async function makeWorld(stamp: string): Promise<World> {
  const ownerEmail = `owner.a11y.${stamp}@example.test`;
  const providerEmail = `provider.a11y.${stamp}@example.test`;
  const ownerToken = await signUpByApi('Ada Owner', ownerEmail, 'owner');
  const providerToken = await signUpByApi('Pia Provider', providerEmail, 'provider');
  const { user: me } = await call<{ user: { id: string } }>('/auth/me', { token: ownerToken });

  const contact = (who: string) => ({
    name: `${who} Reed`,
    email: `${who.toLowerCase()}@customer-${stamp}.example`,
    company: `${who} Realty ${stamp}`,
    role: 'Office manager',
    period: { from: '2023-02', to: null },
    function: 'customer-service',
    duties: ['Answer every message the same day'],
  });
  const profile = await call<{ id: string; slug: string }>('/providers', {
    method: 'POST',
    token: providerToken,
    body: {
      name: `Access Desk ${stamp}`,
      kind: 'freelancer',
      headline: 'Front desk and tenant calls for brokerages',
      bio: 'Ten years of answering customers for small real-estate firms, on time and in your voice.',
      functions: [{ slug: 'customer-service', customDuties: ['Answer every message the same day'] }],
      industries: ['real-estate'],
      rateMin: 20,
      rateMax: 45,
      languages: ['en'],
      timezone: 'America/New_York',
      country: 'US',
      references: [contact('Ana'), contact('Ben')],
    },
  });
  await call(`/providers/${profile.id}/publish`, { method: 'POST', token: providerToken });

  // A hired job with one review, and an open one with a shortlisted bid whose references were asked.
  const hired = (await publishedJob(ownerToken, `Tenant calls ${stamp}`)) as unknown as Job;
  const hiredBid = await bid(providerToken, hired);
  const engagement = await call<{ id: string }>(`/bids/${hiredBid.id}/accept`, {
    method: 'POST',
    token: ownerToken,
  });
  await call(`/engagements/${engagement.id}/reviews`, {
    method: 'POST',
    token: ownerToken,
    body: {
      benchmarks: hired.benchmarks.map((b) => ({ benchmarkId: b.id, result: 'met', actual: '' })),
      duties: hired.duties.map((d) => ({ dutyId: d.id, score: 4, note: '' })),
      decision: 'keep',
      note: 'Quarterly check.',
      improvements: '',
    },
  });

  const open = (await publishedJob(ownerToken, `Front desk ${stamp}`)) as unknown as Job;
  const openBid = await bid(providerToken, open);
  await call(`/bids/${openBid.id}/shortlist`, { method: 'POST', token: ownerToken });
  await call(`/bids/${openBid.id}/reference-ask`, { method: 'POST', token: ownerToken });
  const { references } = await call<{ references: { id: string }[] }>(`/providers/${profile.id}`, {
    token: providerToken,
  });
  await call(`/bids/${openBid.id}/reference-requests`, {
    method: 'POST',
    token: providerToken,
    body: { contactIds: references.map((r) => r.id) },
  });
  const reference = await mailedLink(contact('Ana').email, /reference request/i, '/r/');

  const draft = await call<{ id: string }>('/job-posts', {
    method: 'POST',
    token: ownerToken,
    body: { template: 'bookkeeping', title: `Monthly books ${stamp}`, industrySlug: 'real-estate' },
  });

  const colleague = `colleague.a11y.${stamp}@example.test`;
  await call(`/providers/${profile.id}/invitations`, {
    method: 'POST',
    token: providerToken,
    body: { email: colleague },
  });
  const invitation = await mailedLink(colleague, /invited you/i, '/invitations/');

  return {
    owner: { email: ownerEmail, id: me.id },
    provider: { email: providerEmail, slug: profile.slug },
    openJobId: open.id,
    draftJobId: draft.id,
    bidId: openBid.id,
    engagementId: engagement.id,
    referenceToken: reference.token,
    invitationToken: invitation.token,
    mailId: reference.mailId,
  };
}
