#!/usr/bin/env node
// Entry of the compiled CLI (dist/app/insyn.js, package.json `bin`); see electron/build.mjs.
import { main, quietOnClosedPipe } from './main';

quietOnClosedPipe(process.stdout);
process.exitCode = await main(process.argv.slice(2));
