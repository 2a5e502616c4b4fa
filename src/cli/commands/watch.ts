import type { Command } from 'commander';
import { addWatch, listWatch, removeWatch, WatchError } from '../../monitor/watch';
import { UsageError } from '../usage-error';
import { openStoreFromOptions, printJson } from '../options';

/** `insyn watch add|remove <id> [--note TEXT]` / `insyn watch list [--json]` (contract §7.3). */
export function register(program: Command): void {
  const watch = program.command('watch').description('Bevakningslistan: entiteter du följer mellan importer');
  const db = (opts: { db?: string }) => openStoreFromOptions(opts);
  const usage = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof WatchError) throw new UsageError(err.message);
      throw err;
    }
  };

  watch
    .command('add')
    .description('Bevaka en entitet (organisationsnummer, personnummer, tillstånds-id, familjehems-id eller adressnyckel)')
    .argument('<id>')
    .option('--note <text>', 'anteckning: varför entiteten bevakas')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .action((id: string, opts: { note?: string; db?: string }) => {
      const store = db(opts);
      try {
        const r = usage(() => addWatch(store, id, opts.note));
        if (r.warning) process.stderr.write(`insyn watch: varning: ${r.warning}\n`);
        process.stdout.write(`${r.updated ? 'Bevakningen uppdaterad' : 'Bevakar'}: ${r.entry.kind} ${r.entry.id}${r.entry.note ? ` – ${r.entry.note}` : ''}\n`);
      } finally {
        store.close();
      }
    });

  watch
    .command('remove')
    .description('Sluta bevaka en entitet')
    .argument('<id>')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .action((id: string, opts: { db?: string }) => {
      const store = db(opts);
      try {
        if (!usage(() => removeWatch(store, id))) throw new UsageError(`${id} finns inte på bevakningslistan / is not on the watch list`);
        process.stdout.write(`Bevakas inte längre: ${id}\n`);
      } finally {
        store.close();
      }
    });

  watch
    .command('list')
    .description('Visa bevakningslistan')
    .option('--json', 'skriv listan som JSON på stdout')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .action((opts: { json?: boolean; db?: string }) => {
      const store = db(opts);
      try {
        const list = listWatch(store);
        if (opts.json) printJson(list);
        else if (list.length === 0) process.stdout.write('Bevakningslistan är tom (lägg till med `insyn watch add <id> --note TEXT`).\n');
        else for (const w of list) process.stdout.write(`${w.kind.padEnd(12)} ${w.id.padEnd(16)} ${w.in_store ? '' : '(finns inte i databasen ännu) '}${w.note}\n`);
      } finally {
        store.close();
      }
    });
}
