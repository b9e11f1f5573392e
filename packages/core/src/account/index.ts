export * from './ports.ts';
export * from './tokens.ts';
export * from './account.service.ts';
export * from './emails.ts';
export * from './email-change-emails.ts';
export * from './settings.service.ts';
