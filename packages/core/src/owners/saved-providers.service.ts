import type { Clock } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import type { SavedProviderRecord, SavedProvidersRepository } from './ports.ts';

export interface SavedProviderServiceDeps {
  saved: SavedProvidersRepository;
  clock: Clock;
}

/** An owner's shortlist of providers, kept before (or without) any job. */
export function createSavedProviderService({ saved, clock }: SavedProviderServiceDeps) {
  return {
    /** Saves a published provider, or changes the note of one already saved. */
    async save(
      ownerId: string,
      providerId: string,
      note: string,
    ): Promise<{ provider: SavedProviderRecord; created: boolean }> {
      const outcome = await saved.save(ownerId, providerId, note, clock.now());
      const provider = outcome === 'not_found' ? null : await saved.find(ownerId, providerId);
      if (!provider) throw new NotFoundError('No published provider profile with this id');
      return { provider, created: outcome === 'created' };
    },

    list: (ownerId: string) => saved.list(ownerId),

    async remove(ownerId: string, providerId: string): Promise<void> {
      if (!(await saved.remove(ownerId, providerId))) {
        throw new NotFoundError('This provider is not on your saved list');
      }
    },
  };
}

export type SavedProviderService = ReturnType<typeof createSavedProviderService>;
