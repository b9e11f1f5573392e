import type { PriceBasis, ReviewCadence } from '@handoff/contracts';
import type { JobPostPlan, Side } from './ports.ts';

export interface EngagementRecord {
  id: string;
  status: 'active' | 'ended';
  bidId: string;
  ownerId: string;
  ownerName: string;
  jobPost: { id: string; title: string };
  provider: { id: string; name: string; slug: string; logoSha256: string | null };
  price: number;
  priceBasis: PriceBasis;
  currency: string;
  startDate: string;
  createdAt: Date;
  endedAt: Date | null;
  reviewCadence: ReviewCadence;
  /** The open or next review's due date (YYYY-MM-DD); null once ended. */
  nextReviewDue: string | null;
  /** The viewer's side. */
  role: Side;
}

export type EngagementDetail = EngagementRecord & JobPostPlan;

export interface EngagementsRepository {
  insert(input: {
    jobPostId: string;
    bidId: string;
    ownerId: string;
    providerId: string;
    price: number;
    priceBasis: PriceBasis;
    currency: string;
    startDate: string;
    /** The first review's due date; its reminder falls due at the start of that day. */
    nextReviewDue: string;
    plan: JobPostPlan;
    at: Date;
  }): Promise<{ id: string }>;
  /** As owner or as a member of the hired provider, newest first. */
  listForUser(
    userId: string,
    filter: { as?: Side | undefined; status?: 'active' | 'ended' | undefined },
  ): Promise<EngagementRecord[]>;
  findForUser(userId: string, id: string): Promise<EngagementDetail | null>;
}
