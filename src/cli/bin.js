#!/usr/bin/env node
// Development entry: runs the CLI from its TypeScript sources through tsx, without a build.
// The shipped `insyn` (package.json `bin`) is the compiled dist/app/insyn.js (electron/build.mjs).
import { register } from 'tsx/esm/api';

register();
const { main, quietOnClosedPipe } = await import('./main.ts');
quietOnClosedPipe(process.stdout);
process.exitCode = await main(process.argv.slice(2));
