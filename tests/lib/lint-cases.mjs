// lint-cases.mjs — one bad and one good response per rule of src/http/lint.def,
// shared by tests/lint.test.mjs (every rule fires on its bad side only) and
// tests/korean.test.mjs (every Korean message and fix, filled in).
export const enc = new TextEncoder();
export const CRLF = '\r\n';
export const DATE = 'Date: Wed, 01 Jan 2025 00:00:00 GMT';

/** A response: status line, fields (Date first unless given), an empty line, content. */
export const res = (status, fields = [], body = '') => [status, ...fields].join(CRLF) + CRLF + CRLF + body;
/** A clean 200 with content: no finding at all. */
export const ok = (fields = [], body = 'hi') => res('HTTP/1.1 200 OK', [DATE, 'Cache-Control: no-store',
  'Content-Type: text/plain', `Content-Length: ${enc.encode(body).length}`, ...fields], body);
export const get = (target, ...fields) => ['GET ' + target + ' HTTP/1.1', 'Host: a', ...fields].join(CRLF) + CRLF + CRLF;
export const noStore = 'Cache-Control: no-store';

// rule: [bad, good, at?]: each side is a response string or [response, request];
// at is the text the finding's offset/length must cover in the bad response.
export const cases = {
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
  'trailer-field-forbidden': [res('HTTP/1.1 200 OK', [DATE, noStore, 'Content-Type: text/plain', 'Transfer-Encoding: chunked'], '3\r\nabc\r\n0\r\nContent-Length: 3\r\n\r\n'),
    res('HTTP/1.1 200 OK', [DATE, noStore, 'Content-Type: text/plain', 'Transfer-Encoding: chunked'], '3\r\nabc\r\n0\r\nServer-Timing: a\r\n\r\n'), 'Content-Length: 3'],
  'field-duplicate': [ok(['Content-Type: text/html']), ok(['Content-Language: en']), 'Content-Type: text/html'],
  'http-date': [ok(['Last-Modified: 2025-01-01']), ok(['Last-Modified: Tue, 31 Dec 2024 00:00:00 GMT']), 'Last-Modified: 2025-01-01'],
  'date-missing': [res('HTTP/1.1 200 OK', [noStore, 'Content-Type: text/plain', 'Content-Length: 2'], 'hi'), ok(), 'HTTP/1.1 200 OK'],
  'too-many-fields': [ok(Array.from({ length: 130 }, (_, i) => `X-${i}: ${i}`)), ok(Array.from({ length: 100 }, (_, i) => `X-${i}: ${i}`))],
  'heuristic-cache': [res('HTTP/1.1 200 OK', [DATE, 'Content-Type: text/plain', 'Content-Length: 2'], 'hi'),
    res('HTTP/1.1 200 OK', [DATE, 'Expires: Wed, 01 Jan 2025 01:00:00 GMT', 'Content-Type: text/plain', 'Content-Length: 2'], 'hi'), '200'],
  'set-cookie-shared': [ok(['Set-Cookie: id=1']).replace('Cache-Control: no-store', 'Cache-Control: max-age=60'),
    ok(['Set-Cookie: id=1']).replace('Cache-Control: no-store', 'Cache-Control: private, max-age=60'), 'Set-Cookie: id=1'],
};
