// lint-presets.js — the responses the reference article's naive Flask
// handlers send (rendered the way Flask's development server writes them:
// Werkzeug's upper-case phrases, Server, Date, Connection: close), each with
// the request it answers and what the linter should say about it. The
// "Check a response" tab offers them as presets; tests/lint.test.mjs checks
// that each produces its finding.

const DATE = 'Wed, 01 Jan 2025 00:00:00 GMT';
const encoder = new TextEncoder();

/** A response as Werkzeug writes it: status line, its fields, then content with its length. */
function flask(status, phrase, fields, body = '', { length = true } = {}) {
  const lines = [`HTTP/1.1 ${status} ${phrase}`, 'Server: Werkzeug/3.0.1 Python/3.12.1', `Date: ${DATE}`, ...fields];
  if (length) lines.push(`Content-Length: ${encoder.encode(body).length}`);
  lines.push('Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

const request = (line, ...fields) => [line, 'Host: api.example', ...fields].join('\r\n') + '\r\n\r\n';
const JSON_TYPE = 'Content-Type: application/json';

/**
 * [{ id, code, handler, title: { en, ko }, request, response, expect }]:
 * expect lists the findings a reader should see ({ rule, level }); an empty
 * list means the handler is already right (no error, no warning).
 */
export const lintPresets = Object.freeze([
  {
    id: '100-final',
    code: 100,
    handler: 'return "", 100',
    title: { en: '100 returned as the answer', ko: '응답으로 반환한 100' },
    request: request('GET /continue HTTP/1.1'),
    response: flask(100, 'CONTINUE', ['Content-Type: text/html; charset=utf-8']),
    expect: [{ rule: 'interim-final', level: 'error' }, { rule: 'content-length-forbidden', level: 'error' }],
  },
  {
    id: '101-no-upgrade',
    code: 101,
    handler: 'return "", 101',
    title: { en: '101 without Upgrade', ko: 'Upgrade 없는 101' },
    request: request('GET /switch HTTP/1.1'),
    response: flask(101, 'SWITCHING PROTOCOLS', ['Content-Type: text/html; charset=utf-8'], '', { length: false }),
    expect: [{ rule: 'required-field', level: 'error' }, { rule: 'required-field', level: 'error' }, { rule: '101-without-upgrade', level: 'error' }],
  },
  {
    id: '201-no-location',
    code: 201,
    handler: 'return {"message": "created"}, 201',
    title: { en: '201 that does not say where', ko: '위치를 밝히지 않은 201' },
    request: request('POST /new HTTP/1.1', JSON_TYPE, 'Content-Length: 2') + '{}',
    response: flask(201, 'CREATED', [JSON_TYPE], '{"message":"created"}\n'),
    expect: [{ rule: 'required-field', level: 'warning' }],
  },
  {
    id: '204-json',
    code: 204,
    handler: 'return {"deleted": True}, 204',
    title: { en: '204 with a JSON body', ko: 'JSON 본문이 있는 204' },
    request: request('DELETE /remove HTTP/1.1'),
    response: flask(204, 'NO CONTENT', [JSON_TYPE], '{"deleted":true}\n'),
    expect: [{ rule: 'content-length-forbidden', level: 'error' }, { rule: 'content-forbidden', level: 'error' }],
  },
  {
    id: '301-absolute',
    code: 301,
    handler: 'return "", 301, {"Location": "https://elsewhere.example/"}',
    title: { en: '301 to an absolute URL (fine)', ko: '절대 URL로 보내는 301 (문제없음)' },
    request: request('GET /old-home HTTP/1.1'),
    response: flask(301, 'MOVED PERMANENTLY', ['Location: https://elsewhere.example/', 'Content-Type: text/html; charset=utf-8']),
    expect: [],
  },
  {
    id: '302-absolute',
    code: 302,
    handler: 'return "", 302, {"Location": "https://elsewhere.example/"}',
    title: { en: '302 to an absolute URL (fine)', ko: '절대 URL로 보내는 302 (문제없음)' },
    request: request('GET /for-now HTTP/1.1'),
    response: flask(302, 'FOUND', ['Location: https://elsewhere.example/', 'Content-Type: text/html; charset=utf-8']),
    expect: [],
  },
  {
    id: '304-unconditional',
    code: 304,
    handler: 'return "", 304',
    title: { en: '304 whether or not the client has a copy', ko: '클라이언트에 사본이 있든 없든 보내는 304' },
    request: request('GET /unchanged HTTP/1.1'),
    response: flask(304, 'NOT MODIFIED', ['Content-Type: text/html; charset=utf-8'], '', { length: false }),
    expect: [{ rule: 'required-field', level: 'warning' }, { rule: '304-unconditional', level: 'warning' }],
  },
  {
    id: '401-no-challenge',
    code: 401,
    handler: 'return {"error": "login required"}, 401',
    title: { en: '401 without WWW-Authenticate', ko: 'WWW-Authenticate 없는 401' },
    request: request('GET /profile HTTP/1.1'),
    response: flask(401, 'UNAUTHORIZED', [JSON_TYPE], '{"error":"login required"}\n'),
    expect: [{ rule: 'required-field', level: 'error' }],
  },
  {
    id: '405-no-allow',
    code: 405,
    handler: 'return {"error": "not allowed"}, 405',
    title: { en: '405 without Allow', ko: 'Allow 없는 405' },
    request: request('DELETE /success HTTP/1.1'),
    response: flask(405, 'METHOD NOT ALLOWED', [JSON_TYPE], '{"error":"not allowed"}\n'),
    expect: [{ rule: 'required-field', level: 'error' }],
  },
  {
    id: '429-no-retry-after',
    code: 429,
    handler: 'return {"error": "slow down"}, 429',
    title: { en: '429 that does not say when', ko: '언제 다시 할지 말하지 않는 429' },
    request: request('GET /success HTTP/1.1'),
    response: flask(429, 'TOO MANY REQUESTS', [JSON_TYPE], '{"error":"slow down"}\n'),
    expect: [{ rule: 'required-field', level: 'info' }],
  },
  {
    id: '404-ok',
    code: 404,
    handler: 'return "not found", "404 OK"',
    title: { en: '404 with the phrase OK', ko: '문구가 OK인 404' },
    request: request('GET /missing HTTP/1.1'),
    response: flask(404, 'OK', ['Content-Type: text/plain; charset=utf-8', 'Cache-Control: no-store'], 'not found'),
    expect: [{ rule: 'phrase-mismatch', level: 'info' }],
  },
]);
