import { renderEmail } from '@handoff/mail/templates';
import type { JobHandlers } from '../jobs.ts';
import type { Links } from '../links.ts';
import type { Mailer } from '../mailer.ts';
import { emailWanted, isNotificationKind, notificationKinds } from './kinds.ts';
import type { NotificationService } from './notifications.service.ts';
import type { NotificationForEmail } from './ports.ts';

export interface NotificationEmailDeps {
  /**
   * One notification with its recipient and their setting, in one read: `findForEmail` for one id.
   * The wiring batches it, so jobs running side by side share the query.
   */
  load: (notificationId: string) => Promise<NotificationForEmail | null>;
  service: Pick<NotificationService, 'unsubscribeSignature'>;
  mailer: Mailer;
  links: Links;
}

export function createNotificationEmailHandlers(
  deps: NotificationEmailDeps,
): Pick<JobHandlers, 'email.notification'> {
  const { load, service, mailer, links } = deps;
  return {
    async 'email.notification'({ notificationId }) {
      // Settings are read when the job runs, so an opt-out after the notification is honoured.
      const n = await load(notificationId);
      if (!n || !emailWanted(n.kind, n.emailPreference)) return;
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
        to: n.to,
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
