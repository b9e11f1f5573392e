/**
 * Every kind of notification the product raises, with whether it is e-mailed by default. Later
 * features add theirs here (bids, invitations, reference answers, review reminders).
 */
export const notificationKinds = {
  'account.security': {
    label: 'Security alerts',
    description: 'Password changes and other account security events.',
    emailDefault: true,
    // Security mail is how someone learns their account was taken over: it cannot be turned off.
    required: true,
  },
  'account.welcome': {
    label: 'Welcome and getting started',
    description: 'Tips for your first steps on Handoff.',
    emailDefault: false,
    required: false,
  },
  'provider.member-joined': {
    label: 'Colleagues joining your profile',
    description: 'When someone you invited accepts and can edit your provider profile.',
    emailDefault: true,
    required: false,
  },
} as const satisfies Record<
  string,
  { label: string; description: string; emailDefault: boolean; required: boolean }
>;

export type NotificationKind = keyof typeof notificationKinds;
export const isNotificationKind = (k: string): k is NotificationKind => Object.hasOwn(notificationKinds, k);

/** Whether a notification of this kind is e-mailed, given the user's stored setting (null: never set). */
export function emailWanted(kind: string, stored: boolean | null | undefined): boolean {
  if (!isNotificationKind(kind)) return false;
  if (notificationKinds[kind].required) return true;
  return stored ?? notificationKinds[kind].emailDefault;
}
