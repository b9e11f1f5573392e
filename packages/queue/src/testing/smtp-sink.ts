import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string;
  raw: string;
}

export interface SmtpSink {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Answer every message with this SMTP error (e.g. 550) until set back to null. */
  refuseWith: number | null;
  /** Hold each RCPT TO this long, to catch a sender in the middle of a send. */
  holdRcptMs: number;
  /** How many RCPT TO commands arrived, accepted or not. */
  rcptSeen: number;
  /** The addresses of those RCPT TO commands, in order. */
  rcptAddresses: string[];
  refused: number;
  /** Connection errors the server reported (a client gone mid-transaction); kept, never thrown. */
  errors: Error[];
  close(): Promise<void>;
}

/** A real SMTP server in-process (the `smtp-server` package), recording what it accepts. */
export async function startSmtpSink(extra: Partial<SMTPServerOptions> = {}): Promise<SmtpSink> {
  const sink = {
    received: [] as ReceivedMail[],
    refuseWith: null as number | null,
    holdRcptMs: 0,
    rcptSeen: 0,
    rcptAddresses: [] as string[],
    refused: 0,
    /** Connection errors, e.g. a client killed mid-transaction (ECONNRESET): recorded, not thrown. */
    errors: [] as Error[],
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      sink.rcptSeen += 1;
      sink.rcptAddresses.push(address.address);
      if (sink.holdRcptMs) setTimeout(() => callback(), sink.holdRcptMs);
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (sink.refuseWith) {
          sink.refused += 1;
          const error = Object.assign(new Error('Mailbox unavailable (test sink refusing mail)'), {
            responseCode: sink.refuseWith,
          });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '';
        sink.received.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
    ...extra,
  });
  // smtp-server re-emits a socket error inside a mail transaction on the server: without a listener, a
  // worker killed mid-send (the fault tests do it) became an uncaught ECONNRESET in the test process.
  server.on('error', (error) => sink.errors.push(error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return Object.assign(sink, {
    port,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Decodes a quoted-printable body enough to search it for links and text. */
export const decodeQp = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
