// The load bench's traffic: a marketplace's day, compressed. Visitors search and open profiles,
// providers read their feed, owners post jobs, providers bid on them, both write on bids, reference
// customers answer the form behind their e-mailed link. Each operation alternates between the apis;
// every request's latency and status is recorded, and every write the api acknowledged is
// remembered so that afterwards it can be looked for in the database.
import { MIX, path as searchPath } from './search-mix.ts';

/** The mix, in operations (a job post is two requests: create the draft, publish it). */
export const OPS = [
  { op: 'search', weight: 40 },
  { op: 'profile', weight: 25 },
  { op: 'feed', weight: 18 },
  { op: 'job-post', weight: 2 },
  { op: 'bid', weight: 6 },
  { op: 'message', weight: 6 },
  { op: 'reference', weight: 3 },
] as const;
export type Op = (typeof OPS)[number]['op'] | 'publish';

export interface Sample {
  op: Op;
  /** 0: no answer (connection refused or reset, or no answer within the timeout). */
  status: number;
  /** When the request started, ms since the phase began. */
  at: number;
  ms: number;
}

export interface Account {
  email: string;
  token: string;
}

export interface Acknowledged {
  jobs: string[];
  published: string[];
  bids: string[];
  messages: string[];
  references: string[];
}

interface OpenJob {
  id: string;
  owner: Account;
  duties: { id: string }[];
  benchmarks: { id: string }[];
  /** Providers (by e-mail) that bid on it already: one bid per provider per job. */
  bidders: Set<string>;
}
interface Bid {
  id: string;
  provider: Account;
  owner: Account;
}

export interface WorkloadInput {
  apis: string[];
  owners: Account[];
  providers: Account[];
  slugs: string[];
  /** Single-use reference links: `{ id, token, duties }`, handed out once each. */
  links: { id: string; token: string; duties: number }[];
  timeoutMs: number;
}

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
const TOTAL = OPS.reduce((n, o) => n + o.weight, 0);
const CONTACT_DUTY = 'Answer inbound calls within three rings';

export function jobBody(n: number) {
  return {
    title: `Load bench bookkeeping job ${n}`,
    functionSlug: 'bookkeeping',
    industrySlug: 'promotional-products',
    summary: 'Keep our QuickBooks current, reconcile three accounts and close the books by the 10th.',
    duties: [
      { text: 'Reconcile bank and credit card accounts' },
      { text: 'Categorize transactions' },
      { text: 'Close the books each month' },
    ],
    benchmarks: [
      { objective: 'Books closed each month', target: 'By the 10th business day', cadence: 'Monthly' },
    ],
    processNotes: 'Receipts live in the shared Drive folder.',
    trainingLinks: [],
    budgetBasis: 'hourly',
    budgetMin: 25,
    budgetMax: 45,
    currency: 'USD',
    hoursPerWeek: 6,
    engagementType: 'any',
    workLocation: 'remote',
    visibility: 'public',
  };
}

function answerBody(duties: number, n: number) {
  return {
    relationship: {
      company: `Load Customer ${n}`,
      role: 'Managing broker',
      industry: 'real-estate',
      period: { from: '2023-02', to: null },
      dutiesContracted: [CONTACT_DUTY],
    },
    duties: Array.from({ length: duties }, () => ({
      performed: true,
      quality: 5,
      timeliness: 4,
      benchmark: 'met',
      example: '',
    })),
    communication: 5,
    reliability: 4,
    costVersusQuote: 'as_quoted',
    problemsHandled: '',
    wouldRehire: 'yes',
    recommend: 9,
    advice: '',
    privateNote: '',
  };
}

export function createLoadWorkload(input: WorkloadInput) {
  const { apis, owners, providers, slugs, links, timeoutMs } = input;
  const jobs: OpenJob[] = [];
  const bids: Bid[] = [];
  let turn = 0;
  let serial = 0;
  let phaseStart = performance.now();
  let samples: Sample[] = [];
  let acked: Acknowledged = { jobs: [], published: [], bids: [], messages: [], references: [] };

  async function call(op: Op, method: string, path: string, token?: string, body?: unknown) {
    const api = apis[turn++ % apis.length]!;
    const started = performance.now();
    let status = 0;
    let json: Record<string, unknown> | null = null;
    try {
      const res = await fetch(`${api}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    } catch {
      status = 0;
    }
    samples.push({ op, status, at: started - phaseStart, ms: performance.now() - started });
    // Turned away or no answer: wait a little, as a person or a well-behaved client would, rather
    // than spin; short enough to see the api come back within half a second.
    if (status === 0 || status >= 500) await new Promise((r) => setTimeout(r, 500));
    return { status, json };
  }

  async function postJob() {
    const owner = pick(owners);
    const created = await call('job-post', 'POST', '/job-posts', owner.token, jobBody(++serial));
    if (created.status !== 201) return;
    const job = created.json as { id: string; duties: { id: string }[]; benchmarks: { id: string }[] };
    acked.jobs.push(job.id);
    const published = await call('publish', 'POST', `/job-posts/${job.id}/publish`, owner.token);
    if (published.status !== 200) return;
    acked.published.push(job.id);
    jobs.push({ id: job.id, owner, duties: job.duties, benchmarks: job.benchmarks, bidders: new Set() });
  }

  async function bid() {
    const job = jobs.length ? pick(jobs) : undefined;
    const provider = pick(providers);
    if (!job || job.bidders.has(provider.email)) return postJob();
    job.bidders.add(provider.email); // before the call: a concurrent loop must not pick the same pair
    const res = await call('bid', 'POST', `/job-posts/${job.id}/bids`, provider.token, {
      price: 1500,
      priceBasis: 'monthly',
      currency: 'USD',
      estimatedHours: 80,
      durationWeeks: 26,
      coverNote: 'We close the books for six distributors already.',
      coverage: job.duties.map((d) => ({ dutyId: d.id, coverage: 'yes' })),
      benchmarks: job.benchmarks.map((b) => ({ benchmarkId: b.id, commitment: 'yes' })),
    });
    if (res.status !== 201) return;
    const id = String(res.json!.id);
    acked.bids.push(id);
    bids.push({ id, provider, owner: job.owner });
  }

  async function message() {
    if (!bids.length) return bid();
    const b = pick(bids);
    const author = Math.random() < 0.5 ? b.provider : b.owner;
    const res = await call('message', 'POST', `/bids/${b.id}/messages`, author.token, {
      body: `Message ${++serial}: can we start on the first of the month?`,
    });
    if (res.status === 201) acked.messages.push(String(res.json!.id));
  }

  async function reference() {
    const link = links.pop();
    if (!link) return search(); // every link handed out: the seed was too small for the run
    const res = await call(
      'reference',
      'POST',
      `/reference-forms/${link.token}`,
      undefined,
      answerBody(link.duties, ++serial),
    );
    if (res.status === 201) acked.references.push(link.id);
  }

  async function search() {
    const q = pick(MIX).params;
    await call('search', 'GET', searchPath(q));
  }

  async function step() {
    let roll = Math.random() * TOTAL;
    const op = OPS.find((o) => (roll -= o.weight) < 0)?.op ?? 'search';
    switch (op) {
      case 'search':
        return search();
      case 'profile':
        return void (await call('profile', 'GET', `/public/providers/${pick(slugs)}`));
      case 'feed':
        return void (await call('feed', 'GET', '/feed/job-posts', pick(providers).token));
      case 'job-post':
        return postJob();
      case 'bid':
        return bid();
      case 'message':
        return message();
      case 'reference':
        return reference();
    }
  }

  /** `connections` loops of one request after another, until `until` (ms since the phase began). */
  async function run(
    connections: number,
    seconds: number,
    during?: (elapsedMs: () => number) => Promise<void>,
  ) {
    phaseStart = performance.now();
    samples = [];
    acked = { jobs: [], published: [], bids: [], messages: [], references: [] };
    const end = phaseStart + seconds * 1000;
    const elapsed = () => performance.now() - phaseStart;
    await Promise.all([
      ...Array.from({ length: connections }, async () => {
        while (performance.now() < end) await step();
      }),
      during?.(elapsed),
    ]);
    return { samples, acked, seconds: elapsed() / 1000, linksLeft: links.length };
  }

  return { run, postJob, bid };
}
