// Loaded with `node --import` into a process (and, through inherited execArgv, into each of its
// worker threads): records every outgoing socket, datagram and DNS lookup to $INSYN_EGRESS_LOG,
// one JSON line each, so the no-egress test can check that nothing but loopback was used.
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { threadId } from 'node:worker_threads';

const require = createRequire(import.meta.url);

const LOG = process.env.INSYN_EGRESS_LOG;

function record(kind, target) {
  if (!LOG) return;
  fs.appendFileSync(LOG, JSON.stringify({ kind, target, thread: threadId, pid: process.pid }) + '\n');
}

function targetOf(args) {
  const a = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (a && typeof a === 'object') {
    if (a.path) return { unix: String(a.path) };
    return { host: a.host ?? 'localhost', port: a.port };
  }
  if (typeof a === 'string' && isNaN(Number(a))) return { unix: a };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: a };
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  record('tcp', targetOf(args));
  return connect.apply(this, args);
};

const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function (msg, ...rest) {
  const host = rest.find((x) => typeof x === 'string');
  const port = rest.find((x) => typeof x === 'number');
  record('udp', { host: host ?? 'localhost', port });
  return send.call(this, msg, ...rest);
};
const dconnect = dgram.Socket.prototype.connect;
dgram.Socket.prototype.connect = function (port, host, ...rest) {
  record('udp', { host: typeof host === 'string' ? host : 'localhost', port });
  return dconnect.call(this, port, host, ...rest);
};

const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  record('dns', { host });
  return lookup.call(this, host, ...rest);
};
const plookup = dns.promises.lookup;
dns.promises.lookup = function (host, ...rest) {
  record('dns', { host });
  return plookup.call(this, host, ...rest);
};
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveMx', 'resolveTxt', 'resolveSrv', 'reverse']) {
  const orig = dns[name];
  if (typeof orig === 'function') {
    dns[name] = function (host, ...rest) {
      record('dns', { host, via: name });
      return orig.call(this, host, ...rest);
    };
  }
}
// Worker threads do not run --import hooks: wrap every new Worker so it loads this recorder first.
const wt = require('node:worker_threads');
const OriginalWorker = wt.Worker;
const self = import.meta.url;
class RecordedWorker extends OriginalWorker {
  constructor(filename, options = {}) {
    const target = options.eval ? null : String(filename instanceof URL ? filename.href : new URL(filename, 'file://' + process.cwd() + '/').href);
    const body = options.eval ? String(filename) : `import(${JSON.stringify(target)})`;
    const code = `import(${JSON.stringify(self)}).then(() => { ${body}; })`;
    super(code, { ...options, eval: true });
  }
}
wt.Worker = RecordedWorker;
syncBuiltinESMExports();

record('start', { argv: process.argv.slice(1, 3) });
