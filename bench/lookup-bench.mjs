// lookup-bench.mjs — ns per lookup(code) and per phrase lookup, side by side
// with statuses, http-status-codes and node:http STATUS_CODES, over a mixed
// list of codes of which about a quarter are unknown. Also prints the gzipped
// sizes of each module and text file (the first module's code and data
// apart) and of the glue.
// Prints numbers only; nothing here is a test.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { STATUS_CODES } from 'node:http';
import statuses from 'statuses';
import { getReasonPhrase } from 'http-status-codes';
import { load } from '../web/engine.js';

const hs = await load();

// 4096 codes: three quarters known, one quarter unknown (unassigned or out of range)
const known = hs.codes();
const codes = [];
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
for (let i = 0; i < 4096; i++) {
  codes.push(rand() < 0.75 ? known[Math.floor(rand() * known.length)] : [299, 600, 0, 777, 450 + 3, 103 + 5][i % 6]);
}
const unknownCodes = codes.filter((c) => hs.phrase(c) === undefined);

function time(name, fn, list = codes) {
  let sink = 0;
  // A fresh function per benchmark keeps each call site monomorphic, so the
  // loop measures the lookup and not a megamorphic call.
  const loop = new Function('fn', 'list', 'let n = 0; for (let i = 0; i < list.length; i++) { const r = fn(list[i]); if (r !== undefined && r !== null) n++; } return n;');
  const run = () => { sink += loop(fn, list); };
  for (let i = 0; i < 200; i++) run(); // warm up
  const samples = [];
  for (let s = 0; s < 15; s++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) run();
    samples.push(Number(process.hrtime.bigint() - t0) / (50 * list.length));
  }
  samples.sort((a, b) => a - b);
  return { name, ns: samples[Math.floor(samples.length / 2)], sink };
}

const safe = (f) => (c) => { try { return f(c); } catch { return undefined; } };
const rows = [
  time('http-status-explorer phrase(c)', (c) => hs.phrase(c)),
  time('statuses.message[c]', (c) => statuses.message[c]),
  time('node:http STATUS_CODES[c]', (c) => STATUS_CODES[c]),
  time('http-status-codes getReasonPhrase(c)', safe(getReasonPhrase)),
  time('http-status-explorer lookup(c) (full object)', (c) => hs.lookup(c)),
  time('statuses(c) (throws on unknown)', safe(statuses)),
];
const unknownRows = [
  time('http-status-explorer phrase(c), unknown only', (c) => hs.phrase(c), unknownCodes),
  time('statuses.message[c], unknown only', (c) => statuses.message[c], unknownCodes),
  time('http-status-explorer lookup(c), unknown only', (c) => hs.lookup(c), unknownCodes),
];

console.log(`\nStatus lookup: ns per call over ${codes.length} codes (${unknownCodes.length} unknown), median of 15 runs, Node ${process.version}`);
for (const r of [...rows, ...unknownRows]) console.log(`  ${r.name.padEnd(52)} ${r.ns.toFixed(1).padStart(8)} ns`);
const ratio = rows[0].ns / rows[1].ns;
const ratioUnknown = unknownRows[0].ns / unknownRows[1].ns;
console.log(`  phrase vs statuses.message: ${ratio.toFixed(2)}x (target <= 1.5x); unknown codes: ${ratioUnknown.toFixed(2)}x (target <= 1.0x)`);

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const wasm = readFileSync(new URL('../web/status.wasm', import.meta.url));
const file = (f) => readFileSync(new URL(`../web/${f}`, import.meta.url));
const glue = file('engine.js');
const glueRequest = file('engine-request.js');
const glueServer = file('engine-server.js');
const sections = wasmSections(wasm);
const size = (name, buf, what) => console.log(`  ${name.padEnd(22)} ${(buf.length / 1024).toFixed(1)} KB raw, ${(gz(buf) / 1024).toFixed(1)} KB gz (${what})`);
console.log('\nSizes (gzip -9)');
size('status.wasm', wasm, 'the first module: registry, query reader');
size('  code section', sections.code, '');
size('  data section', sections.data, 'the table, phrases, titles, search words');
size('text-en.bin', file('text-en.bin'), 'English descriptions, fetched when first shown');
size('text-ko.bin', file('text-ko.bin'), 'Korean descriptions, fetched when first shown');
size('http.wasm', file('http.wasm'), 'the second module: request parser, simulated server');
size('codes.js', file('codes.js'), 'the wasm-free entry');
console.log(`  engine.js              ${(glue.length / 1024).toFixed(1)} KB raw, ${(gz(glue) / 1024).toFixed(1)} KB gz (target <= 3 KB)`);
console.log(`  engine-request.js      ${(glueRequest.length / 1024).toFixed(1)} KB raw, ${(gz(glueRequest) / 1024).toFixed(1)} KB gz (parser glue)`);
console.log(`  engine-server.js       ${(glueServer.length / 1024).toFixed(1)} KB raw, ${(gz(glueServer) / 1024).toFixed(1)} KB gz (simulator glue, followUp)`);

// Returns the code (id 10) and data (id 11) sections of a wasm module.
function wasmSections(buf) {
  let p = 8;
  const leb = () => { let r = 0, sh = 0, x; do { x = buf[p++]; r |= (x & 0x7f) << sh; sh += 7; } while (x & 0x80); return r >>> 0; };
  const out = { code: Buffer.alloc(0), data: Buffer.alloc(0) };
  while (p < buf.length) {
    const id = buf[p++];
    const len = leb();
    if (id === 10) out.code = buf.subarray(p, p + len);
    if (id === 11) out.data = buf.subarray(p, p + len);
    p += len;
  }
  return out;
}
