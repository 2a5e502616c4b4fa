import type { Command } from 'commander';

/** Placeholder until the owning module lands; replaced by the real command. */
export function register(program: Command): void {
  program.command('export').allowUnknownOption().action(() => {
    throw new Error('export: inte implementerat ännu');
  });
}
