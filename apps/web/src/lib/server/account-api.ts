import {
  accountDeletedResponse,
  accountResponse,
  changeEmailResponse,
  emailChangeConfirmedResponse,
  emailChangeUndoneResponse,
  endedSessionsResponse,
  meResponse,
  messageResponse,
  sessionsResponse,
  type Account,
  type SelfRole,
  type SessionItem,
  type User,
} from '@handoff/contracts';
import { request, send, type ClientInfo } from './api-client.ts';

const path = (segment: string) => encodeURIComponent(segment);

/** Account settings and signed-in sessions: one function per endpoint, like `api.ts`. */
export const accountApi = {
  account: (token: string): Promise<Account> => request(accountResponse, '/account', { token }),

  async rename(token: string, name: string): Promise<User> {
    const { user } = await request(meResponse, '/account', { method: 'PATCH', body: { name }, token });
    return user;
  },

  requestEmailChange: (
    token: string,
    body: { email: string; password: string },
    client?: ClientInfo,
  ): Promise<{ message: string; pendingEmail: string }> =>
    request(changeEmailResponse, '/account/email', { method: 'POST', body, token, client }),

  confirmEmailChange: (token: string, client?: ClientInfo): Promise<{ message: string; user: User }> =>
    request(emailChangeConfirmedResponse, '/account/email/confirm', {
      method: 'POST',
      body: { token },
      client,
    }),

  undoEmailChange: (token: string, client?: ClientInfo): Promise<{ message: string; email: string }> =>
    request(emailChangeUndoneResponse, '/account/email/undo', { method: 'POST', body: { token }, client }),

  changePassword: (
    token: string,
    body: { currentPassword: string; newPassword: string },
    client?: ClientInfo,
  ): Promise<{ message: string }> =>
    request(messageResponse, '/account/password', { method: 'POST', body, token, client }),

  async addRole(token: string, role: SelfRole): Promise<User> {
    const { user } = await request(meResponse, '/account/roles', { method: 'POST', body: { role }, token });
    return user;
  },

  async sessions(token: string): Promise<SessionItem[]> {
    const { sessions } = await request(sessionsResponse, '/account/sessions', { token });
    return sessions;
  },

  async signOutSession(token: string, id: string): Promise<void> {
    await send(`/account/sessions/${path(id)}`, { method: 'DELETE', token });
  },

  signOutOthers: (token: string): Promise<{ ended: number; message: string }> =>
    request(endedSessionsResponse, '/account/sessions/sign-out-others', { method: 'POST', token }),

  /** The export as the API sends it (already an allow-listed file): passed through, not re-parsed. */
  exportData: (token: string): Promise<Response> => send('/account/export', { token }),

  deleteAccount: (
    token: string,
    body: { password: string; confirmation: string },
    client?: ClientInfo,
  ): Promise<{ message: string }> =>
    request(accountDeletedResponse, '/account/delete', { method: 'POST', body, token, client }),
};
