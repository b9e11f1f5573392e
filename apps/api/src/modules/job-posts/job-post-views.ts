import { toUsd } from '@handoff/contracts';
import type {
  BidStats,
  FeedPage,
  JobPostForViewer,
  JobPostInvitationRecord,
  JobPostRecord,
  JobPostSummaryRecord,
  OwnerJobPostView,
  ReceivedInvitationRecord,
  ViewerJobPost,
} from '@handoff/core/job-posts';
import { findFunction, findIndustry } from '@handoff/core/taxonomy';

// Records → response bodies. The response schemas are the allow-lists (the public one has no owner,
// no notes, no bids); these only shape and name.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const functionName = (slug: string) => findFunction(slug)?.name ?? slug;
const industryName = (slug: string | null) => (slug ? (findIndustry(slug)?.name ?? slug) : null);

type Budget = Pick<JobPostRecord, 'budgetBasis' | 'budgetMin' | 'budgetMax' | 'currency'>;
const budget = (b: Budget) => ({
  budgetBasis: b.budgetBasis,
  budgetMin: b.budgetMin,
  budgetMax: b.budgetMax,
  currency: b.currency,
  budgetMinUsd: b.budgetMin === null ? null : toUsd(b.budgetMin, b.currency),
  budgetMaxUsd: b.budgetMax === null ? null : toUsd(b.budgetMax, b.currency),
});

const names = (j: Pick<JobPostRecord, 'functionSlug' | 'industrySlug'>) => ({
  functionSlug: j.functionSlug,
  functionName: functionName(j.functionSlug),
  industrySlug: j.industrySlug,
  industryName: industryName(j.industrySlug),
});

/** What every view of a job shows. */
export const publicJobBody = (j: JobPostRecord) => ({
  id: j.id,
  status: j.status,
  title: j.title,
  ...names(j),
  summary: j.summary,
  duties: j.duties,
  benchmarks: j.benchmarks,
  startBy: j.startBy,
  durationWeeks: j.durationWeeks,
  ...budget(j),
  hoursPerWeek: j.hoursPerWeek,
  engagementType: j.engagementType,
  workLocation: j.workLocation,
  underBudgetBonus: j.underBudgetBonus,
  earlyFinishBonus: j.earlyFinishBonus,
  visibility: j.visibility,
  revision: j.revision,
  publishedAt: iso(j.publishedAt),
  closedAt: iso(j.closedAt),
  updatedAt: j.updatedAt.toISOString(),
});

const bidCounts = (s: BidStats['bids']) => ({
  active: s.active,
  withdrawn: s.withdrawn,
  declined: s.declined,
  accepted: s.accepted,
  notSelected: s.not_selected,
  total: s.active + s.withdrawn + s.declined + s.accepted + s.not_selected,
});

export const ownerJobBody = (v: OwnerJobPostView) => ({
  viewer: 'owner' as const,
  ...publicJobBody(v.job),
  processNotes: v.job.processNotes,
  trainingLinks: v.job.trainingLinks,
  missingForPublish: v.missingForPublish,
  bids: bidCounts(v.stats.bids),
  unreadMessages: v.stats.unreadMessages,
  invitations: v.stats.invitations,
  handoff: v.handoff,
  createdAt: v.job.createdAt.toISOString(),
});

/** Notes and training links are for those working on it: invited providers and bidders. */
export const providerJobBody = (v: ViewerJobPost) => {
  const insider = v.invited || v.myBid !== null;
  return {
    viewer: 'provider' as const,
    ...publicJobBody(v.job),
    processNotes: insider ? v.job.processNotes : null,
    trainingLinks: insider ? v.job.trainingLinks : null,
    invited: v.invited,
    myBid: v.myBid,
  };
};

export const viewerJobBody = (v: JobPostForViewer) =>
  v.viewer === 'owner' ? ownerJobBody(v) : providerJobBody(v);

export const jobSummaryBody = (j: JobPostSummaryRecord) => ({
  id: j.id,
  status: j.status,
  title: j.title,
  ...names(j),
  ...budget(j),
  visibility: j.visibility,
  revision: j.revision,
  bids: bidCounts(j.bids),
  unreadMessages: j.unreadMessages,
  invitations: j.invitations,
  publishedAt: iso(j.publishedAt),
  closedAt: iso(j.closedAt),
  createdAt: j.createdAt.toISOString(),
  updatedAt: j.updatedAt.toISOString(),
});

export const invitationBody = (i: JobPostInvitationRecord) => ({
  ...i,
  invitedAt: i.invitedAt.toISOString(),
});

export const receivedInvitationBody = (i: ReceivedInvitationRecord) => ({
  jobPostId: i.jobPostId,
  title: i.title,
  functionSlug: i.functionSlug,
  functionName: functionName(i.functionSlug),
  status: i.status,
  ...budget(i),
  providerId: i.providerId,
  providerName: i.providerName,
  message: i.message,
  invitedAt: i.invitedAt.toISOString(),
  bidStatus: i.bidStatus,
});

export const feedBody = (page: FeedPage) => ({
  providerId: page.providerId,
  items: page.rows.map((r) => ({
    id: r.id,
    title: r.title,
    ...names(r),
    summary: r.summary,
    ...budget(r),
    hoursPerWeek: r.hoursPerWeek,
    engagementType: r.engagementType,
    workLocation: r.workLocation,
    visibility: r.visibility,
    startBy: r.startBy,
    durationWeeks: r.durationWeeks,
    publishedAt: r.publishedAt.toISOString(),
    industryMatch: r.industryMatch,
    invited: r.invited,
    bidStatus: r.bidStatus,
  })),
  total: page.total,
  page: page.page,
  perPage: page.perPage,
});
