import type { FeedQuery } from '@handoff/contracts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { findFunction, findIndustry } from '../taxonomy/index.ts';
import type { FeedRow, JobPostFeedRepository } from './feed.ports.ts';
import { NEEDS_PROVIDER_PROFILE } from './invitations.service.ts';

export interface FeedPage {
  providerId: string;
  rows: FeedRow[];
  total: number;
  page: number;
  perPage: number;
}

/**
 * The providers' "jobs for you": open jobs in the profile's functions (and any it was invited to),
 * newest first or best match (its industries first, then the text's rank, then newest).
 */
export function createJobPostFeedService({ feed }: { feed: JobPostFeedRepository }) {
  return {
    async page(userId: string, query: FeedQuery): Promise<FeedPage> {
      const mine = await feed.providersOf(userId);
      if (mine.length === 0) throw new ForbiddenError(NEEDS_PROVIDER_PROFILE);
      const provider = query.providerId ? mine.find((p) => p.id === query.providerId) : mine[0];
      if (!provider) throw new NotFoundError('No provider profile with this id among yours');
      const fields: Record<string, string> = {};
      if (query.function && !findFunction(query.function)) {
        fields.function = `There is no business function “${query.function}”`;
      }
      if (query.industry && !findIndustry(query.industry)) {
        fields.industry = `There is no industry “${query.industry}”`;
      }
      const first = Object.values(fields)[0];
      if (first) throw new ValidationError(first, fields);
      const { rows, total } = await feed.page(provider, {
        q: query.q || undefined,
        functionSlug: query.function,
        industrySlug: query.industry,
        budgetMinUsd: query.budgetMin,
        budgetMaxUsd: query.budgetMax,
        basis: query.basis,
        engagementType: query.engagementType,
        postedSince: query.postedSince ? new Date(`${query.postedSince}T00:00:00Z`) : undefined,
        sort: query.sort,
        page: query.page,
        perPage: query.perPage,
      });
      return { providerId: provider.id, rows, total, page: query.page, perPage: query.perPage };
    },
  };
}

export type JobPostFeedService = ReturnType<typeof createJobPostFeedService>;
