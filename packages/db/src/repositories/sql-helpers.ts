import { CURRENCIES, USD_PER_UNIT } from '@handoff/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';

/**
 * US dollars per unit of the currency in `column`, as SQL, from the same reference rates the
 * contracts publish (so a filter in dollars means the same thing in SQL and in TypeScript).
 */
export function usdPerUnit(column: SQL): SQL {
  const cases = CURRENCIES.map(
    (c) => sql`WHEN ${sql.raw(`'${c}'`)} THEN ${sql.raw(String(USD_PER_UNIT[c]))}`,
  );
  return sql`(CASE ${column} ${sql.join(cases, sql` `)} ELSE 1 END)::numeric`;
}

/** Runs raw SQL and returns its rows (drizzle types `execute` loosely across drivers). */
export async function rowsOf<R>(db: Db, query: SQL): Promise<R[]> {
  return ((await db.execute(query)) as unknown as { rows: R[] }).rows;
}
