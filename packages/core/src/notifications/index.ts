export * from './kinds.ts';
export * from './ports.ts';
export * from './notifications.service.ts';
export * from './emails.ts';
