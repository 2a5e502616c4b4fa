import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The folders the API may read from and write to (issue 13.2). The web transport and the Electron
 * preload reach the file system only through the API, so every path they pass is confined here:
 * imports read only inside the import folder, exports write only inside the export folder. Both
 * are resolved with realpath, so a symbolic link out of a folder is refused. The CLI does not go
 * through the API and keeps full paths (the shell user chose them).
 *
 * Defaults: `$INSYN_IMPORT_ROOT` / `$INSYN_EXPORT_ROOT`, else `~/Insyn-import` and `~/Insyn-export`;
 * the user changes them in the UI (Importera → Mappar), stored in the store's meta table.
 */
export interface FileRoots {
  importRoot: string;
  exportRoot: string;
}

export function defaultRoots(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): FileRoots {
  return {
    importRoot: path.resolve(env.INSYN_IMPORT_ROOT || path.join(home, 'Insyn-import')),
    exportRoot: path.resolve(env.INSYN_EXPORT_ROOT || path.join(home, 'Insyn-export')),
  };
}

/** A refused path; the message is Swedish and says what to do. */
export class RootError extends Error {
  override name = 'RootError';
}

const FOLDER_SV = { import: 'importmappen', export: 'exportmappen' } as const;
type Which = keyof typeof FOLDER_SV;

function inside(child: string, root: string): boolean {
  return child === root || child.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function realRoot(root: string, which: Which): string {
  try {
    const real = fs.realpathSync(root);
    if (!fs.statSync(real).isDirectory()) throw new RootError(`${capital(FOLDER_SV[which])} ${root} är ingen mapp. Välj en annan under Importera → Mappar.`);
    return real;
  } catch (err) {
    if (err instanceof RootError) throw err;
    throw new RootError(`${capital(FOLDER_SV[which])} ${root} finns inte. Skapa den eller välj en annan under Importera → Mappar.`);
  }
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function refuseText(p: string): void {
  if (typeof p !== 'string' || p.trim() === '') throw new RootError('Ange en sökväg.');
  if (p.includes('\0')) throw new RootError('Sökvägen innehåller otillåtna tecken.');
}

/**
 * A path to read from: relative paths are taken inside the import folder. Returns the real path.
 * A folder's own entries must not lead out of the folder either (the importer reads them).
 */
export function confineRead(root: string, p: string): string {
  refuseText(p);
  const base = realRoot(root, 'import');
  const target = path.resolve(base, p.trim());
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    if (!inside(target, base)) throw outside(p, base, 'import');
    throw new RootError(`${p} finns inte.`);
  }
  if (!inside(real, base)) throw outside(p, base, 'import', real !== target);
  if (fs.statSync(real).isDirectory()) {
    for (const name of fs.readdirSync(real)) {
      if (name.startsWith('.')) continue;
      const entry = path.join(real, name);
      const entryReal = fs.realpathSync.native(entry);
      if (!inside(entryReal, base)) throw new RootError(`${name} i ${p} är en symbolisk länk ut ur importmappen ${base} och läses inte.`);
    }
  }
  return real;
}

/**
 * A folder to write into: `undefined` = the export folder itself; relative paths are taken inside
 * it; an empty path is refused (it would mean the server's working folder). Folders that do not
 * exist yet are created by the export, below the deepest existing one, which must be inside.
 */
export function confineWriteDir(root: string, dir: string | undefined): string {
  const base = realRoot(root, 'export');
  if (dir === undefined) return base;
  if (typeof dir !== 'string' || dir.includes('\0')) throw new RootError('Sökvägen innehåller otillåtna tecken.');
  if (dir.trim() === '') throw new RootError(`Ange en mapp i exportmappen ${base}, eller ingen mapp alls för att exportera till exportmappen själv.`);
  const target = path.resolve(base, dir.trim());
  if (!inside(target, base)) throw outside(dir, base, 'export');
  let existing = target;
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  const real = fs.realpathSync(existing);
  if (!inside(real, base)) throw outside(dir, base, 'export', true);
  return path.join(real, path.relative(existing, target));
}

function outside(p: string, base: string, which: Which, viaLink = false): RootError {
  const verb = which === 'import' ? 'läser bara filer i' : 'skriver bara i';
  return new RootError(
    `${p} ligger utanför ${FOLDER_SV[which]}${viaLink ? ' (via en symbolisk länk)' : ''}. Insyn ${verb} ${FOLDER_SV[which]} ${base}; ` +
      `flytta filerna dit eller byt ${FOLDER_SV[which]} under Importera → Mappar.`,
  );
}

/** Checks a folder the user chooses as a root: an existing folder, not the whole file system. */
export function checkRootChoice(p: string, which: Which): string {
  refuseText(p);
  if (!path.isAbsolute(p.trim())) throw new RootError(`Ange ${FOLDER_SV[which]} som en fullständig sökväg (t.ex. ${path.join(os.homedir(), 'Insyn-import')}).`);
  const real = realRoot(p.trim(), which);
  if (path.dirname(real) === real) throw new RootError(`Hela filsystemet (${real}) kan inte vara ${FOLDER_SV[which]}; välj en mapp.`);
  return real;
}
