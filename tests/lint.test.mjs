// lint.test.mjs — the response linter through hs.lint: one positive and one
// negative case per rule of src/http/lint.def (every rule must have both),
// the bytes each finding points at, the article's naive handlers, the shape
// of the result, and inputs that are not responses at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../web/engine.js';
import { lintPresets } from '../web/lint-presets.js';
import { cases, res, ok, get, noStore, DATE, enc } from './lib/lint-cases.mjs';

const hs = await load();
const dec = new TextDecoder();

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
