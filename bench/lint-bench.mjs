// lint-bench.mjs — µs to lint a typical response of 10 fields with a small
// JSON body: natively (bench/lint-native.c, cc -O2, hs_lint_run +
// hs_lint_json as the wasm export does), through the glue (hs.lint, which
// encodes, calls the wasm and parses its JSON), and the wasm call alone;
// beside them, from the same run, hs.parseRequest of a 10-field request as a
// yardstick for the glue's cost. Prints numbers only; nothing here is a test.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from '../web/engine.js';

const hs = await load();
const root = fileURLToPath(new URL('..', import.meta.url));
const body = '{"id":1234,"name":"desk","tags":["office","wood"],"price":199.5}';
const response = [
  'HTTP/1.1 200 OK',
  'Date: Wed, 01 Jan 2025 00:00:00 GMT',
  'Server: nginx/1.25.3',
  'Content-Type: application/json; charset=utf-8',
  `Content-Length: ${body.length}`,
  'Cache-Control: private, max-age=60',
  'ETag: "5f1c-17a3b2c4d5e"',
  'Last-Modified: Tue, 31 Dec 2024 00:00:00 GMT',
  'Vary: Accept-Encoding',
  'X-Request-Id: 8b7c1f0e-2d4a-4c3b-9a1e-6f5d4c3b2a19',
  'Strict-Transport-Security: max-age=31536000',
  '', body,
].join('\r\n');
const request = ['GET /items/1234 HTTP/1.1', 'Host: api.example.com', 'User-Agent: curl/8.5.0', 'Accept: application/json',
  'Accept-Encoding: gzip', 'Accept-Language: ko', 'Connection: keep-alive', 'Cache-Control: no-cache',
  'If-None-Match: "5f1c"', 'Referer: https://api.example.com/', 'X-Request-Id: 8b7c', '', ''].join('\r\n');

// BENCH_N: calls per round (tests/bench.test.mjs runs this file with a few,
// to see that it runs to its end; its numbers then mean nothing).
const N = Number(process.env.BENCH_N) || 20000;

/** Median µs per call of fn over 9 rounds of n calls. */
function time(fn, n = N) {
  for (let i = 0; i < Math.min(2000, n); i++) fn();
  const rounds = [];
  for (let r = 0; r < 9; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    rounds.push(((performance.now() - t0) * 1000) / n);
  }
  return rounds.sort((a, b) => a - b)[4];
}

let native = NaN;
try {
  mkdirSync(`${root}build`, { recursive: true });
  const bin = `${root}build/lint-native`;
  // the http layer and those below it, as the Makefile's LINK_http (its generators apart)
  const src = ['core', 'registry', 'http'].flatMap((layer) => readdirSync(`${root}src/${layer}`)
    .filter((f) => f.endsWith('.c') && !f.startsWith('gen_')).map((f) => `src/${layer}/${f}`));
  execFileSync(process.env.CC || 'cc', ['-std=c11', '-O2', '-Isrc', 'bench/lint-native.c', ...src, '-o', bin], { cwd: root });
  writeFileSync(`${root}build/lint-bench-response.txt`, response);
  native = Number(execFileSync(bin, [`${root}build/lint-bench-response.txt`], { encoding: 'utf8' }).split(' ')[0]);
} catch (e) {
  console.log(`native build skipped: ${e.message.split('\n')[0]}`);
}

const findings = hs.lint(response).findings.length;
const bytes = new TextEncoder().encode(response);
// The wasm call alone: the linter is the third module (lint.wasm), which the
// glue keeps to itself, so an instance of its own here.
const { instance } = await WebAssembly.instantiate(readFileSync(new URL('../web/lint.wasm', import.meta.url)));
const w = instance.exports;
if (typeof w._initialize === 'function') w._initialize();
const inView = new Uint8Array(w.memory.buffer, w.hs_wasm_in_ptr(), bytes.length);
inView.set(bytes);
const alone = JSON.parse(new TextDecoder().decode(new Uint8Array(w.memory.buffer, w.hs_wasm_out_ptr(), w.hs_wasm_lint(bytes.length, 0, 0))));
if (JSON.stringify(alone) !== JSON.stringify(hs.lint(response))) throw new Error('lint.wasm alone and hs.lint disagree');
const glue = time(() => hs.lint(response));
const wasmOnly = time(() => { inView.set(bytes); w.hs_wasm_lint(bytes.length, 0, 0); });
const withRequest = time(() => hs.lint(response, { request }));
const parse = time(() => hs.parseRequest(request));

console.log(`lint of a 10-field response (${bytes.length} bytes, ${findings} findings), µs per call, median of 9 rounds:`);
console.log(`  native hs_lint_run + hs_lint_json   ${native.toFixed(2)}`);
console.log(`  wasm export alone (no JSON.parse)    ${wasmOnly.toFixed(2)}`);
console.log(`  hs.lint(response)                    ${glue.toFixed(2)}`);
console.log(`  hs.lint(response, { request })       ${withRequest.toFixed(2)}`);
console.log(`  peer in this run: hs.parseRequest of a 10-field request  ${parse.toFixed(2)}`);
