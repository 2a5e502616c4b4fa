import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../audit/log';
import type { Db } from '../store/db';
import { InsynError } from '../model/errors';

/**
 * Writing an export into the folder the user chose. A file name is a plain name, never a path:
 * separators, `..`, absolute paths, drive letters and control characters are refused, so nothing
 * can land outside the folder. Existing files are left alone unless `overwrite` is set; then the
 * whole export is refused before anything is written.
 */
export class ExportPathError extends InsynError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

export class ExportExistsError extends InsynError {
  constructor(readonly existing: string[]) {
    super('exists', `Filen finns redan och skrivs inte över utan bekräftelse: ${existing.join(', ')}`);
  }
}

const CONTROL = /[\u0000-\u001F\u007F]/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Throws unless `name` is a safe plain file name; returns it unchanged. */
export function checkFileName(name: string): string {
  if (typeof name !== 'string' || name.length === 0) throw new ExportPathError('Filnamnet är tomt');
  if (name.length > 200) throw new ExportPathError('Filnamnet är för långt');
  if (name.includes('/') || name.includes('\\')) throw new ExportPathError(`Filnamnet får inte innehålla / eller \\: ${name}`);
  if (name === '.' || name === '..' || name.includes('..')) throw new ExportPathError(`Filnamnet får inte innehålla "..": ${name}`);
  if (path.isAbsolute(name) || /^[a-zA-Z]:/.test(name)) throw new ExportPathError(`Filnamnet får inte vara en absolut sökväg: ${name}`);
  if (CONTROL.test(name) || /[<>:"|?*]/.test(name)) throw new ExportPathError(`Filnamnet innehåller otillåtna tecken: ${name}`);
  if (WINDOWS_RESERVED.test(name) || /[. ]$/.test(name)) throw new ExportPathError(`Filnamnet är inte tillåtet: ${name}`);
  return name;
}

/** Makes a safe file-name stem from free text (a case name, a subject id). */
export function fileStem(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  if (!s) return 'export';
  return WINDOWS_RESERVED.test(s) ? `insyn-${s}` : s;
}

export interface WrittenFile {
  path: string;
  bytes: number;
}

export function writeExportFiles(
  outDir: string,
  files: readonly { name: string; content: string }[],
  overwrite: boolean,
  onWritten: (files: WrittenFile[]) => void = () => {},
): WrittenFile[] {
  const dir = path.resolve(outDir);
  for (const f of files) checkFileName(f.name);
  const names = files.map((f) => f.name);
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw new ExportPathError('Två filer i exporten har samma namn');
  fs.mkdirSync(dir, { recursive: true });
  const targets = files.map((f) => {
    const target = path.join(dir, f.name);
    if (path.dirname(target) !== dir) throw new ExportPathError(`Filen hamnar utanför den valda mappen: ${f.name}`);
    return target;
  });
  const existing: string[] = [];
  for (const t of targets) {
    const st = fs.lstatSync(t, { throwIfNoEntry: false });
    if (!st) continue;
    // A symlink or directory at the target could redirect the write elsewhere: never follow it.
    if (st.isSymbolicLink() || !st.isFile()) throw new ExportPathError(`Målet är inte en vanlig fil: ${path.basename(t)}`);
    existing.push(path.basename(t));
  }
  if (existing.length > 0 && !overwrite) throw new ExportExistsError(existing);
  const written: WrittenFile[] = [];
  files.forEach((f, i) => {
    const data = Buffer.from(f.content, 'utf8');
    // 'wx' fails if a file appeared since the check; with overwrite the check above vetted it.
    fs.writeFileSync(targets[i]!, data, { flag: overwrite ? 'w' : 'wx' });
    written.push({ path: targets[i]!, bytes: data.length });
    onWritten([...written]);
  });
  return written;
}

/**
 * Appends the export's audit entry and writes the files in one transaction: the entry first (if it
 * cannot be written, no file is), the files second (if one cannot be written, the entry rolls back
 * and the files already written are removed).
 */
export function writeWithAudit(
  db: Db,
  outDir: string,
  files: readonly { name: string; content: string }[],
  overwrite: boolean,
  entry: Parameters<typeof appendAudit>[1],
): WrittenFile[] {
  let written: WrittenFile[] = [];
  const run = db.transaction(() => {
    appendAudit(db, entry);
    written = writeExportFiles(outDir, files, overwrite, (w) => (written = w));
  });
  try {
    if (db.inTransaction) run.default();
    else run.immediate();
  } catch (err) {
    for (const f of written) fs.rmSync(f.path, { force: true });
    throw err;
  }
  return written;
}
