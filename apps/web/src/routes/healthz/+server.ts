import type { RequestHandler } from './$types';

/** The web server is up and rendering; asks nothing of the api (`pnpm start` probes it). */
export const GET: RequestHandler = () =>
  new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
