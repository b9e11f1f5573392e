import type { TrustFlag } from './rules.ts';

export type ReferenceRequestStatus =
  'requested' | 'sent' | 'reminded' | 'answered' | 'declined' | 'unreachable';
export type ReferenceAnswerStatus = 'verified' | 'flagged' | 'rejected';
export const OPEN_STATUSES: readonly ReferenceRequestStatus[] = ['requested', 'sent', 'reminded'];

export interface ReferenceDuty {
  id: string | null;
  text: string;
}

export interface NewReferenceRequest {
  providerId: string;
  bidId: string | null;
  /** Null only for generated data (benchmarks). */
  requestedBy: string | null;
  name: string;
  email: string;
  company: string;
  role: string;
  periodFrom: string;
  periodTo: string | null;
  functionSlug: string;
  contactDuties: string[];
  duties: ReferenceDuty[];
  expiresAt: Date;
  at: Date;
}

export interface DutyAnswer {
  dutyId: string | null;
  duty: string;
  performed: boolean;
  quality: number | null;
  timeliness: number | null;
  benchmark: 'met' | 'partly' | 'missed' | 'none';
  example: string;
}

export interface NewReferenceAnswer {
  status: ReferenceAnswerStatus;
  flags: TrustFlag[];
  company: string;
  companyKey: string;
  role: string;
  industrySlug: string;
  periodFrom: string;
  periodTo: string | null;
  dutiesContracted: string[];
  mismatches: string[];
  duties: DutyAnswer[];
  communication: number;
  reliability: number;
  costVersusQuote: 'below' | 'as_quoted' | 'above';
  problemsHandled: string;
  wouldRehire: 'yes' | 'maybe' | 'no';
  recommend: number;
  advice: string;
  privateNote: string;
  score: number;
  ip: string | null;
  userAgent: string | null;
}

export interface ReferenceAnswerRecord extends Omit<NewReferenceAnswer, 'ip' | 'userAgent' | 'companyKey'> {
  id: string;
  requestId: string;
  providerId: string;
  functionSlug: string;
  reviewReason: string | null;
  createdAt: Date;
}

export interface ReferenceRequestRecord {
  id: string;
  providerId: string;
  bidId: string | null;
  status: ReferenceRequestStatus;
  name: string;
  email: string;
  company: string;
  role: string;
  periodFrom: string;
  periodTo: string | null;
  functionSlug: string;
  contactDuties: string[];
  duties: ReferenceDuty[];
  remindersSent: number;
  createdAt: Date;
  sentAt: Date | null;
  expiresAt: Date;
  closedAt: Date | null;
  answer: ReferenceAnswerRecord | null;
}

/** A request as its form (and its e-mails) need it. */
export interface ReferenceRequestForForm extends Omit<ReferenceRequestRecord, 'answer'> {
  provider: { id: string; name: string; slug: string; website: string | null };
  draft: Record<string, string> | null;
  /** The owner of the job, for a request made on a bid. */
  ownerId: string | null;
}

export interface ReferenceSummaryRecord {
  verifiedCount: number;
  score: number | null;
  wouldRehire: number;
  recommendAvg: number | null;
  duties: {
    duty: string;
    answers: number;
    quality: number | null;
    timeliness: number | null;
    met: number;
    partly: number;
    missed: number;
  }[];
  industries: { function: string; industry: string; count: number }[];
}

export interface ProviderTrustRecord {
  memberIds: string[];
  memberEmails: string[];
  memberIps: string[];
  memberDevices: { ip: string; userAgent: string }[];
  website: string | null;
  sameCompanyAnswers: number;
  recentAnswers: number;
}

export interface FlaggedAnswerRecord extends ReferenceAnswerRecord {
  provider: { id: string; name: string; slug: string };
  contactEmail: string;
}

/** Reference requests and answers. Reads that reach answers take the provider or bid they belong to. */
export interface ReferencesRepository {
  /** Records the owner's ask on a bid; false when it was already asked. */
  askOnBid(bidId: string, userId: string, at: Date): Promise<boolean>;
  askedAt(bidId: string): Promise<Date | null>;
  optedOut(providerId: string, emails: readonly string[]): Promise<Set<string>>;
  /** Inserts the requests; one already open for the same contact (and bid) is skipped. */
  insertRequests(rows: readonly NewReferenceRequest[]): Promise<{ id: string; email: string }[]>;
  listForBid(bidId: string): Promise<ReferenceRequestRecord[]>;
  /** Profile requests (no bid), newest first. */
  listForProvider(providerId: string): Promise<ReferenceRequestRecord[]>;
  findForForm(id: string): Promise<ReferenceRequestForForm | null>;
  saveDraft(id: string, draft: Record<string, string>, at: Date): Promise<boolean>;
  /** requested → sent; false when the request is no longer waiting to be sent. */
  markSent(id: string, at: Date, nextReminderAt: Date | null): Promise<boolean>;
  /** Closes an open request as declined; with `optOut`, every other open one for that address too. */
  decline(id: string, at: Date, optOut: boolean): Promise<boolean>;
  trustFacts(
    providerId: string,
    companyKey: string,
    requestId: string,
    at: Date,
  ): Promise<ProviderTrustRecord>;
  /** Stores the answer and closes the request, or returns null when it was no longer open. */
  insertAnswer(
    requestId: string,
    providerId: string,
    answer: NewReferenceAnswer,
    at: Date,
  ): Promise<string | null>;
  /** Rewrites the provider's verified count and rating from its verified answers. */
  refreshProviderStats(providerId: string): Promise<void>;
  summary(providerId: string): Promise<ReferenceSummaryRecord>;
  verifiedAnswers(providerId: string, limit: number): Promise<ReferenceAnswerRecord[]>;
  flagged(limit: number): Promise<FlaggedAnswerRecord[]>;
  /** Clears (→ verified) or rejects a flagged answer; null when it was not flagged. */
  review(
    answerId: string,
    decision: 'clear' | 'reject',
    reason: string,
    by: string,
    at: Date,
  ): Promise<{ providerId: string; requestId: string; company: string } | null>;
  /**
   * Claims up to `limit` due reminders: each claimed request's count goes up by one and its next
   * reminder moves on, in one statement, so a second scan at once claims none of the same.
   */
  claimDueReminders(now: Date, limit: number): Promise<{ requestId: string; reminder: number }[]>;
  /** Open requests whose link expired become unreachable; returns how many. */
  expire(now: Date): Promise<number>;
}
