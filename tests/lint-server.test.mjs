// lint-server.test.mjs — the linter and the simulated server pin each other:
// every response the server produces lints with no error and no warning.
// Every route with every method it allows and one it does not, every
// example(code) with its interim responses, the client's follow-up of each,
// and GET /status/{code} for every code 100–599.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../web/engine.js';

const hs = await load();
const CRLF = '\r\n';

/** The raw bytes of a request as the server read it (an exchange's request). */
export function rawRequest(r) {
  const lines = [`${r.method} ${r.target} ${r.version}`, ...r.headers.map(([n, v]) => `${n}: ${v}`)];
  return lines.join(CRLF) + CRLF + CRLF + (typeof r.body === 'string' ? r.body : '');
}

/** The errors and warnings of lint for every exchange of a simulate() answer. */
function problems(result, label, withRequest = true) {
  const out = [];
  for (const x of result.exchanges) {
    if (!x.request || !x.request.method) continue; // the parser refused it: nothing was routed
    // rawBase64: the exact bytes, when raw shows some as U+FFFD (interim responses are always text)
    const raw = x.interim.map((i) => i.raw).join('') + x.response.raw;
    const exact = x.response.rawBase64 === undefined ? raw
      : Buffer.concat([Buffer.from(x.interim.map((i) => i.raw).join('')), Buffer.from(x.response.rawBase64, 'base64')]);
    const linted = hs.lint(exact, withRequest ? { request: rawRequest(x.request) } : {});
    for (const f of linted.findings) {
      if (f.level !== 'info') out.push(`${label}: ${f.level} ${f.rule} — ${f.message.en}\n${JSON.stringify(raw.slice(0, 400))}`);
    }
  }
  return out;
}

test('every route, with each method it allows and one it does not, lints clean', () => {
  hs.resetServer();
  const index = JSON.parse(hs.simulate(`GET / HTTP/1.1${CRLF}Host: api.example${CRLF}${CRLF}`).exchanges[0].response.body);
  assert.ok(index.routes.length > 10);
  const found = [];
  for (const route of index.routes) {
    const target = route.path.replace('{id}', '1').replace('{code}', '200').replace('{n}', '64');
    const methods = new Set([...route.allow.split(', '), 'DELETE', 'PATCH', 'BREW']);
    for (const method of methods) {
      hs.resetServer();
      const body = method === 'POST' || method === 'PUT' || method === 'PATCH' ? '{"name":"desk"}' : '';
      const fields = body ? [`Content-Type: application/json`, `Content-Length: ${body.length}`] : [];
      const raw = [`${method} ${target} HTTP/1.1`, 'Host: api.example', ...fields].join(CRLF) + CRLF + CRLF + body;
      found.push(...problems(hs.simulate(raw), `${method} ${target}`));
    }
  }
  assert.deepEqual(found, []);
});

test('every example(code), and the client\'s follow-up of it, lints clean', () => {
  const found = [];
  let followed = 0;
  for (let code = 100; code <= 599; code++) {
    const ex = hs.example(code);
    if (!ex || ex.reason !== 'real') continue;
    hs.resetServer();
    const result = hs.simulate(ex.request, { state: ex.setup });
    found.push(...problems(result, `example(${code})`));
    const last = result.exchanges[result.exchanges.length - 1];
    const next = hs.followUp(last);
    if (next && next.request) {
      followed++;
      found.push(...problems(hs.simulate(next.request), `followUp(example(${code}))`));
    }
  }
  assert.deepEqual(found, []);
  assert.ok(followed >= 10, `follow-ups linted: ${followed}`);
});

// What a client asking /status/{code} for these codes sends, so that the code
// answers something the request said (the linter checks that it does).
const STATUS_ROUTE_FIELDS = {
  206: ['Range: bytes=0-9'],
  304: ['If-None-Match: "status"'],
  412: ['If-Match: "other"'],
  416: ['Range: bytes=500-'],
  417: ['Expect: something-else'],
};

test('GET /status/{code} for every code 100–599 lints clean', () => {
  const found = [];
  for (let code = 100; code <= 599; code++) {
    hs.resetServer();
    const fields = STATUS_ROUTE_FIELDS[code] || [];
    const result = hs.simulate([`GET /status/${code} HTTP/1.1`, 'Host: api.example', ...fields].join(CRLF) + CRLF + CRLF);
    assert.equal(result.exchanges.length, 1);
    found.push(...problems(result, `/status/${code}`));
  }
  assert.deepEqual(found, []);
});
