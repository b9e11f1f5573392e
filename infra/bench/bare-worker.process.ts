// The baseline: a bare BullMQ worker sending the same e-mail over SMTP, with no database at all.
// "The same e-mail" means the same rendered template, sender, recipient and Message-ID shape as the
// 'email.notification' handler produces for the bench's notification, over a transport configured
// like the worker's mailer, so the ratio measures the outbox, relay and lookups, not the template.
import { workerConnection } from '@handoff/queue';
import { Worker } from 'bullmq';
import nodemailer from 'nodemailer';
// @handoff/mail is not a dependency of the workspace root; the template is plain TypeScript.
import { renderEmail } from '../../packages/mail/src/templates.ts';

const { REDIS_URL, SMTP_URL, QUEUE_PREFIX, CONCURRENCY, SMTP_POOL_SIZE } = process.env as Record<
  string,
  string
>;
const transport = nodemailer.createTransport({
  url: SMTP_URL,
  pool: true,
  maxConnections: Number(SMTP_POOL_SIZE ?? 10),
  maxMessages: Infinity,
} as never);
const connection = workerConnection(REDIS_URL ?? 'redis://127.0.0.1:6379');
const worker = new Worker(
  'bare',
  async (job) => {
    const body = 'Benchmark notification';
    await transport.sendMail({
      from: 'Handoff <no-reply@handoff.localhost>',
      to: 'bench@example.test',
      subject: 'Bench alert',
      ...renderEmail({
        preheader: body.slice(0, 120),
        heading: 'Bench alert',
        paragraphs: [body],
        settingsUrl: new URL('http://localhost:3000/settings/notifications').toString(),
      }),
      messageId: `<bare-${job.id}@handoff.mail>`,
    });
  },
  { connection, prefix: QUEUE_PREFIX, concurrency: Number(CONCURRENCY) },
);
// The bench times from this line, as it does for the real worker's.
console.log(JSON.stringify({ level: 'info', time: Date.now(), msg: 'worker started (bare)' }));
process.on('SIGTERM', async () => {
  await worker.close();
  connection.disconnect();
  transport.close();
  process.exit(0);
});
