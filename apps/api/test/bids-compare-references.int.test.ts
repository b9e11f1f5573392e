import { jobPostDuties } from '@handoff/db/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anOwner,
  aProvider,
  bidBody,
  DUTIES,
  insertJobPost,
  submitBid,
  type Headers,
} from './bid-factory.ts';
import { buildTestApp, drainJobs, manualClock, type TestApp } from './helpers.ts';
import { answer, CONTACT_DUTY, contact, contactIds, mailedToken, postAnswer } from './reference-factory.ts';

// The comparison grid shows, per duty, each bid's provider's verified reference score: answers given
// on this bid match the job's duty by id, any other answer by the duty's normalised text, and held
// answers count for nothing.

let t: TestApp;
const clock = manualClock(new Date('2027-05-03T09:00:00Z'));
beforeAll(async () => {
  t = await buildTestApp({ clock });
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST', url: string, headers: Headers = {}, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

/** Answers the newest reference e-mail to `email`, two hours after the last (no burst flag). */
async function answerAs(email: string, body: object) {
  await drainJobs(t.app);
  const token = (await mailedToken(t.app, email))!.token!;
  clock.advance(2 * 3_600_000);
  const res = await postAnswer(t.app, token, body);
  expect(res.statusCode, res.body).toBe(201);
}

const rated = (quality: number) => ({
  performed: true,
  quality,
  timeliness: quality,
  benchmark: 'met',
  example: '',
});

describe('reference scores in the comparison grid', () => {
  it('scores each duty from verified answers only, by id on this bid and by text elsewhere', async () => {
    const owner = await anOwner(t.app, 'Grid Owner');
    // The second duty is the contacts' duty written differently: the same once lower-cased and folded.
    const shouted = `  ${CONTACT_DUTY.toUpperCase().replace(' ', '   ')} `;
    const job = await insertJobPost(t, owner.id, { duties: [DUTIES[0]!, shouted, DUTIES[2]!] });
    const [d0, d1, d2] = job.duties.map((d) => d.id) as [string, string, string];
    const contacts = [contact(71), contact(72), contact(73)];
    const vouched = await aProvider(t.app, 'Vouched Desk', { references: contacts });
    const fresh = await aProvider(t.app, 'Fresh Desk');
    const vouchedBid = await submitBid(t.app, vouched.headers, job.id, bidBody(job));
    const freshBid = await submitBid(t.app, fresh.headers, job.id, bidBody(job));
    expect((await req('POST', `/bids/${vouchedBid.id}/shortlist`, owner.headers)).statusCode).toBe(200);
    expect((await req('POST', `/bids/${vouchedBid.id}/reference-ask`, owner.headers)).statusCode).toBe(204);
    const [c1, c2, c3] = (await contactIds(t.app, vouched.headers, vouched.id)) as [string, string, string];

    // On this bid: rates the job's three duties (the last not performed).
    await req('POST', `/bids/${vouchedBid.id}/reference-requests`, vouched.headers, { contactIds: [c1] });
    await answerAs(
      contacts[0]!.email,
      answer(3, {
        duties: [
          rated(5),
          rated(5),
          { ...rated(1), performed: false, quality: null, timeliness: null, benchmark: 'none' },
        ],
      }),
    );
    // The owner rewords the first duty afterwards: the answer given on this bid still belongs to it.
    await t.database.db
      .update(jobPostDuties)
      .set({ text: 'Answer every call within three rings' })
      .where(eq(jobPostDuties.id, d0));

    // For the profile: rates the contact's own duty, which is the job's second one by its text.
    await req('POST', `/providers/${vouched.id}/reference-requests`, vouched.headers, { contactIds: [c2] });
    const confirmed = { ...answer(1).relationship, company: 'Acme Realty 72' };
    await answerAs(contacts[1]!.email, answer(1, { relationship: confirmed, duties: [rated(3)] }));

    // A second answer from the first company is held for a check: it must not move the score.
    await req('POST', `/providers/${vouched.id}/reference-requests`, vouched.headers, { contactIds: [c3] });
    await answerAs(contacts[2]!.email, answer(1, { duties: [rated(1)] }));

    const grid = (await req('GET', `/job-posts/${job.id}/bids`, owner.headers)).json() as {
      bids: { id: string; referenceScores: { dutyId: string; answers: number; quality: number | null }[] }[];
    };
    const scores = (id: string) => grid.bids.find((b) => b.id === id)!.referenceScores;
    expect(scores(vouchedBid.id)).toEqual([
      { dutyId: d0, answers: 1, quality: 5 },
      { dutyId: d1, answers: 2, quality: 4 },
      { dutyId: d2, answers: 0, quality: null },
    ]);
    // No verified answers: no number at all.
    expect(scores(freshBid.id)).toEqual([
      { dutyId: d0, answers: 0, quality: null },
      { dutyId: d1, answers: 0, quality: null },
      { dutyId: d2, answers: 0, quality: null },
    ]);
  });
});
