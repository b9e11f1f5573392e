import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { preparePgliteTemplate } from '../src/testing.ts';

/** Migrates a PGlite directory once; each test file runs its own server on a copy (see openTestDatabase). */
export default async function setup() {
  const template = await preparePgliteTemplate();
  process.env.HANDOFF_PGLITE_TEMPLATE = template;
  return () => rmSync(dirname(template), { recursive: true, force: true });
}
