export * from './ports.ts';
export * from './rules.ts';
export * from './document.ts';
export * from './logo.ts';
export * from './providers.service.ts';
export * from './search-sync.ts';
export * from './search.service.ts';
