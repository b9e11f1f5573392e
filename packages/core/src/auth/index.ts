export * from './ports.ts';
export * from './sign-ups.ports.ts';
export * from './sign-up-emails.ts';
export * from './auth.service.ts';
export * from './tokens.ts';
export { argon2Hasher } from './argon2.ts';
export * from './sessions.service.ts';
export * from './devices.ts';
