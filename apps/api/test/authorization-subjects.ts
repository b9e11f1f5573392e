import type { ObjectKind, Relation } from '../src/modules/access.ts';

// The authorization matrix's table of subjects: for each kind of path parameter, the objects of the
// world (./authorization-world.ts) it is tried with, and who stands in which relation to each.

export const PERSONAS = [
  'anonymous',
  'ownerA',
  'ownerB',
  'providerP',
  'providerQ',
  // A member of P's firm who does not own it: sees the firm's work, may not run the firm.
  'memberM',
  // An owner an operator suspended after it signed in: the token it holds must open nothing.
  'suspendedS',
  'admin',
] as const;
export type Persona = (typeof PERSONAS)[number];

/** One object of a kind, and who stands in which relation to it (`admin` is the admin persona). */
export interface Subject {
  label: string;
  value: string;
  relations: Partial<Record<Relation, readonly Persona[]>>;
}

/** The ids (and links) of the world's objects the table names. */
export interface Made {
  bidP: string;
  bidQ: string;
  bidQ3: string;
  job: string;
  inviteOnly: string;
  draft: string;
  draft2: string;
  engagement: string;
  firmP: { id: string; slug: string };
  draftC: string;
  invitationP: string;
  invitationQ: string;
  colleague: string;
  ownerB: string;
  crossedInvitation: string;
  crossedReference: string;
  heldAnswer: string;
  notification: string;
  session: string;
  task: string;
  outboxJob: string;
  mail: string;
}

export function subjectsOf(ids: Made): Record<ObjectKind, Subject[]> {
  return {
    bid: [
      {
        label: 'P’s bid on A’s job',
        value: ids.bidP,
        relations: { 'job-owner': ['ownerA'], 'bid-provider': ['providerP', 'memberM'] },
      },
      {
        label: 'Q’s bid on A’s job',
        value: ids.bidQ,
        relations: { 'job-owner': ['ownerA'], 'bid-provider': ['providerQ'] },
      },
      {
        label: 'Q’s bid on A’s payroll job',
        value: ids.bidQ3,
        relations: { 'job-owner': ['ownerA'], 'bid-provider': ['providerQ'] },
      },
    ],
    'job-post': [
      {
        label: 'A’s open public job',
        value: ids.job,
        relations: {
          'job-owner': ['ownerA'],
          'any-provider': ['providerP', 'providerQ', 'memberM'],
          public: PERSONAS,
        },
      },
      {
        label: 'A’s invite-only job (P invited)',
        value: ids.inviteOnly,
        relations: { 'job-owner': ['ownerA'], 'any-provider': ['providerP', 'memberM'] },
      },
      { label: 'A’s draft', value: ids.draft, relations: { 'job-owner': ['ownerA'] } },
      { label: 'A’s second draft', value: ids.draft2, relations: { 'job-owner': ['ownerA'] } },
    ],
    engagement: [
      {
        label: 'A’s engagement of P',
        value: ids.engagement,
        relations: { 'job-owner': ['ownerA'], 'bid-provider': ['providerP', 'memberM'] },
      },
    ],
    provider: [
      {
        label: 'P’s published firm',
        value: ids.firmP.id,
        relations: {
          'provider-member': ['providerP', 'memberM'],
          'provider-owner': ['providerP'],
          public: PERSONAS,
        },
      },
      { label: 'P’s colleague’s unpublished profile', value: ids.draftC, relations: {} },
    ],
    'provider-slug': [
      { label: 'P’s published firm', value: ids.firmP.slug, relations: { public: PERSONAS } },
    ],
    'provider-invitation': [
      {
        label: 'P’s invitation',
        value: ids.invitationP,
        relations: { 'provider-member': ['providerP', 'memberM'] },
      },
      { label: 'Q’s invitation', value: ids.invitationQ, relations: { 'provider-member': ['providerQ'] } },
    ],
    'provider-member-user': [
      { label: 'P’s colleague', value: ids.colleague, relations: { 'provider-owner': ['providerP'] } },
      { label: 'B, a member of no profile', value: ids.ownerB, relations: {} },
    ],
    'member-invitation-token': [
      {
        label: 'a crossed invitation link',
        value: ids.crossedInvitation,
        relations: {},
      },
    ],
    'reference-form-token': [
      { label: 'a crossed reference link', value: ids.crossedReference, relations: {} },
    ],
    'held-reference-answer': [{ label: 'a held answer', value: ids.heldAnswer, relations: {} }],
    notification: [{ label: 'A’s notification', value: ids.notification, relations: { self: ['ownerA'] } }],
    session: [{ label: 'A’s session', value: ids.session, relations: { self: ['ownerA'] } }],
    'owner-task': [{ label: 'A’s task', value: ids.task, relations: { self: ['ownerA'] } }],
    person: [{ label: 'B’s account', value: ids.ownerB, relations: {} }],
    'outbox-job': [{ label: 'a background job', value: ids.outboxJob, relations: {} }],
    'dev-mail': [{ label: 'a mail', value: ids.mail, relations: { public: PERSONAS } }],
  };
}
