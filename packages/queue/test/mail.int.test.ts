import { createDevMailboxStore, createMailLogStore, type Database } from '@handoff/db';
import { openTestDatabase } from '@handoff/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../src/wiring.ts';
import { startSmtpSink, type SmtpSink } from '../src/testing/index.ts';

let database: Database;
let sink: SmtpSink;
beforeAll(async () => {
  database = await openTestDatabase();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await database.close();
  await sink.close();
});

const message = (key: string) => ({
  key,
  to: 'ann@example.test',
  subject: `Subject ${key}`,
  html: '<p>Hi</p>',
  text: 'Hi',
});

describe('mailers are idempotent by key', () => {
  it('dev mailbox stores a message once, however often it is sent', async () => {
    const mailer = createMailer(database.db, { from: 'Handoff <no-reply@handoff.test>' });
    expect(mailer.transport).toBe('dev');
    expect(await mailer.send(message('dev-1'))).toBe('sent');
    expect(await mailer.send(message('dev-1'))).toBe('duplicate');
    const box = await createDevMailboxStore(database.db).list({ to: 'ann@example.test', limit: 10 });
    expect(box.filter((m) => m.subject === 'Subject dev-1')).toHaveLength(1);
  });

  it('SMTP delivers a message once, with a Message-ID derived from the key', async () => {
    const mailer = createMailer(database.db, { smtpUrl: sink.url, from: 'Handoff <no-reply@handoff.test>' });
    try {
      expect(await mailer.send(message('smtp-1'))).toBe('sent');
      expect(await mailer.send(message('smtp-1'))).toBe('duplicate');
      expect(sink.received.filter((m) => m.messageId === '<smtp-1@handoff.mail>')).toHaveLength(1);
      expect(sink.received[0]!.raw).toMatch(/From: Handoff <no-reply@handoff.test>/);
    } finally {
      await mailer.close();
    }
  });

  it('SMTP refusal surfaces as an error and records nothing, so a retry can send it', async () => {
    const mailer = createMailer(database.db, { smtpUrl: sink.url, from: 'Handoff <no-reply@handoff.test>' });
    try {
      sink.refuseWith = 451;
      await expect(mailer.send(message('smtp-2'))).rejects.toThrow();
      sink.refuseWith = null;
      expect(await mailer.send(message('smtp-2'))).toBe('sent');
    } finally {
      sink.refuseWith = null;
      await mailer.close();
    }
  });

  it('SMTP sends side by side share their log queries, and each is recorded before send returns', async () => {
    const mailer = createMailer(database.db, { smtpUrl: sink.url, from: 'Handoff <no-reply@handoff.test>' });
    try {
      const keys = Array.from({ length: 30 }, (_, i) => `batch-${i}`);
      expect(await Promise.all(keys.map((k) => mailer.send(message(k))))).toEqual(keys.map(() => 'sent'));
      // Returned means logged: a retry of any of them, batched or alone, sends nothing.
      const store = createMailLogStore(database.db);
      expect((await store.sentKeys(keys)).size).toBe(keys.length);
      expect(await Promise.all(keys.map((k) => mailer.send(message(k))))).toEqual(
        keys.map(() => 'duplicate'),
      );
      const ids = new Set(keys.map((k) => `<${k}@handoff.mail>`));
      expect(sink.received.filter((m) => ids.has(m.messageId))).toHaveLength(keys.length);
    } finally {
      await mailer.close();
    }
  });
});

describe('the test SMTP sink', () => {
  it('records a client that vanishes mid-transaction instead of throwing in the test process', async () => {
    const { connect } = await import('node:net');
    const local = await startSmtpSink({ onRcptTo: () => {} }); // never answers RCPT: stuck mid-send
    try {
      const socket = connect(local.port, '127.0.0.1');
      socket.on('error', () => {});
      const said = (pattern: RegExp) =>
        new Promise<void>((resolve) => {
          const onData = (d: Buffer) => {
            if (pattern.test(d.toString())) {
              socket.off('data', onData);
              resolve();
            }
          };
          socket.on('data', onData);
        });
      await said(/^220/m);
      socket.write('EHLO test\r\n');
      await said(/^250 /m);
      socket.write('MAIL FROM:<a@example.test>\r\n');
      await said(/^250 /m);
      socket.write('RCPT TO:<b@example.test>\r\n');
      await new Promise((r) => setTimeout(r, 100));
      socket.resetAndDestroy(); // the worker killed with SIGKILL: the sink sees ECONNRESET
      await expect.poll(() => local.errors.map((e) => (e as { code?: string }).code)).toContain('ECONNRESET');
    } finally {
      await local.close();
    }
  });
});
