import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { engagementStart } from './engagements.service.ts';
import type { JobPostForBidder } from './ports.ts';
import {
  acceptProblem,
  assertBiddable,
  capabilities,
  changeProblem,
  checkCoverage,
  checkStartDate,
  postingClosedReason,
} from './rules.ts';

const job = (overrides: Partial<JobPostForBidder> = {}): JobPostForBidder => ({
  id: 'job',
  ownerId: 'owner',
  title: 'Front desk',
  status: 'open',
  visibility: 'public',
  invited: false,
  postedByMember: false,
  duties: [],
  ...overrides,
});

describe('who may bid', () => {
  it('hides drafts and uninvited invite-only jobs (404), refuses closed and filled ones (409)', () => {
    const check = (j: JobPostForBidder | null) => () => assertBiddable(j);
    expect(check(null)).toThrow(NotFoundError);
    expect(check(job({ status: 'draft' }))).toThrow(NotFoundError);
    expect(check(job({ visibility: 'invite_only' }))).toThrow(NotFoundError);
    expect(check(job({ visibility: 'invite_only', invited: true }))).not.toThrow();
    expect(check(job({ status: 'closed' }))).toThrow(ConflictError);
    expect(check(job({ status: 'filled' }))).toThrow(/has been filled/);
    expect(check(job({ postedByMember: true }))).toThrow(ForbiddenError);
    expect(check(job())).not.toThrow();
  });
});

describe('what a bid must answer', () => {
  const duties = [
    { id: 'a', text: 'Answer calls' },
    { id: 'b', text: 'Book showings' },
  ];

  it('every duty once, nothing else, naming what is wrong', () => {
    expect(() =>
      checkCoverage(duties, [
        { dutyId: 'a', coverage: 'yes', note: '' },
        { dutyId: 'b', coverage: 'no', note: '' },
      ]),
    ).not.toThrow();
    try {
      checkCoverage(duties, [
        { dutyId: 'a', coverage: 'yes', note: '' },
        { dutyId: 'z', coverage: 'yes', note: '' },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields).toEqual({
        'coverage.1.dutyId':
          'This duty is not part of the job (the owner may have removed it); reload the job',
        coverage: 'Say how you cover every duty of the job; missing: “Book showings”',
      });
    }
  });

  it('a start date no earlier than yesterday in UTC (today somewhere)', () => {
    const now = new Date('2027-05-10T03:00:00Z');
    expect(() => checkStartDate('2027-05-09', now)).not.toThrow();
    expect(() => checkStartDate('2027-05-08', now)).toThrow('The start date cannot be in the past');
    expect(() => checkStartDate(null, now)).not.toThrow();
  });
});

describe('what each party may do with a bid', () => {
  it('the provider revises and withdraws an active bid on an open job only', () => {
    expect(changeProblem('active', 'open')).toBeNull();
    expect(changeProblem('declined', 'open')).toBe(
      'The owner declined this bid; it can no longer be changed',
    );
    expect(changeProblem('not_selected', 'filled')).toMatch(/filled with another bid/);
    expect(changeProblem('active', 'closed')).toMatch(/^This job is closed/);
  });

  it('the owner accepts an active bid on an open job only; a withdrawn one never', () => {
    expect(acceptProblem('active', 'open')).toBeNull();
    expect(acceptProblem('withdrawn', 'open')).toBe(
      'The provider withdrew this bid, so it cannot be accepted',
    );
    expect(acceptProblem('declined', 'open')).toMatch(/declined/);
    expect(acceptProblem('active', 'closed')).toMatch(/closed/);
  });

  it('the thread takes messages while the offer stands on an open job, and for the accepted bid', () => {
    expect(postingClosedReason('active', 'open')).toBeNull();
    expect(postingClosedReason('accepted', 'filled')).toBeNull();
    expect(postingClosedReason('withdrawn', 'open')).toBe(
      'This bid was withdrawn; its conversation is closed',
    );
    expect(postingClosedReason('not_selected', 'filled')).toMatch(/conversation is closed/);
    expect(postingClosedReason('active', 'closed')).toBe(
      'The job is closed, so this conversation is closed too',
    );
  });

  it('sums it up per side for the web', () => {
    expect(capabilities('provider', 'active', 'open')).toEqual({
      canRevise: true,
      canWithdraw: true,
      canMessage: true,
      canAccept: false,
      canDecline: false,
    });
    expect(capabilities('owner', 'active', 'open')).toMatchObject({ canRevise: false, canAccept: true });
  });
});

describe('when an engagement starts', () => {
  it('on the bid’s start date, or today when that is past or not given', () => {
    const now = new Date('2027-05-10T12:00:00Z');
    expect(engagementStart('2027-06-01', now)).toBe('2027-06-01');
    expect(engagementStart('2027-05-01', now)).toBe('2027-05-10');
    expect(engagementStart(null, now)).toBe('2027-05-10');
  });
});
