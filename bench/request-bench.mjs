// request-bench.mjs — requests/s and MB/s of the request parser on a small
// corpus of realistic requests, side by side with the llhttp WebAssembly
// build inside undici (driven directly, callbacks returning 0) and with
// Node's own HTTP parser (llhttp compiled natively, from node:_http_common).
// Prints numbers only; nothing here is a test.
import { createRequire } from 'node:module';
import { load } from '../web/engine.js';
import { loadBaseline } from './baseline.mjs';

const require = createRequire(import.meta.url);
const hs = await load();
const w = hs.httpWasm(); // the second module: the request parser
const encoder = new TextEncoder();

// ---- corpus -----------------------------------------------------------------

const browserGet = [
  'GET /search?q=http+status+codes&lang=ko&page=2 HTTP/1.1',
  'Host: www.example.com',
  'User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
  'Accept-Language: ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7',
  'Accept-Encoding: gzip, deflate, br, zstd',
  'Connection: keep-alive',
  'Cookie: session=38afes7a8f2c; theme=dark; consent=1',
  'Upgrade-Insecure-Requests: 1',
  'Sec-Fetch-Dest: document',
  'Sec-Fetch-Mode: navigate',
  'Sec-Fetch-Site: same-origin',
  'Sec-Fetch-User: ?1',
  'Referer: https://www.example.com/',
  'If-None-Match: "5f1c-17a3b2c4d5e"',
  'Cache-Control: max-age=0',
  '', '',
].join('\r\n');

const json = JSON.stringify({ id: 1234, name: 'status explorer', tags: ['http', 'rfc9112', 'wasm'], nested: { ok: true, count: 42, note: 'a'.repeat(80) } });
const jsonPost = [
  'POST /api/v1/items?notify=1 HTTP/1.1',
  'Host: api.example.com',
  'User-Agent: curl/8.5.0',
  'Accept: application/json',
  'Content-Type: application/json; charset=utf-8',
  'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl',
  `Content-Length: ${json.length}`,
  '', json,
].join('\r\n');

const chunk = 'x'.repeat(1024);
const chunkedUpload = [
  'PUT /upload/archive.bin HTTP/1.1',
  'Host: files.example.com',
  'User-Agent: uploader/2.1',
  'Content-Type: application/octet-stream',
  'Transfer-Encoding: chunked',
  'Trailer: X-Checksum',
  '',
  '400', chunk, '400;part=2', chunk, '400', chunk, '200', chunk.slice(0, 512), '0', 'X-Checksum: 9f86d081', '', '',
].join('\r\n');

const small = (i) => `GET /items/${i}?fields=id,name HTTP/1.1\r\nHost: api.example.com\r\nAccept: application/json\r\nUser-Agent: client/1.0\r\n\r\n`;
const pipelined = Array.from({ length: 16 }, (_, i) => (i % 4 === 3 ? jsonPost : small(i))).join('');

const corpus = [
  { name: 'browser GET (16 fields)', text: browserGet, count: 1 },
  { name: 'JSON POST', text: jsonPost, count: 1 },
  { name: 'chunked upload (3.5 KiB)', text: chunkedUpload, count: 1 },
  { name: 'pipelined batch (16 requests)', text: pipelined, count: 16 },
];
for (const c of corpus) c.bytes = encoder.encode(c.text);

// Sanity: every corpus entry parses, with the expected count.
for (const c of corpus) {
  const rs = hs.parseRequests(c.text);
  if (rs.length !== c.count || !rs.every((r) => r.ok)) throw new Error(`corpus entry does not parse: ${c.name}`);
}

// ---- contenders ---------------------------------------------------------------

// Our engine alone: copy the bytes in, one wasm call per request, read nothing back.
const inView = new Uint8Array(w.memory.buffer, w.hs_wasm_in_ptr(), w.hs_wasm_in_cap());
const words = new Uint32Array(w.memory.buffer, w.hs_wasm_request_words(), 4);
function engineRaw(c) {
  const bytes = c.bytes;
  inView.set(bytes);
  let start = 0;
  let n = 0;
  while (start < bytes.length) {
    if (w.hs_wasm_parse_request(start, bytes.length, bytes.length, -1, -1, -1, -1, -1, 0) !== 0) throw new Error('engine');
    start += words[1];
    n++;
  }
  return n;
}

// Our full JS result from a string (method, target, headers as strings, body).
function engineFull(c) {
  return c.count === 1 ? (hs.parseRequest(c.text).ok ? 1 : 0) : hs.parseRequests(c.text).length;
}
function engineFullBytes(c) {
  return c.count === 1 ? (hs.parseRequest(c.bytes).ok ? 1 : 0) : hs.parseRequests(c.bytes).length;
}

// The same call on the baseline build (bench/baseline.mjs; BENCH_BASELINE=REV
// picks the revision), in the same process and turns: before and after a change.
const baseline = await loadBaseline();
function baselineFull(c) {
  return c.count === 1 ? (baseline.hs.parseRequest(c.text).ok ? 1 : 0) : baseline.hs.parseRequests(c.text).length;
}
function baselineFullBytes(c) {
  return c.count === 1 ? (baseline.hs.parseRequest(c.bytes).ok ? 1 : 0) : baseline.hs.parseRequests(c.bytes).length;
}

// llhttp wasm from undici, driven the way undici's client-h1.js drives it.
function makeLlhttp(file) {
  const constants = require('undici/lib/llhttp/constants.js');
  let messages = 0;
  const ret0 = () => 0;
  const mod = new WebAssembly.Module(require(`undici/lib/llhttp/${file}`));
  const inst = new WebAssembly.Instance(mod, {
    env: {
      wasm_on_url: ret0,
      wasm_on_status: ret0,
      wasm_on_message_begin: ret0,
      wasm_on_header_field: ret0,
      wasm_on_header_value: ret0,
      wasm_on_headers_complete: ret0,
      wasm_on_body: ret0,
      wasm_on_message_complete: () => { messages++; return 0; },
    },
  });
  const ll = inst.exports;
  if (typeof ll._initialize === 'function') ll._initialize();
  const parser = ll.llhttp_alloc(constants.TYPE.REQUEST);
  const size = 64 * 1024;
  const ptr = ll.malloc(size);
  const view = new Uint8Array(ll.memory.buffer, ptr, size);
  return function llhttp(c) {
    view.set(c.bytes);
    messages = 0;
    ll.llhttp_reset(parser);
    const rc = ll.llhttp_execute(parser, ptr, c.bytes.length);
    if (rc !== constants.ERROR.OK) throw new Error(`llhttp ${rc}`);
    return messages;
  };
}
const llhttpSimd = (() => { try { return makeLlhttp('llhttp_simd-wasm.js'); } catch { return null; } })();
const llhttpPlain = makeLlhttp('llhttp-wasm.js');

// Node's own parser (native llhttp): headers and url as JS strings, as node:http gets them.
function makeNode() {
  const { HTTPParser } = require('node:_http_common');
  const parser = new HTTPParser();
  let messages = 0;
  let sink = 0;
  parser.initialize(HTTPParser.REQUEST, {}, 0, 0);
  // headers and url arrive here, or earlier through kOnHeaders when they were flushed
  parser[HTTPParser.kOnHeaders] = (headers, url) => { sink += headers.length + (url ? url.length : 0); };
  parser[HTTPParser.kOnHeadersComplete] = (major, minor, headers, method, url) => {
    sink += (headers ? headers.length : 0) + (url ? url.length : 0);
  };
  parser[HTTPParser.kOnBody] = (b) => { sink += b.length; };
  parser[HTTPParser.kOnMessageComplete] = () => { messages++; };
  parser[HTTPParser.kOnExecute] = () => {};
  return function node(c) {
    messages = 0;
    const rc = parser.execute(c.buffer);
    if (rc instanceof Error) throw rc;
    return messages + (sink & 0);
  };
}
for (const c of corpus) c.buffer = Buffer.from(c.bytes);
let nodeParser = null;
try { nodeParser = makeNode(); } catch (e) { console.log(`(Node's parser unavailable: ${e.message})`); }

// ---- timing -----------------------------------------------------------------
//
// The contenders take turns: each sample times every contender once, in
// rotating order, so a noisy moment on the machine hits all of them alike.
// A sample is the process's CPU time (steadier than wall time on a shared
// machine: time the process waits for a core is not counted).

function calibrate(fn, c) {
  if (fn(c) !== c.count) throw new Error(`${fn.name}: wrong request count on ${c.name}`);
  const loop = new Function('fn', 'c', 'iters', 'let n = 0; for (let i = 0; i < iters; i++) n += fn(c); return n;');
  let iters = 64;
  for (;;) { // about 10 ms per sample
    const t0 = process.hrtime.bigint();
    loop(fn, c, iters);
    if (Number(process.hrtime.bigint() - t0) / 1e6 > 10) break;
    iters *= 2;
  }
  return { loop, iters, samples: [] };
}

function timeAll(list, c, nSamples = 31) {
  const runs = list.map(([, fn]) => calibrate(fn, c));
  for (let s = 0; s < nSamples; s++) {
    for (let j = 0; j < list.length; j++) {
      const k = (j + s) % list.length;
      const r = runs[k];
      const t0 = process.cpuUsage();
      r.loop(list[k][1], c, r.iters);
      const t = process.cpuUsage(t0);
      r.samples.push(((t.user + t.system) * 1e3) / r.iters); // CPU ns per corpus entry
    }
  }
  return runs.map((r) => {
    const rounds = r.samples.slice(); // in round order, for ratios within a round
    r.samples.sort((a, b) => a - b);
    const ns = r.samples[r.samples.length >> 1];
    return { ns, rounds, nsPerRequest: ns / c.count, reqPerSec: (1e9 / ns) * c.count, mbPerSec: (c.bytes.length / ns) * 1e3 };
  });
}

const contenders = [
  ['engine alone (raw wasm call)', engineRaw],
  ['engine + full JS result (string)', engineFull],
  ['engine + full JS result (Uint8Array)', engineFullBytes],
  // both input types on both builds, so each build's glue sees the same mix
  ...(baseline ? [[`baseline ${baseline.rev}: full JS result (string)`, baselineFull], [`baseline ${baseline.rev}: (Uint8Array)`, baselineFullBytes]] : []),
  ...(llhttpSimd ? [['undici llhttp wasm (SIMD)', llhttpSimd]] : []),
  ['undici llhttp wasm (no SIMD)', llhttpPlain],
  ...(nodeParser ? [["Node's HTTPParser (native llhttp)", nodeParser]] : []),
];

// Warm up every contender on every entry first: V8 moves hot wasm and JS to
// its optimizing tier on background threads, and CPU time counts those
// threads, so a contender still tiering up would be charged for it.
for (const c of corpus) {
  for (const [, fn] of contenders) {
    const t0 = Date.now();
    while (Date.now() - t0 < 60) for (let i = 0; i < 200; i++) fn(c);
  }
}

console.log(`\nRequest parsing, median of 31 interleaved samples (CPU time), Node ${process.version}`);
const table = {};
for (const c of corpus) {
  console.log(`\n  ${c.name}: ${c.bytes.length} bytes, ${c.count} request${c.count > 1 ? 's' : ''}`);
  console.log(`    ${'parser'.padEnd(40)} ${'ns/req'.padStart(9)} ${'req/s'.padStart(12)} ${'MB/s'.padStart(8)}`);
  const results = timeAll(contenders, c);
  contenders.forEach(([name], i) => {
    const r = results[i];
    (table[name] ||= []).push(r);
    console.log(`    ${name.padEnd(40)} ${r.nsPerRequest.toFixed(0).padStart(9)} ${Math.round(r.reqPerSec).toLocaleString('en').padStart(12)} ${r.mbPerSec.toFixed(0).padStart(8)}`);
  });
}

const geo = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const ref = table['undici llhttp wasm (SIMD)'] || table['undici llhttp wasm (no SIMD)'];
console.log('\n  Throughput relative to undici llhttp wasm (per corpus entry, and geometric mean):');
for (const [name] of contenders) {
  const ratios = table[name].map((r, i) => ref[i].ns / r.ns);
  console.log(`    ${name.padEnd(40)} ${ratios.map((x) => `${x.toFixed(2)}x`.padStart(7)).join('')}   mean ${geo(ratios).toFixed(2)}x`);
}
// Today's parseRequest(string) over the baseline's: the median of the two
// times' ratio within each round (steadier than the ratio of two medians
// when the machine's load changes during the run).
const sameRound = (a, b) => {
  const r = a.rounds.map((x, i) => x / b.rounds[i]).sort((x, y) => x - y);
  return r[r.length >> 1];
};
const baseName = baseline ? `baseline ${baseline.rev}: full JS result (string)` : null;
if (baseline) {
  const ratios = table['engine + full JS result (string)'].map((r, i) => sameRound(r, table[baseName][i]));
  console.log(`\n  parseRequest(string) today over baseline ${baseline.rev}, time, median of the same-round ratios: ${ratios.map((x) => `${x.toFixed(2)}x`.padStart(7)).join('')}`);
}
const full = table['engine + full JS result (string)'][0];
const before = baseline ? sameRound(full, table[baseName][0]) : null;
console.log(`\n  Targets: engine alone >= 1.25x llhttp-wasm (issue 3); parseRequest(string) of the 16-field browser GET <= 1000 ns (issue 9): ${full.nsPerRequest.toFixed(0)} ns, ${full.nsPerRequest <= 1000 ? 'met' : 'MISSED'}${before ? ` (${before.toFixed(2)}x the time of baseline ${baseline.rev}'s in the same rounds)` : ''}`);
