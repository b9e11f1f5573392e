export * from './errors.ts';
export * from './clock.ts';
export * from './jobs.ts';
export * from './links.ts';
export * from './mailer.ts';
export * from './transaction.ts';
