// static-server.test.mjs — scripts/serve.mjs, what `make start` runs: types,
// CSP, compression by Accept-Encoding, ETag and 304, cache lifetimes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serve, pickEncoding, CSP } from '../scripts/serve.mjs';

let srv, root;
const text = 'status '.repeat(400);

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'hs-static-'));
  writeFileSync(join(root, 'index.html'), `<!doctype html><title>t</title><p>${text}</p>`);
  writeFileSync(join(root, 'm.wasm'), Buffer.alloc(4096, 7));
  writeFileSync(join(root, 'tiny.js'), 'export {};\n');
  mkdirSync(join(root, 'assets-0123abcd'));
  writeFileSync(join(root, 'assets-0123abcd', 'app.js'), `export const s = ${JSON.stringify(text)};\n`);
  // A precompressed copy beside a file is served as it is.
  writeFileSync(join(root, 'pre.css'), `p{content:"${text}"}`);
  writeFileSync(join(root, 'pre.css.gz'), gzipSync('p{content:"precompressed"}'));
  srv = await serve({ port: 0, root });
});
after(() => { srv.server.close(); rmSync(root, { recursive: true, force: true }); });

/** GET path with headers; resolves to { status, headers, body } with the body as sent (not decoded). */
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    request(new URL(path, srv.url), { headers }, (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(parts) }));
    }).on('error', reject).end();
  });
}

test('Accept-Encoding picks brotli, then gzip; q=0 refuses a coding', () => {
  assert.equal(pickEncoding('gzip, deflate, br'), 'br');
  assert.equal(pickEncoding('gzip'), 'gzip');
  assert.equal(pickEncoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(pickEncoding('*'), 'br');
  assert.equal(pickEncoding('identity'), null);
  assert.equal(pickEncoding(''), null);
  assert.equal(pickEncoding('*;q=0'), null);
});

test('text and wasm are compressed as the client asks, and decode to the file', async () => {
  const br = await get('/', { 'accept-encoding': 'br, gzip' });
  assert.equal(br.status, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.ok(br.body.length < text.length / 4, 'compressed');
  assert.match(brotliDecompressSync(br.body).toString(), /^<!doctype html>/);
  const gz = await get('/m.wasm', { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gz.headers['content-type'], 'application/wasm');
  assert.deepEqual(gunzipSync(gz.body), Buffer.alloc(4096, 7));
  const plain = await get('/m.wasm');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.length, 4096);
  assert.equal(Number(plain.headers['content-length']), 4096);
  const tiny = await get('/tiny.js', { 'accept-encoding': 'br' });
  assert.equal(tiny.headers['content-encoding'], undefined, 'a few bytes are not worth compressing');
});

test('a precompressed file beside the original is what is sent', async () => {
  const r = await get('/pre.css', { 'accept-encoding': 'gzip' });
  assert.equal(gunzipSync(r.body).toString(), 'p{content:"precompressed"}');
});

test('a strong ETag, and If-None-Match answers 304 without a body', async () => {
  const a = await get('/index.html');
  assert.match(a.headers.etag, /^"[\w-]{22}"$/);
  assert.equal(a.headers['cache-control'], 'no-cache');
  assert.equal(a.headers['content-security-policy'], CSP);
  const b = await get('/index.html', { 'if-none-match': a.headers.etag });
  assert.equal(b.status, 304);
  assert.equal(b.body.length, 0);
  const c = await get('/index.html', { 'if-none-match': '"other"' });
  assert.equal(c.status, 200);
});

test('files in a content-hashed folder are cacheable for a year', async () => {
  const r = await get('/assets-0123abcd/app.js');
  assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable');
});

test('nothing outside the root, and a missing file is 404', async () => {
  assert.equal((await get('/../../etc/passwd')).status, 404);
  assert.equal((await get('/%2e%2e/%2e%2e/etc/passwd')).status, 404);
  assert.equal((await get('/nope.js')).status, 404);
});
