import type { JobHandlers } from '../jobs.ts';
import { toIndexDocument } from './document.ts';
import type { ProviderIndex, ProvidersRepository } from './ports.ts';

type IndexSources = Pick<ProvidersRepository, 'indexSources' | 'publishedIndexSources' | 'countPublished'>;

export interface SearchSyncDeps {
  providers: IndexSources;
  index: ProviderIndex;
}

export const REINDEX_BATCH = 1000;

export interface ReindexOptions extends SearchSyncDeps {
  /** Empty the index first (a rebuild); otherwise only add and refresh. */
  clear: boolean;
  batchSize?: number;
  /** Batches written at once while the next one is read (Postgres uses a connection each). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Streams every published profile into the index in batches, reading the next batch while earlier
 * ones are written; returns how many were indexed.
 */
export async function reindexProviders(options: ReindexOptions): Promise<number> {
  const { providers, index, clear, batchSize = REINDEX_BATCH, concurrency = 2, onProgress } = options;
  const total = await providers.countPublished();
  if (clear) await index.clear();
  let done = 0;
  let after: string | null = null;
  const writing = new Set<Promise<void>>();
  onProgress?.(0, total);
  for (;;) {
    const batch = await providers.publishedIndexSources(after, batchSize);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    const write: Promise<void> = index.upsert(batch.map(toIndexDocument)).then(() => {
      writing.delete(write);
      done += batch.length;
      onProgress?.(done, Math.max(total, done));
    });
    // Handled here so a failure while the next batch is read is not an unhandled rejection; the
    // race or the final wait below still sees it.
    write.catch(() => {});
    writing.add(write);
    if (writing.size >= concurrency) await Promise.race(writing);
  }
  await Promise.all(writing);
  return done;
}

type Handlers = Pick<JobHandlers, 'search.upsert-provider' | 'search.remove-provider' | 'search.reindex'>;

/**
 * Idempotent: the upsert reads the profile as it is when the job runs, so a late or repeated job
 * writes current data, and a profile unpublished (or deleted) since is removed instead.
 */
export function createSearchSyncHandlers({ providers, index }: SearchSyncDeps): Handlers {
  return {
    async 'search.upsert-provider'({ providerId }) {
      const [source] = await providers.indexSources([providerId]);
      if (!source) return index.remove([providerId]);
      // An unpublished document is removed by every index's upsert.
      await index.upsert([toIndexDocument(source)]);
    },
    async 'search.remove-provider'({ providerId }) {
      await index.remove([providerId]);
    },
    async 'search.reindex'() {
      await reindexProviders({ providers, index, clear: false });
    },
  };
}
