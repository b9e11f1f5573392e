import type { BusinessFunction, Industry } from '@handoff/contracts';
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { appMeta, businessFunctions, industries } from '../schema/index.ts';

export const TAXONOMY_VERSION_KEY = 'taxonomy_version';

export function createTaxonomyRepository(db: Db) {
  return {
    async listFunctions(): Promise<BusinessFunction[]> {
      return db
        .select({
          slug: businessFunctions.slug,
          name: businessFunctions.name,
          summary: businessFunctions.summary,
          duties: businessFunctions.duties,
          benchmarks: businessFunctions.benchmarks,
        })
        .from(businessFunctions)
        .orderBy(asc(businessFunctions.position));
    },
    async listIndustries(): Promise<Industry[]> {
      return db
        .select({ slug: industries.slug, name: industries.name, summary: industries.summary })
        .from(industries)
        .orderBy(asc(industries.position));
    },
    /** Upserts every function and industry and records the version, in one transaction. */
    async replaceAll(data: {
      version: string;
      functions: readonly BusinessFunction[];
      industries: readonly Industry[];
    }): Promise<void> {
      await db.transaction(async (tx) => {
        for (const [position, f] of data.functions.entries()) {
          const row = { ...f, duties: [...f.duties], benchmarks: [...f.benchmarks], position };
          await tx
            .insert(businessFunctions)
            .values(row)
            .onConflictDoUpdate({ target: businessFunctions.slug, set: row });
        }
        for (const [position, i] of data.industries.entries()) {
          const row = { ...i, position };
          await tx.insert(industries).values(row).onConflictDoUpdate({ target: industries.slug, set: row });
        }
        await tx
          .insert(appMeta)
          .values({ key: TAXONOMY_VERSION_KEY, value: data.version })
          .onConflictDoUpdate({ target: appMeta.key, set: { value: sql`excluded.value` } });
      });
    },
  };
}

export type TaxonomyRepository = ReturnType<typeof createTaxonomyRepository>;
