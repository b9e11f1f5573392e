export * from './batch.ts';
export * from './bull.ts';
export * from './dispatch.ts';
export * from './local-runner.ts';
export * from './redis.ts';
export * from './relay.ts';
export * from './wiring.ts';
