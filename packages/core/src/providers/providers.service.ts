import { slugify, type ProviderInputParsed } from '@handoff/contracts';
import type { Clock } from '../clock.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { Transactor } from '../transaction.ts';
import { checkLogo } from './logo.ts';
import type { MemberProviderRecord, ProviderRecord, ProvidersRepository, ProviderWrite } from './ports.ts';
import { incompleteError, MAX_OWNED_PROFILES, missingForPublish, validateProfile } from './rules.ts';

export interface ProviderServiceDeps {
  transaction: Transactor;
  providers: ProvidersRepository;
  clock: Clock;
}

export interface Actor {
  id: string;
  roles: readonly string[];
}

/** What a public address shows: the profile, or the address it moved to. */
export type PublicProfileLookup = { moved: false; profile: ProviderRecord } | { moved: true; slug: string };

const NOT_FOUND = 'No provider profile with this id among yours';
const SLUG_TAKEN = 'This profile address is taken; choose another one';

/** Profile use cases. Every change queues a search sync in the same transaction as the write. */
export function createProviderService({ transaction, providers, clock }: ProviderServiceDeps) {
  async function ownRecord(userId: string, id: string): Promise<MemberProviderRecord> {
    const record = await providers.findForMember(userId, id);
    if (!record) throw new NotFoundError(NOT_FOUND);
    return record;
  }

  /** The requested slug if free (or already this profile's), else a ConflictError. */
  async function claimSlug(slug: string, profileId?: string): Promise<string> {
    const holder = await providers.slugHolder(slug);
    if (holder && holder !== profileId) throw new ConflictError(SLUG_TAKEN, { slug: SLUG_TAKEN });
    return slug;
  }

  /** maria-santos, else maria-santos-2, -3 …; a name with no usable letters gets "provider". */
  async function generateSlug(name: string): Promise<string> {
    let base = slugify(name);
    if (base.length < 3) base = base ? `${base}-provider` : 'provider';
    base = base.slice(0, 55).replace(/-+$/, '');
    const taken = new Set(await providers.slugsLike(base));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  const sync = (id: string) => ({ providerId: id });

  return {
    async create(actor: Actor, input: ProviderInputParsed): Promise<MemberProviderRecord> {
      if (!actor.roles.includes('provider')) {
        throw new ForbiddenError('Only provider accounts can create a provider profile');
      }
      validateProfile(input, clock.now());
      if ((await providers.countOwned(actor.id)) >= MAX_OWNED_PROFILES) {
        throw new ConflictError(`You can own at most ${MAX_OWNED_PROFILES} provider profiles`);
      }
      const slug = input.slug ? await claimSlug(input.slug) : await generateSlug(input.name);
      const write: ProviderWrite = { ...input, slug };
      const { id } = await transaction(async (scope) => {
        const created = await scope.providers.create(actor.id, write, clock.now());
        await scope.jobs.enqueue('search.upsert-provider', sync(created.id));
        return created;
      });
      return ownRecord(actor.id, id);
    },

    /** A full replacement; an absent slug keeps the current one. A published profile must stay complete. */
    async update(userId: string, id: string, input: ProviderInputParsed): Promise<MemberProviderRecord> {
      const current = await ownRecord(userId, id);
      validateProfile(input, clock.now());
      const slug = input.slug && input.slug !== current.slug ? await claimSlug(input.slug, id) : current.slug;
      const write: ProviderWrite = { ...input, slug };
      if (current.status === 'published') {
        const missing = missingForPublish(write);
        if (missing.length > 0) {
          throw incompleteError(
            missing,
            'A published profile must stay complete; fill in or unpublish first',
          );
        }
      }
      await transaction(async (scope) => {
        if (!(await scope.providers.replace(userId, id, write, clock.now())))
          throw new NotFoundError(NOT_FOUND);
        await scope.jobs.enqueue('search.upsert-provider', sync(id));
      });
      return ownRecord(userId, id);
    },

    async publish(userId: string, id: string): Promise<MemberProviderRecord> {
      const current = await ownRecord(userId, id);
      const missing = missingForPublish(current);
      if (missing.length > 0) throw incompleteError(missing, 'Complete your profile before publishing');
      await transaction(async (scope) => {
        if (!(await scope.providers.setStatus(userId, id, 'published', clock.now()))) {
          throw new NotFoundError(NOT_FOUND);
        }
        await scope.jobs.enqueue('search.upsert-provider', sync(id));
      });
      return ownRecord(userId, id);
    },

    async unpublish(userId: string, id: string): Promise<MemberProviderRecord> {
      await ownRecord(userId, id);
      await transaction(async (scope) => {
        if (!(await scope.providers.setStatus(userId, id, 'draft', clock.now()))) {
          throw new NotFoundError(NOT_FOUND);
        }
        await scope.jobs.enqueue('search.remove-provider', sync(id));
      });
      return ownRecord(userId, id);
    },

    getOwn: ownRecord,

    listMine: (userId: string) => providers.listForMember(userId),

    /**
     * A published profile by its address, or, for an address it had before, where it is now. An old
     * address of a draft is as unknown as any other: a draft is nobody's business yet.
     */
    async getPublic(slug: string): Promise<PublicProfileLookup> {
      const profile = await providers.findPublishedBySlug(slug);
      if (profile) return { moved: false, profile };
      const current = await providers.publishedSlugFor(slug);
      if (current) return { moved: true, slug: current };
      throw new NotFoundError('No published provider profile at this address');
    },

    async setLogo(
      userId: string,
      id: string,
      declaredType: string,
      bytes: Buffer,
    ): Promise<{ sha256: string }> {
      const logo = checkLogo(declaredType, bytes);
      await transaction(async (scope) => {
        if (!(await scope.providers.setLogo(userId, id, logo, clock.now())))
          throw new NotFoundError(NOT_FOUND);
        await scope.jobs.enqueue('search.upsert-provider', sync(id));
      });
      return { sha256: logo.sha256 };
    },

    /** Published profiles' logos are public; a draft's only to its members (others get a 404). */
    async getLogo(viewerId: string | null, id: string) {
      const logo = await providers.findLogo(id);
      const visible =
        logo &&
        (logo.providerStatus === 'published' || (viewerId && (await providers.isMember(viewerId, id))));
      if (!logo || !visible) throw new NotFoundError('This provider has no logo');
      return logo;
    },
  };
}

export type ProviderService = ReturnType<typeof createProviderService>;
