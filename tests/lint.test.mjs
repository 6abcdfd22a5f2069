// lint.test.mjs — the response linter through hs.lint: one positive and one
// negative case per rule of src/http/lint.def (every rule must have both),
// the bytes each finding points at, the article's naive handlers, the shape
// of the result, and inputs that are not responses at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../web/engine.js';
import { lintPresets } from '../web/lint-presets.js';

const hs = await load();
const enc = new TextEncoder();
const dec = new TextDecoder();
const CRLF = '\r\n';
const DATE = 'Date: Wed, 01 Jan 2025 00:00:00 GMT';

/** A response: status line, fields (Date first unless given), an empty line, content. */
const res = (status, fields = [], body = '') => [status, ...fields].join(CRLF) + CRLF + CRLF + body;
/** A clean 200 with content: no finding at all. */
const ok = (fields = [], body = 'hi') => res('HTTP/1.1 200 OK', [DATE, 'Cache-Control: no-store',
  'Content-Type: text/plain', `Content-Length: ${enc.encode(body).length}`, ...fields], body);
const get = (target, ...fields) => ['GET ' + target + ' HTTP/1.1', 'Host: a', ...fields].join(CRLF) + CRLF + CRLF;
const noStore = 'Cache-Control: no-store';

// rule: [bad, good, at?]: each side is a response string or [response, request];
// at is the text the finding's offset/length must cover in the bad response.
const cases = {
  'status-line': ['HTTTP/1.1 200 OK\r\n\r\n', ok(), 'HTTTP/1.1 200 OK'],
  'head-incomplete': ['HTTP/1.1 204 No Content\r\n' + DATE, res('HTTP/1.1 204 No Content', [DATE]), ''],
  'bare-lf': ['HTTP/1.1 204 No Content\n' + DATE + '\r\n\r\n', res('HTTP/1.1 204 No Content', [DATE]), '\n'],
  'version': ['HTTP/1.10 204 No Content\r\n' + DATE + '\r\n\r\n', res('HTTP/1.1 204 No Content', [DATE]), 'HTTP/1.10'],
  'status-line-space': ['HTTP/1.1  204 No Content\r\n' + DATE + '\r\n\r\n', res('HTTP/1.1 204 ', [DATE]), '  '],
  'status-code-digits': ['HTTP/1.1 20 OK\r\n\r\n', ok(), '20 OK'],
  'status-code-range': [res('HTTP/1.1 099 Odd', [DATE, noStore, 'Content-Length: 0']), ok(), '099'],
  'reason-phrase-chars': [res('HTTP/1.1 204 No\x01Content', [DATE]), res('HTTP/1.1 204 No\tContent', [DATE]), '\x01'],
  'input-too-long': ['HTTP/1.1 200 OK\r\n\r\n' + 'x'.repeat(70000), ok()],
  'status-unassigned': [res('HTTP/1.1 299 ', [DATE, noStore, 'Content-Length: 0']), ok(), '299'],
  'status-unofficial': [res('HTTP/1.1 420 Enhance Your Calm', [DATE, 'Content-Length: 0']),
    res('HTTP/1.1 429 Too Many Requests', [DATE, 'Retry-After: 60', 'Content-Length: 0']), '420'],
  'status-306': [res('HTTP/1.1 306 Switch Proxy', [DATE, 'Content-Length: 0']), res('HTTP/1.1 307 Temporary Redirect', [DATE, 'Location: /b', 'Content-Length: 0']), '306'],
  'status-305': [res('HTTP/1.1 305 Use Proxy', [DATE, 'Content-Length: 0']), res('HTTP/1.1 307 Temporary Redirect', [DATE, 'Location: /b', 'Content-Length: 0']), '305'],
  'status-418': [res('HTTP/1.1 418 I\'m a teapot', [DATE, 'Content-Length: 0']), res('HTTP/1.1 422 Unprocessable Entity', [DATE, 'Content-Length: 0']), '418'],
  'phrase-mismatch': [res('HTTP/1.1 404 OK', [DATE, noStore, 'Content-Length: 0']), res('HTTP/1.1 404 NOT FOUND', [DATE, noStore, 'Content-Length: 0']), 'OK'],
  'interim-final': ['HTTP/1.1 100 Continue\r\n\r\n', 'HTTP/1.1 100 Continue\r\n\r\n' + ok(), 'HTTP/1.1 100 Continue'],
  'interim-http10': [['HTTP/1.1 102 Processing\r\n\r\n' + ok(), 'GET / HTTP/1.0\r\n\r\n'], ['HTTP/1.1 102 Processing\r\n\r\n' + ok(), get('/')], '102'],
  '100-without-expect': [['HTTP/1.1 100 Continue\r\n\r\n' + ok(), get('/')], ['HTTP/1.1 100 Continue\r\n\r\n' + ok(), get('/', 'Expect: 100-continue')], '100'],
  '101-without-upgrade': [['HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n', get('/chat')],
    ['HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n', get('/chat', 'Upgrade: websocket', 'Connection: Upgrade')], '101'],
  'upgrade-without-connection': [ok(['Upgrade: h2c']), ok(['Upgrade: h2c', 'Connection: upgrade']), 'Upgrade: h2c'],
  'required-field': [res('HTTP/1.1 405 Method Not Allowed', [DATE, noStore, 'Content-Length: 0']),
    res('HTTP/1.1 405 Method Not Allowed', [DATE, noStore, 'Allow: GET', 'Content-Length: 0']), '405'],
  'allow-lists-method': [[res('HTTP/1.1 405 Method Not Allowed', [DATE, noStore, 'Allow: GET, DELETE', 'Content-Length: 0']), 'DELETE / HTTP/1.1\r\nHost: a\r\n\r\n'],
    [res('HTTP/1.1 405 Method Not Allowed', [DATE, noStore, 'Allow: GET, delete', 'Content-Length: 0']), 'DELETE / HTTP/1.1\r\nHost: a\r\n\r\n'], 'Allow: GET, DELETE'],
  'content-range-syntax': [res('HTTP/1.1 416 Range Not Satisfiable', [DATE, 'Content-Range: bytes 0-5/10', 'Content-Length: 0']),
    res('HTTP/1.1 416 Range Not Satisfiable', [DATE, 'Content-Range: bytes */10', 'Content-Length: 0']), 'Content-Range: bytes 0-5/10'],
  'retry-after-syntax': [res('HTTP/1.1 503 Service Unavailable', [DATE, 'Retry-After: soon', 'Content-Length: 0']),
    res('HTTP/1.1 503 Service Unavailable', [DATE, 'Retry-After: Wed, 01 Jan 2025 00:02:00 GMT', 'Content-Length: 0']), 'Retry-After: soon'],
  '206-without-range': [[res('HTTP/1.1 206 Partial Content', [DATE, noStore, 'Content-Range: bytes 0-1/10', 'Content-Type: text/plain', 'Content-Length: 2'], 'hi'), get('/')],
    [res('HTTP/1.1 206 Partial Content', [DATE, noStore, 'Content-Range: bytes 0-1/10', 'Content-Type: text/plain', 'Content-Length: 2'], 'hi'), get('/', 'Range: bytes=0-1')], '206'],
  '304-unconditional': [[res('HTTP/1.1 304 Not Modified', [DATE, 'ETag: "a"']), get('/')], [res('HTTP/1.1 304 Not Modified', [DATE, 'ETag: "a"']), get('/', 'If-None-Match: "a"')], '304'],
  '412-unconditional': [[res('HTTP/1.1 412 Precondition Failed', [DATE, 'Content-Length: 0']), get('/')], [res('HTTP/1.1 412 Precondition Failed', [DATE, 'Content-Length: 0']), get('/', 'If-Match: "b"')], '412'],
  '416-without-range': [[res('HTTP/1.1 416 Range Not Satisfiable', [DATE, 'Content-Range: bytes */10', 'Content-Length: 0']), get('/')],
    [res('HTTP/1.1 416 Range Not Satisfiable', [DATE, 'Content-Range: bytes */10', 'Content-Length: 0']), get('/', 'Range: bytes=20-')], '416'],
  '417-without-expect': [[res('HTTP/1.1 417 Expectation Failed', [DATE, 'Content-Length: 0']), get('/')], [res('HTTP/1.1 417 Expectation Failed', [DATE, 'Content-Length: 0']), get('/', 'Expect: 200-ok')], '417'],
  'request-unparsed': [[ok(), 'GET / HTTP/1.1\r\n\r\n'], [ok(), get('/')]],
  'content-forbidden': [res('HTTP/1.1 304 Not Modified', [DATE, 'ETag: "a"'], '{}'), res('HTTP/1.1 304 Not Modified', [DATE, 'ETag: "a"']), '{}'],
  'content-length-forbidden': [res('HTTP/1.1 204 No Content', [DATE, 'Content-Length: 0']), res('HTTP/1.1 204 No Content', [DATE]), 'Content-Length: 0'],
  'transfer-encoding-forbidden': [res('HTTP/1.1 204 No Content', [DATE, 'Transfer-Encoding: chunked']), res('HTTP/1.1 204 No Content', [DATE]), 'Transfer-Encoding: chunked'],
  'content-length-mismatch': [ok(['Content-Length: 9'].slice(1), 'hi').replace('Content-Length: 2', 'Content-Length: 3'), ok(), 'Content-Length: 3'],
  'content-length-invalid': [ok().replace('Content-Length: 2', 'Content-Length: +2'), ok(), '+'],
  'content-length-conflict': [ok(['Content-Length: 3']), ok(['Content-Length: 2'])],
  'cl-and-te': [res('HTTP/1.1 200 OK', [DATE, noStore, 'Content-Type: text/plain', 'Content-Length: 2', 'Transfer-Encoding: chunked'], '2\r\nhi\r\n0\r\n\r\n'),
    res('HTTP/1.1 200 OK', [DATE, noStore, 'Content-Type: text/plain', 'Transfer-Encoding: chunked'], '2\r\nhi\r\n0\r\n\r\n'), 'Content-Length: 2'],
  'transfer-coding-invalid': [res('HTTP/1.1 200 OK', [DATE, noStore, 'Content-Type: text/plain', 'Transfer-Encoding: chunked, chunked'], '2\r\nhi\r\n0\r\n\r\n'),
    res('HTTP/1.1 200 OK', [DATE, noStore, 'Content-Type: text/plain', 'Transfer-Encoding: gzip, chunked'], '2\r\nhi\r\n0\r\n\r\n')],
  'chunked-malformed': [res('HTTP/1.1 200 OK', [DATE, noStore, 'Content-Type: text/plain', 'Transfer-Encoding: chunked'], '3\r\nhi\r\n0\r\n\r\n'),
    res('HTTP/1.1 200 OK', [DATE, noStore, 'Content-Type: text/plain', 'Transfer-Encoding: chunked'], '2;a=b\r\nhi\r\n0\r\nX-T: 1\r\n\r\n')],
  'content-type-missing': [res('HTTP/1.1 200 OK', [DATE, noStore, 'Content-Length: 2'], 'hi'), ok(), 'hi'],
  'length-by-close': [res('HTTP/1.1 200 OK', [DATE, noStore, 'Content-Type: text/plain'], 'hi'), ok(), 'HTTP/1.1 200 OK'],
  'field-name-token': [ok(['X(a): 1']), ok(['X-a: 1']), '('],
  'field-ws-before-colon': [ok(['X-A : 1']), ok(['X-A: 1']), ' '],
  'field-no-colon': [ok(['X-A 1']), ok(['X-A: 1']), 'X-A 1'],
  'obs-fold': [ok(['X-A: 1', ' 2']), ok(['X-A: 1 2']), ' 2'],
  'field-value-ctl': [ok(['X-A: 1\x002']), ok(['X-A: 1\t2']), '\x00'],
  'field-duplicate': [ok(['Content-Type: text/html']), ok(['Content-Language: en']), 'Content-Type: text/html'],
  'http-date': [ok(['Last-Modified: 2025-01-01']), ok(['Last-Modified: Tue, 31 Dec 2024 00:00:00 GMT']), 'Last-Modified: 2025-01-01'],
  'date-missing': [res('HTTP/1.1 200 OK', [noStore, 'Content-Type: text/plain', 'Content-Length: 2'], 'hi'), ok(), 'HTTP/1.1 200 OK'],
  'too-many-fields': [ok(Array.from({ length: 130 }, (_, i) => `X-${i}: ${i}`)), ok(Array.from({ length: 100 }, (_, i) => `X-${i}: ${i}`))],
  'heuristic-cache': [res('HTTP/1.1 200 OK', [DATE, 'Content-Type: text/plain', 'Content-Length: 2'], 'hi'),
    res('HTTP/1.1 200 OK', [DATE, 'Expires: Wed, 01 Jan 2025 01:00:00 GMT', 'Content-Type: text/plain', 'Content-Length: 2'], 'hi'), '200'],
  'set-cookie-shared': [ok(['Set-Cookie: id=1']).replace('Cache-Control: no-store', 'Cache-Control: max-age=60'),
    ok(['Set-Cookie: id=1']).replace('Cache-Control: no-store', 'Cache-Control: private, max-age=60'), 'Set-Cookie: id=1'],
};

const lintOf = (side) => (Array.isArray(side) ? hs.lint(side[0], { request: side[1] }) : hs.lint(side));
const rawOf = (side) => (Array.isArray(side) ? side[0] : side);

test('every rule of lint.def has a case here, and the rules list is well formed', () => {
  const rules = hs.lintRules();
  assert.deepEqual(rules.map((r) => r.rule).sort(), Object.keys(cases).sort());
  for (const r of rules) {
    assert.match(r.level, /^(error|warning|info|field)$/);
    assert.ok(r.message.en && r.message.ko && r.fix.en && r.fix.ko, r.rule);
    if (r.level !== 'field') {
      assert.match(r.section, /^RFC \d+ §[\d.]+$/, r.rule);
      assert.ok(r.url.startsWith('https://www.rfc-editor.org/rfc/rfc'), r.url);
    }
  }
});

for (const [rule, [bad, good, at]] of Object.entries(cases)) {
  test(`${rule}: found where it applies, not where it does not`, () => {
    const found = lintOf(bad).findings.filter((f) => f.rule === rule);
    assert.equal(found.length >= 1, true, `${rule} in ${JSON.stringify(lintOf(bad).findings.map((f) => f.rule))}`);
    assert.deepEqual(lintOf(good).findings.filter((f) => f.rule === rule), [], `no ${rule} in the good case`);
    if (at !== undefined) {
      const bytes = enc.encode(rawOf(bad));
      const f = found[0];
      assert.equal(dec.decode(bytes.subarray(f.offset, f.offset + f.length)), at, `${rule} points at its bytes`);
    }
  });
}

test('the good cases are clean: no error and no warning', () => {
  for (const [rule, [, good]] of Object.entries(cases)) {
    const bad = lintOf(good).findings.filter((f) => f.level !== 'info');
    assert.deepEqual(bad.map((f) => f.rule), [], `good case of ${rule}`);
  }
});

test('required-field takes its level and section from the registry', () => {
  const level = (status, fields = []) => hs.lint(res(status, [DATE, noStore, ...fields, 'Content-Length: 0'])).findings
    .filter((f) => f.rule === 'required-field').map((f) => [f.level, f.section]);
  assert.deepEqual(level('HTTP/1.1 401 Unauthorized'), [['error', 'RFC 9110 §15.5.2']]);
  assert.deepEqual(level('HTTP/1.1 407 Proxy Authentication Required'), [['error', 'RFC 9110 §15.5.8']]);
  assert.deepEqual(level('HTTP/1.1 426 Upgrade Required'), [['error', 'RFC 9110 §15.5.22'], ['error', 'RFC 9110 §7.8']]);
  assert.deepEqual(level('HTTP/1.1 426 Upgrade Required', ['Upgrade: h2c', 'Connection: Upgrade']), []);
  assert.deepEqual(level('HTTP/1.1 426 Upgrade Required', ['Upgrade: h2c', 'Connection: close']), [['error', 'RFC 9110 §7.8']]);
  assert.deepEqual(level('HTTP/1.1 201 Created'), [['warning', 'RFC 9110 §9.3.3']]);
  assert.deepEqual(level('HTTP/1.1 302 Found'), [['warning', 'RFC 9110 §15.4.3']]);
  assert.deepEqual(level('HTTP/1.1 300 Multiple Choices'), [['info', 'RFC 9110 §15.4.1']]);
  assert.deepEqual(level('HTTP/1.1 413 Content Too Large'), [['warning', 'RFC 9110 §15.5.14']]);
  assert.deepEqual(level('HTTP/1.1 429 Too Many Requests'), [['info', 'RFC 6585 §4']]);
  assert.deepEqual(level('HTTP/1.1 503 Service Unavailable'), [['info', 'RFC 9110 §15.6.4']]);
  assert.deepEqual(level('HTTP/1.1 416 Range Not Satisfiable'), [['warning', 'RFC 9110 §15.5.17']]);
  assert.deepEqual(level('HTTP/1.1 451 Unavailable For Legal Reasons', ['Link: </terms>; rel="terms-of-service"']), [['warning', 'RFC 7725 §4']]);
  assert.deepEqual(level('HTTP/1.1 451 Unavailable For Legal Reasons', ['Link: <https://blocker.example>; rel="blocked-by"']), []);
  assert.deepEqual(level('HTTP/1.1 206 Partial Content', ['Content-Type: multipart/byteranges; boundary=x']), []);
  assert.deepEqual(level('HTTP/1.1 206 Partial Content'), [['error', 'RFC 9110 §15.3.7.1']]);
  const r304 = (req) => hs.lint(res('HTTP/1.1 304 Not Modified', [DATE]), { request: req }).findings
    .filter((f) => f.rule === 'required-field').map((f) => f.level);
  assert.deepEqual(r304(get('/', 'If-None-Match: "a"')), ['error']);
  assert.deepEqual(r304(get('/', 'If-Modified-Since: Wed, 01 Jan 2025 00:00:00 GMT')), ['warning']);
  const msg = hs.lint(res('HTTP/1.1 405 Method Not Allowed', [DATE, noStore, 'Content-Length: 0'])).findings[0].message;
  assert.match(msg.en, /405 .*Allow.*MUST/);
  assert.match(msg.ko, /405 응답에 Allow 필드가 없다/);
});

test('the result has exactly the documented shape', () => {
  const r = hs.lint(ok(['X-A: 1']), { request: get('/') });
  assert.deepEqual(Object.keys(r).sort(), ['findings', 'response']);
  assert.deepEqual(r.response, {
    status: 200, phrase: 'OK', version: 'HTTP/1.1',
    headers: [['Date', 'Wed, 01 Jan 2025 00:00:00 GMT'], ['Cache-Control', 'no-store'], ['Content-Type', 'text/plain'], ['Content-Length', '2'], ['X-A', '1']],
    body: 'hi', framing: 'length',
  });
  assert.deepEqual(r.findings, []);
  const f = hs.lint(res('HTTP/1.1 401 Unauthorized', [DATE, 'Content-Length: 0'])).findings[0];
  assert.deepEqual(Object.keys(f).sort(), ['fix', 'length', 'level', 'message', 'offset', 'rule', 'section', 'url']);
  assert.equal(f.url, 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2');
  const chunked = hs.lint(res('HTTP/1.1 200 OK', [DATE, noStore, 'Content-Type: text/plain', 'Transfer-Encoding: chunked'], '2\r\nhi\r\n3\r\n!!!\r\n0\r\n\r\n'));
  assert.equal(chunked.response.body, 'hi!!!');
  assert.equal(chunked.response.framing, 'chunked');
  assert.deepEqual(chunked.findings, []);
  const bad = hs.lint('garbage');
  assert.deepEqual(Object.keys(bad.response), ['error']);
  assert.equal(bad.response.error.rule, 'status-line');
  assert.equal(bad.findings[0].rule, 'status-line');
});

test('offsets count UTF-8 bytes of a string, and a Uint8Array is read as it is', () => {
  const text = ok([], '한글').replace('Content-Length: 6', 'Content-Length: 5');
  const f = hs.lint(text).findings.find((x) => x.rule === 'content-length-mismatch');
  const bytes = enc.encode(text);
  assert.equal(text.length, bytes.length - 4); // two characters of three bytes each
  assert.deepEqual([f.offset, f.length], [bytes.length - 1, 1]); // the last byte of 글 is past the length
  assert.deepEqual(hs.lint(bytes).findings, hs.lint(text).findings);
});

test('the article\'s naive handlers, rendered as responses, each get the finding a reader should see', () => {
  assert.ok(lintPresets.length >= 10);
  for (const p of lintPresets) {
    const got = hs.lint(p.response, { request: p.request }).findings.filter((f) => f.level !== 'info' || p.expect.some((e) => e.rule === f.rule && e.level === 'info'));
    const pairs = got.map((f) => `${f.level}:${f.rule}`).sort();
    assert.deepEqual(pairs, p.expect.map((e) => `${e.level}:${e.rule}`).sort(), p.id);
  }
});

for (const [name, pick] of [['100 as the final answer', '100-final'], ['405 without Allow', '405-no-allow'],
  ['401 without WWW-Authenticate', '401-no-challenge'], ['204 with a JSON body', '204-json'],
  ['301 to an absolute URL is fine', '301-absolute'], ['302 to an absolute URL is fine', '302-absolute']]) {
  test(`naive handler: ${name}`, () => {
    const p = lintPresets.find((x) => x.id === pick);
    const findings = hs.lint(p.response, { request: p.request }).findings;
    const serious = findings.filter((f) => f.level !== 'info').map((f) => f.rule);
    if (p.expect.length === 0) assert.deepEqual(serious, []);
    else for (const e of p.expect) assert.ok(findings.some((f) => f.rule === e.rule && f.level === e.level), `${e.rule} in ${serious}`);
  });
}

test('never throws for any bytes, and only a TypeError for another type', () => {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pieces = ['HTTP/1.1 ', '200', ' OK', '\r\n', '\n', '\r', ':', ' ', 'Content-Length: ', '5', 'Transfer-Encoding: chunked',
    '0\r\n\r\n', 'Date: x', '\x00', '\xff', '한', '\t', 'HTTP/1.1 100 Continue\r\n\r\n'];
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const n = Math.floor(rnd() * 12);
    for (let k = 0; k < n; k++) s += pieces[Math.floor(rnd() * pieces.length)];
    const r = hs.lint(s, { request: rnd() < 0.5 ? s : undefined });
    assert.ok(Array.isArray(r.findings) && r.response);
    for (const f of r.findings) {
      if (f.offset === undefined) continue;
      assert.ok(f.offset >= 0 && f.offset + f.length <= enc.encode(s).length, JSON.stringify([s, f.rule]));
    }
    const bytes = new Uint8Array(Math.floor(rnd() * 64)).map(() => Math.floor(rnd() * 256));
    assert.ok(hs.lint(bytes).findings.length >= 1);
  }
  assert.throws(() => hs.lint(42), TypeError);
  assert.throws(() => hs.lint('HTTP/1.1 200 OK\r\n\r\n', { request: 7 }), TypeError);
  assert.equal(hs.lint('', {}).response.error.rule, 'status-line');
});
