import { flaggedReferencesResponse } from '@handoff/contracts';
import type { z } from 'zod';
import { request, send } from './api-client.ts';

export type FlaggedReference = z.infer<typeof flaggedReferencesResponse>['answers'][number];

/** The operator's queue of reference answers a trust signal held back (admins only; the API checks). */
export const referenceReviewApi = {
  async queue(token: string): Promise<FlaggedReference[]> {
    const { answers } = await request(flaggedReferencesResponse, '/admin/references', { token });
    return answers;
  },

  async review(token: string, id: string, decision: 'clear' | 'reject', reason: string): Promise<void> {
    await send(`/admin/references/${encodeURIComponent(id)}/review`, {
      method: 'POST',
      body: { decision, reason },
      token,
    });
  },
};
