import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, and `shared/` beside it (read-only; laid next to every clone, CI included). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = process.env.INSYN_SHARED_DIR ?? path.resolve(REPO_ROOT, '../shared');
export const EXAMPLE_REVOKED_NETWORK = path.join(SHARED_DIR, 'examples/revoked-network');
