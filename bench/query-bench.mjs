// query-bench.mjs — time per hs.query(text) over a mixed set of what people
// type: every query of tests/data/search-queries.tsv (phrases, typos,
// Korean, synonyms, classes, sections, codes among words) plus codes and
// ranges. Native (bench/query_bench.c, cc -O2) and through the glue, beside
// two peers from the same run: MiniSearch (prefix and fuzzy search over the
// same phrases, aliases and Korean titles, when it is installed) and a plain
// substring search over node:http's phrases. Each also says how many typed
// queries of the file it answers as the file wants (the code first, or among
// the first three). Prints numbers only; nothing here is a test.
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { STATUS_CODES } from 'node:http';
import { load } from '../web/engine.js';

const hs = await load();
const root = new URL('..', import.meta.url).pathname;
const rows = readFileSync(new URL('../tests/data/search-queries.tsv', import.meta.url), 'utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'));
const typed = rows.map((r) => r[0]);
// How many rows of the file fn answers as the file asks: the code first, or among the first three.
const answered = (fn) => rows.filter(([q, code, within]) => (fn(q) || []).slice(0, Number(within)).includes(Number(code))).length;
const queries = [...typed, '404', '200', '4xx', '50x', 'HTTP/1.1 503 Service Unavailable', 'rfc 7725'];

function time(fn) {
  let sink = 0;
  for (let i = 0; i < 20; i++) for (const q of queries) sink += fn(q) ? 1 : 0; // warm up
  const samples = [];
  for (let s = 0; s < 15; s++) {
    // CPU time, not wall time: the machine is shared, and time spent
    // waiting for a core is not the engine's
    const t0 = process.cpuUsage();
    for (let r = 0; r < 10; r++) for (const q of queries) sink += fn(q) ? 1 : 0;
    const t = process.cpuUsage(t0);
    samples.push(((t.user + t.system) * 1000) / (10 * queries.length));
  }
  samples.sort((a, b) => a - b);
  return { ns: samples[7], sink };
}

let native = NaN;
try {
  mkdirSync(`${root}build`, { recursive: true });
  // the core and registry layers, as the Makefile links the registry's tests (gen_catalog.c has its own main)
  const layer = (d) => readdirSync(`${root}src/${d}`).filter((f) => f.endsWith('.c') && f !== 'gen_catalog.c').map((f) => `${root}src/${d}/${f}`);
  execFileSync('cc', ['-std=c11', '-O2', `-I${root}src`, `${root}bench/query_bench.c`, ...layer('core'), ...layer('registry'),
    '-o', `${root}build/query_bench`]);
  native = Number(execFileSync(`${root}build/query_bench`, { input: queries.join('\n') + '\n' }).toString());
} catch (e) {
  console.log(`  (native build failed: ${e.message.split('\n')[0]})`);
}

const phrases = Object.entries(STATUS_CODES).map(([c, p]) => [Number(c), p.toLowerCase()]);
const glue = time((q) => hs.query(q));
const wasmOnly = (() => {
  // the wasm call alone: the same bytes each time, no JSON decoding
  const enc = new TextEncoder();
  const mem = new Uint8Array(hs.wasm.memory.buffer);
  const inPtr = hs.wasm.hs_wasm_in_ptr();
  const bytes = new Map(queries.map((q) => [q, enc.encode(q)]));
  return time((q) => { const b = bytes.get(q); mem.set(b, inPtr); return hs.wasm.hs_wasm_query(b.length); });
})();
const naiveSearch = (q) => { const t = q.toLowerCase(); return phrases.filter(([, p]) => p.includes(t)).map(([c]) => c); };
const naive = time(naiveSearch);

// MiniSearch over what hs.query reads by name: phrase, aliases, Korean title
let mini = null;
try {
  const { default: MiniSearch } = await import('minisearch');
  const ms = new MiniSearch({ fields: ['phrase', 'aliases', 'ko'], storeFields: ['code'], searchOptions: { prefix: true, fuzzy: 0.2 } });
  ms.addAll(hs.codes().map((c) => { const e = hs.lookup(c); return { id: c, code: c, phrase: e.phrase, aliases: e.aliases.join(' '), ko: e.title.ko }; }));
  const search = (q) => ms.search(q).map((r) => r.code);
  mini = { ...time(search), answered: answered(search) };
} catch (e) {
  console.log(`  (MiniSearch not installed: ${e.message.split('\n')[0]})`);
}

console.log(`\nQuery: time per query over ${queries.length} mixed queries (${typed.length} typed ones from search-queries.tsv), median CPU time of 15 runs, Node ${process.version}`);
console.log(`  native hs_query (cc -O2)                                ${(native / 1000).toFixed(2).padStart(8)} µs`);
console.log(`  wasm hs_wasm_query alone (bytes in, JSON length out)    ${(wasmOnly.ns / 1000).toFixed(2).padStart(8)} µs`);
console.log(`  hs.query(text) through the glue (target < 100 µs)      ${(glue.ns / 1000).toFixed(2).padStart(8)} µs`);
console.log(`  load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs`);
console.log(`  peer: MiniSearch 7 (prefix + fuzzy 0.2, same names)      ${mini ? (mini.ns / 1000).toFixed(2).padStart(8) : '     n/a'} µs`);
console.log(`  peer: String.includes over node:http phrases            ${(naive.ns / 1000).toFixed(2).padStart(8)} µs (finds a phrase substring only)`);
console.log(`  typed queries answered as search-queries.tsv wants (of ${rows.length}): hs.query ${answered((q) => hs.query(q).matches)}, `
  + `MiniSearch ${mini ? mini.answered : 'n/a'}, String.includes ${answered(naiveSearch)}`);
