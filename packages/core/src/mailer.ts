/** An e-mail ready to send. `key` names the cause (e.g. the job), so sending it twice is a no-op. */
export interface OutgoingMail {
  key: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  readonly transport: 'smtp' | 'dev';
  send(mail: OutgoingMail): Promise<'sent' | 'duplicate'>;
}
