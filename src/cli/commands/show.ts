import type { Command } from 'commander';

/** Placeholder until the owning module lands; replaced by the real command. */
export function register(program: Command): void {
  program.command('show').allowUnknownOption().action(() => {
    throw new Error('show: inte implementerat ännu');
  });
}
