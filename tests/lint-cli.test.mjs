// lint-cli.test.mjs — `http-status lint` as a person runs it: a response
// from a file or stdin as bytes, with --request, --json, --lang, the exit
// status (1 for an error finding, 0 otherwise, 2 bad usage), aligned rows;
// and `lint --url` over a raw socket against `http-status serve` and against
// tiny servers in this process (loopback only) that answer fixed bytes: a
// naive 405 without Allow, chunked content with trailers on a connection
// kept open, a close-delimited body, a response that never ends, one larger
// than the linter reads, an interim 103, HEAD, and TLS with a certificate
// made for the test.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import tls from 'node:tls';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, run, runAsync, cliEnv, startServe } from './lib/cli.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'hs-lint-'));
const CRLF = '\r\n';
const cleanups = [];
after(async () => {
  for (const c of cleanups) await c();
});

const naive405 = `HTTP/1.1 405 METHOD NOT ALLOWED${CRLF}Content-Type: text/html; charset=utf-8${CRLF}Content-Length: 9${CRLF}${CRLF}Not here.`;

function file(name, bytes) {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
}

test('a file with an error: exit 1, how it was read, the count, one aligned row per finding', () => {
  const r = run(['lint', file('405.http', naive405), '--request', file('del.http', `DELETE /a HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`)]);
  assert.equal(r.status, 1);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'Read as 405 METHOD NOT ALLOWED, framing: length.');
  assert.match(lines[1], /^1 error, \d+ warnings?, \d+ notes?$/);
  assert.match(r.stdout, /\nerror +required-field +RFC 9110 §15\.5\.6 +bytes 9–11 {2}"405"\n {2}A 405 response without Allow/);
  assert.match(r.stdout, /\n {2}Fix: Add the Allow field\.\n/);
  const rows = lines.filter((l) => /^(error|warning|info) /.test(l));
  assert.ok(rows.length >= 3, r.stdout);
  for (const col of ['RFC ', 'bytes ']) {
    assert.equal(new Set(rows.map((l) => l.indexOf(col))).size, 1, `the ${col.trim()} column lines up:\n${rows.join('\n')}`);
  }
  assert.ok(lines.every((l) => l.length <= 78), 'lines fit 78 columns');
});

test('a clean response exits 0; --request changes what is checked', () => {
  const ok = `HTTP/1.1 405 Method Not Allowed${CRLF}Date: Wed, 01 Jan 2025 00:00:00 GMT${CRLF}Allow: GET, HEAD${CRLF}Cache-Control: no-store${CRLF}Content-Length: 0${CRLF}${CRLF}`;
  const alone = run(['lint', file('ok.http', ok)]);
  assert.equal(alone.status, 0, alone.stdout);
  assert.match(alone.stdout, /^Read as 405 Method Not Allowed, framing: length\.\nNo errors, no warnings, no notes\.\n$/);
  const get = run(['lint', file('ok.http', ok), '--request', file('get.http', `GET /a HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`)]);
  assert.equal(get.status, 0);
  assert.match(get.stdout, /^warning +allow-lists-method /m, 'a 405 to GET whose Allow lists GET');
});

test('stdin is read as bytes: CRLF, bare LF and binary content reach the linter as sent', () => {
  const body = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x80, 0x41]);
  const head = Buffer.from(`HTTP/1.1 200 OK${CRLF}Date: Wed, 01 Jan 2025 00:00:00 GMT${CRLF}Content-Type: application/octet-stream${CRLF}Cache-Control: no-store${CRLF}Content-Length: 6${CRLF}${CRLF}`);
  const r = run(['lint', '-', '--json'], { input: Buffer.concat([head, body]) });
  assert.equal(r.status, 0, r.stdout);
  const j = JSON.parse(r.stdout);
  assert.deepEqual(j.findings, [], 'six content bytes against Content-Length: 6');
  assert.equal(j.response.framing, 'length');
  const lf = run(['lint', '--json'], { input: 'HTTP/1.1 204 No Content\nDate: Wed, 01 Jan 2025 00:00:00 GMT\n\n' });
  assert.equal(lf.status, 1);
  assert.ok(JSON.parse(lf.stdout).findings.some((f) => f.rule === 'bare-lf'), 'a bare LF is not turned into CRLF on the way');
});

test('--json prints the engine result; --lang ko the Korean message', () => {
  const j = JSON.parse(run(['lint', file('405.http', naive405), '--json']).stdout);
  assert.equal(j.response.status, 405);
  const f = j.findings.find((x) => x.rule === 'required-field');
  assert.deepEqual([f.level, f.section, f.offset, f.length], ['error', 'RFC 9110 §15.5.6', 9, 3]);
  const ko = run(['lint', file('405.http', naive405), '--lang', 'ko']);
  assert.match(ko.stdout, /^405 METHOD NOT ALLOWED 응답으로 읽음, 경계: length\n오류 1개/);
  assert.match(ko.stdout, /\n {2}405 응답에 Allow 필드가 없다/);
  assert.match(ko.stdout, /\n {2}고치는 방법: Allow 필드를 추가하세요\.\n/);
  assert.match(run(['lint', file('405.http', naive405)], { env: { LANG: 'ko_KR.UTF-8' } }).stdout, /고치는 방법/);
});

test('the bytes a finding is about are shown escaped: no control byte reaches the terminal', () => {
  const r = run(['lint'], { input: `HTTP/1.1 204 No Content${CRLF}Date: Wed, 01 Jan 2025 00:00:00 GMT${CRLF}${CRLF}\x1b[31m\x9b2J` });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^error +content-forbidden .*"\\x1b\[31m\\u009b2J"$/m);
  assert.ok(!/[\x00-\x09\x0b-\x1f\x7f\x80-\x9f]/.test(r.stdout), 'no control character in the output');
});

test('colour on a terminal only: levels coloured, never with NO_COLOR', () => {
  const path = file('405.http', naive405);
  const tty = (env) => spawnSync('script', ['-qec', `'${process.execPath}' '${BIN}' lint '${path}'`, '/dev/null'], { env: cliEnv(env), encoding: 'utf8', timeout: 20000 }).stdout;
  assert.ok(tty().includes('\x1b[31merror'), 'error in red');
  assert.ok(!tty({ NO_COLOR: '1' }).includes('\x1b['));
  assert.ok(!run(['lint', path]).stdout.includes('\x1b['));
});

test('bad usage of lint is exit 2 with one line', () => {
  const p = file('405.http', naive405);
  for (const [args, re] of [
    [['lint', p, p], /^http-status: lint reads one FILE/],
    [['lint', join(tmp, 'missing')], /^http-status: cannot read .*missing: ENOENT$/],
    [['lint', p, '--request', join(tmp, 'missing')], /^http-status: cannot read .*missing: ENOENT$/],
    [['lint', p, '--method', 'GET'], /^http-status: --method goes with --url$/],
    [['lint', p, '-H', 'A: b'], /^http-status: --header \(-H\) goes with --url$/],
    [['lint', '--url', 'http://127.0.0.1:9/', p], /^http-status: lint --url sends its own request/],
    [['lint', '--url', 'http://127.0.0.1:9/', '--request', p], /^http-status: lint --url sends its own request/],
    [['lint', '--url', 'not a url'], /^http-status: --url takes an absolute http: or https: URL, not "not a url"$/],
    [['lint', '--url', 'ftp://127.0.0.1/'], /^http-status: --url takes an http: or https: URL, not "ftp:"$/],
    [['lint', '--url', 'http://127.0.0.1:9/', '--method', 'GE T'], /^http-status: --method takes a token/],
    [['lint', '--url', 'http://127.0.0.1:9/', '-H', 'Bad Name: x'], /^http-status: -H takes 'Name: value'/],
    [['lint', '--url', 'http://127.0.0.1:9/', '-H', 'X-A: b\r\nHost: evil'], /^http-status: -H takes 'Name: value'/],
    [['lint', '--url', 'http://127.0.0.1:9/', '--timeout', '0'], /^http-status: --timeout takes an integer from 1 to 300/],
  ]) {
    const r = run(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr.trimEnd(), re, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
    assert.equal(r.stdout, '');
  }
});

test('--help shows lint and its options', () => {
  const h = run(['--help']).stdout;
  for (const s of ['http-status lint [FILE|-] [--request FILE]', '--url URL', "-H 'Name: value'", '--method', '--timeout']) {
    assert.ok(h.includes(s), s);
  }
});

// --- lint --url ---------------------------------------------------------

/** A loopback server in this process: answer(socket, requestBytes) is
 * called once the request head is in; resolves { port, requests }. */
async function tiny(answer, { secure } = {}) {
  const requests = [];
  const onConn = (sock) => {
    let buf = Buffer.alloc(0);
    let answered = false;
    sock.on('error', () => {});
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (!answered && buf.includes('\r\n\r\n')) {
        answered = true;
        requests.push(buf.toString('latin1'));
        answer(sock, buf);
      }
    });
  };
  const server = secure ? tls.createServer(secure, onConn) : net.createServer(onConn);
  const open = new Set();
  server.on(secure ? 'secureConnection' : 'connection', (s) => { open.add(s); s.on('close', () => open.delete(s)); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => { for (const s of open) s.destroy(); server.close(r); }));
  return { port: server.address().port, requests };
}

const lintUrl = (url, args = [], opts) => runAsync(['lint', '--url', url, ...args], opts);

test('lint --url against http-status serve: /status/405 has no error or warning, with the request it sent', async () => {
  const srv = await startServe();
  cleanups.push(() => srv.stop());
  const r = await lintUrl(`${srv.url}/status/405`);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, new RegExp(`^GET ${srv.url}/status/405: \\d+ bytes in \\d+ ms, complete by its framing\\n {2}HTTP/1\\.1 405 Method Not Allowed\\n`));
  assert.match(r.stdout, /\n {2}Allow: HEAD, OPTIONS\n/);
  assert.match(r.stdout, /\nRead as 405 Method Not Allowed, framing: length\.\n0 errors, 0 warnings, 1 note\n/);
  const j = JSON.parse((await lintUrl(`${srv.url}/status/405`, ['--json'])).stdout);
  assert.equal(j.fetched.request, `GET /status/405 HTTP/1.1${CRLF}Host: 127.0.0.1:${srv.port}${CRLF}User-Agent: http-status/${JSON.parse(readFileSync(new URL('../package.json', import.meta.url))).version}${CRLF}Accept: */*${CRLF}Connection: close${CRLF}${CRLF}`);
  assert.deepEqual(j.findings.filter((f) => f.level !== 'info'), []);
  // the request sent is the one linted against: PATCH, which the 405's Allow must not list
  const post = JSON.parse((await lintUrl(`${srv.url}/items/1`, ['--method', 'PATCH', '--json'])).stdout);
  assert.equal(post.response.status, 405);
  assert.deepEqual(post.findings.filter((f) => f.level !== 'info'), [], JSON.stringify(post.findings));
  assert.match(post.fetched.request, /^PATCH \/items\/1 HTTP\/1\.1\r\n/);
});

test('lint --url: a naive 405 without Allow is an error (exit 1), and the bytes are the server\'s own', async () => {
  const srv = await tiny((sock) => sock.end(naive405));
  const r = await lintUrl(`http://127.0.0.1:${srv.port}/x?y=1`, ['--method', 'DELETE']);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, new RegExp(`^DELETE http://127\\.0\\.0\\.1:\\d+/x\\?y=1: ${Buffer.byteLength(naive405)} bytes in \\d+ ms, complete by its framing\\n {2}HTTP/1\\.1 405 METHOD NOT ALLOWED\\n`));
  assert.match(r.stdout, /\nerror +required-field +RFC 9110 §15\.5\.6 +bytes 9–11 {2}"405"\n/);
  assert.match(r.stdout, /\n {2}Not here\.\n/, 'the content is shown');
  assert.match(srv.requests[0], /^DELETE \/x\?y=1 HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\n/);
});

test('lint --url: -H adds a field, replaces a default, or leaves one out', async () => {
  const srv = await tiny((sock) => sock.end(naive405));
  await lintUrl(`http://127.0.0.1:${srv.port}/`, ['-H', 'Accept: text/html', '-H', 'User-Agent:', '-H', 'X-Trace: 1']);
  assert.equal(srv.requests[0], `GET / HTTP/1.1${CRLF}Host: 127.0.0.1:${srv.port}${CRLF}Connection: close${CRLF}Accept: text/html${CRLF}X-Trace: 1${CRLF}${CRLF}`);
});

test('lint --url stops at the framing on a connection kept open: Content-Length and chunked with trailers', async () => {
  const cl = await tiny((sock) => sock.write(`HTTP/1.1 200 OK${CRLF}Content-Type: text/plain${CRLF}Content-Length: 5${CRLF}${CRLF}hello`));
  const t0 = Date.now();
  const a = JSON.parse((await lintUrl(`http://127.0.0.1:${cl.port}/`, ['--json', '--timeout', '8'])).stdout);
  assert.equal(a.fetched.end, 'complete');
  assert.ok(Date.now() - t0 < 6000, 'did not wait for the timeout');
  // chunked in pieces, a trailer, and the connection left open
  const ch = await tiny((sock) => {
    const parts = [`HTTP/1.1 200 OK${CRLF}Content-Type: text/plain${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}5;x=1${CRLF}hel`,
      `lo${CRLF}3${CRLF}abc${CRLF}0${CRLF}`, `Server-Timing: a${CRLF}`, CRLF];
    parts.forEach((p, i) => setTimeout(() => sock.write(p), i * 60));
  });
  const b = await lintUrl(`http://127.0.0.1:${ch.port}/`, ['--json', '--timeout', '8']);
  const j = JSON.parse(b.stdout);
  assert.equal(j.fetched.end, 'complete');
  assert.equal(j.response.framing, 'chunked');
  assert.equal(j.response.body, 'helloabc');
  assert.equal(j.fetched.bytes, Buffer.byteLength(`HTTP/1.1 200 OK${CRLF}Content-Type: text/plain${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}5;x=1${CRLF}hello${CRLF}3${CRLF}abc${CRLF}0${CRLF}Server-Timing: a${CRLF}${CRLF}`));
});

test('lint --url: a body delimited by the close, an interim 103 stepped over, HEAD with a Content-Length', async () => {
  const close = await tiny((sock) => sock.end(`HTTP/1.1 200 OK${CRLF}Content-Type: text/plain${CRLF}${CRLF}until the end`));
  const c = JSON.parse((await lintUrl(`http://127.0.0.1:${close.port}/`, ['--json'])).stdout);
  assert.equal(c.fetched.end, 'close');
  assert.equal(c.response.body, 'until the end');
  assert.ok(c.findings.some((f) => f.rule === 'length-by-close'));
  const early = await tiny((sock) => {
    sock.write(`HTTP/1.1 103 Early Hints${CRLF}Link: </a.css>; rel=preload${CRLF}${CRLF}`);
    setTimeout(() => sock.write(`HTTP/1.1 204 No Content${CRLF}Date: Wed, 01 Jan 2025 00:00:00 GMT${CRLF}${CRLF}`), 100);
  });
  const e = JSON.parse((await lintUrl(`http://127.0.0.1:${early.port}/`, ['--json', '--timeout', '8'])).stdout);
  assert.equal(e.fetched.end, 'complete');
  assert.equal(e.response.status, 204, 'the final response, after the 103');
  const head = await tiny((sock) => sock.write(`HTTP/1.1 200 OK${CRLF}Content-Type: text/plain${CRLF}Content-Length: 500${CRLF}${CRLF}`));
  const h = JSON.parse((await lintUrl(`http://127.0.0.1:${head.port}/`, ['--method', 'HEAD', '--json', '--timeout', '8'])).stdout);
  assert.equal(h.fetched.end, 'complete', 'HEAD: no content follows the head');
  assert.deepEqual(h.findings.filter((f) => f.level === 'error'), []);
});

test('lint --url: a response that never ends is cut at --timeout and linted; one too large is cut at the cap', async () => {
  const slow = await tiny((sock) => sock.write(`HTTP/1.1 200 OK${CRLF}Content-Type: text/plain${CRLF}Content-Length: 100${CRLF}${CRLF}only this`));
  const t0 = Date.now();
  const r = await lintUrl(`http://127.0.0.1:${slow.port}/`, ['--timeout', '1']);
  assert.ok(Date.now() - t0 < 5000);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^GET .*: \d+ bytes in \d+ ms, cut off after 1 s without a complete response\n/);
  assert.match(r.stdout, /\nerror +content-length-mismatch /);
  const big = await tiny((sock) => sock.end(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK${CRLF}Content-Type: text/plain${CRLF}Content-Length: 200000${CRLF}${CRLF}`), Buffer.alloc(200000, 97)])));
  const b = JSON.parse((await lintUrl(`http://127.0.0.1:${big.port}/`, ['--json'])).stdout);
  assert.equal(b.fetched.end, 'cap');
  assert.ok(b.fetched.bytes <= 65536 + 1);
  // What fits under the cap is linted (not refused as too long): the content is short of its length.
  const rules = b.findings.map((f) => f.rule);
  assert.ok(rules.includes('content-length-mismatch') && !rules.includes('input-too-long'), rules.join(' '));
  const silent = await tiny(() => {});
  const s = await lintUrl(`http://127.0.0.1:${silent.port}/`, ['--timeout', '1']);
  assert.equal(s.status, 1);
  assert.match(s.stderr, /^http-status: http:\/\/127\.0\.0\.1:\d+\/: no response \(nothing within 1 s\)\n$/);
});

test('lint --url: nothing listening is exit 1 with one line', async () => {
  const port = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
  const r = await lintUrl(`http://127.0.0.1:${port}/`);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^http-status: http:\/\/127\.0\.0\.1:\d+\/: ECONNREFUSED\n$/);
});

test('lint --url over TLS: https with a certificate the client is told to trust', async () => {
  const key = join(tmp, 'key.pem');
  const cert = join(tmp, 'cert.pem');
  // openssl: scripts/install-deps.sh
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const srv = await tiny((sock) => sock.end(naive405), { secure: { key: readFileSync(key), cert: readFileSync(cert) } });
  const r = await lintUrl(`https://127.0.0.1:${srv.port}/`, ['--json'], { env: { NODE_EXTRA_CA_CERTS: cert } });
  assert.equal(r.status, 1, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.response.status, 405);
  assert.ok(j.findings.some((f) => f.rule === 'required-field'));
  assert.match(srv.requests[0], /^GET \/ HTTP\/1\.1\r\n/);
  const untrusted = await lintUrl(`https://127.0.0.1:${srv.port}/`);
  assert.equal(untrusted.status, 1);
  assert.match(untrusted.stderr, /^http-status: https:\/\/127\.0\.0\.1:\d+\/: (DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\n$/);
});

test('lint --url -H: the first -H of a default name replaces it or leaves it out; every other -H is sent as given', async () => {
  const { buildRequest } = await import('../bin/raw-client.js');
  const head = (hs) => buildRequest(new URL('http://127.0.0.1:9/x'), { headers: hs }).bytes.toString('latin1');
  assert.equal(head(['Host:', 'X-A: 1', 'X-A: 2']),
    'GET /x HTTP/1.1\r\nUser-Agent: http-status\r\nAccept: */*\r\nConnection: close\r\nX-A: 1\r\nX-A: 2\r\n\r\n');
  assert.equal(head(['Host:', 'Accept:', 'X-A: 1', 'X-A:']),
    'GET /x HTTP/1.1\r\nUser-Agent: http-status\r\nConnection: close\r\nX-A: 1\r\nX-A: \r\n\r\n');
  assert.equal(head(['accept: text/plain', 'Accept: text/html']),
    'GET /x HTTP/1.1\r\nHost: 127.0.0.1:9\r\nUser-Agent: http-status\r\nConnection: close\r\naccept: text/plain\r\nAccept: text/html\r\n\r\n');
});

test('raw bytes shown in a terminal: C0, DEL and C1 controls are escaped (U+009B would start an escape sequence)', async () => {
  const { rawLines } = await import('../bin/output.js');
  const out = rawLines('HTTP/1.1 200 OK\r\n\r\n\u009b31mRED\u001b[0m\u007f').join('\n');
  assert.doesNotMatch(out, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  assert.match(out, /\\u009b31mRED\\x1b\[0m\\x7f/);
});
