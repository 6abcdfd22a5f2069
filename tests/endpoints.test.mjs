// endpoints.test.mjs — the routes people expect of an HTTP test server
// (src/server/endpoints.c) and what Http11Probe asks of a target, through
// hs.simulate: the same engine the page and `http-status serve` run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../web/engine.js';

const hs = await load();
const CRLF = '\r\n';
const req = (lines, body = '') => lines.join(CRLF) + CRLF + CRLF + body;
const get = (target, ...fields) => req([`GET ${target} HTTP/1.1`, 'Host: api.example', ...fields]);

/** The only exchange of raw on a fresh server. */
function one(raw) {
  hs.resetServer();
  const { exchanges } = hs.simulate(raw);
  assert.equal(exchanges.length, 1);
  return exchanges[0];
}
const field = (x, name) => (x.response.headers.find(([n]) => n.toLowerCase() === name.toLowerCase()) || [])[1];
const body = (x) => JSON.parse(x.response.body);

test('GET / lists every route, the new ones included, with ETag and Last-Modified', () => {
  const x = one(get('/'));
  assert.equal(x.response.status, 200);
  const paths = body(x).routes.map((r) => r.path);
  for (const p of ['/anything', '/anything/{path}', '/headers', '/cookies', '/cookie', '/echo', '/redirect/{n}', '/absolute-redirect/{n}',
    '/delay/{s}', '/bytes/{n}', '/etag/{etag}', '/cache', '/basic-auth/{user}/{pass}', '/bearer', '/response-headers', '/status/{code}']) {
    assert.ok(paths.includes(p), p);
  }
  assert.equal(field(x, 'ETag'), '"index-1"');
  assert.equal(field(x, 'Last-Modified'), 'Tue, 31 Dec 2024 00:00:00 GMT');
  assert.equal(one(get('/', 'If-None-Match: "index-1"')).response.status, 304);
  assert.equal(one(get('/', 'If-Modified-Since: Tue, 31 Dec 2024 00:00:00 GMT')).response.status, 304);
  assert.equal(one(get('/', 'If-None-Match: "other"')).response.status, 200);
  assert.equal(one(req(['POST / HTTP/1.1', 'Host: a', 'If-Match: "other"', 'Content-Length: 1'], 'x')).response.status, 412);
});

test('POST / echoes its content as text/plain (Http11Probe)', () => {
  const x = one(req(['POST / HTTP/1.1', 'Host: a', 'Content-Length: 5'], 'hello'));
  assert.equal(x.response.status, 200);
  assert.equal(field(x, 'Content-Type'), 'text/plain');
  assert.equal(x.response.body, 'hello');
  const chunked = one(req(['POST / HTTP/1.1', 'Host: a', 'Transfer-Encoding: chunked'], `3${CRLF}abc${CRLF}2${CRLF}de${CRLF}0${CRLF}${CRLF}`));
  assert.equal(chunked.response.body, 'abcde');
  const big = one(req(['POST / HTTP/1.1', 'Host: a', 'Content-Length: 7000'], 'x'.repeat(7000)));
  assert.equal(big.response.status, 413, 'more than a response holds: 413, never a cut echo');
});

test('/anything answers every method with the request as JSON', () => {
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    const x = one(req([`${method} /anything/a/b?x=1 HTTP/1.1`, 'Host: a', 'X-One: 1', 'X-One: 2', 'Content-Length: 3'], 'abc'));
    assert.equal(x.response.status, 200, method);
    assert.deepEqual(body(x), {
      method, target: '/anything/a/b?x=1', version: 'HTTP/1.1', path: '/anything/a/b', query: 'x=1',
      headers: [['Host', 'a'], ['X-One', '1'], ['X-One', '2'], ['Content-Length', '3']], body: 'abc', bodyLength: 3,
    });
  }
  assert.equal(one(get('/anything/')).response.status, 404, 'an empty {path} is no resource');
  const head = one(req(['HEAD /anything HTTP/1.1', 'Host: a']));
  assert.equal(head.response.status, 200);
  assert.equal(head.response.body, '');
  assert.equal(one(req(['TRACE /anything HTTP/1.1', 'Host: a'])).response.status, 405, 'TRACE stays off');
  const big = body(one(req(['POST /anything HTTP/1.1', 'Host: a', 'Content-Length: 5000'], '\x01'.repeat(5000))));
  assert.equal(big.bodyLength, 5000);
  assert.equal(big.bodyTruncated, true);
  assert.ok(big.body.length > 100 && big.body.length < 5000);
});

test('/headers, /echo, /cookies and /cookie', () => {
  const h = body(one(get('/headers', 'Accept: */*', 'Cookie: a=1')));
  assert.deepEqual(h.headers, [['Host', 'api.example'], ['Accept', '*/*'], ['Cookie', 'a=1']]);
  const e = one(get('/echo', 'Cookie: foo=bar'));
  assert.equal(e.response.body, 'Host: api.example\nCookie: foo=bar\n');
  assert.match(field(e, 'Content-Type'), /^text\/plain/);
  const c = one(get('/cookies', 'Cookie: a=1; b=2;  c = 3 ', 'Cookie: a=4; junk; =x'));
  assert.deepEqual(body(c).cookies, [['a', '1'], ['b', '2'], ['c', '3'], ['a', '4']], 'in order, repeats kept, junk skipped');
  const t = one(get('/cookie', 'Cookie: a=1; b=2; c=3'));
  assert.equal(t.response.body, 'a=1\nb=2\nc=3\n');
  assert.deepEqual(body(one(get('/cookies'))).cookies, []);
});

test('/echo declares charset=utf-8, so a byte that is not UTF-8 goes out as U+FFFD and Content-Length counts what is sent', () => {
  const raw = new Uint8Array([...new TextEncoder().encode('GET /echo HTTP/1.1\r\nHost: api.example\r\nX-A: a'), 0xe5, 0x42, 0x62, 0xff,
    ...new TextEncoder().encode('\r\nX-B: 한\r\n\r\n')]);
  hs.resetServer();
  const x = hs.simulate(raw).exchanges[0];
  assert.equal(x.response.body, 'Host: api.example\nX-A: a\ufffdBb\ufffd\nX-B: 한\n');
  assert.equal(Number(field(x, 'Content-Length')), new TextEncoder().encode(x.response.body).length);
  // and the raw response it shows is exactly what was sent: the linter finds its length right
  assert.deepEqual(hs.lint(x.response.raw).findings.filter((f) => f.level === 'error'), []);
});

test('/redirect/{n} and /absolute-redirect/{n} count down to /anything', () => {
  let x = one(get('/redirect/3'));
  assert.equal(x.response.status, 302);
  assert.equal(field(x, 'Location'), '/redirect/2');
  assert.equal(field(one(get('/redirect/1')), 'Location'), '/anything');
  x = one(get('/absolute-redirect/2'));
  assert.equal(field(x, 'Location'), 'http://api.example/absolute-redirect/1');
  assert.equal(field(one(get('/absolute-redirect/1')), 'Location'), 'http://api.example/anything');
  assert.equal(one(req(['GET /absolute-redirect/1 HTTP/1.0'])).response.status, 400, 'no Host, no authority to name');
  assert.equal(one(get('/redirect/0')).response.status, 404);
  const follow = hs.followUp(one(get('/redirect/1')));
  assert.equal(follow.target, '/anything');
});

test('/delay/{s}: the engine says how long; the virtual clock moves by it', () => {
  hs.resetServer();
  const { exchanges: [x], state } = hs.simulate(get('/delay/3'), { state: true });
  assert.equal(x.response.status, 200);
  assert.deepEqual(JSON.parse(x.response.body), { delay: 3 });
  assert.equal(field(x, 'Date'), 'Wed, 01 Jan 2025 00:00:03 GMT', 'Date after the wait');
  assert.equal(state.clock, 1735689600 + 3 + 1);
  assert.equal(one(get('/delay/11')).response.status, 400, 'bounded at 10 s');
  const r = hs.serveNext(new TextEncoder().encode(get('/delay/2')), { now: 1796000000 });
  assert.equal(r.action, 'respond');
  assert.equal(r.delay, 2, 'serveNext tells the socket to wait');
});

test('/bytes/{n}: n deterministic bytes, at most 4096', () => {
  const a = hs.serveNext(new TextEncoder().encode(get('/bytes/64')), { now: 1796000000 });
  const b = hs.serveNext(new TextEncoder().encode(get('/bytes/64')), { now: 1796000001 });
  const content = (r) => r.bytes.subarray(r.bytes.length - 64);
  assert.match(new TextDecoder('latin1').decode(a.bytes), /Content-Type: application\/octet-stream\r\nContent-Length: 64\r\n\r\n/);
  assert.deepEqual(content(a), content(b), 'the same n gives the same bytes');
  const seeded = hs.serveNext(new TextEncoder().encode(get('/bytes/64?seed=7')), { now: 1796000000 });
  assert.notDeepEqual(content(seeded), content(a));
  assert.ok(new Set(content(a)).size > 30, 'they look random');
  assert.equal(one(get('/bytes/4097')).response.status, 400);
});

test('content that is not UTF-8: raw shows U+FFFD, rawBase64 holds the bytes the socket sends', () => {
  hs.resetServer();
  const x = one(get('/bytes/64'));
  hs.resetServer();
  const sent = hs.serveNext(new TextEncoder().encode(get('/bytes/64')), { now: 1735689600 }).bytes;
  assert.deepEqual(new Uint8Array(Buffer.from(x.response.rawBase64, 'base64')), sent);
  assert.match(x.response.raw, /\ufffd/);
  const errors = (raw) => hs.lint(raw).findings.filter((f) => f.level === 'error');
  assert.deepEqual(errors(Buffer.from(x.response.rawBase64, 'base64')), [], 'the exact bytes are well framed');
  assert.notDeepEqual(errors(x.response.raw), [], 'the text is not: that is why rawBase64 is there');
  const text = one(get('/echo'));
  assert.equal(text.response.rawBase64, undefined, 'text content needs none');
});

test('/etag/{etag} and /cache: strict preconditions, 304 and 412', () => {
  const x = one(get('/etag/abc'));
  assert.equal(field(x, 'ETag'), '"abc"');
  assert.equal(one(get('/etag/abc', 'If-None-Match: "abc"')).response.status, 304);
  assert.equal(one(get('/etag/abc', 'If-None-Match: W/"abc"')).response.status, 304, 'weak comparison for If-None-Match');
  assert.equal(one(get('/etag/abc', 'If-None-Match: "xyz"')).response.status, 200, 'httpbin would say 304 to any If-None-Match');
  assert.equal(one(get('/etag/abc', 'If-Match: "xyz"')).response.status, 412);
  assert.equal(one(get('/etag/abc', 'If-Match: "abc"')).response.status, 200);
  assert.equal(one(get('/etag/a%22b')).response.status, 404, 'a double quote cannot be in an entity-tag');
  const cache = one(get('/cache'));
  assert.equal(field(cache, 'Cache-Control'), 'public, max-age=60');
  assert.equal(field(cache, 'ETag'), '"cache-1"');
  assert.equal(one(get('/cache', `If-Modified-Since: ${field(cache, 'Last-Modified')}`)).response.status, 304);
  assert.equal(one(get('/cache', 'If-Modified-Since: Mon, 30 Dec 2024 00:00:00 GMT')).response.status, 200, 'modified after that date');
});

test('/basic-auth/{user}/{pass} (RFC 7617) and /bearer (RFC 6750)', () => {
  const basic = (cred) => `Authorization: Basic ${Buffer.from(cred).toString('base64')}`;
  const ok = one(get('/basic-auth/ann/s3cret', basic('ann:s3cret')));
  assert.equal(ok.response.status, 200);
  assert.deepEqual(body(ok), { authenticated: true, user: 'ann' });
  const no = one(get('/basic-auth/ann/s3cret'));
  assert.equal(no.response.status, 401);
  assert.equal(field(no, 'WWW-Authenticate'), 'Basic realm="basic-auth", charset="UTF-8"');
  assert.equal(one(get('/basic-auth/ann/s3cret', basic('ann:wrong'))).response.status, 401);
  assert.equal(one(get('/basic-auth/ann/s3cret', basic('ann:s3creT'))).response.status, 401, 'same length, another password');
  assert.equal(one(get('/basic-auth/ann/s3cret', basic('anN:s3cret'))).response.status, 401, 'another user');
  assert.equal(one(get('/basic-auth/ann/s3cret', 'Authorization: Bearer x')).response.status, 401);
  assert.equal(one(get('/basic-auth/ann')).response.status, 404);
  const bearer = one(get('/bearer', 'Authorization: Bearer abc.DEF-123'));
  assert.deepEqual(body(bearer), { authenticated: true, token: 'abc.DEF-123' });
  const none = one(get('/bearer'));
  assert.equal(none.response.status, 401);
  assert.equal(field(none, 'WWW-Authenticate'), 'Bearer realm="bearer"');
  const bad = one(get('/bearer', 'Authorization: Bearer a b'));
  assert.equal(bad.response.status, 400);
  assert.match(field(bad, 'WWW-Authenticate'), /error="invalid_request"/);
});

test('/response-headers?Name=value sets fields, never the framing ones', () => {
  const x = one(get('/response-headers?X-Test=1&Cache-Control=no-store&X-Sp=a%20b'));
  assert.equal(x.response.status, 200);
  assert.equal(field(x, 'X-Test'), '1');
  assert.equal(field(x, 'Cache-Control'), 'no-store');
  assert.equal(field(x, 'X-Sp'), 'a b');
  assert.deepEqual(body(x).headers, [['X-Test', '1'], ['Cache-Control', 'no-store'], ['X-Sp', 'a b']]);
  assert.match(x.response.raw, /\r\nX-Test: 1\r\n/);
  assert.equal(field(one(get('/response-headers?Content-Type=text/plain')), 'Content-Type'), 'text/plain', 'replaces, not a second one');
  for (const q of ['Content-Length=5', 'transfer-encoding=chunked', 'Connection=close', 'Date=x', 'X-A=%0D%0AX-Injected:%201', 'X%20Bad=1', '=1']) {
    assert.equal(one(get(`/response-headers?${q}`)).response.status, 400, q);
  }
});

test('every new route answers in the trace, and HEAD and OPTIONS work on it', () => {
  for (const path of ['/headers', '/cookies', '/cookie', '/echo', '/cache', '/bearer', '/response-headers']) {
    const x = one(req([`OPTIONS ${path} HTTP/1.1`, 'Host: a']));
    assert.equal(x.response.status, 204, path);
    assert.match(field(x, 'Allow'), /GET, HEAD/);
    assert.equal(one(req([`DELETE ${path} HTTP/1.1`, 'Host: a'])).response.status, 405, path);
  }
  assert.equal(one(get('/headers')).trace.at(-1).step, 'handler');
});
