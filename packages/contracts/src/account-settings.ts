import { z } from 'zod';
import { linkToken } from './account.ts';
import { emailSchema, passwordSchema, personNameSchema, userResponse } from './auth.ts';

/** Asked again before a change that could lock the owner out: it proves the person at the keyboard. */
const currentPassword = z
  .string({ error: 'Enter your current password' })
  .min(1, { error: 'Enter your current password' })
  .max(200, { error: 'A password is at most 200 characters' });

export const accountResponse = z.object({
  user: userResponse,
  /** The address waiting for its confirmation link to be opened, if a change is pending. */
  pendingEmail: z.string().nullable(),
});
export type Account = z.infer<typeof accountResponse>;

export const renameBody = z.object({ name: personNameSchema });

export const changeEmailBody = z.object({ email: emailSchema, password: currentPassword });
export const changeEmailResponse = z.object({ message: z.string(), pendingEmail: z.string() });

export const emailChangeTokenBody = z.object({ token: linkToken });
export const emailChangeConfirmedResponse = z.object({ message: z.string(), user: userResponse });
export const emailChangeUndoneResponse = z.object({ message: z.string(), email: z.string() });

export const changePasswordBody = z.object({ currentPassword, newPassword: passwordSchema });

/** The roles a person can give themselves; operators are made by other operators. */
export const selfRoleSchema = z.enum(['owner', 'provider'], {
  error: 'Choose whether to hire providers or to work as one',
});
export type SelfRole = z.infer<typeof selfRoleSchema>;
export const addRoleBody = z.object({ role: selfRoleSchema });

export const deviceTypeSchema = z.enum(['desktop', 'mobile', 'tablet', 'tv', 'unknown']);

/** One signed-in browser or app. Never the raw address: only its network, to recognise a place. */
export const sessionItem = z.object({
  id: z.uuid(),
  current: z.boolean(),
  browser: z.string(),
  os: z.string(),
  deviceType: deviceTypeSchema,
  network: z.string(),
  signedInAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
});
export type SessionItem = z.infer<typeof sessionItem>;
export const sessionsResponse = z.object({ sessions: z.array(sessionItem) });
export const sessionParams = z.object({
  id: z.uuid({ error: 'That is not a session of this account' }),
});
export const endedSessionsResponse = z.object({ ended: z.number().int(), message: z.string() });
