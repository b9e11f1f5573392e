// The soak's traffic: what people do that churns the embedded database. Providers sign up, build
// and edit profiles (search upserts), publish and unpublish (search removals), invite colleagues
// (outbox jobs and e-mail); visitors search; everyone reads. Every write the api acknowledged is
// remembered, so that afterwards nothing acknowledged can be missing.
import { functions, industries } from '@handoff/core/taxonomy';

export interface Actor {
  email: string;
  token: string;
  providerId: string | null;
  published: boolean;
  /** The headline of the last PUT the api acknowledged. */
  headline: string | null;
  /** One operation at a time per actor, so "last acknowledged" is also "last applied". */
  busy: boolean;
}

export interface Outcome {
  op: string;
  status: number; // 0: no answer (connection refused, reset or timed out)
  ms: number;
}

export const PASSWORD = 'soak-test-password-2026';
const QUERIES = [
  'bookkeeping',
  'customer service',
  'payroll',
  'real estate',
  'social media',
  'invoices',
  'dentist',
  'shopify orders',
  'bookeeping',
  '',
];

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
let serial = 0;
const stamp = Date.now().toString(36);

export function profile(headline: string) {
  const fn = pick(functions);
  return {
    name: `Soak Firm ${stamp}-${++serial}`,
    kind: pick(['freelancer', 'virtual_assistant', 'firm'] as const),
    headline,
    bio: `We take ${fn.name.toLowerCase()} off your hands, every week of the year, so you can sell: ${fn.duties.slice(0, 3).join('; ')}.`,
    functions: [{ slug: fn.slug, duties: fn.duties.slice(0, 3), customDuties: [] }],
    industries: [pick(industries).slug, pick(industries).slug].filter((v, i, a) => a.indexOf(v) === i),
    packages: [],
    rateMin: 20 + Math.floor(Math.random() * 30),
    rateMax: 60 + Math.floor(Math.random() * 40),
    currency: 'USD',
    languages: ['en'],
    timezone: 'America/Chicago',
    country: 'US',
    remote: true,
    onSite: false,
    teamSize: 3,
    website: null,
    references: [],
  };
}

export function createWorkload(apiUrl: string, record: (o: Outcome) => void) {
  const actors: Actor[] = [];
  const signedUp: string[] = [];

  async function call(op: string, method: string, path: string, body?: unknown, token?: string) {
    const started = performance.now();
    let status = 0;
    let json: unknown = null;
    try {
      const res = await fetch(`${apiUrl}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      status = res.status;
      json = await res.json().catch(() => null);
    } catch {
      status = 0;
    }
    record({ op, status, ms: performance.now() - started });
    // Turned away (503) or no answer: wait a little, as a person or a well-behaved client would,
    // rather than spin; short enough to see when the api is back to within half a second.
    if (status === 0 || status >= 500) await new Promise((r) => setTimeout(r, 500));
    return { status, json: json as Record<string, unknown> | null };
  }

  /**
   * The "Finish signing up" link's token, read from the api's dev mailbox as a person reads their
   * inbox (the embedded api runs its mail jobs in-process within a second or two). Not recorded as
   * an operation: it stands for the person, not for traffic the api serves to the public.
   */
  async function signUpLinkToken(email: string): Promise<string | null> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      try {
        const list = (await (
          await fetch(`${apiUrl}/dev/mailbox?to=${encodeURIComponent(email)}`)
        ).json()) as {
          messages?: { id: string; subject: string }[];
        };
        const found = list.messages?.find((m) => m.subject === 'Finish signing up for Handoff');
        if (found) {
          const mail = (await (await fetch(`${apiUrl}/dev/mailbox/${found.id}`)).json()) as { text?: string };
          const token = /\/signup\/confirm\?token=([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
          if (token) return token;
        }
      } catch {
        // the api is restarting: ask again below
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    return null;
  }

  async function signUp() {
    const email = `soak.${stamp}.${++serial}@example.test`;
    const started = await call('signup', 'POST', '/auth/signup', {
      name: 'Soak Provider',
      email,
      password: PASSWORD,
      role: 'provider',
    });
    if (started.status !== 202) return;
    // The account exists once the e-mailed link is followed.
    const token = await signUpLinkToken(email);
    if (!token) return;
    const res = await call('signup-confirm', 'POST', '/auth/signup/confirm', { token });
    if (res.status !== 201) return;
    signedUp.push(email);
    const actor: Actor = {
      email,
      token: String(res.json!.accessToken),
      providerId: null,
      published: false,
      headline: null,
      busy: false,
    };
    const headline = `Soak headline number ${++serial}, answering the phones for you`;
    const created = await call('profile-create', 'POST', '/providers', profile(headline), actor.token);
    if (created.status === 201) {
      actor.providerId = String(created.json!.id);
      actor.headline = headline;
    }
    actors.push(actor);
  }

  async function edit(actor: Actor) {
    const headline = `Soak headline number ${++serial}, answering the phones for you`;
    const res = await call(
      'profile-edit',
      'PUT',
      `/providers/${actor.providerId}`,
      profile(headline),
      actor.token,
    );
    if (res.status === 200) actor.headline = headline;
  }

  async function toggle(actor: Actor) {
    const action = actor.published ? 'unpublish' : 'publish';
    const res = await call(
      action,
      'POST',
      `/providers/${actor.providerId}/${action}`,
      undefined,
      actor.token,
    );
    if (res.status === 200) actor.published = !actor.published;
  }

  async function invite(actor: Actor) {
    await call(
      'invite',
      'POST',
      `/providers/${actor.providerId}/invitations`,
      { email: `colleague.${stamp}.${++serial}@example.test` },
      actor.token,
    );
  }

  async function search() {
    const params = new URLSearchParams();
    const q = pick(QUERIES);
    if (q) params.set('q', q);
    if (Math.random() < 0.4) params.set('function', pick(functions).slug);
    if (Math.random() < 0.3) params.set('industry', pick(industries).slug);
    await call('search', 'GET', `/search/providers?${params}`);
  }

  async function read(actor: Actor) {
    const which = Math.random();
    if (which < 0.4) await call('me', 'GET', '/auth/me', undefined, actor.token);
    else if (which < 0.7) await call('mine', 'GET', '/providers/mine', undefined, actor.token);
    else await call('notifications', 'GET', '/notifications', undefined, actor.token);
  }

  /** One operation, drawn from the mix. */
  async function step() {
    const idle = actors.filter((a) => a.providerId && !a.busy);
    const roll = Math.random();
    if (roll < 0.04 || idle.length < 5) return signUp();
    if (roll >= 0.5 && roll < 0.8) return search();
    const actor = pick(idle);
    actor.busy = true;
    try {
      if (roll < 0.3) return await edit(actor);
      if (roll < 0.45) return await toggle(actor);
      if (roll < 0.5) return await invite(actor);
      return await read(actor);
    } finally {
      actor.busy = false;
    }
  }

  /**
   * After the run (and a restart of the whole stack): every acknowledged sign-up logs in and every
   * acknowledged profile edit is what the profile says. Returns what is missing.
   */
  async function verify(url: string): Promise<{ checked: number; lost: string[] }> {
    const lost: string[] = [];
    let checked = 0;
    for (const email of signedUp) {
      checked++;
      const res = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      if (res.status !== 200) {
        lost.push(`sign-up ${email}: log-in answered ${res.status}`);
        continue;
      }
      const actor = actors.find((a) => a.email === email);
      if (!actor?.providerId || !actor.headline) continue;
      const { accessToken } = (await res.json()) as { accessToken: string };
      const got = await fetch(`${url}/providers/${actor.providerId}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const body = (await got.json().catch(() => null)) as { headline?: string } | null;
      checked++;
      if (body?.headline !== actor.headline)
        lost.push(`profile ${actor.providerId}: "${body?.headline}" instead of "${actor.headline}"`);
    }
    return { checked, lost };
  }

  return { step, verify, actors, signedUp };
}
