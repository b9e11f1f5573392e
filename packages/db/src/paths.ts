import { fileURLToPath } from 'node:url';

/** The embedded database lives in `.data/pglite` at the repository root, whatever the cwd. */
export const defaultDataDir = fileURLToPath(new URL('../../../.data/pglite', import.meta.url));
