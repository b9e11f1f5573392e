export * from './ports.ts';
export * from './people.service.ts';
