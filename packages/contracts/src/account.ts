import { z } from 'zod';
import { emailSchema, passwordSchema, userResponse } from './auth.ts';

export const linkToken = z
  .string({ error: 'The link is missing its token' })
  .trim()
  .min(20, { error: 'This link is incomplete; open it again from the e-mail' })
  .max(200, { error: 'This link is not valid' });

export const verifyEmailBody = z.object({ token: linkToken });
/** The e-mailed link that finishes a sign-up. */
export const confirmSignUpBody = z.object({ token: linkToken });
export const verifyEmailResponse = z.object({ user: userResponse });

export const forgotPasswordBody = z.object({ email: emailSchema });
export const resetPasswordBody = z.object({ token: linkToken, password: passwordSchema });

export const messageResponse = z.object({ message: z.string() });
export type MessageResponse = z.infer<typeof messageResponse>;
