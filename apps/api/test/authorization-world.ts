import { outbox } from '@handoff/db/schema';
import { sql } from 'drizzle-orm';
import type { ObjectKind } from '../src/modules/access.ts';
import {
  addMember,
  bidBody,
  insertJobPost,
  inviteToJobPost,
  submitBid,
  type Headers,
} from './bid-factory.ts';
import { reviewBody } from './engagement-factory.ts';
import { bearer, drainJobs, PASSWORD, signUp, type TestApp } from './helpers.ts';
import { completeProfile, createProfile, PNG } from './provider-factory.ts';
import { markers, personaEmail, PRICES, tag, titles, type Marker } from './authorization-markers.ts';
import { PERSONAS, subjectsOf, type Persona, type Subject } from './authorization-subjects.ts';
import { answer, contact, contactIds, mailedToken, postAnswer } from './reference-factory.ts';

// One world for the authorization matrix: every persona, and one object of each kind belonging to
// someone, with recognisable markers seeded wherever a field must not reach the wrong person.

export { PERSONAS, type Persona, type Subject };

export interface World {
  headers: Record<Persona, Headers>;
  roles: Record<Persona, readonly string[]>;
  /** The objects each kind of parameter is tried with; the first also fills `with` parameters. */
  subjects: Record<ObjectKind, Subject[]>;
  markers: Marker[];
  /** A complete bid for the world's job, for bid routes' bodies. */
  bidBody: object;
  /** A complete review of the world's engagement. */
  reviewBody: object;
  /** A complete bid for the invite-only job, which nobody has bid on. */
  inviteOnlyBidBody: object;
  /** A's tasks in the hate column, in order. */
  hateTaskIds: string[];
}

async function person(t: TestApp, who: string, role: string) {
  const { session } = await signUp(t.app, { role, name: `Persona ${who}`, email: personaEmail(who) });
  return { id: session.user.id, headers: bearer(session.accessToken) };
}

async function must(res: { statusCode: number; body: string }, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {};
}

/** A link to one request carrying another's signature: valid-looking, and nobody's credential. */
const crossed = (a: string, b: string) => `${a.split('.')[0]}.${b.split('.')[1]}`;

async function publishedFirm(t: TestApp, headers: Headers, name: string, references: object[]) {
  const profile = await createProfile(t.app, headers, completeProfile({ name, references }));
  const res = await t.app.inject({ method: 'POST', url: `/providers/${profile.id}/publish`, headers });
  const body = await must(res, 'publish');
  return { id: body.id as string, slug: body.slug as string };
}

export async function buildWorld(t: TestApp): Promise<World> {
  const { app } = t;
  const call = (method: string, url: string, headers: Headers, payload?: object) =>
    app.inject({ method: method as 'GET', url, headers, ...(payload ? { payload } : {}) });

  const ownerA = await person(t, 'owner-a', 'owner');
  const ownerB = await person(t, 'owner-b', 'owner');
  const providerP = await person(t, 'provider-p', 'provider');
  const providerQ = await person(t, 'provider-q', 'provider');
  const colleague = await person(t, 'colleague-c', 'provider');
  const memberM = await person(t, 'member-m', 'provider');
  const suspendedS = await person(t, 'suspended-s', 'owner');
  const admin = await person(t, 'admin', 'owner');
  await t.database.db.execute(sql`UPDATE users SET roles = '{admin}' WHERE id = ${admin.id}`);

  // P's firm has reference customers and a colleague; Q's firm is P's competitor on A's job.
  const customers = [1, 2, 3].map((n) => contact(n, { email: `ref-customer-${n}-${tag}@customer.example` }));
  const firmP = await publishedFirm(t, providerP.headers, 'Persona P Desk', customers);
  const firmQ = await publishedFirm(t, providerQ.headers, 'Persona Q Desk', [contact(9)]);
  await addMember(t, firmP.id, colleague.id);
  await addMember(t, firmP.id, memberM.id);
  await must(
    await app.inject({
      method: 'PUT',
      url: `/providers/${firmP.id}/logo`,
      headers: { ...providerP.headers, 'content-type': 'image/png' },
      payload: PNG,
    }),
    'logo',
  );

  const job = await insertJobPost(t, ownerA.id, { title: 'Persona A front desk' });
  const notes = { P: `BID-NOTE-P-${tag}`, Q: `BID-NOTE-Q-${tag}` };
  const bidP = await submitBid(
    app,
    providerP.headers,
    job.id,
    bidBody(job, { price: PRICES.P, coverNote: notes.P }),
  );
  const bidQ = await submitBid(
    app,
    providerQ.headers,
    job.id,
    bidBody(job, { price: PRICES.Q, coverNote: notes.Q }),
  );
  await must(await call('POST', `/bids/${bidP.id}/shortlist`, ownerA.headers), 'shortlist');
  const message = `MESSAGE-A-TO-P-${tag}`;
  await must(await call('POST', `/bids/${bidP.id}/messages`, ownerA.headers, { body: message }), 'message');

  // References: A asks, P picks all three customers; one answers, one answers from P's own address
  // (held for the operator), one stays open and lends its signature to a crossed link.
  await must(await call('POST', `/bids/${bidP.id}/reference-ask`, ownerA.headers), 'reference ask');
  const ids = await contactIds(app, providerP.headers, firmP.id);
  await must(
    await call('POST', `/bids/${bidP.id}/reference-requests`, providerP.headers, { contactIds: ids }),
    'reference requests',
  );
  await drainJobs(app);
  await drainJobs(app);
  const tokens: string[] = [];
  for (const c of customers) tokens.push((await mailedToken(app, c.email))!.token!);
  const privateNotes: [string, string] = [`PRIVATE-NOTE-1-${tag}`, `PRIVATE-NOTE-2-${tag}`];
  await must(await postAnswer(app, tokens[0]!, answer(3, { privateNote: privateNotes[0] })), 'answer 1');
  await must(
    await postAnswer(app, tokens[1]!, answer(3, { privateNote: privateNotes[1] }), '127.0.0.1'),
    'answer 2',
  );

  // Jobs not every provider may see, and a profile nobody but its member may.
  const inviteOnly = await insertJobPost(t, ownerA.id, {
    title: titles.inviteOnly,
    visibility: 'invite_only',
  });
  await inviteToJobPost(t, inviteOnly.id, firmP.id, ownerA.id);
  const draft = await insertJobPost(t, ownerA.id, {
    title: titles.draft,
    status: 'draft',
    publishedAt: null,
    hoursPerWeek: 20,
  });
  // A second draft and a second open job with a bid by Q: publishing one draft and deleting another,
  // accepting P's bid and withdrawing one of Q's are all allowed writes the matrix makes.
  const draft2 = await insertJobPost(t, ownerA.id, {
    title: titles.draft,
    status: 'draft',
    publishedAt: null,
  });
  const job3 = await insertJobPost(t, ownerA.id, { title: 'Persona A payroll' });
  const bidQ3 = await submitBid(app, providerQ.headers, job3.id, bidBody(job3, { price: PRICES.Q }));
  // P's colleague's own draft (a persona in two profiles would have to name one in every bid).
  const draftC = await createProfile(t.app, colleague.headers, completeProfile({ name: titles.unpublished }));
  await must(
    await app.inject({
      method: 'PUT',
      url: `/providers/${draftC.id}/logo`,
      headers: { ...colleague.headers, 'content-type': 'image/png' },
      payload: PNG,
    }),
    'draft logo',
  );

  // A second job, hired on P: the engagement.
  const job2 = await insertJobPost(t, ownerA.id, { title: 'Persona A bookkeeping' });
  const bid2 = await submitBid(app, providerP.headers, job2.id, bidBody(job2));
  const engagement = await must(await call('POST', `/bids/${bid2.id}/accept`, ownerA.headers), 'accept');

  // P invites two addresses to the firm: one invitation to name, two links to cross.
  const invitees = [personaEmail('invitee-1'), personaEmail('invitee-2')];
  let invitationId = '';
  for (const email of invitees) {
    const res = await must(
      await call('POST', `/providers/${firmP.id}/invitations`, providerP.headers, { email }),
      'invite',
    );
    invitationId = (res.invitation as { id: string }).id;
  }
  const invitationQ = (
    (
      await must(
        await call('POST', `/providers/${firmQ.id}/invitations`, providerQ.headers, {
          email: personaEmail('invitee-q'),
        }),
        'invite to Q',
      )
    ).invitation as { id: string }
  ).id;
  await drainJobs(app);
  const inviteTokens: string[] = [];
  for (const email of invitees) {
    const list = (await call('GET', `/dev/mailbox?to=${encodeURIComponent(email)}`, {})).json().messages;
    const mail = (await call('GET', `/dev/mailbox/${list[0].id}`, {})).json();
    inviteTokens.push(/\/invitations\/([0-9a-f-]{36}\.[A-Za-z0-9_-]+)/.exec(mail.text)![1]!);
  }

  const task = await must(
    await call('POST', '/owner/tasks', ownerA.headers, {
      feeling: 'hate',
      name: 'Invoicing',
      hoursPerWeek: 3,
      functionSlug: 'bookkeeping',
    }),
    'task',
  );
  const notifications = (await call('GET', '/notifications', ownerA.headers)).json().notifications;
  // A's second session (another device): ending it leaves the one the matrix signs in with.
  await must(
    await call('POST', '/auth/login', {}, { email: personaEmail('owner-a'), password: PASSWORD }),
    'second log-in',
  );
  const sessions = (await call('GET', '/account/sessions', ownerA.headers)).json().sessions as {
    id: string;
    current: boolean;
  }[];
  const otherSession = sessions.find((one) => !one.current)!;
  const held = (await call('GET', '/admin/references', admin.headers)).json().answers as { id: string }[];
  // Last, so S's suspension cuts a session that did work: S asked for a job of its own first.
  await insertJobPost(t, suspendedS.id, { title: 'Persona S front desk' });
  await must(
    await call('POST', `/admin/people/${suspendedS.id}/suspend`, admin.headers, { reason: 'Matrix persona' }),
    'suspend',
  );
  const [job0] = await t.database.db.select({ id: outbox.id }).from(outbox).limit(1);
  const mails = (await call('GET', '/dev/mailbox', {})).json().messages;

  return {
    bidBody: bidBody(job),
    reviewBody: reviewBody({ job: job2 }),
    inviteOnlyBidBody: bidBody(inviteOnly),
    hateTaskIds: [task.id as string],
    headers: {
      anonymous: {},
      ownerA: ownerA.headers,
      ownerB: ownerB.headers,
      providerP: providerP.headers,
      providerQ: providerQ.headers,
      memberM: memberM.headers,
      suspendedS: suspendedS.headers,
      admin: admin.headers,
    },
    roles: {
      anonymous: [],
      ownerA: ['owner'],
      ownerB: ['owner'],
      providerP: ['provider'],
      providerQ: ['provider'],
      memberM: ['provider'],
      suspendedS: ['owner'],
      admin: ['admin'],
    },
    subjects: subjectsOf({
      bidP: bidP.id,
      bidQ: bidQ.id,
      bidQ3: bidQ3.id,
      job: job.id,
      inviteOnly: inviteOnly.id,
      draft: draft.id,
      draft2: draft2.id,
      engagement: engagement.id as string,
      firmP: { id: firmP.id, slug: firmP.slug },
      draftC: draftC.id,
      invitationP: invitationId,
      invitationQ,
      colleague: colleague.id,
      ownerB: ownerB.id,
      crossedInvitation: crossed(inviteTokens[0]!, inviteTokens[1]!),
      crossedReference: crossed(tokens[2]!, tokens[0]!),
      heldAnswer: held[0]!.id,
      notification: notifications[0].id,
      session: otherSession.id,
      task: task.id as string,
      outboxJob: String(job0!.id),
      mail: mails[0].id,
    }),
    markers: markers({
      notes,
      message,
      customerEmails: customers.map((c) => c.email),
      privateNotes,
      links: [...tokens, ...inviteTokens],
      invitees,
    }),
  };
}
