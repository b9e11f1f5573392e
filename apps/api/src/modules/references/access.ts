import type { AccessMap, RouteAccess } from '../access-types.ts';

const form: RouteAccess['object'] = {
  param: 'token',
  kind: 'reference-form-token',
  allowed: ['token-holder'],
};

/**
 * The owner asks on a bid, the provider picks its contacts, the customer answers through the link
 * alone, and an operator decides held answers. Published answers are public, contacts never are.
 */
export const referenceAccess = {
  'POST /bids/:id/reference-ask': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'bid', allowed: ['job-owner'] },
  },
  'POST /bids/:id/reference-requests': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'bid', allowed: ['bid-provider'] },
  },
  'GET /bids/:id/references': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'bid', allowed: ['job-owner', 'bid-provider'] },
  },
  'POST /providers/:id/reference-requests': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'provider', allowed: ['provider-member'] },
  },
  'GET /providers/:id/reference-requests': {
    callers: ['signed-in'],
    object: { param: 'id', kind: 'provider', allowed: ['provider-member'] },
  },
  'GET /public/providers/:slug/references': {
    callers: ['anyone'],
    object: { param: 'slug', kind: 'provider-slug', allowed: ['public'] },
  },
  'GET /reference-forms/:token': { callers: ['anyone'], object: form },
  'POST /reference-forms/:token': { callers: ['anyone'], object: form },
  'PUT /reference-forms/:token/draft': { callers: ['anyone'], object: form },
  'POST /reference-forms/:token/decline': { callers: ['anyone'], object: form },
  'GET /admin/references': { callers: ['admin'] },
  'POST /admin/references/:id/review': {
    callers: ['admin'],
    object: { param: 'id', kind: 'held-reference-answer', allowed: ['admin'] },
  },
} satisfies AccessMap;
