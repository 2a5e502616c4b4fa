import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from '../store/db';
import { tableCounts } from '../store/facts';
import { createApiHandler } from './handler';
import { startServer, type RunningServer } from './http-server';
import { demoDataPath } from './job-exec';
import { createWorkbench, type Workbench } from './service';
import type { FileRoots } from './roots';

/**
 * The loopback workbench as one unit: store + API service + HTTP server serving the built
 * renderer. Used by `insyn serve` and by `npm start` when Electron is not available.
 */

/** The repository (or unpacked app) root: two levels above src/api. */
export const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIST = path.join(APP_ROOT, 'dist', 'renderer');

export interface LoopbackApp {
  db: Db;
  workbench: Workbench;
  server: RunningServer;
  close(): Promise<void>;
}

export function storeIsEmpty(db: Db): boolean {
  const counts = tableCounts(db);
  return ['companies', 'persons', 'roles', 'licences', 'foster_homes'].every((t) => (counts[t] ?? 0) === 0);
}

/**
 * Imports and analyses the bundled demo dataset into an empty store, reporting progress lines.
 * Returns false (and says why) when the dataset is not bundled.
 */
export async function loadDemoIfEmpty(wb: Workbench, db: Db, log: (line: string) => void): Promise<boolean> {
  if (!storeIsEmpty(db)) return false;
  if (!fs.existsSync(demoDataPath())) {
    log(`Demodata saknas (${demoDataPath()}); startar med tom databas.`);
    return false;
  }
  log('Databasen är tom: importerar demodata och kör analysen …');
  const jobId = wb.jobs.start({ kind: 'demo', actor: 'insyn' });
  let lastMessage = '';
  const timer = setInterval(() => {
    const s = wb.jobs.get(jobId);
    if (s.progress.message !== lastMessage) {
      lastMessage = s.progress.message;
      // The import's message already carries its rate and time left (src/import/progress-text.ts).
      log(`  ${s.progress.message}`);
    }
  }, 500);
  const done = await wb.jobs.wait(jobId);
  clearInterval(timer);
  if (done.state === 'failed') {
    log(`Demodata kunde inte läsas in: ${done.error?.message}`);
    return false;
  }
  const a = done.result?.analysis;
  log(`Demodata inläst${a ? `: ${a.hitCount} larm per ${a.asOf}` : ''}.`);
  return true;
}

export async function startLoopbackApp(opts: {
  dbPath: string;
  port?: number;
  demo?: boolean;
  staticDir?: string | null;
  log?: (line: string) => void;
  /** Default import/export folders (issue 13); the user can change them in the UI. */
  roots?: Partial<FileRoots>;
}): Promise<LoopbackApp> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const db = openDb(opts.dbPath);
  const workbench = createWorkbench({ db, dbPath: opts.dbPath, importRoot: opts.roots?.importRoot, exportDir: opts.roots?.exportRoot });
  if (opts.demo) await loadDemoIfEmpty(workbench, db, log);
  const handle = createApiHandler(workbench.service, (method, err) => log(`API-fel i ${method}: ${err instanceof Error ? err.message : String(err)}`));
  const server = await startServer({ handle, port: opts.port, staticDir: opts.staticDir === undefined ? RENDERER_DIST : opts.staticDir });
  // Build the name index in the background (in pages) so the first search is quick.
  void workbench.search.warm().catch(() => undefined);
  return {
    db,
    workbench,
    server,
    close: async () => {
      await server.close();
      await workbench.jobs.idle();
      db.close();
    },
  };
}
