import { getFunctions } from '$lib/server/taxonomy.ts';
import type { PageServerLoad } from './$types';

// The landing page must render even when the API is down; the function grid simply drops out.
export const load: PageServerLoad = async () => ({ functions: await getFunctions() });
