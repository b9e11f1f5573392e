import { describe, expect, it } from 'vitest';
import { lastReadyStatus, simpleQuery, statementText, SYNC, takeMessages } from './wire.ts';

const startup = () => {
  const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const message = Buffer.alloc(8 + params.length);
  message.writeInt32BE(8 + params.length, 0);
  message.writeInt32BE(196608, 4);
  params.copy(message, 8);
  return message;
};
const parse = (sql: string) => {
  const body = Buffer.from(`\0${sql}\0\0\0`);
  const message = Buffer.alloc(5 + body.length);
  message.write('P', 0, 'latin1');
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return message;
};
const ready = (status: string) => Buffer.from([0x5a, 0, 0, 0, 5, status.charCodeAt(0)]);

describe('the wire protocol, as far as the multiplexer reads it', () => {
  it('cuts a start-up message and typed messages out of a stream that arrives in pieces', () => {
    const stream = Buffer.concat([startup(), parse('select $1::int'), SYNC, simpleQuery('begin')]);
    const first = takeMessages(stream.subarray(0, 50), false);
    expect(first.messages.map((m) => m.kind)).toEqual(['startup']);
    const rest = takeMessages(Buffer.concat([first.rest, stream.subarray(50)]), first.started);
    expect(rest.messages.map((m) => (m.kind === 'message' ? m.type : m.kind))).toEqual(['P', 'S', 'Q']);
    expect(rest.rest.length).toBe(0);
    expect(statementText(rest.messages[0]!)).toBe('select $1::int');
    expect(statementText(rest.messages[2]!)).toBe('begin');
  });

  it('finds the transaction status of the last ReadyForQuery in a reply, if any', () => {
    const complete = Buffer.from([0x43, 0, 0, 0, 13, ...Buffer.from('SELECT 1\0')]); // CommandComplete
    expect(lastReadyStatus(complete)).toBeNull();
    expect(lastReadyStatus(Buffer.concat([complete, ready('T')]))).toBe('T');
    expect(lastReadyStatus(Buffer.concat([ready('T'), complete, ready('I')]))).toBe('I');
  });

  it('refuses a start-up message whose length makes no sense', () => {
    const bad = Buffer.alloc(8);
    bad.writeInt32BE(3, 0);
    expect(() => takeMessages(bad, false)).toThrow(/bad start-up message length/);
  });
});
