import { sql } from 'drizzle-orm';
import { anOwner, aProvider, bidBody, insertJobPost, submitBid } from '../bid-factory.ts';
import { hired } from '../engagement-factory.ts';
import { bearer, signUp, type TestApp } from '../helpers.ts';

type Headers = Record<string, string>;

/**
 * The least the fuzzer needs to reach each route's body validation with real ids: an owner with an
 * open job and a bid on it, the provider who bid, an engagement, an admin, a scratch account for
 * the account routes (so fuzzing them cannot sign out or rename the others), and a victim whose id
 * is mass-assigned everywhere and must never be taken up.
 */
export async function fixtureWorld(t: TestApp) {
  const engagement = await hired(t, 'Fuzz Desk');
  const owner = engagement.owner;
  const provider = engagement.provider;
  const job = await insertJobPost(t, owner.id, { title: 'Fuzzed front desk' });
  const bid = await submitBid(t.app, provider.headers, job.id, bidBody(job));
  const admin = await signUp(t.app, { name: 'Ada Admin' });
  await t.database.db.execute(sql`UPDATE users SET roles = '{admin}' WHERE id = ${admin.session.user.id}`);
  const scratch = await anOwner(t.app, 'Scratch Account');
  const victim = await aProvider(t.app, 'Victim Desk');
  return {
    owner,
    provider,
    admin: { id: admin.session.user.id, headers: bearer(admin.session.accessToken) as Headers },
    scratch,
    victim,
    ids: {
      job: job.id,
      bid: bid.id,
      engagement: engagement.id,
      providerId: provider.id,
      slug: provider.slug,
    },
    /** Every id of the world, offered wherever a schema asks for a uuid. */
    allIds: [job.id, bid.id, engagement.id, provider.id, owner.id, provider.userId, victim.id, victim.userId],
  };
}
export type FixtureWorld = Awaited<ReturnType<typeof fixtureWorld>>;

/** Who calls a route: the role it is for, by its address. */
export function callerFor(world: FixtureWorld, method: string, path: string): Headers {
  if (path.startsWith('/admin')) return world.admin.headers;
  if (/^\/(account|auth|notifications)/.test(path)) return world.scratch.headers;
  const providerSide =
    /^\/(providers|provider|feed|invitations)\b/.test(path) ||
    (path === '/job-posts/{id}/bids' && method === 'POST') ||
    (path === '/bids' && method === 'GET') ||
    (/^\/bids\/\{id\}(\/withdraw)?$/.test(path) && method === 'PUT') ||
    /reference-ask|\/providers\/\{id\}\/reference-requests/.test(path);
  return providerSide ? world.provider.headers : world.owner.headers;
}

// Routes whose success ends the world's records (a declined bid, an ended engagement, a suspended
// owner) get random ids only; the rest get a real one half of the time.
const ENDING = /\/(decline|end|suspend|reinstate|delete|withdraw|accept|close|repost|remove|revoke)$/;

/** A real id for a path parameter, or undefined when there is none or it must not be used. */
export function realParam(world: FixtureWorld, method: string, path: string, name: string) {
  if (method === 'DELETE' || ENDING.test(path)) return undefined;
  if (name === 'slug') return world.ids.slug;
  if (name !== 'id') return undefined;
  if (/^\/(public\/)?job-posts\//.test(path)) return world.ids.job;
  if (path.startsWith('/bids/')) return world.ids.bid;
  if (path.startsWith('/engagements/')) return world.ids.engagement;
  if (path.startsWith('/providers/')) return world.ids.providerId;
  return undefined;
}
