export * from './ports.ts';
export * from './time-value.ts';
export * from './suggest-function.ts';
export * from './owners.service.ts';
export * from './saved-providers.service.ts';
