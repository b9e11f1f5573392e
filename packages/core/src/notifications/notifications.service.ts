import type { Clock } from '../clock.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { LinkSigner } from '../links.ts';
import type { TxScope } from '../transaction.ts';
import {
  concerns,
  emailWanted,
  isNotificationKind,
  notificationKinds,
  type NotificationKind,
} from './kinds.ts';
import type { NewNotification, NotificationsRepository } from './ports.ts';

export interface NotificationServiceDeps {
  notifications: NotificationsRepository;
  signer: LinkSigner;
  clock: Clock;
}

export interface EmailPreference {
  kind: NotificationKind;
  label: string;
  description: string;
  email: boolean;
  required: boolean;
}

export function createNotificationService({ notifications, signer, clock }: NotificationServiceDeps) {
  const unsubscribeSignature = (userId: string, kind: string) => signer.sign('unsubscribe', userId, kind);

  return {
    /**
     * Records an in-app notification and queues its e-mail in the caller's transaction. The e-mail
     * handler checks the user's settings when it runs, so a later opt-out is honoured.
     */
    async notify(
      scope: Pick<TxScope, 'notifications' | 'jobs'>,
      input: NewNotification,
    ): Promise<string | null> {
      const created = await scope.notifications.create(input);
      if (!created) return null;
      await scope.jobs.enqueue('email.notification', { notificationId: created.id });
      return created.id;
    },

    list: (userId: string, options: { limit?: number; unreadOnly?: boolean } = {}) =>
      notifications.listForUser(userId, {
        limit: options.limit ?? 50,
        unreadOnly: options.unreadOnly ?? false,
      }),

    unreadCount: (userId: string) => notifications.unreadCount(userId),

    async markRead(userId: string, id: string): Promise<void> {
      if (!(await notifications.markRead(userId, id, clock.now())))
        throw new NotFoundError('No such notification');
    },

    markAllRead: (userId: string) => notifications.markAllRead(userId, clock.now()),

    /** The settings of the kinds that concern someone with these roles (all kinds without roles). */
    async emailPreferences(userId: string, roles?: readonly string[]): Promise<EmailPreference[]> {
      const stored = await notifications.emailPreferences(userId);
      const kinds = (Object.keys(notificationKinds) as NotificationKind[]).filter(
        (kind) => !roles || concerns(kind, roles),
      );
      return kinds.map((kind) => {
        const k = notificationKinds[kind];
        return {
          kind,
          label: k.label,
          description: k.description,
          required: k.required,
          email: k.required ? true : (stored[kind] ?? k.emailDefault),
        };
      });
    },

    async setEmailPreferences(userId: string, changes: Record<string, boolean>): Promise<void> {
      for (const [kind, email] of Object.entries(changes)) {
        if (!isNotificationKind(kind)) throw new ValidationError(`Unknown notification kind: ${kind}`);
        if (notificationKinds[kind].required && !email) {
          throw new ValidationError(`${notificationKinds[kind].label} cannot be turned off`);
        }
      }
      for (const [kind, email] of Object.entries(changes))
        await notifications.setEmailPreference(userId, kind, email);
    },

    /** Whether this notification should go out by e-mail now. */
    async wantsEmail(userId: string, kind: string): Promise<boolean> {
      if (!isNotificationKind(kind)) return false;
      if (notificationKinds[kind].required) return true;
      return emailWanted(kind, (await notifications.emailPreferences(userId))[kind]);
    },

    unsubscribeSignature,

    /** One-click unsubscribe from an e-mail footer: no log-in, the link's signature is the proof. */
    async unsubscribe(userId: string, kind: string, signature: string): Promise<{ label: string }> {
      if (!isNotificationKind(kind) || !signer.verify(signature, 'unsubscribe', userId, kind)) {
        throw new ValidationError(
          'This unsubscribe link is not valid. Change your settings after logging in instead.',
        );
      }
      if (notificationKinds[kind].required) {
        throw new ValidationError(`${notificationKinds[kind].label} cannot be turned off`);
      }
      await notifications.setEmailPreference(userId, kind, false);
      return { label: notificationKinds[kind].label };
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
