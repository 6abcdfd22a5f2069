// serve-bench.mjs — `http-status serve` under load, side by side with a bare
// Node http server answering the same small JSON in the same run.
//
//   node bench/serve-bench.mjs [--seconds 10] [--connections 100] [--tricklers 500]
//
// 1. autocannon, 100 keep-alive connections for 10 s, against each server
//    in turn (GET /success, the same 36-byte JSON body from both):
//    requests/s, p99 latency, errors, the ratio, and the RSS of the serve
//    process before and after.
// 2. 500 connections trickling a request head one byte at a time while a
//    normal client sends a request every 50 ms: its latencies (goal < 100 ms).
// Loopback only; every loop is bounded in time.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({ allowPositionals: true, options: {
  seconds: { type: 'string', default: '10' },
  connections: { type: 'string', default: '100' },
  tricklers: { type: 'string', default: '500' },
} });
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const TRICKLERS = Number(values.tricklers);
const BODY = '{"message":"The request succeeded."}';
const BIN = new URL('../bin/http-status.js', import.meta.url).pathname;

function rssOf(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

// The bare peer: node:http in its own process (as serve is), keep-alive,
// the same body and type.
const BARE = `
import http from 'node:http';
const body = ${JSON.stringify(BODY)};
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => console.log('listening :' + server.address().port + '/'));
process.on('SIGTERM', () => process.exit(0));
`;

function started(child) {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /:(\d+)\/\n/.exec(out);
      if (m) resolve({ port: Number(m[1]), pid: child.pid, close: () => new Promise((r) => { child.on('exit', r); child.kill('SIGTERM'); }) });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

function bare() {
  return started(spawn(process.execPath, ['--input-type=module', '-e', BARE], { stdio: ['ignore', 'pipe', 'ignore'] }));
}

// `http-status serve` in its own process, as a user runs it.
function serve(args = []) {
  return started(spawn(process.execPath, [BIN, 'serve', '--port', '0', '--rate-limit', '0', ...args], { stdio: ['ignore', 'pipe', 'ignore'] }));
}

function load(port) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `http://127.0.0.1:${port}/success`, connections: CONNECTIONS, duration: SECONDS, pipelining: 1 }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

function row(name, r) {
  const errors = r.errors + r.timeouts + r.non2xx;
  return `${name.padEnd(22)} ${String(Math.round(r.requests.average)).padStart(8)} req/s   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${errors}`;
}

console.log(`# serve-bench on ${os.cpus().length} x ${os.cpus()[0].model}, Node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`# ${CONNECTIONS} keep-alive connections, ${SECONDS} s each, GET /success (${BODY.length}-byte JSON)`);

const peer = await bare();
const hs = await serve();
const rssBefore = rssOf(hs.pid);
await load(hs.port); // warm-ups of the same length, so both are measured warm
await load(peer.port);
const rBare = await load(peer.port);
const rServe = await load(hs.port);
const rssAfter = rssOf(hs.pid);
console.log(row('node:http (bare)', rBare));
console.log(row('http-status serve', rServe));
console.log(`ratio serve / bare: ${(rServe.requests.average / rBare.requests.average).toFixed(2)}x (goal >= 0.70x)`);
console.log(`serve RSS: ${rssBefore.toFixed(1)} MB before, ${rssAfter.toFixed(1)} MB after ${rServe.requests.total * 2} requests (a warm-up run and the measured one)`);
await peer.close();
await hs.close();

// ---- tricklers ---------------------------------------------------------------
const slow = await serve(['--max-connections', String(TRICKLERS + 64), '--header-timeout', '10']);
const sockets = [];
const request = 'GET /success HTTP/1.1\r\nHost: a\r\n\r\n';
for (let i = 0; i < TRICKLERS; i++) {
  const s = net.connect(slow.port, '127.0.0.1');
  s.on('error', () => {});
  s.pos = 0;
  sockets.push(s);
}
const trickle = setInterval(() => {
  for (const s of sockets) if (!s.destroyed && s.pos < request.length - 4) s.write(request[s.pos++]);
}, 200);
await new Promise((r) => setTimeout(r, 1000));
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const times = [];
const end = Date.now() + Math.min(SECONDS, 8) * 1000;
while (Date.now() < end) {
  const t0 = process.hrtime.bigint();
  await new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: slow.port, path: '/success', agent }, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject);
  });
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  await new Promise((r) => setTimeout(r, 50));
}
clearInterval(trickle);
const open = sockets.filter((s) => !s.destroyed).length;
sockets.forEach((s) => s.destroy());
agent.destroy();
await slow.close();
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
console.log(`# ${TRICKLERS} connections trickling a head at 5 bytes/s (header timeout 10 s), ${open} still open at the end`);
console.log(`normal client: ${times.length} requests, median ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${times.at(-1).toFixed(1)} ms (goal < 100 ms)`);
