import { z } from 'zod';
import { budgetBasis, engagementType, jobPostStatus, jobPostVisibility, workLocation } from './job-posts.ts';
import { missingField } from './provider-responses.ts';
import { providerKind } from './providers.ts';

// What the API says about job posts. Allow-lists: the public view has no owner, no process notes or
// training links, no bid data; providers see notes and links once invited or bidding; the owner sees
// everything, with bid counts and what handing the job off is worth.

// Bids are the bids contracts' subject; only their status is named here.
const bidStatus = z.enum(['active', 'withdrawn', 'declined', 'accepted', 'not_selected']);

const duty = z.object({ id: z.uuid(), text: z.string() });
const benchmark = z.object({
  id: z.uuid(),
  objective: z.string(),
  target: z.string(),
  cadence: z.string().nullable(),
  dueDate: z.iso.date().nullable(),
});
const trainingLink = z.object({ label: z.string(), url: z.string() });

/** The budget fields every view has: as the owner set them, and in US dollars for comparing. */
const budget = {
  budgetBasis,
  budgetMin: z.number().nullable(),
  budgetMax: z.number().nullable(),
  currency: z.string(),
  budgetMinUsd: z.number().nullable(),
  budgetMaxUsd: z.number().nullable(),
};

const jobFields = {
  id: z.uuid(),
  status: jobPostStatus,
  title: z.string(),
  functionSlug: z.string(),
  functionName: z.string(),
  industrySlug: z.string().nullable(),
  industryName: z.string().nullable(),
  summary: z.string(),
  duties: z.array(duty),
  benchmarks: z.array(benchmark),
  startBy: z.iso.date().nullable(),
  durationWeeks: z.number().int().nullable(),
  ...budget,
  hoursPerWeek: z.number().nullable(),
  engagementType,
  workLocation,
  underBudgetBonus: z.string(),
  earlyFinishBonus: z.string(),
  visibility: jobPostVisibility,
  /** Edits made while open; bidders are told of each. */
  revision: z.number().int(),
  publishedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
};

/** Anyone's view of an open public job (its page for providers and search engines). */
export const publicJobPostResponse = z.object(jobFields);
export type PublicJobPost = z.infer<typeof publicJobPostResponse>;

export const bidCounts = z.object({
  active: z.number().int(),
  withdrawn: z.number().int(),
  declined: z.number().int(),
  accepted: z.number().int(),
  notSelected: z.number().int(),
  total: z.number().int(),
});

const range = z.object({ min: z.number(), max: z.number() });

/** The calculator applied to the job, in the owner's currency; null without an hour value or hours. */
export const jobHandoffValue = z.object({
  currency: z.string(),
  hourValue: z.number(),
  ownerCostPerWeek: z.number(),
  ownerCostPerYear: z.number(),
  /** The budget as a weekly cost; null when it cannot be (a fixed price without a duration). */
  budgetPerWeek: range.nullable(),
  gainPerWeek: range.nullable(),
  gainPerYear: range.nullable(),
});

export const ownerJobPostResponse = z.object({
  viewer: z.literal('owner'),
  ...jobFields,
  processNotes: z.string(),
  trainingLinks: z.array(trainingLink),
  /** What publishing still needs; empty when the job can be published. */
  missingForPublish: z.array(missingField),
  bids: bidCounts,
  /** Messages from providers in this job's bid threads that you have not read. */
  unreadMessages: z.number().int(),
  invitations: z.number().int(),
  handoff: jobHandoffValue.nullable(),
  createdAt: z.iso.datetime(),
});
export type OwnerJobPost = z.infer<typeof ownerJobPostResponse>;

export const providerJobPostResponse = z.object({
  viewer: z.literal('provider'),
  ...jobFields,
  /** Null unless one of your profiles was invited or has bid: they are for those working on it. */
  processNotes: z.string().nullable(),
  trainingLinks: z.array(trainingLink).nullable(),
  invited: z.boolean(),
  /** Your profile's bid on this job, if any. */
  myBid: z.object({ id: z.uuid(), providerId: z.uuid(), status: bidStatus }).nullable(),
});
export type ProviderJobPost = z.infer<typeof providerJobPostResponse>;

/** GET /job-posts/:id: the owner's view, or a provider's. */
export const jobPostResponse = z.discriminatedUnion('viewer', [
  ownerJobPostResponse,
  providerJobPostResponse,
]);

export const jobPostSummary = z.object({
  id: z.uuid(),
  status: jobPostStatus,
  title: z.string(),
  functionSlug: z.string(),
  functionName: z.string(),
  industrySlug: z.string().nullable(),
  industryName: z.string().nullable(),
  ...budget,
  visibility: jobPostVisibility,
  revision: z.number().int(),
  bids: bidCounts,
  unreadMessages: z.number().int(),
  invitations: z.number().int(),
  publishedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const myJobPostsResponse = z.object({ jobPosts: z.array(jobPostSummary) });

// Invitations.

export const jobPostInvitation = z.object({
  providerId: z.uuid(),
  providerSlug: z.string(),
  providerName: z.string(),
  providerKind: providerKind.nullable(),
  providerHeadline: z.string(),
  message: z.string(),
  invitedAt: z.iso.datetime(),
  /** The invited provider's bid, if they made one. */
  bidStatus: bidStatus.nullable(),
});
export const inviteProviderResponse = z.object({
  invitation: jobPostInvitation,
  /** True when this provider was invited before: nothing was sent again. */
  alreadyInvited: z.boolean(),
});
export const jobPostInvitationsResponse = z.object({ invitations: z.array(jobPostInvitation) });

export const receivedInvitation = z.object({
  jobPostId: z.uuid(),
  title: z.string(),
  functionSlug: z.string(),
  functionName: z.string(),
  status: jobPostStatus,
  ...budget,
  /** Which of your profiles was invited. */
  providerId: z.uuid(),
  providerName: z.string(),
  message: z.string(),
  invitedAt: z.iso.datetime(),
  /** Your profile's bid, if it made one; null when it has not bid. */
  bidStatus: bidStatus.nullable(),
});
export const receivedInvitationsResponse = z.object({ invitations: z.array(receivedInvitation) });

// The feed.

export const feedItem = z.object({
  id: z.uuid(),
  title: z.string(),
  functionSlug: z.string(),
  functionName: z.string(),
  industrySlug: z.string().nullable(),
  industryName: z.string().nullable(),
  /** The first 280 characters of the summary. */
  summary: z.string(),
  ...budget,
  hoursPerWeek: z.number().nullable(),
  engagementType,
  workLocation,
  visibility: jobPostVisibility,
  startBy: z.iso.date().nullable(),
  durationWeeks: z.number().int().nullable(),
  publishedAt: z.iso.datetime(),
  /** The job is in one of the industries your profile serves. */
  industryMatch: z.boolean(),
  invited: z.boolean(),
  /** Your profile's bid on it, if any. */
  bidStatus: bidStatus.nullable(),
});
export type FeedItem = z.infer<typeof feedItem>;

export const feedResponse = z.object({
  /** The profile the feed was made for. */
  providerId: z.uuid(),
  items: z.array(feedItem),
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
});
