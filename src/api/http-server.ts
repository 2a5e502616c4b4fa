import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fail, type Envelope } from './contract';
import { API_PREFIX, TOKEN_HEADER } from './transports';

/**
 * Loopback transport (issue 5, issue 7.5): HTTP on 127.0.0.1 only, a random per-session token on
 * every API request, Host and Origin checks against DNS rebinding and cross-site requests, and
 * the built renderer served as static files under a strict CSP.
 */

/** The renderer's Content-Security-Policy (same string as Electron's; no remote origins). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const LOOPBACK_HOST = '127.0.0.1';
const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** How much of a refused body is read and discarded before the connection is cut after all. */
const MAX_DRAIN_BYTES = 1024 * 1024 * 1024;

export type ApiHandler = (method: string, request: unknown) => Promise<Envelope<unknown>>;

export interface ServerOptions {
  handle: ApiHandler;
  /** 0 (default) = a random free port. */
  port?: number;
  /** Defaults to 32 random bytes, hex. */
  token?: string;
  /** Folder of the built renderer (dist/renderer); null = API only. */
  staticDir?: string | null;
}

export interface RunningServer {
  port: number;
  token: string;
  /** Base URL without the token. */
  origin: string;
  /** What to open in a browser: the page with the token for the first load. */
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

export function newToken(): string {
  return crypto.randomBytes(32).toString('hex');
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=()',
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Host headers we answer to: anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Maps a URL path to a file inside `root`, or null when it would leave the folder (`..`,
 * encoded separators, NUL, absolute paths).
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const rootAbs = path.resolve(root);
  const full = path.resolve(rootAbs, ...segments);
  if (full !== rootAbs && !full.startsWith(rootAbs + path.sep)) return null;
  return full;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

/**
 * Reads the body up to MAX_BODY_BYTES. A larger one (declared or streamed) is rejected at once and
 * the rest is read and thrown away (up to MAX_DRAIN_BYTES), so the 413 reaches the client: closing
 * a socket with unread data makes the kernel send a reset instead (issue 13).
 */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const refuse = (): void => {
      tooLarge = true;
      chunks.length = 0;
      reject(new Error('too_large'));
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) refuse();
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (tooLarge) {
        if (size > MAX_DRAIN_BYTES) req.destroy();
        return;
      }
      if (size > MAX_BODY_BYTES) return refuse();
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="sv"><meta charset="utf-8"><title>Insyn</title>
<body><h1>Insyn</h1><p>Gränssnittet är inte byggt. Kör <code>npm run build</code> och starta om.</p></body></html>`;

async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, staticDir: string | null, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Metoden stöds inte', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
  if (!staticDir || !fs.existsSync(path.join(staticDir, 'index.html'))) return send(res, 200, NOT_BUILT_PAGE, 'text/html; charset=utf-8');
  const file = resolveStatic(staticDir, pathname);
  if (!file) return send(res, 404, 'Hittades inte', 'text/plain; charset=utf-8');
  let target = file;
  let stat = await fs.promises.stat(target).catch(() => null);
  if (stat?.isDirectory()) {
    target = path.join(target, 'index.html');
    stat = await fs.promises.stat(target).catch(() => null);
  }
  if (!stat) {
    // Client-side routes (no extension) get the app shell; missing assets are 404.
    if (path.extname(pathname) !== '') return send(res, 404, 'Hittades inte', 'text/plain; charset=utf-8');
    target = path.join(staticDir, 'index.html');
  }
  // Resolve symlinks too: a link inside dist/ must not lead outside it.
  const real = await fs.promises.realpath(target).catch(() => null);
  const realRoot = await fs.promises.realpath(staticDir);
  if (!real || (real !== realRoot && !real.startsWith(realRoot + path.sep))) return send(res, 404, 'Hittades inte', 'text/plain; charset=utf-8');
  const body = req.method === 'HEAD' ? '' : await fs.promises.readFile(real);
  const type = MIME[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
  const cache = real.endsWith('index.html') ? 'no-store' : 'no-cache';
  send(res, 200, body, type, { 'Cache-Control': cache });
}

async function serveApi(req: http.IncomingMessage, res: http.ServerResponse, handle: ApiHandler, token: string, method: string): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, fail('invalid_request', 'API:t tar bara emot POST'));
  const given = req.headers[TOKEN_HEADER];
  if (!tokenMatches(Array.isArray(given) ? given[0] : given, token)) {
    return sendJson(res, 401, fail('unauthorized', 'Saknad eller felaktig sessionsnyckel'));
  }
  // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return sendJson(res, 415, fail('invalid_request', 'Förfrågan ska vara JSON'));
  let body: unknown;
  try {
    const text = await readBody(req);
    body = text.length ? JSON.parse(text) : {};
  } catch (err) {
    const tooLarge = err instanceof Error && err.message === 'too_large';
    if (tooLarge) {
      // Answer now and close once the client has sent the rest (read and discarded by readBody).
      res.shouldKeepAlive = false;
      return send(res, 413, JSON.stringify(fail('invalid_request', 'Förfrågan är för stor')), 'application/json; charset=utf-8', { Connection: 'close' });
    }
    return sendJson(res, 400, fail('invalid_request', 'Förfrågan är inte giltig JSON'));
  }
  const reply = await handle(method, body);
  sendJson(res, 200, reply);
}

export function createRequestListener(opts: { handle: ApiHandler; token: string; staticDir: string | null; port: () => number }) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const port = opts.port();
      const host = String(req.headers.host ?? '').toLowerCase();
      if (!allowedHosts(port).has(host)) return send(res, 421, 'Fel värdnamn', 'text/plain; charset=utf-8');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins(port).has(origin)) return send(res, 403, 'Förbjuden källa', 'text/plain; charset=utf-8');
      const site = req.headers['sec-fetch-site'];
      if (site === 'cross-site' || site === 'same-site') return send(res, 403, 'Förbjuden källa', 'text/plain; charset=utf-8');
      const pathname = new URL(req.url ?? '/', `http://${host}`).pathname;
      if (pathname.startsWith(API_PREFIX)) return await serveApi(req, res, opts.handle, opts.token, pathname.slice(API_PREFIX.length));
      return await serveStatic(req, res, opts.staticDir, pathname);
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, fail('internal', `Internt fel: ${err instanceof Error ? err.message : String(err)}`));
      else res.destroy();
    }
  };
}

/** Starts the loopback server; resolves once it listens. Always binds 127.0.0.1. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  let port = 0;
  const server = http.createServer(
    createRequestListener({ handle: opts.handle, token, staticDir: opts.staticDir ?? null, port: () => port }),
  );
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK_HOST, port: opts.port ?? 0, exclusive: true }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK_HOST}:${port}`;
  return {
    port,
    token,
    origin,
    url: `${origin}/?token=${token}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
