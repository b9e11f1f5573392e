import { inject } from 'vitest';

// Setup a person would do on other pages, straight through the api, for browser tests that start
// in the middle of a journey.

export const FIXTURE_PASSWORD = 'a-long-enough-password';

export interface CallOptions {
  token?: string | undefined;
  method?: string;
  body?: unknown;
  /** The api to call: the one the browser tests' web app uses unless given (two-of-everything has two). */
  api?: string | undefined;
}

export async function call<T>(path: string, options: CallOptions = {}) {
  const { token, method = 'GET', body, api = inject('apiUrl') } = options;
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${api}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? null : await response.json()) as T;
}

/**
 * The token of the "Finish signing up" link mailed to `email`, read from the api's dev mailbox (the
 * api runs its jobs in-process within a second or two, so this polls for a bounded time).
 */
export async function signUpLinkToken(email: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { messages } = await call<{ messages: { id: string; subject: string }[] }>(
      `/dev/mailbox?to=${encodeURIComponent(email.toLowerCase())}`,
    );
    const found = messages.find((m) => m.subject === 'Finish signing up for Handoff');
    if (found) {
      const { text } = await call<{ text: string }>(`/dev/mailbox/${found.id}`);
      const token = /\/signup\/confirm\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/.exec(text)?.[1];
      if (token) return token;
    }
    if (Date.now() > deadline) throw new Error(`no "Finish signing up" mail for ${email} after 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Signs up and follows the e-mailed link, as a person would; returns the new account's access token. */
export async function signUpByApi(
  name: string,
  email: string,
  role: 'owner' | 'provider',
  password = FIXTURE_PASSWORD,
): Promise<string> {
  await call('/auth/signup', { method: 'POST', body: { name, email, password, role } });
  const token = await signUpLinkToken(email);
  const session = await call<{ accessToken: string }>('/auth/signup/confirm', {
    method: 'POST',
    body: { token },
  });
  return session.accessToken;
}

export interface PublishedJob {
  id: string;
  duties: { id: string; text: string }[];
  benchmarks: { id: string; objective: string; target: string }[];
}

/** A published customer-service job for real estate from the function's template, with its duties and benchmarks. */
export async function publishedJob(token: string, title: string, api?: string): Promise<PublishedJob> {
  const job = await call<PublishedJob>('/job-posts', {
    method: 'POST',
    api,
    token,
    body: {
      template: 'customer-service',
      title,
      industrySlug: 'real-estate',
      summary:
        'Answer our tenants’ e-mails and calls in our voice, about 20 hours a week, and log every case.',
      budgetBasis: 'hourly',
      budgetMin: 25,
      budgetMax: 45,
      currency: 'USD',
      hoursPerWeek: 20,
    },
  });
  await call(`/job-posts/${job.id}/publish`, { method: 'POST', token, api });
  return job;
}

/** A published freelancer profile in one function and industry; its id and public address. */
export async function publishedProvider(
  token: string,
  name: string,
  fn = 'customer-service',
  industry = 'real-estate',
  more: {
    duty?: string;
    rateMin?: number;
    rateMax?: number;
    headline?: string;
    bio?: string;
    api?: string;
  } = {},
) {
  const { duty = 'Answer every message the same day', rateMin = 20, rateMax = 45, api } = more;
  const profile = await call<{ id: string; slug: string }>('/providers', {
    method: 'POST',
    api,
    token,
    body: {
      name,
      kind: 'freelancer',
      headline: more.headline ?? `${name}: back-office help for small firms`,
      bio:
        more.bio ??
        'Ten years of answering customers and keeping books for small businesses, on time and in your voice.',
      functions: [{ slug: fn, customDuties: [duty] }],
      industries: [industry],
      rateMin,
      rateMax,
      languages: ['en'],
      timezone: 'America/New_York',
      country: 'US',
    },
  });
  await call(`/providers/${profile.id}/publish`, { method: 'POST', token, api });
  return profile;
}

/** A bid that covers every duty of the job and commits to every benchmark; its id. */
export async function fullBid(
  token: string,
  job: { id: string; duties: { id: string }[]; benchmarks: { id: string }[] },
  price: number,
  coverNote: string,
  api?: string,
): Promise<{ id: string }> {
  return call<{ id: string }>(`/job-posts/${job.id}/bids`, {
    method: 'POST',
    api,
    token,
    body: {
      price,
      priceBasis: 'hourly',
      currency: 'USD',
      coverNote,
      coverage: job.duties.map((d) => ({ dutyId: d.id, coverage: 'yes', note: '' })),
      benchmarks: job.benchmarks.map((b) => ({ benchmarkId: b.id, commitment: 'yes', note: '' })),
    },
  });
}
