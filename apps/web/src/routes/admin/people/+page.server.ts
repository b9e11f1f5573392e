import { peopleQuery } from '@handoff/contracts';
import { raise } from '$lib/server/api.ts';
import { operatorToken } from '$lib/server/operator.ts';
import { peopleApi } from '$lib/server/people-api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const token = operatorToken(event);
  const parsed = peopleQuery.safeParse({ q: event.url.searchParams.get('q') ?? '' });
  if (!parsed.success) {
    return {
      q: '',
      people: [],
      problem: parsed.error.issues[0]?.message ?? 'Search by e-mail or name',
      now: Date.now(),
    };
  }
  const people = await peopleApi.find(token, parsed.data.q).catch(raise);
  return { q: parsed.data.q, people, problem: null, now: Date.now() };
};
