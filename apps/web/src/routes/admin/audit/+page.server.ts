import { auditLogQuery } from '@handoff/contracts';
import { error } from '@sveltejs/kit';
import { raise } from '$lib/server/api.ts';
import { operatorToken } from '$lib/server/operator.ts';
import { peopleApi } from '$lib/server/people-api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const token = operatorToken(event);
  const before = event.url.searchParams.get('before') ?? undefined;
  const parsed = auditLogQuery.safeParse({ before });
  if (!parsed.success)
    error(400, 'This page of the audit log does not exist; start again from the newest entries.');
  const page = await peopleApi.auditLog(token, parsed.data.before).catch(raise);
  return { ...page, first: !parsed.data.before, now: Date.now() };
};
