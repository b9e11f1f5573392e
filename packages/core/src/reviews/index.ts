export * from './ports.ts';
export * from './schedule.ts';
export * from './rules.ts';
export * from './reviews.service.ts';
export * from './switching.service.ts';
export * from './reminders.ts';
