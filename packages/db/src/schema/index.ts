export * from './auth.ts';
export * from './taxonomy.ts';
