export * from './account.ts';
export * from './admin.ts';
export * from './auth.ts';
export * from './errors.ts';
export * from './notifications.ts';
export * from './taxonomy.ts';
