import { functions } from '@handoff/core/taxonomy';
import type { FastifyInstance } from 'fastify';
import { bearer, signUp } from './helpers.ts';

const customerService = functions.find((f) => f.slug === 'customer-service')!;
const bookkeeping = functions.find((f) => f.slug === 'bookkeeping')!;

/** A profile that can be published as is; override what a test is about. */
export function completeProfile(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Keystone Realty Support',
    kind: 'firm',
    headline: 'Customer service and bookkeeping for real-estate brokerages',
    bio: 'A team of six answering buyer and tenant enquiries within minutes, and keeping brokerage books closed by the 10th of every month.',
    functions: [
      {
        slug: 'customer-service',
        duties: customerService.duties.slice(0, 2),
        customDuties: ['Book showings in the brokerage calendar'],
      },
      { slug: 'bookkeeping', duties: bookkeeping.duties.slice(0, 1), customDuties: [] },
    ],
    industries: ['real-estate'],
    packages: [
      {
        name: 'Inbox and phones',
        description: 'Weekday coverage 8–18 in your time zone.',
        price: 1450,
        billing: 'monthly',
        duties: [customerService.duties[0], 'Book showings in the brokerage calendar'],
      },
    ],
    rateMin: 22,
    rateMax: 35.5,
    currency: 'USD',
    languages: ['en', 'es'],
    timezone: 'America/Chicago',
    country: 'US',
    remote: true,
    onSite: false,
    teamSize: 6,
    website: 'https://keystone-support.example',
    references: [
      {
        name: 'Dana Whitfield',
        email: 'dana.whitfield@acme-realty.example',
        company: 'Acme Realty',
        role: 'Managing broker',
        period: { from: '2023-02', to: null },
        function: 'customer-service',
        duties: [customerService.duties[0]],
      },
    ],
    ...overrides,
  };
}

export async function signUpProvider(app: FastifyInstance, role = 'provider') {
  const { session } = await signUp(app, { role });
  return { id: session.user.id, headers: bearer(session.accessToken) };
}

export async function createProfile(
  app: FastifyInstance,
  headers: Record<string, string>,
  body: Record<string, unknown> = completeProfile(),
) {
  const res = await app.inject({ method: 'POST', url: '/providers', headers, payload: body });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; slug: string; status: string };
}

/** 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
