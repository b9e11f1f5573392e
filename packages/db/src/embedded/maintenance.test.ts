import { describe, expect, it } from 'vitest';
import { createWriteCounter, writtenTables } from './maintenance.ts';

describe('which tables a statement writes (for the embedded vacuum)', () => {
  it('reads drizzle’s quoted inserts, updates and deletes, and data-modifying CTEs', () => {
    expect(
      writtenTables('insert into "search_providers" ("id") values ($1) on conflict do update set kind = 1'),
    ).toEqual(['search_providers']);
    expect(writtenTables('UPDATE outbox SET status = $1 WHERE id = $2')).toEqual(['outbox']);
    expect(writtenTables('delete from "public"."providers" where id = $1')).toEqual(['providers']);
    expect(
      writtenTables('WITH gone AS (DELETE FROM search_words WHERE x) INSERT INTO search_words SELECT 1'),
    ).toEqual(['search_words', 'search_words']);
    expect(writtenTables('select * from users where name = $1')).toEqual([]);
  });

  it('says a table is due after enough writes, or after a while with any, then forgets it', () => {
    let now = 0;
    const counter = createWriteCounter({ writesPerVacuum: 3, maxIntervalMs: 1_000 }, () => now);
    counter.record('update users set name = $1');
    counter.record('insert into outbox values ($1)');
    counter.record('update users set name = $1');
    expect(counter.due()).toEqual([]);
    counter.record('update users set name = $1');
    expect(counter.due()).toEqual(['users']);
    now = 1_500;
    expect(counter.due()).toEqual(['outbox']);
    expect(counter.due()).toEqual([]);
  });
});
