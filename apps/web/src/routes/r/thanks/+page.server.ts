import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ forBid: url.searchParams.get('asked') === 'bid' });
