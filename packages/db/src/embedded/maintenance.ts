// PGlite has no autovacuum, and its statistics views stay at zero (nothing flushes the counters),
// so dead rows and GIN pending lists grow until every search and upsert slows down. The server
// counts the writes it sees per table instead and vacuums a table once enough have piled up.

const WRITE =
  /\b(?:insert\s+into|update(?!\s+set\b)|delete\s+from)\s+(?:only\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Tables a statement writes to, from its text (good enough to decide when to vacuum). */
export function writtenTables(sql: string): string[] {
  const tables: string[] = [];
  for (const match of sql.matchAll(WRITE)) tables.push(match[1]!.toLowerCase());
  return tables;
}

export interface MaintenancePolicy {
  /** Writes to one table since its last vacuum that make it due. */
  writesPerVacuum: number;
  /** A table with any writes is vacuumed at least this often. */
  maxIntervalMs: number;
}

export const defaultPolicy: MaintenancePolicy = { writesPerVacuum: 500, maxIntervalMs: 5 * 60_000 };

export function createWriteCounter(policy: MaintenancePolicy = defaultPolicy, now = () => Date.now()) {
  const writes = new Map<string, { count: number; since: number }>();
  return {
    record(sql: string): void {
      for (const table of writtenTables(sql)) {
        const entry = writes.get(table);
        if (entry) entry.count += 1;
        else writes.set(table, { count: 1, since: now() });
      }
    },
    /** Tables due a vacuum now; they are forgotten until written again. */
    due(): string[] {
      const tables: string[] = [];
      for (const [table, { count, since }] of writes) {
        if (count >= policy.writesPerVacuum || now() - since >= policy.maxIntervalMs) tables.push(table);
      }
      for (const table of tables) writes.delete(table);
      return tables;
    },
  };
}
