import type { ReferenceAnswer, ReferenceRequestView } from '@handoff/contracts';

// How reference checks read on a page: a request's status in words, an answer's per-duty results.
// Shared by the bid page, the provider's references page and the public profile.

const dayFormat = new Intl.DateTimeFormat('en-US', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
export const dayLabel = (iso: string) => dayFormat.format(new Date(iso));

const times = (n: number) => (n === 1 ? 'once' : `${n}×`);

/** "Sent on Apr 12, 2027 · reminded 2×", "Unreachable — the link expired on …". */
export function requestStatusText(r: ReferenceRequestView): string {
  switch (r.status) {
    case 'requested':
      return 'Being e-mailed now';
    case 'sent':
      return r.sentAt ? `Sent on ${dayLabel(r.sentAt)}` : 'Sent';
    case 'reminded':
      return `${r.sentAt ? `Sent on ${dayLabel(r.sentAt)} · ` : ''}reminded ${times(r.remindersSent)}`;
    case 'answered':
      return r.closedAt ? `Answered on ${dayLabel(r.closedAt)}` : 'Answered';
    case 'declined':
      return r.closedAt ? `Declined on ${dayLabel(r.closedAt)}` : 'Declined';
    case 'unreachable':
      return `Unreachable — the link expired on ${dayLabel(r.expiresAt)}`;
  }
}

export function requestBadge(r: ReferenceRequestView): { text: string; tone: string } {
  if (r.answer?.status === 'verified') return { text: 'Verified', tone: 'badge badge-success' };
  if (r.answer?.status === 'flagged') return { text: 'Held for a check', tone: 'badge badge-soon' };
  if (r.answer?.status === 'rejected') return { text: 'Not accepted', tone: 'badge badge-danger' };
  if (r.status === 'answered') return { text: 'Answered', tone: 'badge' };
  if (r.status === 'declined') return { text: 'Declined', tone: 'badge' };
  if (r.status === 'unreachable') return { text: 'Unreachable', tone: 'badge' };
  return { text: 'Waiting for an answer', tone: 'badge badge-accent' };
}

export const BENCHMARK_LABELS: Record<ReferenceAnswer['duties'][number]['benchmark'], string> = {
  met: 'Benchmark met',
  partly: 'Benchmark partly met',
  missed: 'Benchmark missed',
  none: 'No benchmark',
};

export const REHIRE_LABELS: Record<ReferenceAnswer['wouldRehire'], string> = {
  yes: 'Would hire again',
  maybe: 'Might hire again',
  no: 'Would not hire again',
};

export const COST_LABELS: Record<ReferenceAnswer['costVersusQuote'], string> = {
  below: 'Cost less than quoted',
  as_quoted: 'Cost as quoted',
  above: 'Cost more than quoted',
};

export const MISMATCH_LABELS: Record<string, string> = {
  company: 'company',
  role: 'role',
  period: 'period',
  duties: 'duties',
};

/** "4.5" — scores are means of 1–5 ratings. */
export const score = (n: number | null) => (n === null ? '–' : n.toFixed(1).replace(/\.0$/, ''));

/** "3 real-estate clients": a two-word industry reads as one adjective; "wholesale & distribution" stays. */
export function clients(n: number, industry: string): string {
  const words = industry.toLowerCase().split(/\s+/);
  const adjective = words.length === 2 && !industry.includes('&') ? words.join('-') : words.join(' ');
  return `${n} ${adjective} ${n === 1 ? 'client' : 'clients'}`;
}

/** Taxonomy names by slug, for a page that only has the codes. */
export const namer = (names: Record<string, string>) => (slug: string) => names[slug] ?? slug;
