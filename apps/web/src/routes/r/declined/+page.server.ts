import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ optOut: url.searchParams.has('optOut') });
