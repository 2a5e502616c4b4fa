#!/usr/bin/env node
// Plain-Node entry for the `insyn` CLI: runs the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main, quietOnClosedPipe } = await import('./main.ts');
quietOnClosedPipe(process.stdout);
process.exitCode = await main(process.argv.slice(2));
