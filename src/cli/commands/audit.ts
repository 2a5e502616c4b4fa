import type { Command } from 'commander';

/** Placeholder until the owning module lands; replaced by the real command. */
export function register(program: Command): void {
  program.command('audit').allowUnknownOption().action(() => {
    throw new Error('audit: inte implementerat ännu');
  });
}
