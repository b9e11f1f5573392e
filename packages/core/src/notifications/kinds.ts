/**
 * Every kind of notification the product raises, with whether it is e-mailed by default. Later
 * features add theirs here (bids, invitations, reference answers, review reminders).
 */
/** Who a kind concerns: settings show each person only the kinds their roles can receive. */
type Audience = 'everyone' | 'owner' | 'provider';

export const notificationKinds = {
  'account.security': {
    audience: 'everyone',
    label: 'Security alerts',
    description: 'Password changes and other account security events.',
    emailDefault: true,
    // Security mail is how someone learns their account was taken over: it cannot be turned off.
    required: true,
  },
  'account.welcome': {
    audience: 'everyone',
    label: 'Welcome and getting started',
    description: 'Tips for your first steps on Handoff.',
    emailDefault: false,
    required: false,
  },
  'provider.member-joined': {
    audience: 'provider',
    label: 'Colleagues joining your profile',
    description: 'When someone you invited accepts and can edit your provider profile.',
    emailDefault: true,
    required: false,
  },
  'provider.member-left': {
    audience: 'provider',
    label: 'Colleagues leaving your profile',
    description:
      'When a colleague deletes their account and leaves your provider profile (or hands it to you).',
    emailDefault: true,
    required: false,
  },
  'bid.received': {
    audience: 'owner',
    label: 'Bids on your jobs',
    description: 'When a provider bids on one of your jobs or revises its bid.',
    emailDefault: true,
    required: false,
  },
  'bid.withdrawn': {
    audience: 'owner',
    label: 'Withdrawn bids',
    description: 'When a provider withdraws its bid on one of your jobs.',
    emailDefault: false,
    required: false,
  },
  'bid.declined': {
    audience: 'provider',
    label: 'Declined bids',
    description: 'When an owner declines your bid, with their reason if they gave one.',
    emailDefault: true,
    required: false,
  },
  'bid.accepted': {
    audience: 'provider',
    label: 'Accepted bids',
    description: 'When an owner accepts your bid and the engagement starts.',
    emailDefault: true,
    required: false,
  },
  'job.filled': {
    audience: 'provider',
    label: 'Jobs filled with another bid',
    description: 'When a job you bid on is filled with someone else’s bid.',
    emailDefault: true,
    required: false,
  },
  'message.received': {
    audience: 'everyone',
    label: 'Messages about bids',
    description:
      'New messages in a bid’s conversation (e-mailed at most once per conversation every 10 minutes).',
    emailDefault: true,
    required: false,
  },
  'job.invitation': {
    audience: 'provider',
    label: 'Invitations to bid',
    description: 'When an owner invites your provider profile to bid on a job.',
    emailDefault: true,
    required: false,
  },
  'job.new-match': {
    audience: 'provider',
    label: 'New jobs for you',
    description:
      'Jobs that match your profile’s functions: in the app as soon as they open, by e-mail in one daily digest.',
    emailDefault: true,
    required: false,
  },
  'job.updated': {
    audience: 'provider',
    label: 'Changes to jobs you bid on',
    description: 'When an owner edits or closes a job your bid is on (in the app; e-mail if you turn it on).',
    emailDefault: false,
    required: false,
  },
  'reference.asked': {
    audience: 'provider',
    label: 'Requests for references',
    description: 'When an owner asks for references on your bid, so you can pick the customers to ask.',
    emailDefault: true,
    required: false,
  },
  'reference.answered': {
    audience: 'everyone',
    label: 'Reference answers',
    description: 'When a reference customer answers or declines a request you made or were asked for.',
    emailDefault: true,
    required: false,
  },
  'reference.reviewed': {
    audience: 'provider',
    label: 'Reviewed reference answers',
    description: 'When an operator clears or rejects a reference answer that was held for review.',
    emailDefault: true,
    required: false,
  },
  'engagement.review-due': {
    audience: 'owner',
    label: 'Review reminders',
    description:
      'When a review of a provider you hired is due, and once more a week later if it is still open.',
    emailDefault: true,
    required: false,
  },
  'engagement.benchmarks-missed': {
    audience: 'owner',
    label: 'Benchmarks missed twice',
    description: 'When a provider missed benchmarks in two reviews in a row.',
    emailDefault: true,
    required: false,
  },
  'engagement.reviewed': {
    audience: 'provider',
    label: 'Reviews of your work',
    description: 'When an owner who hired you submits a review: the decision and their note.',
    emailDefault: true,
    required: false,
  },
  'engagement.ended': {
    audience: 'provider',
    label: 'Engagements ended',
    description: 'When an owner ends an engagement with you.',
    emailDefault: true,
    required: false,
  },
} as const satisfies Record<
  string,
  { audience: Audience; label: string; description: string; emailDefault: boolean; required: boolean }
>;

export type NotificationKind = keyof typeof notificationKinds;
export const isNotificationKind = (k: string): k is NotificationKind => Object.hasOwn(notificationKinds, k);

/** Whether someone with these roles can receive this kind (an admin sees what their other roles see). */
export function concerns(kind: NotificationKind, roles: readonly string[]): boolean {
  const { audience } = notificationKinds[kind];
  return audience === 'everyone' || roles.includes(audience);
}

/** Whether a notification of this kind is e-mailed, given the user's stored setting (null: never set). */
export function emailWanted(kind: string, stored: boolean | null | undefined): boolean {
  if (!isNotificationKind(kind)) return false;
  if (notificationKinds[kind].required) return true;
  return stored ?? notificationKinds[kind].emailDefault;
}
