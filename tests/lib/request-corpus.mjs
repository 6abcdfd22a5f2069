// request-corpus.mjs — a fixed corpus of parseRequest / parseRequests calls
// and a digest of each result, for tests/request-golden.test.mjs: every
// rejection vector of tests/data/request-rejections.txt, every request of
// tests/fuzz/corpus/request/, and fuzz-like mutations of them (seeded, so the
// same cases every run): strings with ASCII, other UTF-8 and lone
// surrogates, Uint8Arrays with any byte, options of every shape, and inputs
// larger than the engine's buffer.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readRejections } from './vectors.mjs';

// xorshift32: the same numbers on every machine.
function random(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s;
  };
  return { int: (n) => next() % n, pick: (xs) => xs[next() % xs.length] };
}

const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = (bytes) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
// A file's bytes as a string: UTF-8 when they are, else one character per byte.
function asText(bytes) {
  try { return utf8.decode(bytes); } catch { return latin1(bytes); }
}
// A string as bytes: one byte per character when all are below 256, else UTF-8.
const asBytes = (text) => (/[^\x00-\xff]/.test(text) ? encoder.encode(text) : Uint8Array.from(text, (c) => c.charCodeAt(0)));

// Pieces a mutation inserts: line ends, whitespace, controls, framing lines,
// URI delimiters, text beyond ASCII (two, three and four bytes of UTF-8,
// lone surrogates) and bytes 0x80-0xFF.
const PIECES = ['\r\n', '\n', '\r', ' ', '\t', ':', '\0', '\x7f', '\x1b', 'é', '한국어', '😀', '\ud800', '\udc00',
  'Content-Length: 5\r\n', 'Content-Length: 0\r\n', 'Transfer-Encoding: chunked\r\n', '5\r\nhello\r\n0\r\n\r\n',
  'Host: example.com\r\n', 'Host: [::1]:8080\r\n', 'Content-Type: text/plain\r\n', 'Trailer: X\r\n', '%', '%zz', '?', '#',
  '/', '*', 'http://a/', 'HTTP/1.0', 'a'.repeat(40), '\x80', '\xa0', '\xff', ';ext=1', '\r\n\r\n'];

function mutate(rnd, text) {
  const at = () => rnd.int(text.length + 1);
  switch (rnd.int(5)) {
    case 0: { const i = at(); return text.slice(0, i) + rnd.pick(PIECES) + text.slice(i); }
    case 1: { const i = at(); return text.slice(0, i) + text.slice(i + 1 + rnd.int(10)); }
    case 2: return text.slice(0, at());
    case 3: { const i = at(); const j = Math.min(text.length, i + 1 + rnd.int(30)); return text.slice(0, j) + text.slice(i, j) + text.slice(j); }
    default: return text + text.slice(0, at());
  }
}

function options(rnd, length) {
  switch (rnd.int(10)) {
    case 0: return { lenient: true };
    case 1: return { lenient: { bareLF: true } };
    case 2: {
      const limits = {};
      for (const k of ['maxRequestLine', 'maxTarget', 'maxHeaderSection', 'maxHeaders', 'maxBody']) {
        if (rnd.int(2)) limits[k] = rnd.int(3) === 0 ? rnd.int(4) : rnd.int(300);
      }
      return { limits };
    }
    case 3: return { offset: rnd.int(length + 2) };
    case 4: return rnd.pick([null, 'lenient', { limits: null }, { lenient: false, offset: -1 }, { limits: { maxHeaders: Infinity } }]);
    default: return undefined;
  }
}

/** The cases: [{ id, call: 'parseRequest' | 'parseRequests', input, options }], in a fixed order. */
export function requestCases() {
  const cases = [];
  const add = (id, input, opts) => {
    cases.push({ id: `${id} one`, call: 'parseRequest', input, options: opts });
    cases.push({ id: `${id} all`, call: 'parseRequests', input, options: opts });
  };
  for (const v of readRejections(new URL('../data/request-rejections.txt', import.meta.url))) {
    add(`rejection:${v.line} bytes`, v.input);
    add(`rejection:${v.line} text`, asText(v.input));
  }
  // each branch of the result: forms, versions, framings, trailers, bodies, in text and bytes
  const chunked = 'POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\n\r\n3\r\nabc\r\n0\r\nX-Sum: 1\r\nX-Note: é\r\n\r\n';
  const edges = ['GET http://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n', 'GET http://example.com?x=1 HTTP/1.1\r\nHost: example.com\r\n\r\n',
    'OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n', 'CONNECT a.example:443 HTTP/1.1\r\nHost: a.example:443\r\n\r\n', 'GET / HTTP/1.0\r\n\r\n',
    'GET /?q HTTP/1.9\r\nHost: a\r\n\r\n', 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n한', 'POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc',
    chunked, chunked.replace('abc', '\xff\xfe\x80'), chunked.replace('abc', '한'), 'GET /?q=%ED%95%9C HTTP/1.1\r\nHost: a\r\nX-Name: 한국어 😀\r\n\r\n', '\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n'];
  edges.forEach((text, i) => {
    add(`edge:${i} text`, text);
    add(`edge:${i} bytes`, asBytes(text));
    add(`edge:${i} pipelined`, text + text, { offset: 0 });
  });
  const dir = new URL('../fuzz/corpus/request/', import.meta.url);
  const seeds = readdirSync(dir).sort().map((name) => ({ name, text: asText(readFileSync(new URL(name, dir))) }));
  for (const s of seeds) {
    add(`corpus:${s.name} text`, s.text);
    add(`corpus:${s.name} bytes`, asBytes(s.text));
  }
  const rnd = random(0x9e3779b9);
  for (let i = 0; i < 1500; i++) {
    let text = rnd.pick(seeds).text;
    for (let k = rnd.int(4); k > 0; k--) text = mutate(rnd, text);
    const input = rnd.int(5) < 3 ? text : asBytes(text);
    add(`random:${i}`, input, options(rnd, input.length));
  }
  // larger than the engine's buffer: a window moves along pipelined requests
  const get = seeds.find((s) => s.name === 'browser-get').text;
  const big = get.repeat(Math.ceil(70000 / get.length));
  add('big:text', big);
  add('big:bytes', asBytes(big));
  add('big:text utf-8', `${big.slice(0, 30000)}X-Note: 한국어\r\n${big.slice(30000)}`);
  add('big:offset', big, { offset: get.length * 3 });
  return cases;
}

// The value v written out with its types and its keys in order (a
// Uint8Array as hex), so two results write the same only when they are the same.
function describe(v) {
  if (v instanceof Uint8Array) return `u8:${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  if (Array.isArray(v)) return `[${v.map(describe).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${describe(v[k])}`).join(',')}}`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return `n:${Object.is(v, -0) ? '-0' : String(v)}`;
  return String(v);
}

/** The digest of what calling case c on engine hs gives (a result, or the error it throws). */
export function resultDigest(hs, c) {
  let text;
  try {
    text = describe(hs[c.call](c.input, c.options));
  } catch (e) {
    text = `throws ${e.name}: ${e.message}`;
  }
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}
