import { uniqueEmail } from '@handoff/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, drainJobs, manualClock, signUp, type TestApp } from './helpers.ts';
import { completeProfile, createProfile, signUpProvider } from './provider-factory.ts';

let t: TestApp;
const clock = manualClock();
beforeAll(async () => {
  t = await buildTestApp({ clock, env: { PUBLIC_APP_URL: 'http://web.example.test' } });
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const req = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const invite = (providerId: string, headers: Headers, email: string) =>
  req('POST', `/providers/${providerId}/invitations`, headers, { email });

/** Signs up with a chosen address (any role) and returns its id, address and auth headers. */
async function account(email = uniqueEmail('colleague'), role = 'owner') {
  const { session } = await signUp(t.app, { email, role, name: 'Rosa Colleague' });
  return { id: session.user.id, email, headers: bearer(session.accessToken) };
}

async function firm() {
  const owner = await signUpProvider(t.app);
  const profile = await createProfile(t.app, owner.headers, { name: 'Harbor Books', kind: 'firm' });
  return { owner, profile };
}

/** Runs the outbox and returns the invitation links mailed to `email`, newest first. */
async function invitationTokens(email: string): Promise<string[]> {
  await drainJobs(t.app);
  const list = (await t.app.inject({ url: `/dev/mailbox?to=${encodeURIComponent(email)}` })).json().messages;
  const tokens: string[] = [];
  for (const m of list as { id: string; subject: string }[]) {
    if (!/invited you to/.test(m.subject)) continue;
    const mail = (await t.app.inject({ url: `/dev/mailbox/${m.id}` })).json();
    const match = /http:\/\/web\.example\.test\/invitations\/([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/.exec(mail.text);
    if (match) tokens.push(match[1]!);
  }
  return tokens;
}

/** Invites a fresh address and returns it with the link's token. */
async function invited(providerId: string, headers: Headers) {
  const email = uniqueEmail('invitee');
  expect((await invite(providerId, headers, email)).statusCode).toBe(201);
  const [token] = await invitationTokens(email);
  return { email, token: token! };
}

const accept = (token: string, headers: Headers = {}) =>
  req('POST', `/invitations/${encodeURIComponent(token)}/accept`, headers);

describe('inviting a colleague', () => {
  it('mails a link through the outbox; accepting makes the colleague a member who can edit', async () => {
    const { owner, profile } = await firm();
    const email = uniqueEmail('rosa');

    const res = await invite(profile.id, owner.headers, email.toUpperCase());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ resent: false, invitation: { email, expired: false } });
    expect(await invitationTokens(email)).toHaveLength(1);
    const [token] = await invitationTokens(email);
    const mail = (await t.app.inject({ url: `/dev/mailbox?to=${encodeURIComponent(email)}` })).json()
      .messages[0];
    expect(mail.subject).toBe('Test Person invited you to Harbor Books on Handoff');

    // The landing page's data, before anyone signs in.
    const preview = await req('GET', `/invitations/${token}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      providerName: 'Harbor Books',
      providerKind: 'firm',
      inviterName: 'Test Person',
      email: `${email[0]}***@example.test`,
      state: 'open',
      problem: null,
      forViewer: null,
    });

    // An owner-only account with the invited address (typed differently) accepts.
    const rosa = await account(email);
    expect((await req('GET', `/invitations/${token}`, rosa.headers)).json().forViewer).toBe(true);
    expect((await req('GET', '/providers/mine', rosa.headers)).json().providers).toEqual([]);
    const ok = await accept(token!, rosa.headers);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ providerId: profile.id, providerName: 'Harbor Books' });
    // Accepting again by the same person is not an error.
    expect((await accept(token!, rosa.headers)).statusCode).toBe(200);

    const me = (await req('GET', '/auth/me', rosa.headers)).json().user;
    expect(me.roles).toEqual(['owner', 'provider']);
    expect(me.emailVerified).toBe(true);
    const mine = (await req('GET', '/providers/mine', rosa.headers)).json().providers;
    expect(mine).toMatchObject([{ id: profile.id, role: 'member' }]);
    const put = await req(
      'PUT',
      `/providers/${profile.id}`,
      rosa.headers,
      completeProfile({ name: 'Harbor Books', headline: 'Edited by Rosa' }),
    );
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ headline: 'Edited by Rosa', role: 'member' });

    const team = (await req('GET', `/providers/${profile.id}/members`, owner.headers)).json();
    expect(team.role).toBe('owner');
    expect(team.members.map((m: { email: string; role: string; you: boolean }) => [m.role, m.you])).toEqual([
      ['owner', true],
      ['member', false],
    ]);
    expect(team.members[1]).toMatchObject({ userId: rosa.id, email, name: 'Rosa Colleague' });
    expect(team.invitations).toEqual([]);

    // The inviter hears about it in the app.
    await drainJobs(t.app);
    const notes = (await req('GET', '/notifications', owner.headers)).json().notifications;
    expect(notes[0]).toMatchObject({
      kind: 'provider.member-joined',
      title: 'Rosa Colleague joined Harbor Books',
    });
  });

  it('inviting the same address again re-sends the open invitation instead of making a second', async () => {
    const { owner, profile } = await firm();
    const email = uniqueEmail('twice');
    expect((await invite(profile.id, owner.headers, email)).statusCode).toBe(201);
    const again = await invite(profile.id, owner.headers, email);
    expect(again.statusCode).toBe(200);
    expect(again.json().resent).toBe(true);
    const tokens = await invitationTokens(email);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toBe(tokens[1]);
    const team = (await req('GET', `/providers/${profile.id}/members`, owner.headers)).json();
    expect(team.invitations.map((i: { email: string }) => i.email)).toEqual([email]);
  });

  it('says what to fix: a bad address, your own, or an existing member', async () => {
    const { owner, profile } = await firm();
    const bad = await invite(profile.id, owner.headers, 'not-an-address');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.email).toMatch(/valid e-mail address/);
    const missing = await req('POST', `/providers/${profile.id}/invitations`, owner.headers, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.email).toMatch(/Enter your e-mail/);

    const me = (await req('GET', '/auth/me', owner.headers)).json().user;
    const self = await invite(profile.id, owner.headers, me.email);
    expect(self.statusCode).toBe(400);
    expect(self.json().fields.email).toMatch(/your own address/);

    const { email, token } = await invited(profile.id, owner.headers);
    const colleague = await account(email);
    expect((await accept(token, colleague.headers)).statusCode).toBe(200);
    const dup = await invite(profile.id, owner.headers, email);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields.email).toMatch(/already a member/);
  });
});

describe('links that cannot be accepted', () => {
  it('refuses a tampered, revoked, expired or already-used link with a message, never a 5xx', async () => {
    const { owner, profile } = await firm();

    const used = await invited(profile.id, owner.headers);
    const first = await account(used.email);
    expect((await accept(used.token, first.headers)).statusCode).toBe(200);
    const late = await account();
    const usedAgain = await accept(used.token, late.headers);
    expect(usedAgain.statusCode).toBe(409);
    expect(usedAgain.json().message).toMatch(/already been accepted/);
    expect((await req('GET', `/invitations/${used.token}`)).json()).toMatchObject({ state: 'accepted' });

    const fresh = await invited(profile.id, owner.headers);
    const invitee = await account(fresh.email);
    const tampered = fresh.token.slice(0, -2) + (fresh.token.endsWith('AA') ? 'BB' : 'AA');
    for (const bad of [tampered, `${fresh.token.split('.')[0]}.${'x'.repeat(43)}`, 'a'.repeat(40)]) {
      const res = await accept(bad, invitee.headers);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/link is not valid/);
      expect((await req('GET', `/invitations/${bad}`)).statusCode).toBe(400);
    }
    expect((await accept('short', invitee.headers)).json().message).toMatch(/incomplete/);

    clock.advance(8 * 86_400_000);
    try {
      const expired = await accept(fresh.token, invitee.headers);
      expect(expired.statusCode).toBe(409);
      expect(expired.json().message).toMatch(/expired on .*Ask Test Person to send a new one/);
      const team = (await req('GET', `/providers/${profile.id}/members`, owner.headers)).json();
      expect(team.invitations.find((i: { email: string }) => i.email === fresh.email).expired).toBe(true);
      // Inviting again gives the same link a fresh week.
      expect((await invite(profile.id, owner.headers, fresh.email)).json().resent).toBe(true);
      expect((await accept(fresh.token, invitee.headers)).statusCode).toBe(200);
    } finally {
      clock.advance(-8 * 86_400_000);
    }

    const revoked = await invited(profile.id, owner.headers);
    const team = (await req('GET', `/providers/${profile.id}/members`, owner.headers)).json();
    const { id } = team.invitations.find((i: { email: string }) => i.email === revoked.email);
    expect(
      (await req('POST', `/providers/${profile.id}/invitations/${id}/revoke`, owner.headers)).statusCode,
    ).toBe(200);
    expect(
      (await req('POST', `/providers/${profile.id}/invitations/${id}/revoke`, owner.headers)).statusCode,
    ).toBe(404);
    const revokedRes = await accept(revoked.token, (await account(revoked.email)).headers);
    expect(revokedRes.statusCode).toBe(409);
    expect(revokedRes.json().message).toMatch(/withdrawn/);
    // A withdrawn address can be invited afresh, with a new link.
    expect((await invite(profile.id, owner.headers, revoked.email)).statusCode).toBe(201);
    const tokens = await invitationTokens(revoked.email);
    expect(tokens).toHaveLength(2);
    expect(new Set(tokens).size).toBe(2);
  });

  it('needs a session, and the account with the invited address', async () => {
    const { owner, profile } = await firm();
    const { email, token } = await invited(profile.id, owner.headers);
    expect((await accept(token)).statusCode).toBe(401);

    const other = await account();
    expect((await req('GET', `/invitations/${token}`, other.headers)).json().forViewer).toBe(false);
    const wrong = await accept(token, other.headers);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().message).toBe(
      `This invitation was sent to ${email[0]}***@example.test; sign in with that address`,
    );
    expect((await req('GET', '/providers/mine', other.headers)).json().providers).toEqual([]);
    // The refusal did not spend the link.
    expect((await accept(token, (await account(email)).headers)).statusCode).toBe(200);
  });
});

describe('who may do what', () => {
  it('a non-member gets 404 on every team endpoint, like on the profile itself', async () => {
    const { owner, profile } = await firm();
    const { email } = await invited(profile.id, owner.headers);
    const { id: invitationId } = (await req('GET', `/providers/${profile.id}/members`, owner.headers)).json()
      .invitations[0];
    const stranger = await signUpProvider(t.app);
    const calls = [
      req('GET', `/providers/${profile.id}/members`, stranger.headers),
      invite(profile.id, stranger.headers, uniqueEmail()),
      req('POST', `/providers/${profile.id}/invitations/${invitationId}/revoke`, stranger.headers),
      req('POST', `/providers/${profile.id}/members/${owner.id}/remove`, stranger.headers),
      req('POST', `/providers/${profile.id}/members/${stranger.id}/remove`, stranger.headers),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('No provider profile with this id among yours');
    }
    // Nothing changed: the invitation is still open, the owner still there.
    const team = (await req('GET', `/providers/${profile.id}/members`, owner.headers)).json();
    expect(team.invitations.map((i: { email: string }) => i.email)).toEqual([email]);
    expect(team.members).toHaveLength(1);
    // And without a session, 401.
    expect((await req('GET', `/providers/${profile.id}/members`)).statusCode).toBe(401);
    // An invitation of another profile cannot be revoked through yours.
    const mine = await createProfile(t.app, stranger.headers, { name: 'Stranger Co', kind: 'firm' });
    const cross = await req(
      'POST',
      `/providers/${mine.id}/invitations/${invitationId}/revoke`,
      stranger.headers,
    );
    expect(cross.statusCode).toBe(404);
  });

  it('members invite and revoke; only the owner removes; a member leaves; the owner stays', async () => {
    const { owner, profile } = await firm();
    const a = await invited(profile.id, owner.headers);
    const alice = await account(a.email, 'provider');
    expect((await accept(a.token, alice.headers)).statusCode).toBe(200);

    // A member invites too, and sees the team.
    const b = await invited(profile.id, alice.headers);
    const bob = await account(b.email, 'provider');
    expect((await accept(b.token, bob.headers)).statusCode).toBe(200);
    const team = (await req('GET', `/providers/${profile.id}/members`, alice.headers)).json();
    expect(team.role).toBe('member');
    expect(team.members).toHaveLength(3);

    const removeOwner = await req(
      'POST',
      `/providers/${profile.id}/members/${owner.id}/remove`,
      alice.headers,
    );
    expect(removeOwner.statusCode).toBe(403);
    expect(removeOwner.json().message).toMatch(/Only the profile’s owner can remove members/);
    const removeBob = await req('POST', `/providers/${profile.id}/members/${bob.id}/remove`, alice.headers);
    expect(removeBob.statusCode).toBe(403);

    const ownerLeaves = await req(
      'POST',
      `/providers/${profile.id}/members/${owner.id}/remove`,
      owner.headers,
    );
    expect(ownerLeaves.statusCode).toBe(409);
    expect(ownerLeaves.json().message).toMatch(/always keeps its owner/);

    const removed = await req('POST', `/providers/${profile.id}/members/${bob.id}/remove`, owner.headers);
    expect(removed.statusCode).toBe(200);
    expect((await req('GET', `/providers/${profile.id}`, bob.headers)).statusCode).toBe(404);
    const gone = await req('POST', `/providers/${profile.id}/members/${bob.id}/remove`, owner.headers);
    expect(gone.statusCode).toBe(404);

    const left = await req('POST', `/providers/${profile.id}/members/${alice.id}/remove`, alice.headers);
    expect(left.statusCode).toBe(200);
    expect(left.json().message).toBe('You left the profile.');
    expect((await req('GET', '/providers/mine', alice.headers)).json().providers).toEqual([]);
    const final = (await req('GET', `/providers/${profile.id}/members`, owner.headers)).json();
    expect(final.members.map((m: { role: string }) => m.role)).toEqual(['owner']);
  });

  it('validates ids in the path', async () => {
    const { owner } = await firm();
    const res = await req('GET', '/providers/not-a-uuid/members', owner.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.id).toBe('Not a provider id');
  });
});
