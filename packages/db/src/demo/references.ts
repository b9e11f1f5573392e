import { answerScore, companyKey, dutyKey, REFERENCE_TTL_MS } from '@handoff/core/references';
import { INDUSTRY_NOUNS } from './function-texts.ts';
import { createRandom } from './prng.ts';
import type { DemoProvider } from './providers.ts';

// What the demo providers' reference customers answered: generated per provider like the profiles
// (a pure function of the seed and index), stored as real requests and answers, so every rating and
// verified count on the demo comes from answers through the same tables and the same refresh query.

const DAY = 86_400_000;
const EXAMPLES = [
  'Handled our busiest month without a single missed deadline.',
  'Picked up the work within a week and needed little hand-holding.',
  'Caught an error in our own records and told us before it cost us.',
  'Always sent a short summary at the end of the week.',
  'Slower in the first month, then very dependable.',
];
const ADVICE = [
  'Write down your process once; they follow it to the letter.',
  'Give them access to your tools on day one.',
  'Agree the weekly check-in time up front.',
  'Start with one duty and add more after a month.',
  '',
];
const PROBLEMS = [
  'A late handover on our side was caught up over one weekend.',
  'When a report was wrong they fixed it the same day and explained why.',
  'No real problems came up.',
  'They flagged a billing mistake of ours and sorted it with the client.',
];

const industryOfCompany = (company: string, fallback: string) =>
  Object.entries(INDUSTRY_NOUNS).find(([, noun]) => company.endsWith(` ${noun}`))?.[0] ?? fallback;

export interface DemoReferenceRows {
  requests: Record<string, unknown>[];
  responses: Record<string, unknown>[];
  duties: Record<string, unknown>[];
}

/** The provider's contacts, each asked once: most answered, some declined or never answered. */
export function demoReferences(seed: string, index: number, p: DemoProvider): DemoReferenceRows {
  const r = createRandom(`${seed}:${index}:references`);
  const rows: DemoReferenceRows = { requests: [], responses: [], duties: [] };
  // How good this provider is, as its customers will say: most good, some middling.
  const base = 2.6 + 2.4 * r.next() ** 0.45;
  const score = (spread = 0.8) => Math.max(1, Math.min(5, Math.round(base + (r.next() - 0.5) * 2 * spread)));
  const asked = new Date(p.publishedAt.getTime() + r.int(1, 40) * DAY);
  for (const [position, c] of p.write.references.entries()) {
    const outcome = r.weighted([
      ['answered', 80],
      ['declined', 12],
      ['unreachable', 8],
    ] as const);
    const id = r.uuid();
    const createdAt = new Date(asked.getTime() + position * 3_600_000);
    const closedAt = new Date(createdAt.getTime() + r.int(0, 6) * DAY + r.int(1, 20) * 3_600_000);
    rows.requests.push({
      id,
      provider_id: p.id,
      status: outcome,
      name: c.name,
      email: c.email.toLowerCase(),
      company: c.company,
      role: c.role,
      period_from: `${c.period.from}-01`,
      period_to: c.period.to ? `${c.period.to}-01` : null,
      function_slug: c.function,
      contact_duties: c.duties,
      duties: c.duties.map((text) => ({ id: null, text })),
      reminders_sent: outcome === 'answered' ? r.int(0, 1) : 3,
      sent_at: createdAt.toISOString(),
      expires_at: new Date(createdAt.getTime() + REFERENCE_TTL_MS).toISOString(),
      closed_at: outcome === 'unreachable' ? null : closedAt.toISOString(),
      created_at: createdAt.toISOString(),
    });
    if (outcome !== 'answered') continue;
    const responseId = r.uuid();
    const duties = c.duties.map((duty, i) => {
      const performed = r.chance(0.94);
      const quality = performed ? score() : null;
      const timeliness = performed ? score(1) : null;
      const benchmark = !performed ? 'none' : quality! >= 4 ? 'met' : quality === 3 ? 'partly' : 'missed';
      return {
        response_id: responseId,
        position: i,
        duty,
        duty_key: dutyKey(duty),
        performed,
        quality,
        timeliness,
        benchmark: r.chance(0.15) && performed ? 'none' : benchmark,
        example: i === 0 ? r.pick(EXAMPLES) : '',
      };
    });
    const communication = score();
    const reliability = score();
    const overall = answerScore(duties, communication, reliability);
    // A few answers tripped a signal and wait for an operator, as real ones would.
    const flagged = r.chance(0.04);
    rows.duties.push(...duties);
    rows.responses.push({
      id: responseId,
      request_id: id,
      provider_id: p.id,
      status: flagged ? 'flagged' : 'verified',
      flags: flagged ? [{ kind: 'burst', detail: '3 answers for this provider arrived within an hour' }] : [],
      company: c.company,
      company_key: companyKey(c.company),
      role: c.role,
      industry_slug: industryOfCompany(c.company, p.write.industries[0]!),
      period_from: `${c.period.from}-01`,
      period_to: c.period.to ? `${c.period.to}-01` : null,
      duties_contracted: c.duties,
      mismatches: [],
      communication,
      reliability,
      cost_versus_quote: r.weighted([
        ['as_quoted', 70],
        ['below', 12],
        ['above', 18],
      ] as const),
      problems_handled: r.pick(PROBLEMS),
      would_rehire: overall >= 4 ? 'yes' : overall >= 3 ? 'maybe' : 'no',
      recommend: Math.max(0, Math.min(10, Math.round(overall * 2 + (r.next() - 0.5) * 2))),
      advice: r.pick(ADVICE),
      private_note: '',
      score_x100: Math.round(overall * 100),
      created_at: closedAt.toISOString(),
    });
  }
  return rows;
}

export const REQUEST_COLUMNS = {
  id: 'uuid',
  provider_id: 'uuid',
  status: 'text',
  name: 'text',
  email: 'text',
  company: 'text',
  role: 'text',
  period_from: 'date',
  period_to: 'date',
  function_slug: 'text',
  contact_duties: 'jsonb',
  duties: 'jsonb',
  reminders_sent: 'smallint',
  sent_at: 'timestamptz',
  expires_at: 'timestamptz',
  closed_at: 'timestamptz',
  created_at: 'timestamptz',
};

export const RESPONSE_COLUMNS = {
  id: 'uuid',
  request_id: 'uuid',
  provider_id: 'uuid',
  status: 'text',
  flags: 'jsonb',
  company: 'text',
  company_key: 'text',
  role: 'text',
  industry_slug: 'text',
  period_from: 'date',
  period_to: 'date',
  duties_contracted: 'jsonb',
  mismatches: 'jsonb',
  communication: 'smallint',
  reliability: 'smallint',
  cost_versus_quote: 'text',
  problems_handled: 'text',
  would_rehire: 'text',
  recommend: 'smallint',
  advice: 'text',
  private_note: 'text',
  score_x100: 'int',
  created_at: 'timestamptz',
};

export const DUTY_COLUMNS = {
  response_id: 'uuid',
  position: 'int',
  duty: 'text',
  duty_key: 'text',
  performed: 'boolean',
  quality: 'smallint',
  timeliness: 'smallint',
  benchmark: 'text',
  example: 'text',
};
