import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { engagementStart } from './engagements.service.ts';
import type { DutyCoverageWrite, JobPostForBidder } from './ports.ts';
import {
  acceptProblem,
  assertBiddable,
  capabilities,
  changeProblem,
  checkAnswers,
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
  benchmarks: [],
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

  const benchmarks = [
    { id: 'm1', objective: 'Calls answered live' },
    { id: 'm2', objective: 'Showings booked within a day' },
  ];
  const yes = (dutyId: string) => ({ dutyId, coverage: 'yes' as const, note: '' });
  const commits = (benchmarkId: string) => ({ benchmarkId, commitment: 'yes' as const, note: '' });
  const fieldsOf = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fields;
    }
    return expect.unreachable();
  };

  it('every duty once, nothing else, naming what is wrong', () => {
    const check = (coverage: DutyCoverageWrite[]) => () =>
      checkAnswers({ duties, benchmarks: [] }, { coverage, benchmarks: [] });
    expect(check([yes('a'), { dutyId: 'b', coverage: 'no', note: '' }])).not.toThrow();
    expect(fieldsOf(check([yes('a'), yes('z')]))).toEqual({
      'coverage.1.dutyId': 'This duty is not part of the job (the owner may have removed it); reload the job',
      coverage: 'Say how you cover every duty of the job; missing: “Book showings”',
    });
  });

  it('every benchmark once too, said beside the duties’ problems in one error', () => {
    const job = { duties, benchmarks };
    const coverage = [yes('a'), yes('b')];
    expect(() => checkAnswers(job, { coverage, benchmarks: [commits('m2'), commits('m1')] })).not.toThrow();
    // A job without benchmarks needs no answer for them.
    expect(() => checkAnswers({ duties, benchmarks: [] }, { coverage, benchmarks: [] })).not.toThrow();
    expect(
      fieldsOf(() => checkAnswers(job, { coverage, benchmarks: [commits('m1'), commits('x')] })),
    ).toEqual({
      'benchmarks.1.benchmarkId':
        'This benchmark is not part of the job (the owner may have removed it); reload the job',
      benchmarks:
        'Say whether you commit to every benchmark of the job; missing: “Showings booked within a day”',
    });
    const both = () => checkAnswers(job, { coverage: [yes('a')], benchmarks: [] });
    expect(both).toThrow(
      '2 fields need fixing: Say how you cover every duty of the job; missing: “Book showings”',
    );
    expect(Object.keys(fieldsOf(both) ?? {})).toEqual(['coverage', 'benchmarks']);
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
