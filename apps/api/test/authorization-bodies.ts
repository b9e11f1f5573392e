import { DELETE_CONFIRMATION } from '@handoff/contracts';
import { completeJob } from './job-post-factory.ts';
import { PASSWORD } from './helpers.ts';
import { completeProfile, PNG } from './provider-factory.ts';
import { answer, contact } from './reference-factory.ts';
import { personaEmail } from './authorization-markers.ts';
import type { World } from './authorization-world.ts';

// A minimal valid body for each route that takes one, so a refused caller is refused by the
// authorization check and not, earlier, by validation (which would prove nothing). A route with a
// body missing here is sent `{}`; the matrix then reports the 400 and this table needs a line.

export type Payload = { json: unknown } | { raw: Buffer; contentType: string };

export function bodyFor(key: string, w: World): Payload | undefined {
  const json = jsonBodies(w)[key];
  if (json !== undefined) return { json };
  if (key === 'PUT /providers/:id/logo') return { raw: PNG, contentType: 'image/png' };
  return undefined;
}

/**
 * Bodies for the matrix's allowed writes where the refusal body will not do: the world has moved on
 * (the password was changed by an earlier write) or the object differs (a job nobody has bid on).
 */
export function allowedBodyFor(key: string, w: World): Payload | undefined {
  const bodies: Record<string, unknown> = {
    'POST /job-posts/:id/bids': w.inviteOnlyBidBody,
    // Sign-up makes no account until its e-mailed link is followed: log in again as the caller (A, whose password changes only later).
    'POST /auth/login': { email: personaEmail('owner-a'), password: PASSWORD },
    'POST /account/delete': { password: NEW_PASSWORD, confirmation: DELETE_CONFIRMATION },
  };
  return key in bodies ? { json: bodies[key] } : bodyFor(key, w);
}

/** What `POST /account/password` sets, before `POST /account/delete` asks for it. */
const NEW_PASSWORD = 'another-horse-battery';

/** Query strings a route needs to answer at all (beyond the object ids the matrix fills in). */
export const QUERIES: Record<string, string> = {
  'GET /taxonomy/suggest-function': 'q=answering%20the%20phone',
};

const uuid = '00000000-0000-4000-8000-000000000001';
const linkToken = `${uuid}.bm90LWEtcmVhbC1zaWduYXR1cmU`;

function jsonBodies(w: World): Record<string, unknown> {
  return {
    'POST /auth/signup': {
      name: 'Nobody',
      email: 'nobody@persona.example',
      password: PASSWORD,
      role: 'owner',
    },
    'POST /auth/signup/confirm': { token: linkToken },
    'POST /auth/login': { email: 'nobody@persona.example', password: PASSWORD },
    'POST /auth/refresh': { refreshToken: linkToken },
    'POST /auth/logout': { refreshToken: linkToken },
    'POST /auth/verify-email': { token: linkToken },
    'POST /auth/password/forgot': { email: 'nobody@persona.example' },
    'POST /auth/password/reset': { token: linkToken, password: 'another-horse-battery' },
    'PATCH /account': { name: 'Renamed Persona' },
    'POST /account/email': { email: 'moved@persona.example', password: PASSWORD },
    'POST /account/email/confirm': { token: linkToken },
    'POST /account/email/undo': { token: linkToken },
    'POST /account/password': { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    'POST /account/roles': { role: 'provider' },
    'POST /account/delete': { password: PASSWORD, confirmation: DELETE_CONFIRMATION },
    'PUT /notifications/preferences': { email: {} },
    'POST /notifications/unsubscribe': { u: uuid, k: 'bid.received', s: 'bm90LWEtcmVhbC1zaWduYXR1cmU' },
    'POST /providers': completeProfile({ name: 'Another Desk' }),
    'PUT /providers/:id': completeProfile({ name: 'Persona P Desk' }),
    'POST /providers/:id/invitations': { email: 'invitee-3@persona.example' },
    'POST /job-posts/:id/bids': w.bidBody,
    'PUT /bids/:id': w.bidBody,
    'POST /bids/:id/decline': { reason: 'Not this time' },
    'POST /bids/:id/messages': { body: 'Hello' },
    'POST /bids/:id/reference-requests': { add: [contact(8)] },
    'POST /providers/:id/reference-requests': { contactIds: [], add: [contact(7)] },
    'POST /reference-forms/:token': answer(3),
    'PUT /reference-forms/:token/draft': { company: 'Acme' },
    'POST /reference-forms/:token/decline': { optOut: false },
    'POST /admin/references/:id/review': { decision: 'clear' },
    'POST /engagements/:id/reviews': w.reviewBody,
    'PUT /engagements/:id/schedule': { cadence: 'yearly' },
    'PUT /engagements/:id/handover': { accessToRevoke: [], documentsToCollect: [], lastDay: null },
    'POST /engagements/:id/end': { note: '' },
    'POST /time-value': { targetIncome: 180000, hoursPerDay: 4, daysPerWeek: 5, weeksPerYear: 48 },
    'PUT /owner/profile': { targetIncome: 180000, hoursPerDay: 4, daysPerWeek: 5, weeksPerYear: 48 },
    'POST /owner/tasks': { feeling: 'hate', name: 'Filing', hoursPerWeek: 1 },
    'PUT /owner/tasks/order': { feeling: 'hate', ids: w.hateTaskIds },
    'PATCH /owner/tasks/:id': { name: 'Renamed task' },
    'POST /saved-providers': { providerId: w.subjects.provider[0]!.value },
    'POST /job-posts': completeJob(),
    'PUT /job-posts/:id': completeJob(),
    'POST /job-posts/:id/invitations': { providerId: w.subjects.provider[0]!.value },
    'POST /admin/people/:id/suspend': { reason: 'Matrix check' },
    'POST /admin/people/:id/reinstate': { reason: '' },
  };
}
