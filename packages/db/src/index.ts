export * from './client.ts';
export * from './migrate.ts';
export * from './repositories/users.ts';
export * from './repositories/refresh-sessions.ts';
export * from './repositories/taxonomy.ts';
export * from './seed.ts';
export * from './paths.ts';
