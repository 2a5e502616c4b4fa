import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveStatic, startServer, type RunningServer } from '../../src/api/http-server';
import { createApiHandler, type ServiceImpl } from '../../src/api/handler';
import { createClient } from '../../src/api/client';
import { httpTransport } from '../../src/api/transports';
import { streamPost } from '../support/http';

/** A raw request, so tests control every header (fetch would set Host/Origin itself). */
function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, setHost: !opts.headers?.host }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

let srv: RunningServer;
let dir: string;
let calls = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-static-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Insyn test</title>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(os.tmpdir(), 'insyn-secret.txt'), 'secret');
  const service = {
    search: (r: { q: string; limit: number }) => {
      calls++;
      return { items: [{ id: '5566778899', kind: 'company', label: `Träff för ${r.q}`, detail: null, matchedBy: 'name', score: 1 }] };
    },
  } as unknown as ServiceImpl;
  srv = await startServer({ handle: createApiHandler(service), staticDir: dir });
});
afterAll(async () => {
  await srv.close();
});

const post = (headers: Record<string, string>, body = '{"q":"x"}') =>
  raw(srv.port, { method: 'POST', path: '/api/search', headers: { 'content-type': 'application/json', ...headers }, body });

describe('loopback server', () => {
  it('binds 127.0.0.1 only, with a 64-hex-char token', () => {
    const addr = srv.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
    expect(srv.token).toMatch(/^[0-9a-f]{64}$/);
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/?token=${srv.token}`);
  });

  it('answers a call with the right token through the typed client', async () => {
    const client = createClient(httpTransport(srv.origin, srv.token));
    const r = await client.search({ q: 'Östlund' });
    expect(r).toEqual({ ok: true, value: { items: [expect.objectContaining({ label: 'Träff för Östlund' })] } });
  });

  it('refuses a missing or wrong token with 401 and never calls the service', async () => {
    const before = calls;
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-insyn-token': 'a'.repeat(64) })).status).toBe(401);
    expect((await post({ 'x-insyn-token': srv.token.slice(0, 63) })).status).toBe(401);
    const client = createClient(httpTransport(srv.origin, 'wrong'));
    const r = await client.search({ q: 'x' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('unauthorized');
    expect(calls).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    for (const host of ['evil.example', `evil.example:${srv.port}`, `127.0.0.1:${srv.port + 1}`, '127.0.0.1']) {
      const r = await post({ 'x-insyn-token': srv.token, host });
      expect(r.status, host).toBe(421);
      const page = await raw(srv.port, { path: '/', headers: { host } });
      expect(page.status, host).toBe(421);
    }
    expect((await post({ 'x-insyn-token': srv.token, host: `localhost:${srv.port}` })).status).toBe(200);
  });

  it('refuses cross-origin requests even with the token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${srv.port + 1}`, 'null', `https://127.0.0.1:${srv.port}`]) {
      expect((await post({ 'x-insyn-token': srv.token, origin })).status, origin).toBe(403);
    }
    expect((await post({ 'x-insyn-token': srv.token, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ 'x-insyn-token': srv.token, origin: `http://127.0.0.1:${srv.port}` })).status).toBe(200);
  });

  it('refuses non-JSON bodies (no simple cross-site form posts)', async () => {
    const r = await post({ 'x-insyn-token': srv.token, 'content-type': 'text/plain' });
    expect(r.status).toBe(415);
  });

  it('replies with a Swedish validation error as an envelope', async () => {
    const r = await post({ 'x-insyn-token': srv.token }, '{"q":5}');
    expect(r.status).toBe(200);
    const env = JSON.parse(r.body);
    expect(env.ok).toBe(false);
    expect(env.error.code).toBe('invalid_request');
    expect(env.error.message).toMatch(/Ogiltig förfrågan/);
  });

  it('serves static files with CSP and hardening headers', async () => {
    const r = await raw(srv.port, { path: '/?token=abc' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('Insyn test');
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    const js = await raw(srv.port, { path: '/assets/app.js' });
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await raw(srv.port, { path: '/ingen/sida' })).body).toContain('Insyn test');
    expect((await raw(srv.port, { path: '/assets/saknas.js' })).status).toBe(404);
  });

  it('blocks path traversal', async () => {
    for (const p of ['/../insyn-secret.txt', '/assets/../../insyn-secret.txt', '/%2e%2e/insyn-secret.txt', '/assets/%2e%2e%2f%2e%2e%2finsyn-secret.txt', '/..%5cinsyn-secret.txt', '/%00']) {
      const r = await raw(srv.port, { path: p });
      expect(r.body, p).not.toContain('secret');
    }
    expect(resolveStatic(dir, '/../x')).toBeNull();
    expect(resolveStatic(dir, '/a/%2e%2e/%2e%2e/x')).toBeNull();
    expect(resolveStatic(dir, '/a/b.js')).toBe(path.join(dir, 'a', 'b.js'));
  });

  it('does not follow a symlink out of the static folder', async () => {
    fs.symlinkSync(path.join(os.tmpdir(), 'insyn-secret.txt'), path.join(dir, 'link.txt'));
    const r = await raw(srv.port, { path: '/link.txt' });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('secret');
  });

  it('is not reachable on a non-loopback interface', async () => {
    const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // no other interface on this machine: binding is asserted above
    await expect(
      new Promise((resolve, reject) => {
        const req = http.request({ host: external.address, port: srv.port, path: '/', timeout: 2000 }, resolve);
        req.on('error', reject);
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.end();
      }),
    ).rejects.toThrow();
  });
});

describe('oversized request bodies (issue 13)', () => {
  const bigPost = (bytes: number, withLength: boolean) => streamPost(srv.port, srv.token, bytes, withLength);

  it('a 100 MB body gets HTTP 413 with a Swedish message, not a connection reset', async () => {
    for (const withLength of [true, false]) {
      const r = await bigPost(100 * (1 << 20), withLength);
      expect(r.status, `content-length: ${withLength}`).toBe(413);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { message: 'Förfrågan är för stor' } });
    }
    // The server still answers afterwards.
    expect((await post({ 'x-insyn-token': srv.token })).status).toBe(200);
  }, 60_000);
});
