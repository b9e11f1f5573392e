import type { BidStatus } from '@handoff/contracts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { BidWrite, JobPostForBidder, JobPostStatus, Side } from './ports.ts';

// The marketplace's rules about bids, as pure functions: who may bid, what a bid must answer, and
// what each party may still do with a bid in each state. Messages are said to the person acting.

export const JOB_NOT_FOUND = 'No open job with this id; it may be a draft or invite-only';
export const BID_NOT_FOUND = 'No bid with this id among yours';

const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;

/** Throws when this provider cannot bid on this job now: 404, 403 or 409, said for the bidder. */
export function assertBiddable(job: JobPostForBidder | null): asserts job is JobPostForBidder {
  // Drafts and invite-only jobs the provider was not invited to do not exist for it.
  if (!job || job.status === 'draft') throw new NotFoundError(JOB_NOT_FOUND);
  if (job.visibility === 'invite_only' && !job.invited) throw new NotFoundError(JOB_NOT_FOUND);
  if (job.postedByMember) {
    throw new ForbiddenError('You posted this job: a provider you belong to cannot bid on it');
  }
  if (job.status !== 'open') throw new ConflictError(jobClosedMessage(job.status));
}

export function jobClosedMessage(status: JobPostStatus): string {
  return status === 'filled'
    ? 'This job has been filled: it takes no more bids, and its bids can no longer change'
    : 'This job is closed: it takes no more bids, and its bids can no longer change';
}

const NOT_IN_JOB = (what: string) =>
  `This ${what} is not part of the job (the owner may have removed it); reload the job`;

/**
 * Every duty and every benchmark of the job answered once, and nothing else; throws naming what is
 * wrong, with field keys as the request body has them (coverage.3.dutyId, benchmarks.1.benchmarkId).
 */
export function checkAnswers(
  job: Pick<JobPostForBidder, 'duties' | 'benchmarks'>,
  answers: Pick<BidWrite, 'coverage' | 'benchmarks'>,
): void {
  const fields: Record<string, string> = {};
  const duties = new Set(job.duties.map((d) => d.id));
  answers.coverage.forEach((c, i) => {
    if (!duties.has(c.dutyId)) fields[`coverage.${i}.dutyId`] = NOT_IN_JOB('duty');
  });
  const covered = new Set(answers.coverage.map((c) => c.dutyId));
  const uncovered = job.duties.filter((d) => !covered.has(d.id));
  if (uncovered.length > 0) {
    fields.coverage = `Say how you cover every duty of the job; missing: ${uncovered.map((d) => quote(d.text)).join(', ')}`;
  }
  const benchmarks = new Set(job.benchmarks.map((b) => b.id));
  answers.benchmarks.forEach((b, i) => {
    if (!benchmarks.has(b.benchmarkId)) fields[`benchmarks.${i}.benchmarkId`] = NOT_IN_JOB('benchmark');
  });
  const committed = new Set(answers.benchmarks.map((b) => b.benchmarkId));
  const unanswered = job.benchmarks.filter((b) => !committed.has(b.id));
  if (unanswered.length > 0) {
    fields.benchmarks = `Say whether you commit to every benchmark of the job; missing: ${unanswered.map((b) => quote(b.objective)).join(', ')}`;
  }
  const keys = Object.keys(fields);
  if (keys.length === 0) return;
  const first = fields.coverage ?? fields.benchmarks ?? fields[keys[0]!]!;
  throw new ValidationError(
    keys.length === 1 ? first : `${keys.length} fields need fixing: ${first}`,
    fields,
  );
}

/** A start date may be today where the provider is (so yesterday in UTC), not earlier. */
export function checkStartDate(startDate: string | null, now: Date): void {
  if (startDate === null) return;
  const earliest = new Date(now.getTime() - 24 * 60 * 60_000).toISOString().slice(0, 10);
  if (startDate < earliest) {
    const message = 'The start date cannot be in the past';
    throw new ValidationError(message, { startDate: message });
  }
}

const STATUS_WORDS: Record<Exclude<BidStatus, 'active'>, string> = {
  withdrawn: 'This bid was withdrawn',
  declined: 'The owner declined this bid',
  accepted: 'This bid was accepted',
  not_selected: 'The job was filled with another bid',
};

/** Why a provider cannot revise or withdraw this bid now, or null when it can. */
export function changeProblem(status: BidStatus, job: JobPostStatus): string | null {
  if (status !== 'active') return `${STATUS_WORDS[status]}; it can no longer be changed`;
  if (job !== 'open') return jobClosedMessage(job);
  return null;
}

/** Why the owner cannot accept this bid now, or null when they can. */
export function acceptProblem(status: BidStatus, job: JobPostStatus): string | null {
  if (status === 'withdrawn') return 'The provider withdrew this bid, so it cannot be accepted';
  if (status === 'declined') return 'You declined this bid, so it cannot be accepted';
  if (status === 'accepted') return 'You already accepted this bid; the engagement has started';
  if (status === 'not_selected') return 'This job was filled with another bid';
  if (job !== 'open') return jobClosedMessage(job);
  return null;
}

export function declineProblem(status: BidStatus): string | null {
  return status === 'active' ? null : `${STATUS_WORDS[status]}; it cannot be declined`;
}

/**
 * Whether the thread takes new messages. It exists to settle an offer, so it stays open while the
 * offer stands on an open job, and for the accepted bid (the hired pair keep talking). Withdrawn,
 * declined and not-selected bids keep their thread readable but closed: a message there could only
 * reopen a decision already made, and would reach people who moved on.
 */
export function postingClosedReason(status: BidStatus, job: JobPostStatus): string | null {
  if (status === 'accepted') return null;
  if (status !== 'active') return `${STATUS_WORDS[status]}; its conversation is closed`;
  if (job !== 'open') {
    return `The job is ${job === 'filled' ? 'filled' : 'closed'}, so this conversation is closed too`;
  }
  return null;
}

export interface BidCapabilities {
  canRevise: boolean;
  canWithdraw: boolean;
  canMessage: boolean;
  canAccept: boolean;
  canDecline: boolean;
}

/** What the viewer may do with the bid now: the web shows only the buttons that will work. */
export function capabilities(side: Side, status: BidStatus, job: JobPostStatus): BidCapabilities {
  const provider = side === 'provider';
  const owner = side === 'owner';
  return {
    canRevise: provider && changeProblem(status, job) === null,
    canWithdraw: provider && changeProblem(status, job) === null,
    canMessage: postingClosedReason(status, job) === null,
    canAccept: owner && acceptProblem(status, job) === null,
    canDecline: owner && declineProblem(status) === null,
  };
}
