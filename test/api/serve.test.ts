import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient, unwrap } from '../../src/api/client';
import { httpTransport } from '../../src/api/transports';
import { CLI_BIN } from '../support/cli';

/** `insyn serve`: prints the loopback URL with the token, answers API calls, stops on SIGINT. */
describe('insyn serve', () => {
  it('serves the API on 127.0.0.1 with a token and exits cleanly', async () => {
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-serve-')), 'store.sqlite');
    const child = spawn(process.execPath, [CLI_BIN, 'serve', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Insyn körs på (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})\n/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve avslutades (${code})`)));
      setTimeout(() => reject(new Error('timeout')), 60_000);
    });
    const url = new URL(line);
    const client = createClient(httpTransport(url.origin, url.searchParams.get('token')!));
    const s = unwrap(await client.status());
    expect(s.storePath).toBe(db);
    expect(s.empty).toBe(true);
    const wrong = await createClient(httpTransport(url.origin, 'x'.repeat(64))).status();
    expect(!wrong.ok && wrong.error.code).toBe('unauthorized');
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  }, 90_000);

  it('refuses a bad port as a usage error (exit 2)', async () => {
    const child = spawn(process.execPath, [CLI_BIN, 'serve', '--port', 'många', '--db', ':memory:'], { stdio: 'ignore' });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(2);
  }, 60_000);
});
