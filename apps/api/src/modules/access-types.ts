/**
 * Who may call a route, and whose objects its ids may name. Each module declares its routes in a
 * sibling `access.ts`; `test/authorization-matrix.int.test.ts` reads every route from the OpenAPI
 * document and fails for one without a declaration, then calls it as every persona and checks that
 * those the declaration leaves out are refused. The declarations are data, not enforcement: the
 * routes and services enforce; these say what they must enforce, so a test can hold them to it.
 */

/** Who may call at all, before any object is looked at. */
export type Caller =
  | 'anyone' // no account needed
  | 'signed-in' // any account
  | 'provider' // an account with the provider role (provider profiles are made and run by these)
  | 'admin'; // an operator

/** How a caller stands to the object a route's id names; the route allows the ones it lists. */
export type Relation =
  | 'public' // everyone: a published profile, an open public job, a provider by id in one's own list
  | 'self' // the caller's own record (notification, session, task, account)
  | 'job-owner' // the owner of the job the object belongs to (the job, its bids, its engagement)
  | 'bid-provider' // a member of the provider that made the bid (or was hired by the engagement)
  | 'any-provider' // a member of any provider profile (open public jobs are for every provider)
  | 'provider-member' // a member of the provider profile
  | 'provider-owner' // the member who owns the provider profile
  | 'token-holder' // whoever holds the e-mailed link (the token is the whole credential)
  | 'admin'; // an operator

/** What a route's id names; the matrix builds one of each, belonging to someone. */
export type ObjectKind =
  | 'bid'
  | 'job-post'
  | 'engagement'
  | 'provider'
  | 'provider-slug'
  | 'provider-invitation' // an open invitation to join a provider profile
  | 'provider-member-user' // a member's user id on a provider profile
  | 'member-invitation-token' // the e-mailed link to join a provider profile
  | 'reference-form-token' // the e-mailed link to a reference customer's form
  | 'held-reference-answer' // a reference answer waiting for an operator
  | 'notification'
  | 'session'
  | 'owner-task'
  | 'person' // any user, as an operator manages them
  | 'outbox-job'
  | 'dev-mail';

export interface ObjectRule {
  /** The parameter that names the object: a path parameter unless `in` says query or (top-level) body field. */
  param: string;
  in?: 'path' | 'query' | 'body';
  kind: ObjectKind;
  allowed: readonly Relation[];
}

export interface RouteAccess {
  callers: readonly Caller[];
  /** The object the route is about, named by its main id. */
  object?: ObjectRule;
  /** Further ids the route takes (a second path id, an id in the body) that must be the caller's too. */
  also?: readonly ObjectRule[];
  /**
   * A refusal other than 401, 403 or 404 that the route gives on purpose (say why), e.g. a bad
   * e-mailed link answered as a form error on the page that shows it.
   */
  refusal?: { status: number; why: string };
  /** Routes that exist outside production only and show what they hold by design (say why). */
  devOnly?: string;
}

/** Keys are `METHOD /path/:param`, exactly as Fastify registers the route. */
export type AccessMap = Readonly<Record<string, RouteAccess>>;
