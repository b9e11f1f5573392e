import { z } from 'zod';

export const roleSchema = z.enum(['owner', 'provider', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** What a person picks at sign-up; "both" gives the owner and provider roles. */
export const signUpRoleSchema = z.enum(['owner', 'provider', 'both'], {
  error: 'Choose whether you hire, provide services, or both',
});

export const emailSchema = z
  .string({ error: 'Enter your e-mail address' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'An e-mail address is at most 254 characters' })
  .pipe(z.email({ error: 'Enter a valid e-mail address, like name@example.com' }));

export const PASSWORD_MIN = 10;
export const passwordSchema = z
  .string({ error: 'Enter a password' })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters for your password` })
  .max(200, { error: 'A password is at most 200 characters' });

// Control characters (NUL above all, which Postgres cannot store) never belong in a name.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** A person's name as they want it shown: trimmed, 1–120 characters, no control characters. */
export const personNameSchema = z
  .string({ error: 'Enter your name' })
  .trim()
  .min(1, { error: 'Enter your name' })
  .max(120, { error: 'A name is at most 120 characters' })
  .refine((name) => !CONTROL_CHARACTERS.test(name), {
    error: 'A name can only hold letters, digits, spaces and punctuation',
  });

export const signUpBody = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  role: signUpRoleSchema,
});
export type SignUpBody = z.infer<typeof signUpBody>;

/**
 * The answer to every valid sign-up, whether or not the address already has an account (its
 * owner is told by e-mail instead), so the answer never says who has an account.
 */
export const signUpResponse = z.object({ message: z.string(), email: z.string() });
export type SignUpResponse = z.infer<typeof signUpResponse>;

export const logInBody = z.object({
  email: emailSchema,
  password: z.string({ error: 'Enter your password' }).min(1, { error: 'Enter your password' }).max(200),
});
export type LogInBody = z.infer<typeof logInBody>;

export const refreshBody = z.object({
  refreshToken: z.string({ error: 'A refresh token is required' }).min(20).max(200),
});
export type RefreshBody = z.infer<typeof refreshBody>;

/** Allow-list of what the API ever says about a user: no hash, no token. */
export const userResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  emailVerified: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof userResponse>;

export const sessionResponse = z.object({
  user: userResponse,
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  accessTokenExpiresIn: z.number().int(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.iso.datetime(),
});
export type Session = z.infer<typeof sessionResponse>;

export const meResponse = z.object({ user: userResponse });
