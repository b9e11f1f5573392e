import { functions, industries } from '@handoff/core/taxonomy';
import { searchTextOf } from '../repositories/job-post-rows.ts';
import { FUNCTION_TEXTS } from './function-texts.ts';
import { createRandom, type Random } from './prng.ts';

// One generated job of `seedJobPostsBulk` as rows of each table: the job, its duties and benchmarks,
// and its bids with an answer per duty and per benchmark (and a short thread on a few). Job #0 is the
// big job.

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A published provider that can bid: its id, the member who writes its bids, its lowest rate. */
export interface Provider {
  id: string;
  author: string;
  rate: number;
}

type Row = Record<string, unknown>;
export const emptyBatch = () => ({
  jobs: [] as Row[],
  duties: [] as Row[],
  benchmarks: [] as Row[],
  bids: [] as Row[],
  coverage: [] as Row[],
  commitments: [] as Row[],
  messages: [] as Row[],
});
type Batch = ReturnType<typeof emptyBatch>;
export interface Context {
  seed: string;
  nowMs: number;
  owners: string[];
  byFunction: Map<string, Provider[]>;
  bigJobBids: number;
}

export function addJob(batch: Batch, k: number, ctx: Context) {
  const r = createRandom(`${ctx.seed}:job:${k}`);
  const id = r.uuid();
  const big = k === 0;
  const fn = big ? functions[0]! : r.pick(functions);
  const industry = big ? industries[0]! : r.chance(0.9) ? r.pick(industries) : null;
  const status = big
    ? 'open'
    : r.weighted([
        ['open', 88],
        ['closed', 7],
        ['draft', 5],
      ] as const);
  const publishedAt =
    status === 'draft' ? null : ctx.nowMs - (big ? 2 * DAY : Math.floor(r.next() * 60 * DAY));
  const createdAt = (publishedAt ?? ctx.nowMs - Math.floor(r.next() * 60 * DAY)) - r.int(0, 72) * 3_600_000;
  const closedAt =
    status === 'closed' ? publishedAt! + Math.floor(r.next() * (ctx.nowMs - publishedAt!)) : null;
  const basis = r.weighted([
    ['hourly', 60],
    ['monthly', 25],
    ['fixed', 15],
  ] as const);
  const hoursPerWeek = r.pick([2, 4, 5, 8, 10, 15, 20, 30, 40]);
  const durationWeeks = basis === 'fixed' ? r.int(2, 16) : r.chance(0.5) ? r.pick([12, 26, 52]) : null;
  const hourly = 35 * (FUNCTION_TEXTS[fn.slug]?.rate ?? 1) * (0.6 + 0.3 * r.next());
  const units =
    basis === 'hourly' ? 1 : basis === 'monthly' ? hoursPerWeek * 4.33 : hoursPerWeek * durationWeeks!;
  const budgetMin = Math.max(5, Math.round(hourly * units));
  const title = r
    .pick(TITLES)
    .replace('{fn}', fn.name)
    .replace('{fnl}', fn.name.toLowerCase())
    .replace('{industry}', (industry?.name ?? 'small').toLowerCase())
    .replace('{hours}', String(hoursPerWeek));
  const summary = `${fn.summary} ${r.pick(SUMMARY_TAILS)}`;
  const duties = (big ? fn.duties : r.sample(fn.duties, r.int(3, fn.duties.length))).map((text) => ({
    id: r.uuid(),
    text,
  }));
  const benchmarks = big ? fn.benchmarks : r.sample(fn.benchmarks, r.int(1, fn.benchmarks.length));
  batch.jobs.push({
    id,
    owner_id: ctx.owners[big ? 0 : r.int(0, ctx.owners.length - 1)],
    status,
    title,
    function_slug: fn.slug,
    industry_slug: industry?.slug ?? null,
    summary,
    start_by: publishedAt && r.chance(0.6) ? isoDay(publishedAt + r.int(7, 45) * DAY) : null,
    duration_weeks: durationWeeks,
    budget_basis: basis,
    budget_min: budgetMin,
    budget_max: Math.round(budgetMin * (1.3 + 0.5 * r.next())),
    currency: 'USD',
    hours_per_week: hoursPerWeek,
    engagement_type: r.weighted([
      ['any', 60],
      ['freelancer', 15],
      ['virtual_assistant', 10],
      ['firm', 15],
    ] as const),
    work_location: r.weighted([
      ['remote', 85],
      ['hybrid', 10],
      ['on_site', 5],
    ] as const),
    visibility: big || r.chance(0.95) ? 'public' : 'invite_only',
    search_text: searchTextOf({ title, summary, duties }),
    published_at: publishedAt === null ? null : new Date(publishedAt).toISOString(),
    closed_at: closedAt === null ? null : new Date(closedAt).toISOString(),
    created_at: new Date(createdAt).toISOString(),
    updated_at: new Date(closedAt ?? publishedAt ?? createdAt).toISOString(),
  });
  duties.forEach((d, position) => batch.duties.push({ id: d.id, job_post_id: id, position, text: d.text }));
  const benchmarkIds = benchmarks.map((b, position) => {
    const row = {
      id: r.uuid(),
      job_post_id: id,
      position,
      objective: b.objective,
      target: b.target,
      cadence: b.due.slice(0, 40),
    };
    batch.benchmarks.push(row);
    return row.id;
  });
  // The bids' benchmark answers draw from a stream of their own: adding them left every other value
  // generated from a seed as it was.
  const rc = createRandom(`${ctx.seed}:job:${k}:commitments`);
  if (publishedAt === null) return;
  const count = big ? ctx.bigJobBids : r.weighted(BIDS_PER_JOB);
  const pool = ctx.byFunction.get(fn.slug) ?? [];
  const until = closedAt ?? ctx.nowMs;
  for (const provider of r.sample(pool, count)) {
    const bidId = r.uuid();
    const sent = publishedAt + Math.floor(r.next() * (until - publishedAt));
    const bidStatus = r.weighted([
      ['active', 82],
      ['declined', 10],
      ['withdrawn', 8],
    ] as const);
    batch.bids.push({
      id: bidId,
      job_post_id: id,
      provider_id: provider.id,
      author_id: provider.author,
      status: bidStatus,
      price: Math.max(5, Math.round(provider.rate * (0.9 + 0.3 * r.next()) * units)),
      price_basis: basis,
      currency: 'USD',
      estimated_hours: basis === 'hourly' ? hoursPerWeek : null,
      start_date: r.chance(0.7) ? isoDay(sent + r.int(3, 30) * DAY) : null,
      duration_weeks: durationWeeks,
      cover_note: r.pick(COVER_NOTES),
      shortlisted: bidStatus === 'active' && r.chance(0.1),
      decline_reason: bidStatus === 'declined' && r.chance(0.5) ? r.pick(DECLINE_REASONS) : null,
      created_at: new Date(sent).toISOString(),
      updated_at: new Date(sent).toISOString(),
    });
    for (const d of duties) batch.coverage.push(coverageRow(r, bidId, d.id));
    for (const benchmarkId of benchmarkIds) batch.commitments.push(commitmentRow(rc, bidId, benchmarkId));
    if (r.chance(big ? 0.1 : 0.03)) {
      const owner = batch.jobs.at(-1)!.owner_id;
      batch.messages.push(
        {
          id: r.uuid(),
          bid_id: bidId,
          author_id: owner,
          body: r.pick(QUESTIONS),
          created_at: iso(sent + DAY),
        },
        {
          id: r.uuid(),
          bid_id: bidId,
          author_id: provider.author,
          body: r.pick(ANSWERS),
          created_at: iso(sent + 2 * DAY),
        },
      );
    }
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function coverageRow(r: Random, bidId: string, dutyId: string): Row {
  const coverage = r.weighted([
    ['yes', 72],
    ['partly', 20],
    ['no', 8],
  ] as const);
  return { bid_id: bidId, duty_id: dutyId, coverage, note: coverage === 'yes' ? '' : r.pick(COVERAGE_NOTES) };
}

function commitmentRow(r: Random, bidId: string, benchmarkId: string): Row {
  const commitment = r.weighted([
    ['yes', 65],
    ['partly', 25],
    ['no', 10],
  ] as const);
  const note = commitment === 'yes' ? '' : r.pick(COMMITMENT_NOTES);
  return { bid_id: bidId, benchmark_id: benchmarkId, commitment, note };
}

const BIDS_PER_JOB = [
  [0, 25],
  [1, 25],
  [2, 20],
  [3, 15],
  [4, 8],
  [6, 5],
  [10, 2],
] as const;

export const FIRST = [
  'Olivia',
  'Marcus',
  'Dana',
  'Luis',
  'Grace',
  'Owen',
  'Nadia',
  'Tom',
  'Aisha',
  'Ben',
  'Carmen',
  'Raj',
];
export const LAST = [
  'Reyes',
  'Walsh',
  'Okafor',
  'Lindqvist',
  'Nguyen',
  'Baker',
  'Costa',
  'Hughes',
  'Patel',
  'Moreau',
];
const TITLES = [
  '{fn} for our {industry} business',
  '{fn}, about {hours} hours a week',
  'Looking for {fnl} help in {industry}',
  'Ongoing {fnl} for a growing {industry} team',
  'Hand off our {fnl}',
];
const SUMMARY_TAILS = [
  'We are a team of eight and the owner does this at night today.',
  'Our current provider is leaving at the end of the quarter.',
  'We want someone who reports on it monthly without being asked.',
  'It has been neglected for a few months; a short catch-up comes first.',
];
const COVER_NOTES = [
  'I do exactly this for several clients in your industry and can start next week.',
  'Our team covers this end to end, with a reviewer on every deliverable.',
  'I would start with a two-week trial so you can judge the work first.',
  'Happy to take this on; I send a short written update every Friday.',
];
const COVERAGE_NOTES = [
  'Weekly rather than daily',
  'With your approval first',
  'Not offered',
  'Billed separately',
];
const COMMITMENT_NOTES = [
  'Close to it in the first month, on target from the second',
  'A looser target: twice the time you ask for',
  'Measured and reported, not guaranteed',
  'Depends on how fast your team answers my questions',
];
const DECLINE_REASONS = ['We went with someone in our time zone.', 'Over our budget, thank you.'];
const QUESTIONS = ['Could you start a week earlier?', 'Which tools would you need access to?'];
const ANSWERS = ['Yes, that works.', 'Read-only access to start with; I will send a list.'];
