import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index';
import { termText } from './terminal';

/** Contract §5 exit codes: 0 success, 2 usage error, 1 anything else. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Thrown by commands for bad arguments (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function buildProgram(): Command {
  const program = new Command('insyn')
    .description('Insyn – riskanalys av vårdgivare (offline)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
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
    if (err instanceof UsageError) {
      process.stderr.write(`insyn: ${termText(err.message)}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`insyn: ${termText(err instanceof Error ? err.message : String(err))}\n`);
    if (process.env.INSYN_DEBUG) console.error(err);
    return EXIT_FAILURE;
  }
}
