import nodemailer from 'nodemailer';

export interface MailMessage {
  key: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

/** Remembers what was sent, by key, so a retried job sends nothing twice. */
export interface MailLogStore {
  has(key: string): Promise<boolean>;
  record(entry: {
    key: string;
    to: string;
    subject: string;
    transport: string;
    messageId: string | null;
  }): Promise<void>;
}

/** Stores a message in the development mailbox; returns false if one with this key is already there. */
export interface DevMailboxStore {
  deliver(entry: MailMessage & { from: string }): Promise<boolean>;
}

export interface Mailer {
  readonly transport: 'smtp' | 'dev';
  send(message: MailMessage): Promise<'sent' | 'duplicate'>;
  close(): Promise<void>;
}

/** The Message-ID is derived from the key, so a sink can tell a resend from a new message. */
export const messageIdFor = (key: string) => `<${key.replace(/[^A-Za-z0-9._-]/g, '.')}@handoff.mail>`;

export function createSmtpMailer(options: {
  url: string;
  from: string;
  log: MailLogStore;
  pool?: boolean;
  /** Connections the pool keeps open to the SMTP server. */
  maxConnections?: number;
}): Mailer {
  const transporter = nodemailer.createTransport({
    url: options.url,
    pool: options.pool ?? true,
    maxConnections: options.maxConnections ?? 10,
    maxMessages: Infinity,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    transport: 'smtp',
    async send(message) {
      if (await options.log.has(message.key)) return 'duplicate';
      const messageId = messageIdFor(message.key);
      await transporter.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId,
        ...(message.headers ? { headers: message.headers } : {}),
      });
      await options.log.record({
        key: message.key,
        to: message.to,
        subject: message.subject,
        transport: 'smtp',
        messageId,
      });
      return 'sent';
    },
    async close() {
      transporter.close();
    },
  };
}

export function createDevMailer(options: { from: string; mailbox: DevMailboxStore }): Mailer {
  return {
    transport: 'dev',
    async send(message) {
      return (await options.mailbox.deliver({ ...message, from: options.from })) ? 'sent' : 'duplicate';
    },
    async close() {},
  };
}
