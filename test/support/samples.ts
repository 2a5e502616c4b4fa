import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root and the sample datasets shipped in it (tests never read outside the clone). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE_REVOKED_NETWORK = path.join(REPO_ROOT, 'data/samples/revoked-network');
