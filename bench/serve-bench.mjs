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
//    normal client sends a request every 50 ms, against each server in
//    turn: the client's median and p99 (goal < 100 ms).
// The machine's load average is printed before and after.
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

// The load average, printed before and after: the machine is shared, and the
// figures mean little without it.
const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

// 500 connections trickling a request head (a byte per connection every
// 200 ms) at the server on port, while one normal keep-alive client sends a
// request every 50 ms: its latencies, sorted, and how many tricklers were
// still open at the end (the rest were dropped by a header timeout).
async function tricklers(port) {
  const sockets = [];
  const request = 'GET /success HTTP/1.1\r\nHost: a\r\n\r\n';
  for (let i = 0; i < TRICKLERS; i++) {
    const s = net.connect(port, '127.0.0.1');
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
      http.get({ host: '127.0.0.1', port, path: '/success', agent }, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject);
    });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    await new Promise((r) => setTimeout(r, 50));
  }
  clearInterval(trickle);
  const open = sockets.filter((s) => !s.destroyed).length;
  sockets.forEach((s) => s.destroy());
  agent.destroy();
  times.sort((a, b) => a - b);
  return { times, open };
}

const pct = (times, p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
const cells = (label, a, b) => `${label.padEnd(36)} ${String(a).padStart(18)}   ${b}`;

console.log(`# serve-bench on ${os.cpus().length} x ${os.cpus()[0].model}, Node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`# load average (1, 5, 15 min) before: ${loadavg()}`);
console.log(`# ${CONNECTIONS} keep-alive connections, ${SECONDS} s each, GET /success (${BODY.length}-byte JSON); then ${TRICKLERS} tricklers`);

const peer = await bare();
const hs = await serve();
const rssBefore = rssOf(hs.pid);
await load(hs.port); // warm-ups of the same length, so both are measured warm
await load(peer.port);
const rBare = await load(peer.port);
const rServe = await load(hs.port);
const rssAfter = rssOf(hs.pid);
await hs.close();
const tBare = await tricklers(peer.port);
await peer.close();
const slow = await serve(['--max-connections', String(TRICKLERS + 64), '--header-timeout', '10']);
const tServe = await tricklers(slow.port);
await slow.close();

const errors = (r) => r.errors + r.timeouts + r.non2xx;
const ratio = rServe.requests.average / rBare.requests.average;
console.log(cells('', 'node:http (bare)', 'http-status serve'));
console.log(cells('requests/s', Math.round(rBare.requests.average), `${Math.round(rServe.requests.average)} (${ratio.toFixed(2)}x the bare server; goal >= 0.70x)`));
console.log(cells('p99 latency', `${rBare.latency.p99} ms`, `${rServe.latency.p99} ms`));
console.log(cells('errors', errors(rBare), errors(rServe)));
console.log(cells('serve RSS before / after', '', `${rssBefore.toFixed(1)} MB / ${rssAfter.toFixed(1)} MB (${rServe.requests.total * 2} requests: a warm-up run and the measured one)`));
console.log(cells(`normal client beside ${TRICKLERS} tricklers: median`, `${pct(tBare.times, 0.5).toFixed(1)} ms`, `${pct(tServe.times, 0.5).toFixed(1)} ms`));
console.log(cells('                                   p99', `${pct(tBare.times, 0.99).toFixed(1)} ms`, `${pct(tServe.times, 0.99).toFixed(1)} ms (goal < 100 ms; ${tServe.times.length} requests)`));
console.log(cells('tricklers still open at the end', tBare.open, `${tServe.open} (header timeout 10 s)`));
console.log(`# load average (1, 5, 15 min) after: ${loadavg()}`);
