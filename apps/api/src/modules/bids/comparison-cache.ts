/**
 * Comparison bodies this api process already computed and serialised, each kept with the stamp of
 * the data it was computed from. The caller reads the current stamp from the database first (one
 * cheap statement), so a body is served only while nothing it shows has changed, whichever process
 * changed it; otherwise it is computed again. Least recently used bodies go first once `maxBytes`
 * is reached (0 keeps nothing), and concurrent requests missing the same body share one computation.
 */
export interface ComparisonCache {
  /** The body for `key` as of `stamp`: the kept one when it was computed at that stamp, else made. */
  get(key: string, stamp: string, compute: () => Promise<Serialised>): Promise<Buffer>;
  /** Bytes kept, for tests and diagnostics. */
  readonly bytes: number;
}

/** What fastify's `reply.serialize` gives. */
type Serialised = string | Buffer | ArrayBuffer;
const bytesOf = (body: Serialised) =>
  typeof body === 'string' ? Buffer.from(body) : Buffer.isBuffer(body) ? body : Buffer.from(body);

interface Entry {
  stamp: string;
  body: Promise<Buffer>;
  bytes: number;
}

export function createComparisonCache({ maxBytes }: { maxBytes: number }): ComparisonCache {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry>();
  let bytes = 0;

  function remove(key: string, entry: Entry) {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  return {
    get bytes() {
      return bytes;
    },

    async get(key, stamp, compute) {
      // Kept as UTF-8 bytes: each response then writes them as they are, without encoding again.
      if (maxBytes <= 0) return bytesOf(await compute());
      const kept = entries.get(key);
      if (kept?.stamp === stamp) {
        entries.delete(key);
        entries.set(key, kept);
        return kept.body;
      }
      if (kept) remove(key, kept);
      const entry: Entry = { stamp, body: compute().then(bytesOf), bytes: 0 };
      entries.set(key, entry);
      let body: Buffer;
      try {
        body = await entry.body;
      } catch (error) {
        remove(key, entry);
        throw error;
      }
      if (entries.get(key) === entry) {
        entry.bytes = body.byteLength;
        bytes += entry.bytes;
        for (const [oldKey, old] of entries) {
          if (bytes <= maxBytes) break;
          remove(oldKey, old);
        }
      }
      return body;
    },
  };
}
