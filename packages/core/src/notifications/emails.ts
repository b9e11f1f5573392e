import { renderEmail } from '@handoff/mail/templates';
import type { UsersRepository } from '../auth/ports.ts';
import type { JobHandlers } from '../jobs.ts';
import type { Links } from '../links.ts';
import type { Mailer } from '../mailer.ts';
import { isNotificationKind, notificationKinds } from './kinds.ts';
import type { NotificationService } from './notifications.service.ts';
import type { NotificationsRepository } from './ports.ts';

export interface NotificationEmailDeps {
  notifications: NotificationsRepository;
  service: NotificationService;
  users: UsersRepository;
  mailer: Mailer;
  links: Links;
}

export function createNotificationEmailHandlers(
  deps: NotificationEmailDeps,
): Pick<JobHandlers, 'email.notification'> {
  const { notifications, service, users, mailer, links } = deps;
  return {
    async 'email.notification'({ notificationId }) {
      const n = await notifications.findById(notificationId);
      if (!n || !(await service.wantsEmail(n.userId, n.kind))) return;
      const user = await users.findById(n.userId);
      if (!user) return;
      // Mail that cannot be turned off (security alerts) gets no unsubscribe link that would fail.
      const optional = isNotificationKind(n.kind) && !notificationKinds[n.kind].required;
      const unsubscribe = optional
        ? links('/notifications/unsubscribe', {
            u: n.userId,
            k: n.kind,
            s: service.unsubscribeSignature(n.userId, n.kind),
          })
        : undefined;
      const settings = links('/settings/notifications');
      await mailer.send({
        key: `notification:${n.id}`,
        to: user.email,
        subject: n.title,
        ...(unsubscribe
          ? {
              headers: {
                'List-Unsubscribe': `<${unsubscribe}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
              },
            }
          : {}),
        ...renderEmail({
          preheader: n.body.slice(0, 120),
          heading: n.title,
          paragraphs: [n.body],
          ...(n.link ? { action: { label: 'Open Handoff', url: links(n.link) } } : {}),
          settingsUrl: settings,
          ...(unsubscribe ? { unsubscribeUrl: unsubscribe } : {}),
        }),
      });
    },
  };
}
