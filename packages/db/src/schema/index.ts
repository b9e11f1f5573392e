export * from './auth.ts';
export * from './taxonomy.ts';
export * from './jobs.ts';
export * from './search.ts';
export * from './providers.ts';
