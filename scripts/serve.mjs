#!/usr/bin/env node
// serve.mjs — serves web/ (or dist/) on localhost for `make start` and the
// browser tests. Sends .wasm as application/wasm (for instantiateStreaming)
// and a strict Content-Security-Policy, so the page is always exercised
// under it; compresses text (brotli or gzip, by Accept-Encoding, using a
// precompressed .br/.gz file beside the original when there is one); sends
// a strong ETag and answers If-None-Match with 304. Files under a content-
// hashed folder (dist/assets-<hash>/) are cacheable for a year; everything
// else is revalidated on every use (no-cache), since it changes in place.
// Run on its own for web/ (make start), it bundles the page's scripts
// (web/page/) again when a .js file of web/ changes.
//
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--root web]
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdirSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.ts', '.xml', '.bin', '.txt']);

/** Returns 'br', 'gzip' or null: the best coding the request accepts (q=0 refuses). */
export function pickEncoding(accept = '') {
  const q = {};
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name) q[name] = qp ? Number(qp.slice(2)) : 1;
  }
  const ok = (c) => (q[c] ?? q['*'] ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

// One entry per file and modification time: its bytes, ETag and encodings.
const cache = new Map();

async function entry(file, info) {
  const key = `${file}:${info.mtimeMs}:${info.size}`;
  let e = cache.get(file);
  if (e && e.key === key) return e;
  const body = await readFile(file);
  e = { key, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`, coded: {} };
  cache.set(file, e);
  return e;
}

/** Returns the body of e in coding enc: a precompressed file beside it, or one compressed now and kept. */
async function encoded(file, e, enc) {
  if (e.coded[enc]) return e.coded[enc];
  const ext = enc === 'br' ? '.br' : '.gz';
  try {
    const pre = await stat(file + ext);
    if (pre.isFile() && pre.mtimeMs >= (await stat(file)).mtimeMs) return (e.coded[enc] = await readFile(file + ext));
  } catch { /* none beside it */ }
  e.coded[enc] = enc === 'br'
    ? brotliCompressSync(e.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: e.body.length } })
    : gzipSync(e.body, { level: 9 });
  return e.coded[enc];
}

/** Starts the server; resolves to { server, url } once it listens. */
export function serve({ port = 8080, host = '127.0.0.1', root = fileURLToPath(new URL('../web/', import.meta.url)) } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
        return;
      }
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      const e = await entry(file, info);
      const ext = extname(file);
      headers['Content-Type'] = TYPES[ext] || 'application/octet-stream';
      headers.ETag = e.etag;
      if (/(^|[\\/])assets-[0-9a-f]+[\\/]/.test(file.slice(base.length))) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
      let body = e.body;
      if (COMPRESSIBLE.has(ext)) {
        headers.Vary = 'Accept-Encoding';
        const enc = body.length > 256 ? pickEncoding(req.headers['accept-encoding']) : null;
        if (enc) {
          body = await encoded(file, e, enc);
          headers['Content-Encoding'] = enc;
        }
      }
      const inm = req.headers['if-none-match'];
      if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === e.etag)) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      const status = err.code === 'ENOENT' || err.code === 'EISDIR' ? 404 : err instanceof URIError ? 400 : 500;
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(`${status}\n`);
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      ok({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--root web]\n' +
      'Serves the page (web/) with .wasm as application/wasm and a strict CSP.');
    process.exit(0);
  }
  const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
  const { url } = await serve({ port: Number(opt('port', process.env.PORT || 8080)), host: opt('host', '127.0.0.1'), ...(opt('root') ? { root: opt('root') } : {}) });
  console.log(`http-status-explorer: serving ${opt('root') || 'web/'} at ${url}  (Ctrl-C to stop)`);
  if (!opt('root')) watchPage();
}

// Serving web/ (make start): the page runs web/page/, which make bundles from
// web/*.js (scripts/bundle-page.mjs). While this runs, an edit to one of those
// files bundles the page again, so a reload shows the edit.
function watchPage() {
  const web = fileURLToPath(new URL('../web/', import.meta.url));
  let timer = null;
  let running = Promise.resolve();
  watch(web, (event, name) => {
    if (!name || !name.endsWith('.js') || name === 'engine-node.js') return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        const { writePage } = await import('./bundle-page.mjs');
        await writePage(join(web, 'page'));
        console.log(`http-status-explorer: ${name} changed; web/page/ bundled again`);
      }).catch((err) => {
        // The page says so too, on its console, instead of running the bundle from before the edit.
        console.error(`http-status-explorer: bundling web/page/ failed: ${err.message}`);
        mkdirSync(join(web, 'page'), { recursive: true });
        const file = join(web, 'page', 'app.js');
        writeFileSync(file, `throw new Error(${JSON.stringify(`web/page/ could not be bundled after ${name} changed: ${err.message}`)});\n`);
        utimesSync(file, 0, 0); // older than any source: make bundles again
      });
    }, 100);
  });
}
