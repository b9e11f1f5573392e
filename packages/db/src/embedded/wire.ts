// Just enough of the Postgres wire protocol (v3) to frame messages, find where a client's unit of
// work ends, and name the statement being run. Everything else is passed to PGlite untouched.

export const SSL_REQUEST = 80877103;
export const GSSENC_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;
export const PROTOCOL_3 = 196608;

export type FrontendMessage =
  | { kind: 'ssl' | 'gssenc' | 'cancel'; bytes: Buffer }
  | { kind: 'startup'; bytes: Buffer }
  | { kind: 'message'; type: string; bytes: Buffer };

/**
 * Cuts complete messages off the front of `buffer`. Before start-up a message has no type byte
 * (length, then a code); after it, a type byte and a length that counts itself.
 */
export function takeMessages(
  buffer: Buffer,
  started: boolean,
): { messages: FrontendMessage[]; rest: Buffer; started: boolean } {
  const messages: FrontendMessage[] = [];
  let offset = 0;
  for (;;) {
    const left = buffer.length - offset;
    if (!started) {
      if (left < 8) break;
      const length = buffer.readInt32BE(offset);
      if (length < 8 || length > 1 << 20) throw new Error(`bad start-up message length ${length}`);
      if (left < length) break;
      const code = buffer.readInt32BE(offset + 4);
      const bytes = buffer.subarray(offset, offset + length);
      offset += length;
      if (code === SSL_REQUEST) messages.push({ kind: 'ssl', bytes });
      else if (code === GSSENC_REQUEST) messages.push({ kind: 'gssenc', bytes });
      else if (code === CANCEL_REQUEST) messages.push({ kind: 'cancel', bytes });
      else {
        messages.push({ kind: 'startup', bytes });
        started = true;
      }
      continue;
    }
    if (left < 5) break;
    const length = buffer.readInt32BE(offset + 1);
    if (length < 4) throw new Error(`bad message length ${length}`);
    if (left < length + 1) break;
    const type = String.fromCharCode(buffer[offset]!);
    messages.push({ kind: 'message', type, bytes: buffer.subarray(offset, offset + 1 + length) });
    offset += 1 + length;
  }
  return { messages, rest: Buffer.from(buffer.subarray(offset)), started };
}

/**
 * The transaction status of the last ReadyForQuery in a backend reply: 'I' idle, 'T' in a
 * transaction, 'E' in a failed transaction; null when the reply has none (the unit of work goes on).
 */
export function lastReadyStatus(reply: Uint8Array): 'I' | 'T' | 'E' | null {
  let status: 'I' | 'T' | 'E' | null = null;
  let offset = 0;
  const view = new DataView(reply.buffer, reply.byteOffset, reply.byteLength);
  while (offset + 5 <= reply.length) {
    const type = reply[offset];
    const length = view.getInt32(offset + 1);
    if (length < 4) break;
    if (type === 0x5a /* Z */ && length === 5 && offset + 5 < reply.length) {
      status = String.fromCharCode(reply[offset + 5]!) as 'I' | 'T' | 'E';
    }
    offset += 1 + length;
  }
  return status;
}

/** The SQL text of a simple Query ('Q') or Parse ('P') message, for the statement trace. */
export function statementText(message: FrontendMessage): string | null {
  if (message.kind !== 'message') return null;
  const { type, bytes } = message;
  if (type === 'Q') return cString(bytes, 5);
  if (type === 'P') {
    const nameEnd = bytes.indexOf(0, 5);
    return nameEnd < 0 ? null : cString(bytes, nameEnd + 1);
  }
  return null;
}

function cString(bytes: Buffer, start: number): string {
  const end = bytes.indexOf(0, start);
  return bytes.toString('utf8', start, end < 0 ? bytes.length : end);
}

/** A simple Query message, for the server's own statements (ROLLBACK, maintenance). */
export function simpleQuery(sql: string): Buffer {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0, 'latin1');
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

/** Sync: ends an extended-protocol unit a departed client left half-way. */
export const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

/** An ErrorResponse, for refusing a client before PGlite sees it. */
export function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`, 'utf8');
  const out = Buffer.alloc(5 + fields.length);
  out.write('E', 0, 'latin1');
  out.writeInt32BE(4 + fields.length, 1);
  fields.copy(out, 5);
  return out;
}
