// The demo owner's story, as data: Olivia runs a six-agent real-estate brokerage, hands off her books
// (an open job with bids to compare), already handed off the phones (a filled job and its engagement),
// asks for an accountant (an invitation), and has payroll waiting as a draft. Times are offsets from
// the moment the seed runs, so the demo always looks recent when it is first loaded.
import type { BudgetBasis, ProviderKind } from '@handoff/contracts';
import type { Prefill } from '@handoff/core/job-posts';

export const DEMO_INDUSTRY = 'real-estate';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const hours = (n: number) => n * HOUR;
export const days = (n: number) => n * DAY;

/** A job's own fields on top of its function's template (duties and benchmarks come from there). */
export interface DemoJobPlan {
  functionSlug: string;
  fields: Prefill;
}

export const HOUR_VALUE = { targetIncome: 200_000, hoursPerDay: 3, daysPerWeek: 5, weeksPerYear: 52 };

const common = { industrySlug: DEMO_INDUSTRY, currency: 'USD', workLocation: 'remote' } as const;

export const OPEN_JOB: DemoJobPlan = {
  functionSlug: 'bookkeeping',
  fields: {
    ...common,
    title: 'Monthly bookkeeping for a six-agent real-estate brokerage',
    summary:
      'We are a small residential brokerage (six agents, one office) on QuickBooks Online. The books are ' +
      'three months behind and I close them myself at night. I want someone to keep them current, ' +
      'reconcile the operating and trust accounts, and hand me a clean profit-and-loss by the 10th.',
    processNotes:
      'Commission splits come from our transaction software as a monthly export. Earnest-money deposits ' +
      'sit in a separate trust account and must never be mixed with operating money.',
    trainingLinks: [
      { label: 'Our chart of accounts', url: 'https://example.com/handoff-demo/chart-of-accounts' },
    ],
    budgetBasis: 'hourly',
    budgetMin: 30,
    budgetMax: 55,
    hoursPerWeek: 6,
    durationWeeks: 52,
    engagementType: 'any',
    underBudgetBonus: '$250 if the first quarter closes under budget',
  },
};

export const FILLED_JOB: DemoJobPlan = {
  functionSlug: 'customer-service',
  fields: {
    ...common,
    title: 'Answer buyer and seller calls between showings',
    summary:
      'Our agents miss calls while they are out showing homes, and a missed buyer calls the next agent ' +
      'on the list. We need someone to answer every call and web enquiry in our name on weekdays, book ' +
      'showings and pass offers to the right agent at once.',
    duties: [
      { text: 'Answer and return buyer and seller calls from 8 am to 6 pm on weekdays' },
      { text: 'Answer website chat and e-mail enquiries about our listings' },
      { text: 'Book showings in the agents’ shared calendar' },
      { text: 'Log every call and its outcome in the CRM' },
      { text: 'Pass offers and complaints to the listing agent within the hour' },
      { text: 'Keep the listing FAQ and canned replies up to date' },
    ],
    budgetBasis: 'hourly',
    budgetMin: 18,
    budgetMax: 30,
    hoursPerWeek: 20,
    durationWeeks: 26,
    engagementType: 'virtual_assistant',
  },
};

export const INVITED_JOB: DemoJobPlan = {
  functionSlug: 'accounting',
  fields: {
    ...common,
    title: 'Quarterly statements and tax filings for the brokerage',
    summary:
      'Once the monthly books are kept, we need an accountant to review the close each quarter, file ' +
      'estimated taxes and sales-tax returns, issue the agents’ 1099s and prepare the annual return.',
    budgetBasis: 'monthly',
    budgetMin: 400,
    budgetMax: 700,
    hoursPerWeek: 2,
    durationWeeks: 52,
    engagementType: 'any',
  },
};

export const DRAFT_JOB: DemoJobPlan = {
  functionSlug: 'payroll',
  fields: {
    ...common,
    title: 'Running payroll every two weeks',
    summary: 'Payroll for two office staff and the agents’ draws, every other Friday.',
    budgetBasis: 'monthly',
    hoursPerWeek: 1,
  },
};

/** The worksheet; `job` names the demo job a hated task became. */
export const TASKS: {
  feeling: 'love' | 'hate';
  name: string;
  hoursPerWeek: number;
  functionSlug: string | null;
  job?: 'open' | 'filled' | 'draft';
}[] = [
  { feeling: 'love', name: 'Showing homes to buyers', hoursPerWeek: 12, functionSlug: null },
  { feeling: 'love', name: 'Negotiating offers', hoursPerWeek: 6, functionSlug: null },
  {
    feeling: 'hate',
    name: 'Chasing unpaid invoices',
    hoursPerWeek: 3,
    functionSlug: 'bookkeeping',
    job: 'open',
  },
  {
    feeling: 'hate',
    name: 'Answering the phone between showings',
    hoursPerWeek: 5,
    functionSlug: 'customer-service',
    job: 'filled',
  },
  {
    feeling: 'hate',
    name: 'Running payroll every two weeks',
    hoursPerWeek: 2,
    functionSlug: 'payroll',
    job: 'draft',
  },
  {
    feeling: 'hate',
    name: 'Updating listings on the website',
    hoursPerWeek: 2,
    functionSlug: 'web-maintenance',
  },
];

/** One bid: who makes it, its price within the provider's rate range, and its answer for each duty. */
export interface DemoBidPlan {
  /** 'account': the demo provider's own profile; else another provider offering the function, of this kind if any. */
  who: 'account' | ProviderKind;
  basis: BudgetBasis;
  /** The price an hour; a monthly or fixed bid is worked out from it and the job's hours. */
  hourly: number;
  /** One letter per duty, in order: y(es), p(artly), n(o); duties past the end answer yes. */
  coverage: string;
  /** Notes by duty index, over the function's usual ones. */
  notes?: Record<number, string>;
  /** One letter per benchmark, in order, as for duties: does the bid commit to its target? */
  commitments: string;
  /** Notes by benchmark index, over the function's usual ones. */
  commitmentNotes?: Record<number, string>;
  coverNote: string;
  status?: 'active' | 'withdrawn' | 'declined';
  shortlisted?: boolean;
  declineReason?: string;
  /** When it was sent, counted from the job's publishing. */
  after: number;
  /** The start it offers, counted from the seed's now. */
  startIn: number;
  durationWeeks: number | null;
}

export const OPEN_BIDS: DemoBidPlan[] = [
  {
    who: 'account',
    basis: 'hourly',
    hourly: 45,
    coverage: 'yyyyyyypy',
    notes: {
      0: 'Weekly, with questions batched into one e-mail',
      1: 'Operating and trust accounts, both monthly',
      7: 'P&L monthly; balance sheet each quarter',
    },
    commitments: 'yyyp',
    commitmentNotes: { 3: 'I send reminders at 30 and 45 days; the calls to agents stay with you' },
    coverNote:
      'I keep the books for three brokerages on QuickBooks Online, trust accounts included. I would catch ' +
      'up the three missing months first, then close each month by the 8th.',
    shortlisted: true,
    after: hours(5),
    startIn: days(7),
    durationWeeks: 52,
  },
  {
    who: 'firm',
    basis: 'monthly',
    hourly: 52,
    coverage: 'yyyyyyyyy',
    commitments: 'yyyy',
    coverNote:
      'Our team of four closes the books for about forty small businesses. You get a named bookkeeper, a ' +
      'reviewer, and a fixed monthly price with no surprises.',
    after: hours(9),
    startIn: days(14),
    durationWeeks: 52,
  },
  {
    who: 'virtual_assistant',
    basis: 'hourly',
    hourly: 22,
    coverage: 'ypppnyppn',
    commitments: 'pnpn',
    coverNote: 'Happy to help with data entry and keeping receipts in order. I can start tomorrow.',
    status: 'declined',
    declineReason:
      'Thank you. We need someone who can close the month and report on it without help, so I am going ' +
      'with a full-service bookkeeper.',
    after: hours(20),
    startIn: days(1),
    durationWeeks: null,
  },
  {
    who: 'freelancer',
    basis: 'hourly',
    hourly: 38,
    coverage: 'yyyypyyyy',
    commitments: 'yypy',
    commitmentNotes: { 2: 'Under 5 older than 14 days: I categorize every other week' },
    coverNote:
      'Twelve years of bookkeeping, the last five for property managers and brokers. I know commission ' +
      'splits and trust accounting well.',
    after: hours(28),
    startIn: days(10),
    durationWeeks: 52,
  },
  {
    who: 'freelancer',
    basis: 'hourly',
    hourly: 65,
    coverage: 'yyyyyyyyy',
    commitments: 'yyyy',
    commitmentNotes: { 0: 'By the 8th business day, with a one-page summary' },
    coverNote:
      'Former controller at a regional brokerage. Beyond the monthly close I can set up commission ' +
      'tracking per agent so you see who is profitable.',
    after: hours(40),
    startIn: days(21),
    durationWeeks: 52,
  },
  {
    who: 'freelancer',
    basis: 'hourly',
    hourly: 35,
    coverage: 'yypyyynyn',
    commitments: 'ypyn',
    coverNote: 'I can take this on from next month, four to six hours a week.',
    status: 'withdrawn',
    after: hours(51),
    startIn: days(30),
    durationWeeks: 26,
  },
  {
    who: 'freelancer',
    basis: 'hourly',
    hourly: 32,
    coverage: 'yyypnyyyy',
    commitments: 'yyyn',
    commitmentNotes: { 3: 'Collections stay with you, as in my cover note' },
    coverNote: 'Reconciliations and a monthly report are my bread and butter; invoicing stays with you.',
    after: hours(60),
    startIn: days(7),
    durationWeeks: 52,
  },
];

/** The filled job's bids: the first is accepted, the others not selected. */
export const FILLED_BIDS: DemoBidPlan[] = [
  {
    who: 'firm',
    basis: 'hourly',
    hourly: 26,
    coverage: 'yyyyyp',
    notes: { 5: 'We draft the replies; your agents approve them' },
    commitments: 'yyyy',
    commitmentNotes: { 0: 'Under 1 business hour for calls; e-mail within 4' },
    coverNote:
      'We answer phones for eleven brokerages. Calls are picked up by the second ring, and every offer ' +
      'reaches the listing agent by text within ten minutes.',
    after: days(1),
    startIn: -days(28),
    durationWeeks: 26,
  },
  {
    who: 'virtual_assistant',
    basis: 'hourly',
    hourly: 19,
    coverage: 'ypyypn',
    notes: { 1: 'E-mail only; chat needs a second seat', 5: 'Not included' },
    commitments: 'pyyp',
    commitmentNotes: { 0: 'Under 4 hours for e-mail; chat is not staffed' },
    coverNote: 'Friendly, bilingual (English and Spanish) and used to busy inboxes.',
    after: days(2),
    startIn: -days(26),
    durationWeeks: 26,
  },
  {
    who: 'virtual_assistant',
    basis: 'monthly',
    hourly: 24,
    coverage: 'pyyyyy',
    notes: { 0: 'Until 5 pm; later calls are returned next morning' },
    commitments: 'ypyy',
    commitmentNotes: { 1: 'About 60% in the first month, 70% from the second' },
    coverNote: 'A dedicated virtual receptionist at a flat monthly price.',
    after: days(4),
    startIn: -days(27),
    durationWeeks: 26,
  },
];

/** Usual notes for a partly or no answer, by the bookkeeping template's duty index. */
export const DUTY_NOTES: Record<string, { partly: string; no: string }[]> = {
  bookkeeping: [
    { partly: 'Weekly rather than daily', no: 'Your office manager keeps doing this' },
    { partly: 'Operating account monthly; the trust account each quarter', no: 'Not included' },
    { partly: 'Bills forwarded to a shared inbox only', no: 'You enter bills; I review them' },
    { partly: 'Recurring invoices only; one-off ones stay with you', no: 'Invoicing stays with your team' },
    { partly: 'Two e-mail reminders, no phone calls', no: 'No collections work' },
    { partly: 'Booked from your notes; your CPA confirms them', no: 'Left to your accountant' },
    { partly: 'Digital receipts only', no: 'Paper receipts stay with you' },
    { partly: 'P&L monthly, balance sheet each quarter', no: 'Reports come from your accountant' },
    { partly: 'The file, not the meeting with your accountant', no: 'I stop at the monthly close' },
  ],
};
export const FALLBACK_NOTES = { partly: 'Partly: we would agree the details first', no: 'Not offered' };

/** Usual notes for a partly or no commitment, by the template's benchmark index. */
export const BENCHMARK_NOTES: Record<string, { partly: string; no: string }[]> = {
  bookkeeping: [
    { partly: 'By the 15th, not the 10th', no: 'I close when your statements arrive' },
    {
      partly: 'The operating account; trust differences go to your broker',
      no: 'Reconciled, not investigated',
    },
    { partly: 'Fewer than 5 older than 14 days', no: 'Categorized once a month' },
    { partly: 'I send the reminders; the result is yours', no: 'Collections are not part of my offer' },
  ],
  'customer-service': [
    { partly: 'Within 8 business hours', no: 'Next business day' },
    { partly: 'About 60% to start with', no: 'Most questions need your team' },
    { partly: 'Measured, not promised', no: 'No survey on my side' },
    { partly: 'None older than 72 hours', no: 'Older tickets stay with your team' },
  ],
};
export const FALLBACK_COMMITMENT_NOTES = {
  partly: 'Close to the target; we would agree the figure first',
  no: 'Not a target I can promise',
};

/**
 * Owner and the demo provider on the shortlisted bid; `after` counts from the job’s publishing and
 * {first} is the provider’s first name.
 */
export const THREAD: { from: 'owner' | 'provider'; after: number; body: string }[] = [
  {
    from: 'owner',
    after: hours(32),
    body: 'Thanks for the bid, {first}. Could you do the three months of catch-up before the monthly work starts?',
  },
  {
    from: 'provider',
    after: hours(35),
    body:
      'Yes: I would reconcile the three missing months first (about 12 extra hours at the same rate), ' +
      'then close each month from the next one on.',
  },
  {
    from: 'owner',
    after: hours(46),
    body: 'Good. Can we take 20 minutes on Thursday to go through our chart of accounts?',
  },
  { from: 'provider', after: hours(52), body: 'Thursday at 10:00 works for me. I will send an invitation.' },
];

export const INVITATION_MESSAGE =
  'Your bookkeeping bid was the clearest I received. Would you quote for the quarterly accounting too?';
