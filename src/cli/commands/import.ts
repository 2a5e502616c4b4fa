import type { Command } from 'commander';

/** Placeholder until the owning module lands; replaced by the real command. */
export function register(program: Command): void {
  program.command('import').allowUnknownOption().action(() => {
    throw new Error('import: inte implementerat ännu');
  });
}
