import http from 'node:http';

/**
 * POSTs `bytes` of blanks to a loopback API method in 1 MiB chunks, with or without a
 * Content-Length, honouring back-pressure; resolves with the status and body of the reply.
 */
export function streamPost(port: number, token: string, bytes: number, withLength: boolean, method = 'search'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-insyn-token': token };
    if (withLength) headers['content-length'] = String(bytes);
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: `/api/${method}`, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(1 << 20, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}
