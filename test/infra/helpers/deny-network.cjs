// Preloaded (NODE_OPTIONS=--require) into the osls process by test/infra: any name lookup or
// connection beyond loopback is written to DENY_NETWORK_LOG and fails, so the test can assert that
// packaging is fully offline (no telemetry, no update check, no AWS call).
const dns = require('node:dns');
const fs = require('node:fs');
const net = require('node:net');

const log = process.env.DENY_NETWORK_LOG;
const record = (what) => {
  if (log) fs.appendFileSync(log, `${what}\n`);
};
const isLoopback = (host) => !host || host === 'localhost' || host === '::1' || /^127\./.test(host);

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  if (isLoopback(hostname)) return lookup.call(this, hostname, options, callback);
  record(`lookup ${hostname}`);
  const error = Object.assign(new Error(`network denied by test: ${hostname}`), { code: 'ENOTFOUND' });
  process.nextTick(() => done(error));
  return {};
};
dns.promises.lookup = async (hostname, options) => {
  if (isLoopback(hostname))
    return lookup.__promisify__ ? lookup.__promisify__(hostname, options) : { address: '127.0.0.1', family: 4 };
  record(`lookup ${hostname}`);
  throw Object.assign(new Error(`network denied by test: ${hostname}`), { code: 'ENOTFOUND' });
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  // net.connect() passes [options, callback] as one normalized array; sockets are also connected directly.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  if (options.path || isLoopback(options.host)) return connect.apply(this, args);
  record(`connect ${options.host}:${options.port}`);
  process.nextTick(() => this.destroy(new Error(`network denied by test: ${options.host}`)));
  return this;
};
