import {
  devMailboxResponse,
  devMailResponse,
  functionsResponse,
  industriesResponse,
  jobsOverviewResponse,
  meResponse,
  messageResponse,
  notificationsResponse,
  preferencesResponse,
  sessionResponse,
  signUpResponse,
  unreadCountResponse,
  verifyEmailResponse,
  type BusinessFunction,
  type EmailPreference,
  type Industry,
  type JobsOverview,
  type LogInBody,
  type Session,
  type SignUpBody,
  type SignUpResponse,
  type User,
} from '@handoff/contracts';
import type { z } from 'zod';
import { ApiError, request, send, type ClientInfo } from './api-client.ts';

export { ApiError, raise, UNAVAILABLE_MESSAGE, type ClientInfo } from './api-client.ts';

/** Who is looking, for the calls whose answer depends on it beyond a signed-in user. */
export interface Viewer {
  token?: string | null | undefined;
  client?: ClientInfo | undefined;
}

export type NotificationList = z.infer<typeof notificationsResponse>;
export type DevMailSummary = z.infer<typeof devMailboxResponse>['messages'][number];
export type DevMail = z.infer<typeof devMailResponse>;
export type OutboxStatus = JobsOverview['outbox']['jobs'][number]['status'];

const path = (segment: string | number) => encodeURIComponent(String(segment));

export const api = {
  /** Starts a sign-up: the same answer whether or not the address has an account (see the e-mail). */
  signUp: (body: SignUpBody, client?: ClientInfo): Promise<SignUpResponse> =>
    request(signUpResponse, '/auth/signup', { method: 'POST', body, client }),

  /** Follows the e-mailed link: creates the account and returns its first session. */
  confirmSignUp: (token: string, client?: ClientInfo): Promise<Session> =>
    request(sessionResponse, '/auth/signup/confirm', { method: 'POST', body: { token }, client }),

  logIn: (body: LogInBody, client?: ClientInfo): Promise<Session> =>
    request(sessionResponse, '/auth/login', { method: 'POST', body, client }),

  refresh: (refreshToken: string, client?: ClientInfo): Promise<Session> =>
    request(sessionResponse, '/auth/refresh', { method: 'POST', body: { refreshToken }, client }),

  async logOut(refreshToken: string): Promise<void> {
    await send('/auth/logout', { method: 'POST', body: { refreshToken } });
  },

  async me(accessToken: string): Promise<User> {
    const { user } = await request(meResponse, '/auth/me', { token: accessToken });
    return user;
  },

  async functions(): Promise<BusinessFunction[]> {
    const { functions } = await request(functionsResponse, '/taxonomy/functions');
    return functions;
  },

  async industries(): Promise<Industry[]> {
    const { industries } = await request(industriesResponse, '/taxonomy/industries');
    return industries;
  },

  // ---- Account e-mails: verification and password reset ----

  async verifyEmail(token: string, client?: ClientInfo): Promise<User> {
    const { user } = await request(verifyEmailResponse, '/auth/verify-email', {
      method: 'POST',
      body: { token },
      client,
    });
    return user;
  },

  resendVerification: (accessToken: string, client?: ClientInfo): Promise<{ message: string }> =>
    request(messageResponse, '/auth/verify-email/resend', { method: 'POST', token: accessToken, client }),

  forgotPassword: (email: string, client?: ClientInfo): Promise<{ message: string }> =>
    request(messageResponse, '/auth/password/forgot', { method: 'POST', body: { email }, client }),

  resetPassword: (
    body: { token: string; password: string },
    client?: ClientInfo,
  ): Promise<{ message: string }> =>
    request(messageResponse, '/auth/password/reset', { method: 'POST', body, client }),

  // ---- Notifications ----

  notifications: (
    accessToken: string,
    query: { unread?: boolean; limit?: number } = {},
  ): Promise<NotificationList> => {
    const search = new URLSearchParams();
    if (query.unread) search.set('unread', 'true');
    if (query.limit) search.set('limit', String(query.limit));
    const qs = search.size ? `?${search}` : '';
    return request(notificationsResponse, `/notifications${qs}`, { token: accessToken });
  },

  async unreadCount(accessToken: string): Promise<number> {
    const { unread } = await request(unreadCountResponse, '/notifications/unread-count', {
      token: accessToken,
    });
    return unread;
  },

  async markRead(accessToken: string, id: string): Promise<void> {
    await send(`/notifications/${path(id)}/read`, { method: 'POST', token: accessToken });
  },

  async markAllRead(accessToken: string): Promise<void> {
    await request(unreadCountResponse, '/notifications/read-all', { method: 'POST', token: accessToken });
  },

  async emailPreferences(accessToken: string): Promise<EmailPreference[]> {
    const { preferences } = await request(preferencesResponse, '/notifications/preferences', {
      token: accessToken,
    });
    return preferences;
  },

  async setEmailPreferences(accessToken: string, email: Record<string, boolean>): Promise<EmailPreference[]> {
    const { preferences } = await request(preferencesResponse, '/notifications/preferences', {
      method: 'PUT',
      body: { email },
      token: accessToken,
    });
    return preferences;
  },

  unsubscribe: (body: { u: string; k: string; s: string }): Promise<{ message: string }> =>
    request(messageResponse, '/notifications/unsubscribe', { method: 'POST', body }),

  // ---- Operator ----

  jobs: (accessToken: string, status?: OutboxStatus): Promise<JobsOverview> =>
    request(jobsOverviewResponse, `/admin/jobs${status ? `?status=${status}` : ''}`, { token: accessToken }),

  retryJob: (accessToken: string, id: number): Promise<{ message: string }> =>
    request(messageResponse, `/admin/outbox/${path(id)}/retry`, { method: 'POST', token: accessToken }),

  // ---- Development mailbox (the API answers 404 unless it stores mail itself) ----

  // The api shows it only on its own machine or to an operator: it is told who is really asking.
  async devMailbox(to: string | undefined, viewer: Viewer): Promise<DevMailSummary[]> {
    const qs = to ? `?${new URLSearchParams({ to })}` : '';
    const { messages } = await request(devMailboxResponse, `/dev/mailbox${qs}`, viewer);
    return messages;
  },

  devMail: (id: string, viewer: Viewer): Promise<DevMail> =>
    request(devMailResponse, `/dev/mailbox/${path(id)}`, viewer),

  /** Whether the API keeps a development mailbox; `null` when it could not be asked. */
  async hasDevMailbox(): Promise<boolean | null> {
    try {
      // An address nobody has keeps the probe's answer tiny.
      await request(devMailboxResponse, '/dev/mailbox?to=probe%40handoff.invalid');
      return true;
    } catch (error) {
      return error instanceof ApiError && error.status === 404 ? false : null;
    }
  },
};
