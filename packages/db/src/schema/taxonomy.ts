import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

export type BenchmarkTemplateRow = { objective: string; target: string; due: string };

/** Business functions with their duty and benchmark templates; loaded from packages/core by seed. */
export const businessFunctions = pgTable('business_functions', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  summary: text('summary').notNull(),
  duties: jsonb('duties').$type<string[]>().notNull(),
  benchmarks: jsonb('benchmarks').$type<BenchmarkTemplateRow[]>().notNull(),
  position: integer('position').notNull(),
});

export const industries = pgTable('industries', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  summary: text('summary').notNull(),
  position: integer('position').notNull(),
});

/** Small key/value facts about the database itself, such as the taxonomy version last seeded. */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
