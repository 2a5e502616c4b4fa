import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 7.4: import, analysis, the loopback server, API calls and the UI in Chromium, with every
 * socket, datagram and DNS lookup of the process and its worker threads recorded; anything but
 * loopback fails. Where the machine allows it the run also happens in a network namespace that
 * has only a loopback interface, so an attempt could not succeed even if the recorder missed it.
 */

const RECORDER = path.resolve('test/security/egress-recorder.mjs');
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

interface Entry {
  kind: 'tcp' | 'udp' | 'dns' | 'start';
  target: { host?: string; port?: unknown; unix?: string; argv?: string[] };
  thread: number;
}

const canUnshare = (() => {
  if (process.platform !== 'linux') return false;
  return spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up'], { timeout: 10_000 }).status === 0;
})();

function runRecorded(script: string[], log: string, isolate: boolean) {
  const node = [process.execPath, '--import', RECORDER, ...script];
  const quoted = node.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const [cmd, args] = isolate ? ['unshare', ['-n', 'sh', '-c', `ip link set lo up && exec ${quoted}`]] : [node[0]!, node.slice(1)];
  return spawnSync(cmd as string, args as string[], { env: { ...process.env, INSYN_EGRESS_LOG: log }, encoding: 'utf8', timeout: 240_000 });
}

const readLog = (file: string): Entry[] => fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Entry);

function offenders(entries: Entry[]): Entry[] {
  return entries.filter((e) => e.kind !== 'start' && !e.target.unix && !LOOPBACK.has(String(e.target.host).toLowerCase()));
}

describe('no egress', () => {
  it('the recorder sees an outgoing connection (so this test can fail)', () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-egress-')), 'log.jsonl');
    const probe = "import('node:net').then(({ default: net }) => { const s = net.connect({ host: '192.0.2.1', port: 9 }); s.on('error', () => {}); setTimeout(() => process.exit(0), 200); })";
    runRecorded(['-e', probe], log, false);
    expect(offenders(readLog(log)).map((e) => e.target.host)).toEqual(['192.0.2.1']);
  });

  it(`import, analysis, loopback server, API and UI use nothing but loopback${canUnshare ? ' (inside a loopback-only network namespace)' : ''}`, () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-egress-')), 'log.jsonl');
    const r = runRecorded(['--import', 'tsx', 'test/security/egress-scenario.ts'], log, canUnshare);
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { hitCount: number; browser: string; requests: string[] };
    const entries = readLog(log);
    expect(offenders(entries)).toEqual([]);
    // The recording covered the work: the HTTP calls, and worker threads (import, analysis).
    expect(entries.some((e) => e.kind === 'tcp' && e.target.host === '127.0.0.1')).toBe(true);
    expect(entries.some((e) => e.kind === 'start' && e.thread > 0)).toBe(true);
    expect(summary.hitCount).toBeGreaterThan(0);
    if (fs.existsSync('/usr/bin/chromium')) expect(summary.browser).toBe('chromium');
    if (summary.browser === 'chromium') {
      expect(summary.requests.length).toBeGreaterThan(0);
      for (const url of summary.requests) expect(new URL(url).hostname, url).toBe('127.0.0.1');
    }
  }, 300_000);
});
