import type { Socket } from 'node:net';
import {
  errorResponse,
  lastReadyStatus,
  simpleQuery,
  statementText,
  SYNC,
  takeMessages,
  type FrontendMessage,
} from './wire.ts';

/** What the multiplexer needs of PGlite: run protocol bytes, get the reply's bytes. */
export interface ProtocolEngine {
  execProtocolRaw(message: Uint8Array): Promise<Uint8Array>;
}

export interface MultiplexerHooks {
  /** Called with each statement's SQL just before PGlite runs it (the trace). */
  onStatement?(connection: number, sql: string): void;
  /** PGlite threw instead of answering: its state is unknown, the process should end. */
  onEngineFailure(error: unknown): void;
}

/** Whoever has PGlite to itself: a client's session, or the server's own maintenance. */
type Holder = { readonly id: number };

/**
 * PGlite is one Postgres session. Several clients can share it safely only if each one's unit of
 * work runs alone: from its first message until PGlite answers ReadyForQuery with status 'I' (idle,
 * outside a transaction). An extended-protocol query (Parse, Bind, Execute, Sync) and a whole
 * transaction are such units. A client holds the engine for its unit; the others wait in turn.
 * (pglite-socket's multiplexer interleaves messages outside transactions, which lets one client's
 * Parse replace another's unnamed statement; hence this one.)
 */
export function createMultiplexer(engine: ProtocolEngine, hooks: MultiplexerHooks) {
  let holder: Holder | null = null;
  const waiting: Array<{ who: Holder; grant: () => void }> = [];
  const sessions = new Set<Session>();
  let nextId = 1;

  function acquire(who: Holder): Promise<void> {
    if (holder === null) {
      holder = who;
      return Promise.resolve();
    }
    return new Promise((grant) => waiting.push({ who, grant }));
  }

  function release(who: Holder): void {
    if (holder !== who) return;
    const next = waiting.shift();
    holder = next ? next.who : null;
    next?.grant();
  }

  async function exec(bytes: Uint8Array): Promise<Uint8Array> {
    try {
      return await engine.execProtocolRaw(bytes);
    } catch (error) {
      hooks.onEngineFailure(error);
      throw error;
    }
  }

  class Session {
    readonly id = nextId++;
    private buffer: Buffer = Buffer.alloc(0);
    private started = false;
    private inbox: FrontendMessage[] = [];
    private pumping = false;
    private closed = false;
    /** Sent PGlite a message whose unit has not reached ReadyForQuery yet. */
    private midUnit = false;
    private status: 'I' | 'T' | 'E' = 'I';

    constructor(private readonly socket: Socket) {}

    receive(chunk: Buffer): void {
      if (this.closed) return;
      let taken;
      try {
        taken = takeMessages(this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk, this.started);
      } catch (error) {
        this.socket.end(errorResponse('08P01', (error as Error).message));
        return;
      }
      this.buffer = taken.rest;
      this.started = taken.started;
      for (const message of taken.messages) {
        if (message.kind === 'ssl' || message.kind === 'gssenc') this.socket.write('N');
        else if (message.kind === 'cancel')
          this.socket.end(); // PGlite cannot cancel a running statement
        else this.inbox.push(message);
      }
      void this.pump();
    }

    private async pump(): Promise<void> {
      if (this.pumping) return;
      this.pumping = true;
      try {
        while (this.inbox.length && !this.closed) {
          const message = this.inbox.shift()!;
          if (message.kind === 'message' && message.type === 'X') {
            this.socket.end(); // Terminate: PGlite must not see it, the session is shared
            break;
          }
          if (holder !== this) await acquire(this);
          if (this.closed) break;
          const sql = statementText(message);
          if (sql !== null) hooks.onStatement?.(this.id, sql);
          const reply = await exec(message.bytes);
          this.midUnit = true;
          if (reply.length && !this.socket.destroyed) this.socket.write(reply);
          const status = lastReadyStatus(reply);
          if (status) {
            this.status = status;
            this.midUnit = false;
            if (status === 'I') release(this);
          }
        }
      } catch {
        this.socket.destroy();
      } finally {
        this.pumping = false;
      }
    }

    /** The client went away: finish its unit of work so the next client finds PGlite idle. */
    async close(): Promise<void> {
      if (this.closed) return;
      this.closed = true;
      this.inbox = [];
      sessions.delete(this);
      const queued = waiting.findIndex((w) => w.who === this);
      if (queued >= 0) waiting.splice(queued, 1);
      if (holder !== this) return;
      try {
        // Wait for a message already inside PGlite to come back before touching the session.
        while (this.pumping) await new Promise((r) => setImmediate(r));
        if (this.midUnit) this.status = lastReadyStatus(await exec(SYNC)) ?? this.status;
        if (this.status !== 'I') await exec(simpleQuery('ROLLBACK'));
      } finally {
        release(this);
      }
    }
  }

  return {
    attach(socket: Socket): void {
      const session = new Session(socket);
      sessions.add(session);
      socket.setNoDelay(true);
      socket.on('data', (chunk: Buffer) => session.receive(chunk));
      socket.on('error', () => socket.destroy());
      socket.on('close', () => void session.close());
    },
    /** Runs `fn` with PGlite to itself, between clients' units of work (maintenance). */
    async exclusive<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const who = { id: 0 as const, name };
      await acquire(who);
      try {
        return await fn();
      } finally {
        release(who);
      }
    },
    stats: () => ({ connections: sessions.size, waiting: waiting.length, busy: holder !== null }),
  };
}

export type Multiplexer = ReturnType<typeof createMultiplexer>;
