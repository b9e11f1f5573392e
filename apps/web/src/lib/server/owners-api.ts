import {
  ownerJobPostResponse,
  ownerProfileResponse,
  ownerTaskResponse,
  savedProvider,
  savedProvidersResponse,
  suggestFunctionResponse,
  timeValueResponse,
  worksheetResponse,
  type HourValueInput,
  type OwnerTaskPatch,
  type TimeValue,
  type TimeValueBody,
} from '@handoff/contracts';
import type { z } from 'zod';
import { request, send, type ClientInfo } from './api-client.ts';

export type OwnerProfile = z.infer<typeof ownerProfileResponse>['profile'];
export type Worksheet = z.infer<typeof worksheetResponse>;
export type OwnerTaskView = z.infer<typeof ownerTaskResponse>;
export type SavedProvider = z.infer<typeof savedProvider>;
export type FunctionSuggestion = z.infer<typeof suggestFunctionResponse>;
type OwnerJobPost = z.infer<typeof ownerJobPostResponse>;

const path = (segment: string) => encodeURIComponent(segment);

/** The owner's own tools: the hour calculator, the love / hate worksheet, saved providers. */
export const ownersApi = {
  /** Works without an account: what an hour is worth, and a task's cost against a provider's rate. */
  timeValue: (body: TimeValueBody, client?: ClientInfo): Promise<TimeValue> =>
    request(timeValueResponse, '/time-value', { method: 'POST', body, client }),

  async profile(token: string): Promise<OwnerProfile> {
    const { profile } = await request(ownerProfileResponse, '/owner/profile', { token });
    return profile;
  },

  async saveProfile(token: string, body: HourValueInput): Promise<OwnerProfile> {
    const { profile } = await request(ownerProfileResponse, '/owner/profile', { method: 'PUT', body, token });
    return profile;
  },

  suggestFunction: (q: string): Promise<FunctionSuggestion> =>
    request(suggestFunctionResponse, `/taxonomy/suggest-function?q=${encodeURIComponent(q)}`),

  // The worksheet.
  worksheet: (token: string): Promise<Worksheet> => request(worksheetResponse, '/owner/tasks', { token }),

  addTask: (
    token: string,
    body: { feeling: 'love' | 'hate'; name: string; hoursPerWeek: number; functionSlug?: string | null },
  ): Promise<OwnerTaskView> => request(ownerTaskResponse, '/owner/tasks', { method: 'POST', body, token }),

  updateTask: (token: string, id: string, body: OwnerTaskPatch): Promise<OwnerTaskView> =>
    request(ownerTaskResponse, `/owner/tasks/${path(id)}`, { method: 'PATCH', body, token }),

  async removeTask(token: string, id: string): Promise<void> {
    await send(`/owner/tasks/${path(id)}`, { method: 'DELETE', token });
  },

  reorderTasks: (token: string, feeling: 'love' | 'hate', ids: string[]): Promise<Worksheet> =>
    request(worksheetResponse, '/owner/tasks/order', { method: 'PUT', body: { feeling, ids }, token }),

  /** The task's draft job from its function's template (the same draft again if one exists). */
  taskToJobPost: (token: string, id: string): Promise<OwnerJobPost> =>
    request(ownerJobPostResponse, `/owner/tasks/${path(id)}/job-post`, { method: 'POST', token }),

  // Providers saved before any job exists.
  saveProvider: (token: string, providerId: string, note = ''): Promise<SavedProvider> =>
    request(savedProvider, '/saved-providers', { method: 'POST', body: { providerId, note }, token }),

  async savedProviders(token: string): Promise<SavedProvider[]> {
    const { providers } = await request(savedProvidersResponse, '/saved-providers', { token });
    return providers;
  },

  async unsaveProvider(token: string, providerId: string): Promise<void> {
    await send(`/saved-providers/${path(providerId)}`, { method: 'DELETE', token });
  },
};
