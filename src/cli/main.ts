import { Command, CommanderError } from 'commander';
import { InsynError, type FailureCode } from '../model/errors';
import { commanderErrorSv, swedishCommander } from './commander-sv';
import { registerCommands } from './commands/index';
import { termText } from './terminal';

/** Contract §5 exit codes: 0 success, 2 usage error, 1 anything else. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Exit code per failure code: what the user typed is a usage error, everything else a failure. */
const EXIT_BY_CODE: Record<FailureCode, number> = {
  usage: EXIT_USAGE, invalid_input: EXIT_USAGE,
  not_found: EXIT_FAILURE, exists: EXIT_FAILURE,
  no_tables: EXIT_FAILURE, unknown_table: EXIT_FAILURE, missing_headers: EXIT_FAILURE, unreadable: EXIT_FAILURE,
  binary: EXIT_FAILURE, empty: EXIT_FAILURE, store: EXIT_FAILURE, busy: EXIT_FAILURE, audit_failed: EXIT_FAILURE, internal: EXIT_FAILURE,
};
const HINT_BY_CODE: Partial<Record<FailureCode, string>> = { exists: ' (använd --overwrite för att skriva över)' };

export function buildProgram(): Command {
  const program = swedishCommander(new Command('insyn'))
    .description('Insyn – riskanalys av vårdgivare (offline)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(commanderErrorSv(s)),
    });
  registerCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return EXIT_OK;
      return EXIT_USAGE;
    }
    if (err instanceof InsynError) {
      process.stderr.write(`insyn: ${termText(err.messageSv)}${HINT_BY_CODE[err.code] ?? ''}\n`);
      return EXIT_BY_CODE[err.code];
    }
    process.stderr.write(`insyn: ${termText(err instanceof Error ? err.message : String(err))}\n`);
    if (process.env.INSYN_DEBUG) console.error(err);
    return EXIT_FAILURE;
  }
}

/**
 * `insyn analyze --json | head` closes stdout early: that is the reader's choice, not an error.
 * Later writes are dropped and the command finishes quietly (the store work is already done).
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    stream.write = (() => true) as typeof stream.write;
  });
}
