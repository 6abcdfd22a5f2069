// serve.test.mjs — `http-status serve` on a loopback port, driven by clients
// nobody here wrote: curl (Debian), Node's fetch (undici), Python's
// http.client, and raw sockets for pipelining, trickling, garbage,
// timeouts, backpressure and the WebSocket handshake. Every loop is bounded
// in count and time; every server is stopped (SIGTERM) and must exit 0.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import net from 'node:net';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServe, waitForLog } from './lib/cli.mjs';

const exec = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'hs-serve-'));
const CRLF = '\r\n';
const servers = [];
after(async () => {
  for (const s of servers) await s.stop();
});

/** Starts a server that the after hook stops. */
async function serve(args = []) {
  const s = await startServe(args);
  servers.push(s);
  return s;
}

/** Stops a server started by serve() and returns its exit status. */
async function stop(s) {
  servers.splice(servers.indexOf(s), 1);
  return s.stop();
}

/**
 * Returns a function that is fed a byte stream chunk by chunk (Buffers or
 * strings, read as latin1) and returns how often text occurred in it so far:
 * once each, wherever the chunks cut it.
 */
function streamCounter(text) {
  let tail = '';
  let n = 0;
  return (chunk) => {
    const s = tail + (typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
    n += s.split(text).length - 1;
    // Less than one whole occurrence is kept, so none is counted twice.
    tail = s.slice(-(text.length - 1));
    return n;
  };
}

test('streamCounter counts each occurrence once, however the stream is cut', () => {
  const stream = 'HTTP/1.1 200 OK\r\nA: b\r\n\r\nHTTP/1.1 200 OK\r\n\r\nxHTTP/1.1 200 OK';
  for (let i = 0; i <= stream.length; i++) {
    for (let j = i; j <= stream.length; j++) {
      const count = streamCounter('HTTP/1.1 200 OK');
      count(stream.slice(0, i));
      count(stream.slice(i, j));
      assert.equal(count(stream.slice(j)), 3, `cut at ${i} and ${j}`);
    }
  }
});

/** curl with a time limit; resolves { stdout, stderr }. */
const curl = (...args) => exec('curl', ['--silent', '--show-error', '--max-time', '10', ...args], { timeout: 15000 });

/** A raw TCP exchange: writes each part (strings or bytes, with pauses of
 * gap ms), then reads until the server closes or ms pass; resolves
 * { data, closed, ms }. */
function raw(port, parts, { gap = 0, ms = 5000 } = {}) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const sock = net.connect(port, '127.0.0.1');
    const chunks = [];
    let closed = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      resolve({ data: Buffer.concat(chunks).toString('latin1'), closed, ms: Date.now() - t0 });
    };
    const timer = setTimeout(finish, ms);
    sock.on('data', (d) => chunks.push(d));
    sock.on('error', () => {});
    sock.on('close', () => { closed = true; finish(); });
    sock.on('end', () => { closed = true; finish(); });
    (async () => {
      for (const p of parts) {
        if (sock.destroyed) return;
        sock.write(p);
        if (gap) await new Promise((r) => setTimeout(r, gap));
      }
    })();
  });
}

/** The status codes of every response in a byte stream, in order. */
const statuses = (data) => [...data.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));

test('curl -v: keep-alive, the real clock, one access-log line per exchange', async () => {
  const s = await serve();
  const { stdout, stderr } = await curl('-v', `${s.url}/success`, `${s.url}/items`);
  assert.match(stdout, /^\{"message":"The request succeeded\."\}\{"items":\[/);
  assert.match(stderr, /< HTTP\/1\.1 200 OK/);
  assert.match(stderr, /Re-using existing connection/, 'the second request went over the same connection');
  const date = /< Date: (.+)\r/.exec(stderr)[1];
  assert.ok(Math.abs(Date.parse(date) - Date.now()) < 5000, `Date is now: ${date}`);
  assert.ok(await waitForLog(s, /GET \/items 200/));
  const lines = s.log().trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^\d{4}-\d\d-\d\dT[\d:.]+Z 127\.0\.0\.1:\d+ GET \/success 200 handler \d+ \d+\.\dms$/);
  assert.equal(await stop(s), 0, 'SIGTERM: exit 0');
  assert.match(s.log(), /http-status serve: stopped\n$/);
});

test('curl --http1.0: the server answers HTTP/1.1 and closes', async () => {
  const s = await serve();
  const { stdout, stderr } = await curl('--http1.0', '-i', '-v', `${s.url}/success`);
  assert.match(stdout, /^HTTP\/1\.1 200 OK\r\n/);
  assert.match(stdout, /\r\nConnection: close\r\n/);
  assert.match(stderr, /Closing connection/);
  const ka = await curl('--http1.0', '-i', '-H', 'Connection: keep-alive', `${s.url}/success`);
  assert.match(ka.stdout, /\r\nConnection: keep-alive\r\n/, 'HTTP/1.0 keep-alive honoured and said so');
});

test('curl uploads over 1 KiB with Expect: 100-continue and gets 100 at once', async () => {
  // Debian's curl 7.88 adds Expect by itself only above 1 MiB, so a 4 KB
  // upload asks for it with -H; curl then waits up to --expect100-timeout.
  const s = await serve();
  const file = join(tmp, 'big.json');
  writeFileSync(file, JSON.stringify({ name: 'lamp2', pad: 'x'.repeat(4000) }));
  const t0 = Date.now();
  const { stdout, stderr } = await curl('-v', '--expect100-timeout', '5', '-H', 'Expect: 100-continue', '-H', 'Content-Type: application/json',
    '--data-binary', `@${file}`, '-w', '\n%{http_code}', `${s.url}/items`);
  const ms = Date.now() - t0;
  assert.match(stderr, /> Expect: 100-continue/, 'curl asked');
  assert.match(stderr, /< HTTP\/1\.1 100 Continue/, 'the server said go ahead');
  assert.match(stdout, /\n201$/);
  assert.ok(ms < 2500, `the upload did not wait for curl's 5 s timeout (${ms} ms)`);
  // refused from the head: the final status before the content, no 100
  const t1 = Date.now();
  const bad = await curl('-v', '--expect100-timeout', '5', '-H', 'Expect: 100-continue', '-H', 'Content-Type: text/plain',
    '--data-binary', `@${file}`, '-w', '\n%{http_code}', `${s.url}/items`);
  assert.match(bad.stdout, /\n415$/);
  assert.doesNotMatch(bad.stderr, /100 Continue/);
  assert.match(bad.stderr, /< Connection: close/);
  assert.ok(Date.now() - t1 < 2500, 'no wait either');
  // over 1 MiB curl asks by itself; the engine's 64 KiB limit refuses it from the head
  const huge = join(tmp, 'huge.bin');
  writeFileSync(huge, Buffer.alloc(1100000, 0x61));
  const t2 = Date.now();
  const big = await curl('-v', '--expect100-timeout', '5', '--data-binary', `@${huge}`, '-w', '\n%{http_code}', `${s.url}/`);
  assert.match(big.stderr, /> Expect: 100-continue/);
  assert.match(big.stdout, /\n413$/);
  assert.ok(Date.now() - t2 < 2500, '413 at once, the megabyte never sent');
});

test("Node's fetch: 303 is followed with GET, 307 and 308 keep the method and content", async () => {
  const s = await serve();
  const r303 = await fetch(`${s.url}/form`, { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(r303.status, 200);
  assert.ok(r303.redirected && r303.url.endsWith('/success'));
  for (const [path, code] of [['/temporary-redirect', 307], ['/permanent-redirect', 308]]) {
    const r = await fetch(`${s.url}${path}`, { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } });
    assert.equal(r.status, 200, `${code} followed`);
    assert.equal(await r.text(), 'hello', 'POST / echoed the content that came along');
  }
  assert.ok(await waitForLog(s, /POST \/permanent-redirect 308 handler[^\n]*\n[^\n]* POST \/ 200/));
  const log = s.log();
  assert.match(log, /POST \/form 303 handler[^\n]*\n[^\n]* GET \/success 200 /, '303: the next request is a GET');
  assert.match(log, /POST \/temporary-redirect 307 handler[^\n]*\n[^\n]* POST \/ 200 /, '307: still a POST');
});

test("Python's http.client: keep-alive, HEAD, a JSON POST, 405 with Allow", async () => {
  const s = await serve();
  const script = `
import http.client, json, sys
c = http.client.HTTPConnection('127.0.0.1', ${s.port}, timeout=5)
out = []
c.request('GET', '/items'); r = c.getresponse(); out.append([r.status, len(r.read())])
c.request('HEAD', '/items'); r = c.getresponse(); out.append([r.status, len(r.read()), r.getheader('Content-Length')])
c.request('POST', '/items', body=json.dumps({'name': 'mug'}), headers={'Content-Type': 'application/json'}); r = c.getresponse()
out.append([r.status, r.getheader('Location'), json.loads(r.read())])
c.request('DELETE', '/'); r = c.getresponse(); r.read(); out.append([r.status, r.getheader('Allow')])
print(json.dumps(out))
`;
  const { stdout } = await exec('python3', ['-c', script], { timeout: 15000 });
  const [get, head, post, del] = JSON.parse(stdout);
  assert.deepEqual(get, [200, 83]);
  assert.deepEqual(head, [200, 0, '83'], 'HEAD: the fields of a GET, no content');
  assert.deepEqual(post, [201, '/items/4', { id: 4, name: 'mug' }]);
  assert.deepEqual(del, [405, 'GET, HEAD, POST, OPTIONS']);
  assert.ok(await waitForLog(s, /DELETE \/ 405 allow/));
  const peers = new Set([...s.log().matchAll(/Z (127\.0\.0\.1:\d+) /g)].map((m) => m[1]));
  assert.equal(peers.size, 1, 'all four exchanges on one connection');
});

test('raw socket: pipelined requests are answered in order; Connection: close ends it', async () => {
  const s = await serve();
  const r = await raw(s.port, [`GET /success HTTP/1.1${CRLF}Host: a${CRLF}${CRLF}GET /nope HTTP/1.1${CRLF}Host: a${CRLF}${CRLF}` +
    `GET /items/1 HTTP/1.1${CRLF}Host: a${CRLF}Connection: close${CRLF}${CRLF}GET /success HTTP/1.1${CRLF}Host: a${CRLF}${CRLF}`]);
  assert.deepEqual(statuses(r.data), [200, 404, 200], 'three answers, none for the bytes after close');
  assert.ok(r.closed && r.ms < 2000, 'the server closed after Connection: close');
});

test('raw socket: content split across writes is waited for, then served', async () => {
  const s = await serve();
  const body = '{"name":"split"}';
  const r = await raw(s.port, [`POST /items HTTP/1.1${CRLF}Host: a${CRLF}Content-Type: application/json${CRLF}`,
    `Content-Length: ${body.length}${CRLF}${CRLF}{"name"`, ':"split"}', `GET /items/4 HTTP/1.1${CRLF}Host: a${CRLF}Connection: close${CRLF}${CRLF}`], { gap: 150 });
  assert.deepEqual(statuses(r.data), [201, 200]);
  // without Expect the server waits for the content even when the head decides
  const refused = await raw(s.port, [`POST /items HTTP/1.1${CRLF}Host: a${CRLF}Content-Type: text/plain${CRLF}Content-Length: 5${CRLF}${CRLF}`,
    'hello', `GET /success HTTP/1.1${CRLF}Host: a${CRLF}Connection: close${CRLF}${CRLF}`], { gap: 150 });
  assert.deepEqual(statuses(refused.data), [415, 200], 'the 415 came after the content, on a connection kept open');
});

test('raw socket: garbage gets 400 and a close; the bytes after it are never a request', async () => {
  const s = await serve();
  const r = await raw(s.port, [`\x16\x03\x01\x02\x00\x01\x00\x01\xfc${CRLF}${CRLF}GET /success HTTP/1.1${CRLF}Host: a${CRLF}${CRLF}`]);
  assert.deepEqual(statuses(r.data), [400]);
  assert.match(r.data, /Connection: close\r\n/);
  assert.ok(r.closed);
  const bad = await raw(s.port, [`GET / HTTP/1.1${CRLF}Host: a${CRLF}Content-Length: 5${CRLF}Content-Length: 6${CRLF}${CRLF}hello`]);
  assert.deepEqual(statuses(bad.data), [400], 'conflicting Content-Length: a framing error');
  assert.ok(bad.closed);
});

test('timeouts: 408 after a real header timeout; an idle connection is closed quietly', async () => {
  const s = await serve(['--header-timeout', '1', '--idle-timeout', '1']);
  const r = await raw(s.port, [`GET /success HTTP/1.1${CRLF}Ho`]);
  assert.deepEqual(statuses(r.data), [408]);
  assert.ok(r.closed && r.ms >= 900 && r.ms < 3000, `408 after about 1 s (${r.ms} ms)`);
  assert.ok(Math.abs(Date.parse(/\r\nDate: ([^\r]+)/.exec(r.data)[1]) - Date.now()) < 5000, 'dated now');
  const idle = await raw(s.port, []);
  assert.equal(idle.data, '', 'nothing is sent to an idle connection');
  assert.ok(idle.closed && idle.ms >= 900 && idle.ms < 3000, `closed after the idle timeout (${idle.ms} ms)`);
});

test('a client trickling a byte at a time is dropped while another is served at once', async () => {
  const s = await serve(['--header-timeout', '1', '--body-timeout', '1']);
  const request = `GET /success HTTP/1.1${CRLF}Host: a${CRLF}${CRLF}`;
  const trickle = raw(s.port, [...request].slice(0, 20), { gap: 100 });
  const trickleBody = raw(s.port, [`POST / HTTP/1.1${CRLF}Host: a${CRLF}Content-Length: 20${CRLF}${CRLF}`, ...'x'.repeat(19)], { gap: 100 });
  await new Promise((r) => setTimeout(r, 300));
  const t0 = Date.now();
  const normal = await fetch(`${s.url}/success`);
  assert.equal(normal.status, 200);
  assert.ok(Date.now() - t0 < 500, 'the normal client is not held up');
  const [slow, slowBody] = await Promise.all([trickle, trickleBody]);
  assert.deepEqual(statuses(slow.data), [408], 'the head never completed in 1 s: 408');
  assert.ok(slow.closed && slow.ms < 2000);
  assert.deepEqual(statuses(slowBody.data), [408], 'the content never completed in 1 s: 408');
  assert.ok(slowBody.closed && slowBody.ms < 2000, `more bytes do not restart the body timer (${slowBody.ms} ms)`);
});

test('backpressure: a client that does not read holds the server up, and the server stops reading', async () => {
  const s = await serve(['--rate-limit', '0']);
  const n = 20000;
  const one = `GET / HTTP/1.1${CRLF}Host: a${CRLF}X-Pad: ${'p'.repeat(250)}${CRLF}${CRLF}`;
  const sock = net.connect(s.port, '127.0.0.1');
  await new Promise((r) => sock.on('connect', r));
  sock.pause(); // read nothing
  sock.write(one.repeat(n)); // about 5.7 MB
  // Wait until the server has answered some, then until it stalls: no new
  // answer for 500 ms (bounded, so a loaded machine is given time, not a verdict).
  const count = () => (s.log().match(/ GET \/ 200 /g) || []).length;
  let answered = 0;
  for (let last = -1, since = Date.now(), until = Date.now() + 15000; Date.now() < until;) {
    answered = count();
    if (answered !== last) [last, since] = [answered, Date.now()];
    else if (answered > 0 && Date.now() - since >= 500) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(answered > 0 && answered < n, `the server stopped answering while nobody read (${answered} of ${n})`);
  assert.ok(sock.writableLength > 0, `the server stopped reading too: ${sock.writableLength} bytes still wait on the client's side`);
  let got = 0;
  const count200 = streamCounter('HTTP/1.1 200 OK');
  sock.on('data', (d) => { got = count200(d); });
  sock.resume();
  const end = Date.now() + 30000;
  while (got < n && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  sock.destroy();
  assert.equal(got, n, 'once read, every response arrives');
});

test('WebSocket handshake: 101 with the RFC 6455 accept value, then a clean close', async () => {
  const s = await serve();
  const key = 'dGhlIHNhbXBsZSBub25jZQ==';
  const r = await raw(s.port, [`GET /chat HTTP/1.1${CRLF}Host: a${CRLF}Upgrade: websocket${CRLF}Connection: Upgrade${CRLF}` +
    `Sec-WebSocket-Key: ${key}${CRLF}Sec-WebSocket-Version: 13${CRLF}${CRLF}`]);
  const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  assert.equal(accept, 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  assert.match(r.data, new RegExp(`^HTTP/1\\.1 101 Switching Protocols\\r\\n[^]*Sec-WebSocket-Accept: ${accept.replace(/[+/]/g, '\\$&')}\\r\\n`));
  assert.ok(r.data.endsWith('\r\n\r\n\x88\x02\x03\xe8'), 'after the head: a Close frame with status 1000');
  assert.ok(r.closed);
});

test('--max-connections: connections beyond the limit are refused', async () => {
  const s = await serve(['--max-connections', '2']);
  const held = [net.connect(s.port, '127.0.0.1'), net.connect(s.port, '127.0.0.1')];
  await Promise.all(held.map((c) => new Promise((r) => c.on('connect', r))));
  await new Promise((r) => setTimeout(r, 100));
  const third = await raw(s.port, [`GET /success HTTP/1.1${CRLF}Host: a${CRLF}${CRLF}`], { ms: 2000 });
  assert.equal(third.data, '');
  assert.ok(third.closed, 'the third connection was closed at once');
  held.forEach((c) => c.destroy());
  await new Promise((r) => setTimeout(r, 100));
  const again = await raw(s.port, [`GET /success HTTP/1.1${CRLF}Host: a${CRLF}Connection: close${CRLF}${CRLF}`]);
  assert.deepEqual(statuses(again.data), [200], 'served again once the others left');
});

test('--rate-limit: the real-time window gives 429 with Retry-After', async () => {
  const s = await serve(['--rate-limit', '2']);
  const codes = [];
  let retry;
  for (let i = 0; i < 3; i++) {
    const r = await fetch(`${s.url}/success`);
    codes.push(r.status);
    retry = r.headers.get('retry-after');
  }
  assert.deepEqual(codes, [200, 200, 429]);
  assert.ok(Number(retry) > 0 && Number(retry) <= 60, `Retry-After ${retry}`);
});

test('--state keeps the application state across restarts; --trace prints the decisions', async () => {
  const state = join(tmp, 'serve-state.json');
  const a = await serve(['--state', state]);
  const created = await fetch(`${a.url}/items`, { method: 'POST', body: '{"name":"kept"}', headers: { 'content-type': 'application/json' } });
  assert.equal(created.status, 201);
  assert.equal(await stop(a), 0);
  assert.ok(JSON.parse(readFileSync(state, 'utf8')).items.some((i) => i.name === 'kept'));
  const b = await serve(['--state', state, '--trace']);
  const got = await fetch(`${b.url}/items/4`);
  assert.deepEqual(await got.json(), { id: 4, name: 'kept' });
  assert.ok(await waitForLog(b, /GET \/items\/4 200 handler[^]*\n {2}handler +RFC/), 'the access line, then the trace');
  assert.match(b.log(), /\n {2}route +RFC 9110 §7\.1 +\/items\/4 is the resource \/items\/\{id\}\./);
});

test('SIGTERM finishes the exchange in flight with Connection: close, then exits 0', async () => {
  const s = await serve();
  const sock = net.connect(s.port, '127.0.0.1');
  await new Promise((r) => sock.on('connect', r));
  let data = '';
  sock.on('data', (d) => { data += d; });
  const ended = new Promise((r) => sock.on('close', r));
  sock.write(`POST / HTTP/1.1${CRLF}Host: a${CRLF}Content-Length: 5${CRLF}${CRLF}he`);
  await new Promise((r) => setTimeout(r, 200));
  s.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(s.child.exitCode, null, 'still running: an exchange is in flight');
  sock.write('llo');
  await ended;
  assert.match(data, /^HTTP\/1\.1 200 OK\r\n[^]*Connection: close\r\n/);
  // the one SIGTERM stops it: a second, sent while it exits, could land after Node drops its handler
  assert.equal(await s.exited, 0);
});

test('curl: /delay/1 waits a real second without holding others up; /bytes/{n} arrives byte for byte', async () => {
  const s = await serve();
  await (await fetch(`${s.url}/success`)).text(); // fetch's first call sets itself up
  const delayed = curl('-o', '/dev/null', '-w', '%{http_code} %{time_total}', `${s.url}/delay/1`);
  await new Promise((r) => setTimeout(r, 100));
  const t0 = Date.now();
  assert.equal((await fetch(`${s.url}/success`)).status, 200);
  assert.ok(Date.now() - t0 < 500, 'another connection is served during the delay');
  const [code, secs] = (await delayed).stdout.split(' ');
  assert.equal(code, '200');
  assert.ok(Number(secs) >= 0.95 && Number(secs) < 3, `waited ${secs} s`);
  const file = join(tmp, 'bytes.bin');
  await curl('-o', file, `${s.url}/bytes/256`);
  const a = readFileSync(file);
  assert.equal(a.length, 256);
  assert.ok(a.some((b) => b >= 0x80), 'bytes that are not UTF-8 survive');
  const b = Buffer.from(await (await fetch(`${s.url}/bytes/256`)).arrayBuffer());
  assert.ok(a.equals(b), 'the same n, the same bytes');
});

test('curl is a declared dependency', () => {
  assert.match(readFileSync(new URL('../scripts/install-deps.sh', import.meta.url), 'utf8'), /command -v curl .*\|\| need\+=\(curl\)/);
  assert.match(execFileSync('curl', ['--version'], { encoding: 'utf8' }), /^curl \d/);
});
