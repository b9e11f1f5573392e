import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';

/**
 * INSERT … SELECT FROM jsonb_to_recordset($1): a whole batch as one parameter. drizzle's multi-row
 * VALUES binds every field separately, and building and parsing those parameters cost more than the
 * inserts themselves at 100,000 providers. `columns` maps each column to its SQL type; names and types
 * are constants of this module's callers, never input.
 */
export async function bulkInsert<R = never>(
  db: Db,
  table: string,
  columns: Record<string, string>,
  rows: Record<string, unknown>[],
  tail: SQL = sql``,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(columns).map((c) => `"${c}"`);
  const types = Object.entries(columns).map(([c, type]) => `"${c}" ${type}`);
  const result = await db.execute(sql`
    INSERT INTO ${sql.raw(`"${table}"`)} (${sql.raw(names.join(', '))})
    SELECT ${sql.raw(names.join(', '))}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(${sql.raw(types.join(', '))})
    ${tail}`);
  return (result as unknown as { rows: R[] }).rows;
}
