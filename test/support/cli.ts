import path from 'node:path';
import { APP_OUT } from '../../electron/build.mjs';

/**
 * The compiled CLI, as shipped (package.json `bin`). test/support/global-setup.ts builds it before
 * any test runs, so CLI tests exercise the JavaScript users run, not the TypeScript sources.
 */
export const CLI_BIN = path.join(APP_OUT, 'insyn.js');
