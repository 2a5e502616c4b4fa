import type { Command } from 'commander';
import { register as analyze } from './analyze';
import { register as audit } from './audit';
import { register as demoData } from './demo-data';
import { register as exportCmd } from './export';
import { register as importCmd } from './import';
import { register as serve } from './serve';
import { register as show } from './show';
// Monitoring across imports (issue 11).
import { register as changes } from './changes';
import { register as watch } from './watch';
// issue 15: entity resolution
import { register as matches } from './matches';

/** Each subcommand lives in its own module; order here is the order in `insyn --help`. */
export function registerCommands(program: Command): void {
  for (const register of [importCmd, analyze, show, exportCmd, demoData, audit, serve]) register(program);
  for (const register of [changes, watch]) register(program);
  matches(program);
}
