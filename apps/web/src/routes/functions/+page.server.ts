import { getFunctions, getIndustries } from '$lib/server/taxonomy.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  // Each list degrades on its own: the page still renders whatever the API could give.
  const [functions, industries] = await Promise.all([getFunctions(), getIndustries()]);
  return { functions, industries };
};
