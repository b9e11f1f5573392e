import type { ReferenceAnswerRecord, ReferenceRequestRecord } from '@handoff/core/references';

const month = (date: string | null) => (date ? date.slice(0, 7) : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An answer as owners and providers see it: the private note, flags, address and IP stay out. */
export const answerView = (a: ReferenceAnswerRecord) => ({
  id: a.id,
  status: a.status,
  reviewReason: a.status === 'rejected' ? a.reviewReason : null,
  company: a.company,
  role: a.role,
  industry: a.industrySlug,
  period: { from: month(a.periodFrom)!, to: month(a.periodTo) },
  function: a.functionSlug,
  dutiesContracted: a.dutiesContracted,
  mismatches: a.mismatches,
  duties: a.duties.map((d) => ({
    duty: d.duty,
    performed: d.performed,
    quality: d.quality,
    timeliness: d.timeliness,
    benchmark: d.benchmark,
    example: d.example,
  })),
  communication: a.communication,
  reliability: a.reliability,
  costVersusQuote: a.costVersusQuote,
  problemsHandled: a.problemsHandled,
  wouldRehire: a.wouldRehire,
  recommend: a.recommend,
  advice: a.advice,
  score: a.score,
  answeredAt: a.createdAt.toISOString(),
});

/**
 * A request as one side sees it. The provider's members entered the contact, so they see the name
 * and address; an owner sees the company and role only, and an answer only once it is verified.
 */
export const requestView = (r: ReferenceRequestRecord, side: 'owner' | 'provider') => ({
  id: r.id,
  status: r.status,
  name: side === 'provider' ? r.name : null,
  email: side === 'provider' ? r.email : null,
  company: r.company,
  role: r.role,
  function: r.functionSlug,
  remindersSent: r.remindersSent,
  createdAt: r.createdAt.toISOString(),
  sentAt: iso(r.sentAt),
  expiresAt: r.expiresAt.toISOString(),
  closedAt: iso(r.closedAt),
  answer: r.answer && (side === 'provider' || r.answer.status === 'verified') ? answerView(r.answer) : null,
});
