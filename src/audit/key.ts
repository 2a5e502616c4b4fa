import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The per-installation audit key (issue 13.1). The chain is an HMAC-SHA-256 chain under this
 * key, so someone who can edit the store file cannot re-hash an edited log without also holding
 * the key. The key lives outside the store (a separate per-user folder), is created on first use
 * with mode 0600, and is never written into the store; only its id (a hash of it) is.
 *
 * Path: `$INSYN_AUDIT_KEY` when set (tests, or a key moved with the store), else
 *   Linux   `$XDG_CONFIG_HOME/insyn/audit.key` (default `~/.config/insyn/audit.key`)
 *   macOS   `~/Library/Preferences/insyn/audit.key`
 *   Windows `%LOCALAPPDATA%\insyn\audit.key` (not roamed)
 */
export function auditKeyPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.INSYN_AUDIT_KEY) return path.resolve(env.INSYN_AUDIT_KEY);
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local')
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Preferences')
        : env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  return path.join(base, 'insyn', 'audit.key');
}

export interface AuditKey {
  /** The secret (32 random bytes). */
  secret: Buffer;
  /** Public id of the key: first 16 hex digits of sha256 over a label and the secret. */
  id: string;
  path: string;
  /** When the key was made (ISO): log entries without a key written after this were not written by Insyn. */
  createdAt: string;
}

export class AuditKeyError extends Error {
  override name = 'AuditKeyError';
}

const KEY_HEX = /^[0-9a-f]{64}$/;
const cache = new Map<string, AuditKey>();

export function keyId(secret: Buffer): string {
  return createHash('sha256').update('insyn-audit-key-id\0').update(secret).digest('hex').slice(0, 16);
}

/** The file: the key in hex on the first line, `created <ISO time>` on the second. */
function parseKey(text: string, file: string): AuditKey {
  const [first = '', ...rest] = text.split(/\r?\n/);
  const hex = first.trim().toLowerCase();
  if (!KEY_HEX.test(hex)) throw new AuditKeyError(`Granskningsnyckeln ${file} är skadad (förväntade 64 hexadecimala tecken).`);
  const created = rest.map((l) => /^created (\S+)$/.exec(l.trim())?.[1]).find(Boolean) ?? fs.statSync(file).mtime.toISOString();
  const secret = Buffer.from(hex, 'hex');
  return { secret, id: keyId(secret), path: file, createdAt: created };
}

/**
 * The installation's key. `create: true` (writing to the log) makes it on first use; `false`
 * (verifying) returns null when there is none. A key readable by others is narrowed to 0600.
 */
export function loadAuditKey(opts: { create: boolean; file?: string } = { create: true }): AuditKey | null {
  const file = opts.file ?? auditKeyPath();
  const cached = cache.get(file);
  if (cached) return cached;
  let text: string | null = null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new AuditKeyError(`Granskningsnyckeln ${file} kan inte läsas: ${(err as Error).message}`);
  }
  if (text === null) {
    if (!opts.create) return null;
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      // 'wx': another process creating it at the same moment wins, and we read theirs.
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\ncreated ${new Date().toISOString()}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new AuditKeyError(`Granskningsnyckeln ${file} kan inte skapas: ${(err as Error).message}`);
    }
    text = fs.readFileSync(file, 'utf8');
  }
  if (process.platform !== 'win32') {
    const mode = fs.statSync(file).mode & 0o777;
    if (mode & 0o077) fs.chmodSync(file, 0o600);
  }
  const key = parseKey(text, file);
  cache.set(file, key);
  return key;
}

/** Forgets loaded keys (tests that switch INSYN_AUDIT_KEY). */
export function clearAuditKeyCache(): void {
  cache.clear();
}

export function hmacHex(key: AuditKey, ...parts: string[]): string {
  const h = createHmac('sha256', key.secret);
  for (const p of parts) h.update(p);
  return h.digest('hex');
}
