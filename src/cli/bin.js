#!/usr/bin/env node
// Development entry: runs the CLI from its TypeScript sources through tsx, without a build.
// The shipped `insyn` (package.json `bin`) is the compiled dist/app/insyn.js (electron/build.mjs).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
