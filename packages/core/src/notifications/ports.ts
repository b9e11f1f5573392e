import type { NotificationKind } from './kinds.ts';

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** What the e-mail for a notification needs, read in one go: the recipient and their setting. */
export interface NotificationForEmail {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  /** The recipient's address. */
  to: string;
  /** The user's stored e-mail setting for this kind; null when they never changed it. */
  emailPreference: boolean | null;
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string | null;
}

/** Every read and write takes the user id: nobody reads or marks another person's notifications. */
export interface NotificationsRepository {
  /** Null when the user is gone (a deleted account): nothing is recorded and nothing is e-mailed. */
  create(input: NewNotification): Promise<{ id: string } | null>;
  findById(id: string): Promise<NotificationRecord | null>;
  /** The notifications among these ids whose user still exists (and is not deleted), each with what its e-mail needs. */
  findForEmail(ids: readonly string[]): Promise<NotificationForEmail[]>;
  listForUser(userId: string, options: { limit: number; unreadOnly: boolean }): Promise<NotificationRecord[]>;
  unreadCount(userId: string): Promise<number>;
  markRead(userId: string, id: string, at: Date): Promise<boolean>;
  markAllRead(userId: string, at: Date): Promise<number>;
  emailPreferences(userId: string): Promise<Record<string, boolean>>;
  setEmailPreference(userId: string, kind: string, email: boolean): Promise<void>;
}
