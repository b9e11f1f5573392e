export * from './auth.ts';
export * from './taxonomy.ts';
export * from './jobs.ts';
export * from './search.ts';
export * from './providers.ts';
export * from './owners.ts';
export * from './job-posts.ts';
export * from './bids.ts';
