import type { Command } from 'commander';
import { UsageError } from '../usage-error';
import { resolveDbPath } from '../options';

/**
 * `insyn serve [--db FILE] [--port N] [--demo]`: the workbench on the loopback interface
 * (127.0.0.1 only, per-session token). Runs until interrupted.
 */
export function register(program: Command): void {
  program
    .command('serve')
    .description('Starta arbetsytan i webbläsaren (endast 127.0.0.1, med sessionsnyckel)')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .option('--port <n>', 'port (standard: ledig slumpvald port)')
    .option('--demo', 'läs in demodata om databasen är tom')
    .action(async (opts: { db?: string; port?: string; demo?: boolean }) => {
      const port = opts.port === undefined ? 0 : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`ogiltig port: ${opts.port}`);
      const { startLoopbackApp } = await import('../../api/app');
      const app = await startLoopbackApp({ dbPath: resolveDbPath(opts), port, demo: opts.demo });
      process.stdout.write(`Insyn körs på ${app.server.url}\n`);
      process.stderr.write('Avsluta med Ctrl+C.\n');
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void app.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
