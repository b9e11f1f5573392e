// The baseline: a bare BullMQ worker sending the same e-mail over SMTP, with no database at all.
import { workerConnection } from '@handoff/queue';
import { Worker } from 'bullmq';
import nodemailer from 'nodemailer';

const { REDIS_URL, SMTP_URL, QUEUE_PREFIX, CONCURRENCY } = process.env as Record<string, string>;
const transport = nodemailer.createTransport({
  url: SMTP_URL,
  pool: true,
  maxConnections: 10,
  maxMessages: Infinity,
} as never);
const connection = workerConnection(REDIS_URL ?? 'redis://127.0.0.1:6379');
const worker = new Worker(
  'bare',
  async (job) => {
    await transport.sendMail({
      from: 'Handoff <no-reply@handoff.bench>',
      to: 'bench@example.test',
      subject: 'Bench alert',
      text: 'Benchmark notification',
      html: '<p>Benchmark notification</p>',
      messageId: `<bare-${job.id}@handoff.mail>`,
    });
  },
  { connection, prefix: QUEUE_PREFIX, concurrency: Number(CONCURRENCY) },
);
process.on('SIGTERM', async () => {
  await worker.close();
  connection.disconnect();
  transport.close();
  process.exit(0);
});
