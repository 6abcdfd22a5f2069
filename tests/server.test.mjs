// server.test.mjs — the simulated server through the JS API: every route,
// every server-wide rule in its order, the article's five cases, pipelining,
// HEAD, OPTIONS, 100-continue, the WebSocket handshake, state, determinism,
// follow-ups, the corrected handlers, and example(code) for every code.
// Every raw response of every exchange is checked for correct framing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../web/engine.js';

const hs = await load();
const enc = new TextEncoder();
const dec = new TextDecoder();
const CRLF = '\r\n';

/** A request: lines joined with CRLF, an empty line, then content. */
const req = (lines, body = '') => lines.join(CRLF) + CRLF + CRLF + body;
const get = (target, ...fields) => req([`GET ${target} HTTP/1.1`, 'Host: api.example', ...fields]);
const json = (method, target, body, ...fields) => req([`${method} ${target} HTTP/1.1`, 'Host: api.example',
  'Content-Type: application/json', `Content-Length: ${enc.encode(body).length}`, ...fields], body);

/** Checks one raw response for HTTP/1.1 framing; returns its parts. */
function frame(raw, { head = false, interim = false } = {}) {
  const m = /^HTTP\/1\.1 ([1-5]\d\d) ([^\r\n]*)\r\n/.exec(raw);
  assert.ok(m, `status line: ${JSON.stringify(raw.slice(0, 40))}`);
  const status = Number(m[1]);
  const end = raw.indexOf('\r\n\r\n');
  assert.ok(end >= 0, 'the header section ends with an empty line');
  const fields = raw.slice(m[0].length, end + 2).split('\r\n').filter(Boolean).map((line) => {
    const i = line.indexOf(':');
    assert.ok(i > 0 && /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(line.slice(0, i)), `field name: ${line}`);
    return [line.slice(0, i), line.slice(i + 1).trim()];
  });
  const body = raw.slice(end + 4);
  const field = (n) => fields.filter(([k]) => k.toLowerCase() === n.toLowerCase()).map(([, v]) => v);
  const cl = field('Content-Length');
  if (interim) assert.ok(status < 200 && status !== 101, 'an interim response is 1xx');
  if (status >= 200) assert.equal(field('Date').length, 1, 'a final response has Date');
  if (status < 200 || status === 204) assert.equal(cl.length, 0, 'no Content-Length in 1xx or 204');
  if (status < 200 || status === 204 || status === 205 || status === 304 || head) assert.equal(body, '', `no content for ${status}${head ? ' (HEAD)' : ''}`);
  else {
    assert.equal(cl.length, 1, 'exactly one Content-Length');
    assert.equal(Number(cl[0]), enc.encode(body).length, 'Content-Length is the exact size of the content');
  }
  return { status, fields, field, body };
}

/** Runs raw through the server; checks every exchange's framing and the output's shape. */
function sim(raw, options) {
  const out = hs.simulate(raw, options);
  assert.ok(Array.isArray(out.exchanges));
  if (options && options.state !== undefined) assert.equal(typeof out.state.clock, 'number', 'state asked for: state given');
  else assert.ok(out.state === undefined || typeof out.state.clock === 'number');
  for (const x of out.exchanges) {
    assert.ok(['keep-alive', 'close', 'upgrade'].includes(x.connection));
    for (const r of x.interim) frame(r.raw, { interim: true });
    const f = frame(x.response.raw, { head: x.request.method === 'HEAD' });
    assert.equal(f.status, x.response.status);
    assert.deepEqual(x.response.headers, f.fields);
    assert.equal(x.response.body, f.body);
    if (x.connection === 'close' && x.response.status >= 200) assert.match(f.field('Connection').join(), /close/);
    for (const t of x.trace) {
      assert.ok(t.step && t.detail.en && t.detail.ko && /^RFC \d+ §[\d.]+$/.test(t.rule), `trace step ${JSON.stringify(t)}`);
    }
  }
  return out;
}

/** The final response of the last exchange, after a fresh reset (and setup). */
function fresh(raw, setup) {
  hs.resetServer();
  const out = sim(raw, setup ? { state: setup } : undefined);
  return out.exchanges.at(-1);
}
const statusOf = (x) => x.response.status;
const field = (x, name) => x.response.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const steps = (x) => x.trace.map((t) => t.step);
const decided = (x) => x.trace.find((t) => t.status && t.status === x.response.status)?.step;

test('every route answers its normal request', () => {
  const cases = [
    [get('/'), 200], [req(['POST / HTTP/1.1', 'Host: a', 'Content-Length: 3'], 'abc'), 200], [get('/success'), 200],
    [get('/items'), 200], [json('POST', '/items', '{"name":"desk"}'), 201], [get('/items/1'), 200],
    [json('PUT', '/items/1', '{"name":"ink"}'), 204], [req(['DELETE /items/1 HTTP/1.1', 'Host: a']), 204],
    [req(['POST /jobs HTTP/1.1', 'Host: a', 'Content-Length: 0']), 202], [get('/moved-permanently'), 301], [get('/found'), 302],
    [req(['POST /form HTTP/1.1', 'Host: a', 'Content-Length: 0']), 303], [get('/temporary-redirect'), 307],
    [get('/permanent-redirect'), 308], [json('POST', '/submit', '{"name":"kim"}'), 200],
    [get('/profile', 'Authorization: Bearer user-token'), 200], [get('/admin', 'Authorization: Bearer admin-token'), 200],
    [get('/process'), 200], [get('/proxy'), 200], [get('/status/418'), 418],
  ];
  for (const [raw, want] of cases) assert.equal(statusOf(fresh(raw)), want, raw.split(CRLF)[0]);
});

test('the POST / echo and the item store', () => {
  let x = fresh(req(['POST / HTTP/1.1', 'Host: a', 'Content-Type: text/plain', 'Content-Length: 5'], 'hello'));
  assert.equal(x.response.body, 'hello', 'POST / echoes its content (as Http11Probe expects)');
  x = fresh(json('POST', '/items', '{"name":"desk"}'));
  assert.equal(field(x, 'Location'), '/items/4');
  assert.deepEqual(JSON.parse(x.response.body), { id: 4, name: 'desk' });
  x = fresh(get('/items/2'));
  assert.equal(field(x, 'ETag'), '"2.1"');
  assert.equal(field(x, 'Last-Modified'), 'Tue, 31 Dec 2024 00:00:00 GMT');
  assert.equal(field(x, 'Date'), 'Wed, 01 Jan 2025 00:00:00 GMT');
  const out = sim(get('/jobs/1'));
  assert.equal(statusOf(out.exchanges[0]), 404);
  hs.resetServer();
  const jobs = sim(req(['POST /jobs HTTP/1.1', 'Host: a', 'Content-Length: 0']) + get('/jobs/1'));
  assert.equal(JSON.parse(jobs.exchanges[1].response.body).state, 'running');
  hs.setServerState({ advance: 10 });
  assert.equal(JSON.parse(sim(get('/jobs/1')).exchanges[0].response.body).state, 'done');
});

test('parse failures come first and close the connection', () => {
  const cases = [
    ['GET /  HTTP/1.1\r\nHost: a\r\n\r\n', 400], ['GET / HTTP/1.1\r\n\r\n', 400], ['GET / HTTP/2.0\r\nHost: a\r\n\r\n', 505],
    [get('/' + 'a'.repeat(9000)), 414], [req(['GET / HTTP/1.1', 'Host: a', ...Array.from({ length: 120 }, (_, i) => `X-${i}: ${i}`)]), 431],
    [req(['POST / HTTP/1.1', 'Host: a', 'Content-Length: 99999999']), 413],
    [req(['POST / HTTP/1.1', 'Host: a', 'Transfer-Encoding: gzip, chunked'], '0\r\n\r\n'), 501],
    [req(['POST / HTTP/1.1', 'Host: a', 'Content-Length: 1', 'Transfer-Encoding: chunked'], '0\r\n\r\n'), 400],
  ];
  for (const [raw, want] of cases) {
    const x = fresh(raw);
    assert.equal(statusOf(x), want, raw.slice(0, 40));
    assert.equal(x.connection, 'close');
    assert.deepEqual(steps(x).slice(0, 1), ['parse']);
    assert.equal(x.request.ok, false);
    assert.ok(x.request.error.reason.en && x.request.error.reason.ko && x.request.error.offset >= 0);
  }
});

test('the server-wide rules, each deciding at its own step in RFC 9110 order', () => {
  const order = ['parse', 'method', 'expect', 'route', 'allow', 'auth', 'negotiate', 'content', 'rate-limit', 'maintenance', 'locate', 'conditions', 'continue', 'handler'];
  const cases = [
    [req(['BREW / HTTP/1.1', 'Host: a']), 501, 'method'],
    [req(['CONNECT a.example:443 HTTP/1.1', 'Host: a.example:443']), 501, 'method'],
    [get('/nowhere'), 404, 'route'],
    [req(['DELETE /success HTTP/1.1', 'Host: a']), 405, 'allow'],
    [get('/profile'), 401, 'auth'],
    [get('/admin', 'Authorization: Bearer user-token'), 403, 'auth'],
    [get('/success', 'Accept: image/png'), 406, 'negotiate'],
    [req(['POST /items HTTP/1.1', 'Host: a']), 411, 'content'],
    [req(['POST /items HTTP/1.1', 'Host: a', 'Content-Type: text/plain', 'Content-Length: 1'], 'x'), 415, 'content'],
    [get('/items/1', 'If-None-Match: "1.1"'), 304, 'conditions'],
    [json('PUT', '/items/1', '{"name":"a"}', 'If-Match: "9.9"'), 412, 'conditions'],
    [json('POST', '/items', '{"name":"a"}', 'Expect: teapot'), 417, 'expect'],
  ];
  for (const [raw, want, step] of cases) {
    const x = fresh(raw);
    assert.equal(statusOf(x), want, raw.split(CRLF)[0]);
    assert.equal(decided(x), step, `${want} is decided at ${step}`);
    const seen = steps(x).filter((s) => order.includes(s)).map((s) => order.indexOf(s));
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b), `steps in order: ${steps(x)}`);
  }
  let x = fresh(req(['DELETE /success HTTP/1.1', 'Host: a']));
  assert.equal(field(x, 'Allow'), 'GET, HEAD, OPTIONS');
  x = fresh(get('/profile'));
  assert.equal(field(x, 'WWW-Authenticate'), 'Bearer realm="explorer"');
  x = fresh(get('/success'), { maintenance: true });
  assert.equal(statusOf(x), 503);
  assert.equal(field(x, 'Retry-After'), '120');
  assert.equal(decided(x), 'maintenance');
  hs.resetServer();
  hs.setServerState({ rateLimit: { limit: 2, window: 60 } });
  const out = sim(get('/success') + get('/success') + get('/success'));
  assert.deepEqual(out.exchanges.map(statusOf), [200, 200, 429]);
  assert.equal(field(out.exchanges[2], 'Retry-After'), '58');
  // 404 before 401 (route first), 405 before 401, 401 before 406 and 415, 406 before 415
  assert.equal(statusOf(fresh(get('/profile/x'))), 404);
  assert.equal(statusOf(fresh(req(['POST /profile HTTP/1.1', 'Host: a', 'Content-Length: 0']))), 405);
  assert.equal(statusOf(fresh(get('/profile', 'Accept: text/html'))), 401);
  assert.equal(statusOf(fresh(req(['POST /items HTTP/1.1', 'Host: a', 'Accept: text/html', 'Content-Type: text/plain', 'Content-Length: 1'], 'x'))), 406);
  // preconditions are ignored when the answer would not be 2xx anyway (RFC 9110 §13.2.1)
  assert.equal(statusOf(fresh(get('/moved-permanently', 'If-Match: "x"'))), 301);
  assert.equal(statusOf(fresh(get('/items/77', 'If-None-Match: *'))), 404);
});

test('400 vs 422 vs 409 vs 507: shape, value, state, storage', () => {
  assert.equal(statusOf(fresh(json('POST', '/items', '{"name":'))), 400);
  assert.equal(statusOf(fresh(json('POST', '/items', '[1]'))), 400);
  assert.equal(statusOf(fresh(json('POST', '/items', '{"title":"x"}'))), 400);
  assert.equal(statusOf(fresh(json('POST', '/items', '{"name":7}'))), 400);
  assert.equal(statusOf(fresh(json('POST', '/items', '{"name":"a","name":"b"}'))), 400);
  assert.equal(statusOf(fresh(json('POST', '/items', '{"name":""}'))), 422);
  assert.equal(statusOf(fresh(json('POST', '/items', `{"name":"${'x'.repeat(65)}"}`))), 422);
  assert.equal(statusOf(fresh(json('POST', '/items', '{"name":"a\\u0000b"}'))), 422);
  assert.equal(statusOf(fresh(json('POST', '/items', '{"name":"lamp"}'))), 409);
  assert.equal(statusOf(fresh(json('POST', '/items', '{"name":"new"}'), { capacity: 3 })), 507);
  assert.equal(statusOf(fresh(json('POST', '/items', '{"name":"데스크"}'))), 201);
});

test("the article's five cases, done right", () => {
  // 1. missing input: 400, and a non-object body is 400 too (the naive handler crashed with 500)
  assert.equal(statusOf(fresh(json('POST', '/submit', '{"title":"x"}'))), 400);
  assert.equal(statusOf(fresh(json('POST', '/submit', 'null'))), 400);
  assert.equal(JSON.parse(fresh(json('POST', '/submit', '{"name":"kim"}')).response.body).name, 'kim');
  assert.equal(statusOf(fresh(req(['POST /submit HTTP/1.1', 'Host: a', 'Content-Type: text/plain', 'Content-Length: 3'], 'kim'))), 415);
  // 2. authentication: 401 with a challenge
  let x = fresh(get('/profile'));
  assert.equal(statusOf(x), 401);
  assert.match(field(x, 'WWW-Authenticate'), /^Bearer realm=/);
  assert.equal(statusOf(fresh(get('/profile', 'Authorization: Bearer admin-token'))), 200);
  assert.equal(statusOf(fresh(get('/profile', 'Authorization: Basic dXNlcjpwYXNz'))), 401);
  // 3. authorisation: anonymous 401, user 403, admin 200
  assert.deepEqual([get('/admin'), get('/admin', 'Authorization: Bearer user-token'), get('/admin', 'Authorization: Bearer admin-token')]
    .map((r) => statusOf(fresh(r))), [401, 403, 200]);
  // 4. missing resource: 404; a non-integer id is no route at all
  assert.equal(statusOf(fresh(get('/items/99'))), 404);
  assert.equal(statusOf(fresh(get('/items/abc'))), 404);
  // 5. server error: 500 without internals
  x = fresh(get('/process?fail=1'));
  assert.equal(statusOf(x), 500);
  assert.doesNotMatch(x.response.body, /Traceback|Exception|\.py|line \d/);
  assert.equal(statusOf(fresh(get('/process?fail=0'))), 200);
});

test('pipelining: one exchange per request, in order; close and framing errors stop reading', () => {
  hs.resetServer();
  let out = sim(get('/success') + json('POST', '/items', '{"name":"desk"}') + get('/items/4') + req(['DELETE /items/4 HTTP/1.1', 'Host: a']) + get('/items/4'));
  assert.deepEqual(out.exchanges.map(statusOf), [200, 201, 200, 204, 410]);
  assert.deepEqual(out.exchanges.map((x) => field(x, 'Date')), [0, 1, 2, 3, 4].map((s) => `Wed, 01 Jan 2025 00:00:0${s} GMT`));
  let offset = 0;
  for (const x of out.exchanges) {
    assert.equal(x.request.offset, offset);
    offset += x.request.length;
  }
  assert.equal(out.rest, null);
  out = sim(get('/', 'Connection: close') + get('/success'));
  assert.equal(out.exchanges.length, 1);
  assert.equal(out.rest.why, 'closed');
  assert.equal(out.rest.bytes, enc.encode(get('/success')).length);
  out = sim(get('/') + 'GET / HTTP/1.1\r\nHost: a\r\nBad Field: x\r\n\r\n' + get('/success'));
  assert.deepEqual(out.exchanges.map(statusOf), [200, 400]);
  assert.equal(out.exchanges[1].connection, 'close');
  out = sim(get('/') + '\r\n');
  assert.equal(out.exchanges.length, 1, 'a stray CRLF after a request is not another request');
  out = sim('GET / HTTP/1.0\r\n\r\n' + get('/'));
  assert.equal(out.exchanges.length, 1, 'HTTP/1.0 closes');
  out = sim('GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n' + get('/'));
  assert.equal(out.exchanges.length, 2);
  assert.equal(field(out.exchanges[0], 'Connection'), 'keep-alive');
  out = sim(get('/status/200').repeat(100));
  assert.equal(out.exchanges.length, 64);
  assert.equal(out.rest.why, 'limit');
});

test('HEAD: the GET fields, no content', () => {
  hs.resetServer();
  const out = sim(get('/items/1') + req(['HEAD /items/1 HTTP/1.1', 'Host: a']) + req(['HEAD /nope HTTP/1.1', 'Host: a']));
  const [g, h, n] = out.exchanges;
  const names = (x) => x.response.headers.map(([k]) => k).filter((k) => k !== 'Date');
  assert.deepEqual(names(h), names(g));
  assert.equal(field(h, 'Content-Length'), field(g, 'Content-Length'));
  assert.equal(h.response.body, '');
  assert.ok(h.response.raw.endsWith('\r\n\r\n'));
  assert.equal(statusOf(n), 404);
  assert.equal(n.response.body, '');
});

test('OPTIONS: Allow on a resource, OPTIONS * describes the server', () => {
  let x = fresh(req(['OPTIONS /items/1 HTTP/1.1', 'Host: a']));
  assert.equal(statusOf(x), 204);
  assert.equal(field(x, 'Allow'), 'GET, HEAD, PUT, DELETE, OPTIONS');
  x = fresh(req(['OPTIONS /profile HTTP/1.1', 'Host: a']));
  assert.equal(statusOf(x), 204, 'OPTIONS needs no credentials');
  x = fresh(req(['OPTIONS / HTTP/1.1', 'Host: a']));
  assert.equal(statusOf(x), 200);
  assert.ok(JSON.parse(x.response.body).routes.length > 10);
  x = fresh(req(['OPTIONS * HTTP/1.1', 'Host: a']));
  assert.equal(statusOf(x), 200);
  assert.equal(field(x, 'Allow'), 'GET, HEAD, POST, PUT, DELETE, OPTIONS');
  assert.equal(statusOf(fresh(req(['GET * HTTP/1.1', 'Host: a']))), 400);
  assert.equal(statusOf(fresh(req(['OPTIONS /nope HTTP/1.1', 'Host: a']))), 404);
});

test('100-continue: an interim 100, then the final response; 417 for other expectations', () => {
  let x = fresh(json('POST', '/items', '{"name":"desk"}', 'Expect: 100-continue'));
  assert.deepEqual(x.interim.map((r) => r.raw), ['HTTP/1.1 100 Continue\r\n\r\n']);
  assert.equal(statusOf(x), 201);
  x = fresh(req(['POST /items HTTP/1.1', 'Host: a', 'Expect: 100-continue', 'Content-Type: application/json', 'Content-Length: 15']));
  assert.equal(x.interim.length, 1, 'the head passed: 100 goes out');
  assert.equal(statusOf(x), 408, 'then the content never arrives');
  assert.equal(x.connection, 'close');
  x = fresh(json('POST', '/items', '{"name":"desk"}', 'Expect: 100-continue', 'Authorization: x') .replace('/items', '/submit').replace('Content-Type: application/json', 'Content-Type: text/plain'));
  assert.equal(x.interim.length, 0, 'refused from the head: no 100');
  assert.equal(statusOf(x), 415);
  x = fresh(json('POST', '/items', '{"name":"desk"}', 'Expect: something'));
  assert.equal(statusOf(x), 417);
  assert.equal(x.interim.length, 0);
  x = fresh(json('POST', '/items', '{"name":"desk"}', 'Expect: 100-continue').replace('HTTP/1.1', 'HTTP/1.0'));
  assert.equal(x.interim.length, 0, 'never a 1xx to an HTTP/1.0 client');
});

test('101 Switching Protocols with the RFC 6455 sample key', () => {
  const hand = get('/chat', 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13');
  hs.resetServer();
  const out = sim(hand + '\x81\x05hello');
  const x = out.exchanges[0];
  assert.equal(statusOf(x), 101);
  assert.equal(field(x, 'Sec-WebSocket-Accept'), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  assert.equal(field(x, 'Upgrade'), 'websocket');
  assert.equal(x.connection, 'upgrade');
  assert.equal(out.rest.why, 'upgraded', 'the frames after the handshake are not HTTP');
  assert.equal(statusOf(fresh(get('/chat'))), 426);
  assert.equal(field(fresh(get('/chat')), 'Upgrade'), 'websocket');
  assert.equal(statusOf(fresh(hand.replace('Version: 13', 'Version: 8'))), 426);
  assert.equal(statusOf(fresh(hand.replace('dGhlIHNhbXBsZSBub25jZQ==', 'c2hvcnQ='))), 400);
  assert.equal(statusOf(fresh(hand.replace('Connection: Upgrade', 'Connection: keep-alive'))), 426);
});

test('Range: 206 for one range, 416 past the end, If-Range', () => {
  let x = fresh(get('/items/1', 'Range: bytes=0-4'));
  assert.equal(statusOf(x), 206);
  assert.equal(x.response.body, '{"id"');
  assert.equal(field(x, 'Content-Range'), 'bytes 0-4/21');
  x = fresh(get('/items/1', 'Range: bytes=999-'));
  assert.equal(statusOf(x), 416);
  assert.equal(field(x, 'Content-Range'), 'bytes */21');
  assert.equal(statusOf(fresh(get('/items/1', 'Range: bytes=0-4', 'If-Range: "1.1"'))), 206);
  assert.equal(statusOf(fresh(get('/items/1', 'Range: bytes=0-4', 'If-Range: "0.0"'))), 200);
  assert.equal(statusOf(fresh(get('/items/1', 'Range: lines=1-2'))), 200);
});

test('virtual clock, timeouts and the upstream', () => {
  let x = fresh('POST /items HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{"na');
  assert.equal(statusOf(x), 408);
  assert.equal(field(x, 'Date'), 'Wed, 01 Jan 2025 00:01:00 GMT', 'the server waited its 60 s request timeout');
  assert.equal(statusOf(fresh(get('/proxy'), { upstream: 'garbage' })), 502);
  x = fresh(get('/proxy'), { upstream: 'slow' });
  assert.equal(statusOf(x), 504);
  assert.equal(field(x, 'Date'), 'Wed, 01 Jan 2025 00:00:30 GMT', 'the gateway waited 30 s');
  assert.equal(statusOf(fresh(get('/success'), { maintenanceUntil: 1735689600 + 5 })), 503);
  hs.resetServer();
  hs.setServerState({ maintenance: true });
  hs.setServerState({ advance: 200 });
  assert.equal(statusOf(sim(get('/success')).exchanges[0]), 200, 'maintenance ends when its time is up');
});

test('determinism and state: same input, same bytes; reset; set and read back', () => {
  const raw = get('/success') + json('POST', '/items', '{"name":"desk"}') + get('/items/4', 'If-None-Match: "4.1"') + get('/proxy');
  hs.resetServer();
  const a = JSON.stringify(hs.simulate(raw));
  hs.resetServer();
  const b = JSON.stringify(hs.simulate(raw));
  assert.equal(a, b);
  const s0 = hs.resetServer();
  assert.equal(s0.clock, 1735689600);
  assert.deepEqual(s0.items.map((i) => i.name), ['pen', 'notebook', 'lamp']);
  hs.simulate(json('POST', '/items', '{"name":"desk"}'));
  assert.equal(hs.serverState().items.length, 4);
  assert.deepEqual(hs.resetServer(), s0);
  const custom = hs.setServerState({ items: [{ id: 7, name: 'cup' }], nextId: 8, upstream: 'slow', rateLimit: { limit: 5 } });
  assert.deepEqual(custom.items.map((i) => [i.id, i.name]), [[7, 'cup']]);
  assert.equal(custom.rateLimit.limit, 5);
  assert.deepEqual(hs.setServerState(hs.serverState()), custom, 'the state JSON sets back as it is');
  assert.throws(() => hs.setServerState({ upstream: 'sideways' }), RangeError);
  assert.throws(() => hs.setServerState({ nope: 1 }), /nope/);
  assert.throws(() => hs.setServerState(null), TypeError);
  assert.deepEqual(hs.serverState(), custom, 'a refused change leaves the state as it was');
  const out = hs.simulate(get('/success'), { state: { reset: true, maintenance: true } });
  assert.equal(out.exchanges[0].response.status, 503);
  assert.equal(hs.simulate(get('/success'), { state: { ...out.state, maintenance: false } }).exchanges[0].response.status, 200);
});

test('lean output: the trace in the asked language only, the state only when asked or changed', () => {
  const raw = get('/success', 'Accept-Language: ko');
  hs.resetServer();
  const both = hs.simulate(raw, { state: true });
  hs.resetServer();
  const ko = hs.simulate(raw, { lang: 'ko' });
  assert.deepEqual(ko.exchanges[0].response, both.exchanges[0].response, 'the same response bytes in either form');
  assert.deepEqual(ko.exchanges[0].trace.map((t) => t.detail), both.exchanges[0].trace.map((t) => ({ ko: t.detail.ko })));
  hs.resetServer();
  const en = hs.simulate(raw, { lang: 'en' });
  assert.deepEqual(en.exchanges[0].trace.map((t) => t.detail), both.exchanges[0].trace.map((t) => ({ en: t.detail.en })));
  assert.equal(ko.state, undefined, 'a GET moves only the meters (clock, count, rate window): no state');
  assert.equal(hs.serverState().clock, both.state.clock, 'the clock moved all the same');
  const created = hs.simulate(json('POST', '/items', '{"name":"brand-new lamp"}'), { lang: 'en' });
  assert.equal(created.exchanges[0].response.status, 201);
  assert.deepEqual(created.state, hs.serverState(), 'a new item changes the state: the state comes with it');
  assert.deepEqual(hs.simulate(get('/success'), { state: true, lang: 'en' }).state, hs.serverState(), 'state: true asks for it');
});

test('garbage and oversized input: valid JSON, well-framed responses, no throw', () => {
  hs.resetServer();
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
  for (let i = 0; i < 300; i++) {
    const bytes = new Uint8Array(Math.floor(rnd() * 300));
    for (let k = 0; k < bytes.length; k++) bytes[k] = rnd() < 0.7 ? 'GET /items/1 HTTP/1.1\r\nHost: a\r\n:%"\\{}'.charCodeAt(Math.floor(rnd() * 40)) : Math.floor(rnd() * 256);
    sim(bytes);
  }
  const big = sim(req(['POST / HTTP/1.1', 'Host: a', `Content-Length: ${200000}`], 'x'.repeat(200000)));
  assert.equal(big.exchanges[0].response.status, 413);
  const long = sim(req([`GET /${'a'.repeat(100000)} HTTP/1.1`, 'Host: a']));
  assert.equal(long.exchanges[0].response.status, 414);
  assert.equal(sim('').exchanges.length, 0);
  const bad = sim(enc.encode(req(['POST / HTTP/1.1', 'Host: a', 'X-Bin: \xff\xfe', 'Content-Length: 2'], '\xc3\x28')));
  assert.equal(bad.exchanges[0].response.status, 200);
  assert.throws(() => hs.simulate(42), TypeError);
});

test('example(code) round trip for every code the server produces for a real reason', () => {
  const real = hs.exampleCodes();
  const article = [100, 101, 200, 201, 202, 204, 301, 302, 304, 400, 401, 403, 404, 405, 406, 408, 429, 500, 501, 502, 503, 504];
  for (const c of article) assert.ok(real.some((e) => e.code === c), `the article's ${c} has a real example`);
  assert.ok(real.length >= 40);
  for (const { code, final } of real) {
    const ex = hs.example(code);
    assert.equal(ex.reason, 'real');
    assert.ok(ex.explanation.en && ex.explanation.ko && ex.setup.reset === true);
    hs.resetServer();
    const out = sim(ex.request, { state: ex.setup });
    const last = out.exchanges.at(-1);
    if (final) assert.equal(last.response.status, code, `example(${code})`);
    else assert.ok(last.interim.some((r) => r.status === code), `example(${code}) sends ${code} as interim`);
    // the same without a reset first: the setup resets
    assert.equal(JSON.stringify(sim(ex.request, { state: ex.setup }).exchanges.at(-1).response), JSON.stringify(last.response));
  }
});

test('example(code) for every other code goes through GET /status/{code}', () => {
  const real = new Set(hs.exampleCodes().map((e) => e.code));
  for (let code = 100; code <= 599; code++) {
    if (real.has(code)) continue;
    const ex = hs.example(code);
    assert.equal(ex.reason, 'status-route');
    const x = fresh(ex.request, ex.setup);
    if (code < 200) assert.ok(x.interim.some((r) => r.status === code) || code === 101);
    else {
      assert.equal(x.response.status, code);
      const need = (hs.lookup(code)?.requiredFields || []).filter((f) => f.level === 'MUST').map((f) => f.field);
      for (const f of need) assert.ok(field(x, f), `${code} carries ${f}`);
    }
  }
  assert.equal(hs.example(600), null);
  assert.equal(hs.example('404').code, 404);
});

test('followUp: content the exchange does not hold exactly is not sent again (cut after 4096 bytes, or not UTF-8)', () => {
  const enc = new TextEncoder();
  const post = (target, body) => {
    const head = enc.encode(`POST ${target} HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n`);
    const b = new Uint8Array(head.length + body.length);
    b.set(head);
    b.set(body, head.length);
    return b;
  };
  let f = hs.followUp(fresh(post('/temporary-redirect', new Uint8Array([0x61, 0xff, 0x62]))));
  assert.deepEqual([f.kind, f.method, f.inexact, f.request], ['redirect', 'POST', true, undefined]);
  f = hs.followUp(fresh(post('/temporary-redirect', enc.encode('x'.repeat(5000)))));
  assert.deepEqual([f.inexact, f.request], [true, undefined], 'cut: the exchange shows 4096 of 5000 bytes');
  f = hs.followUp(fresh(post('/temporary-redirect', enc.encode('한'.repeat(1000)))));
  assert.equal(f.inexact, undefined, '3000 bytes of UTF-8 are held exactly');
  assert.match(f.request, /\r\nContent-Length: 3000\r\n\r\n(한){1000}$/);
  f = hs.followUp(fresh(post('/moved-permanently', new Uint8Array([0xff]))));
  assert.deepEqual([f.method, f.inexact], ['GET', undefined], 'a redirect that drops the content needs none of it');
  assert.doesNotMatch(f.request, /Content-Length/);
  // a field value with obs-text (RFC 9110 §5.5) shows as U+FFFD, and every next request carries the fields again
  const withField = (target, value) => {
    const b = enc.encode(`GET ${target} HTTP/1.1\r\nHost: a\r\nX-Note: ${'?'.repeat(value.length)}\r\n\r\n`);
    b.set(value, b.length - 4 - value.length);
    return b;
  };
  let x = fresh(withField('/profile', new Uint8Array([0x63, 0xe9])));
  assert.equal(x.request.headersNotUtf8, true);
  f = hs.followUp(x);
  assert.deepEqual([f.kind, f.inexact, f.request], ['authenticate', true, undefined]);
  x = fresh(withField('/profile', enc.encode('café')));
  assert.equal(x.request.headersNotUtf8, undefined, 'UTF-8 in a field value is held exactly');
  assert.match(hs.followUp(x).request, /\r\nX-Note: café\r\n/);
  assert.equal(hs.followUp(fresh(withField('/moved-permanently', new Uint8Array([0xff])))).inexact, true);
});

test('followUp: what a client does next, from the registry', () => {
  const follow = (raw, setup) => {
    const x = fresh(raw, setup);
    return [x, hs.followUp(x)];
  };
  let [, f] = follow(json('POST', '/moved-permanently', '{"a":1}'));
  assert.equal(f.kind, 'redirect');
  assert.equal(f.method, 'GET', '301: a POST becomes a GET');
  assert.doesNotMatch(f.request, /Content-Length|Content-Type/);
  [, f] = follow(req(['POST /form HTTP/1.1', 'Host: a', 'Content-Length: 0']));
  assert.equal(f.method, 'GET', '303: GET');
  [, f] = follow(json('POST', '/temporary-redirect', '{"a":1}'));
  assert.equal(f.method, 'POST', '307 keeps the method');
  assert.match(f.request, /\r\n\r\n\{"a":1\}$/, 'and the content');
  assert.equal(statusOf(sim(f.request).exchanges[0]), 200);
  [, f] = follow(req(['HEAD /found HTTP/1.1', 'Host: a']));
  assert.equal(f.method, 'HEAD');
  [, f] = follow(get('/profile'));
  assert.equal(f.kind, 'authenticate');
  assert.equal(statusOf(sim(f.request).exchanges[0]), 200);
  [, f] = follow(get('/success'), { maintenance: true });
  assert.deepEqual([f.kind, f.after], ['retry', 120]);
  hs.setServerState({ advance: f.after });
  assert.equal(statusOf(sim(f.request).exchanges[0]), 200, 'after Retry-After the server is back');
  [, f] = follow(get('/chat'));
  assert.equal(f.kind, 'upgrade');
  assert.equal(statusOf(sim(f.request).exchanges[0]), 101);
  [, f] = follow(json('POST', '/items', '{"name":"x"}', 'Expect: nope'));
  assert.equal(statusOf(sim(f.request).exchanges[0]), 201, 'after 417, retry without the expectation');
  [, f] = follow(req(['POST /jobs HTTP/1.1', 'Host: a', 'Content-Length: 0']));
  assert.deepEqual([f.kind, f.target], ['poll', '/jobs/1']);
  // 411: the same request with a valid Content-Length (RFC 9110 §15.5.12), for the content the client meant.
  const noLength = req(['POST /items HTTP/1.1', 'Host: a', 'Content-Type: application/json']);
  [, f] = follow(noLength);
  assert.deepEqual([f.kind, f.rule], ['length', 'RFC 9110 §15.5.12']);
  assert.match(f.request, /\r\nContent-Length: 0\r\n\r\n$/, 'no content read: a length of 0');
  f = hs.followUp(fresh(noLength), { content: '{"name":"café"}' });
  assert.match(f.request, /\r\nContent-Length: 16\r\n\r\n\{"name":"café"\}$/, 'the length in bytes, not characters');
  assert.equal(statusOf(sim(f.request).exchanges[0]), 201, 'with its length the item is made');
  assert.match(f.explanation.ko, /Content-Length: 16으로 /);
  assert.equal(follow(get('/items/1', 'If-None-Match: "1.1"'))[1].kind, 'cache');
  assert.equal(follow(get('/success'))[1], null);
  assert.equal(follow(get('/items/99'))[1], null);
  assert.equal(hs.followUp(null), null);
  // The sentences come from the engine (src/followup.def), filled in both languages.
  [, f] = follow(json('POST', '/moved-permanently', '{"a":1}'));
  assert.match(f.explanation.en, /^The client follows Location to \/success, turning POST into GET/);
  assert.match(f.explanation.ko, /\/success로 가며 POST를 GET으로 바꾸고/, 'particles chosen from the values, never a bracketed pair');
  for (const [raw, setup] of [[get('/success'), { maintenance: true }], [req(['POST /jobs HTTP/1.1', 'Host: a', 'Content-Length: 0'])]]) {
    const g = follow(raw, setup)[1];
    for (const text of [g.explanation.en, g.explanation.ko]) assert.doesNotMatch(text, /\{\d\}|undefined/);
  }
});

test('handler(code): the corrected Flask handler for every article code, with the response it yields', () => {
  const s = hs.resetServer();
  for (const code of [100, 101, 200, 201, 202, 204, 301, 302, 304, 400, 401, 403, 404, 405, 406, 408, 429, 500, 501, 502, 503, 504]) {
    const hd = hs.handler(code);
    assert.ok(hd && hd.corrected && hd.naive && hd.common.includes('def problem'), `handler(${code})`);
    assert.ok(hd.explanation.en && hd.explanation.ko);
    const final = hd.example.final;
    if (final) assert.equal(hd.response.status, code, `handler(${code}).response`);
    frame(hd.response.raw);
  }
  assert.equal(hs.handler(405).differs, true);
  assert.match(hs.handler(405).response.raw, /\r\nAllow: /);
  assert.equal(hs.handler(200).differs, false);
  assert.equal(hs.handler(418), null);
  assert.deepEqual(hs.serverState(), s, 'handler() runs its example without touching the live state');
});

test('lang: messages follow Accept-Language, defaulting to the lang option', () => {
  hs.resetServer();
  const body = (out) => JSON.parse(out.exchanges[0].response.body);
  assert.match(body(hs.simulate(get('/success'), { lang: 'ko' })).message, /성공/);
  assert.match(body(hs.simulate(get('/success'))).message, /succeeded/);
  assert.match(body(hs.simulate(get('/success', 'Accept-Language: ko'))).message, /성공/);
  assert.match(body(hs.simulate(get('/success', 'Accept-Language: en, ko;q=0.5'), { lang: 'ko' })).message, /succeeded/);
  const x = hs.simulate(get('/success', 'Accept-Language: ko')).exchanges[0];
  assert.equal(field(x, 'Content-Language'), 'ko');
  assert.equal(field(x, 'Vary'), 'Accept-Language');
});
