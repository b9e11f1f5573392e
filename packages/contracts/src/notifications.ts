import { z } from 'zod';
import { queryParams } from './query.ts';

export const notificationResponse = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Notification = z.infer<typeof notificationResponse>;

export const notificationsQuery = queryParams({
  unread: z.stringbool({ error: 'unread must be true or false' }).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int()
    .min(1, { error: 'limit must be at least 1' })
    .max(100, { error: 'limit is at most 100' })
    .default(50),
});

export const notificationsResponse = z.object({
  notifications: z.array(notificationResponse),
  unread: z.number().int(),
});

export const unreadCountResponse = z.object({ unread: z.number().int() });
export const notificationIdParams = z.object({ id: z.uuid({ error: 'Not a notification id' }) });

export const emailPreference = z.object({
  kind: z.string(),
  label: z.string(),
  description: z.string(),
  email: z.boolean(),
  required: z.boolean(),
});
export type EmailPreference = z.infer<typeof emailPreference>;
export const preferencesResponse = z.object({ preferences: z.array(emailPreference) });
export const preferencesBody = z.object({
  email: z.record(z.string().max(100), z.boolean({ error: 'Each setting is on (true) or off (false)' }), {
    error: 'Send the settings as { "email": { "kind": true | false } }',
  }),
});

export const unsubscribeBody = z.object({
  u: z.uuid({ error: 'This unsubscribe link is not valid' }),
  k: z.string().min(1).max(100),
  s: z.string().min(10).max(200),
});
