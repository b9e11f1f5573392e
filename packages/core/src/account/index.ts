export * from './ports.ts';
export * from './tokens.ts';
export * from './account.service.ts';
export * from './emails.ts';
