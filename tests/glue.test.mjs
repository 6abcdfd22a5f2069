// glue.test.mjs — web/engine.js and the wasm module it loads: exports,
// imports, memory, loading paths, caching, and the generated catalogue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, readdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { load } from '../web/engine.js';

const wasmUrl = new URL('../web/status.wasm', import.meta.url);
const bytes = readFileSync(wasmUrl);
const module = new WebAssembly.Module(bytes);
// The three modules (src/wasm_io.h) and the export list of each.
const modules = [
  ['status.wasm', 'exports_registry.txt'],
  ['http.wasm', 'exports_http.txt'],
  ['lint.wasm', 'exports_lint.txt'],
].map(([file, list]) => ({ file, list, bytes: readFileSync(new URL(`../web/${file}`, import.meta.url)) }));

// What emcc 3.1.6 adds to a standalone module on its own.
const EMSCRIPTEN_EXTRAS = ['memory', '_initialize', '__indirect_function_table', '__errno_location',
  'stackSave', 'stackRestore', 'stackAlloc'];

test('the modules import nothing', () => {
  for (const m of modules) assert.deepEqual(WebAssembly.Module.imports(new WebAssembly.Module(m.bytes)), [], m.file);
});

test('each module exports exactly its src/exports_NAME.txt plus emscripten\'s fixed extras', () => {
  for (const m of modules) {
    const listed = readFileSync(new URL(`../src/${m.list}`, import.meta.url), 'utf8').split('\n').filter(Boolean);
    const actual = WebAssembly.Module.exports(new WebAssembly.Module(m.bytes)).map((e) => e.name).sort();
    assert.deepEqual(actual, [...listed, ...EMSCRIPTEN_EXTRAS].sort(), m.file);
  }
});

test('memory is small and does not grow', async () => {
  const hs = await load(bytes);
  const mem = hs.wasm.memory;
  assert.ok(mem.buffer.byteLength <= 1 << 19, `first module: initial memory ${mem.buffer.byteLength} bytes`);
  assert.ok(hs.httpWasm().memory.buffer.byteLength <= 1 << 20, 'second module: at most 1 MiB');
  const before = mem.buffer;
  for (let i = 0; i < 200; i++) hs.query(`${400 + (i % 100)}`);
  assert.equal(mem.buffer, before, 'the buffer never detaches');
  // built without memory growth, the memory's maximum is its size: growing must fail
  assert.throws(() => mem.grow(1), RangeError);
  assert.equal(mem.buffer, before, 'a failed grow leaves the buffer as it was');
});

test('load() shares one engine; load(source) makes a new one', async () => {
  const a = await load();
  const b = await load();
  assert.equal(a, b);
  const c = await load(bytes);
  assert.notEqual(a, c);
  assert.equal(c.lookup(404).phrase, 'Not Found');
});

test('load accepts bytes, a Module, a file URL, a string path and a Response', async () => {
  for (const source of [bytes, new Uint8Array(bytes), bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), module, wasmUrl, wasmUrl.href]) {
    const hs = await load(source);
    assert.equal(hs.phrase(404), 'Not Found');
  }
  const streamed = await load(new Response(bytes, { headers: { 'content-type': 'application/wasm' } }));
  assert.equal(streamed.phrase(418), "I'm a teapot");
  const fallback = await load(new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } }));
  assert.equal(fallback.phrase(418), "I'm a teapot", 'a wrong content type falls back to bytes');
  await assert.rejects(load(new Response('nope', { status: 404, statusText: 'Not Found' })), /404/);
});

test('lookup returns the same frozen object each time', async () => {
  const hs = await load();
  const a = hs.lookup(405);
  assert.equal(hs.lookup(405), a);
  assert.ok(Object.isFrozen(a) && Object.isFrozen(a.requiredFields[0]) && Object.isFrozen(a.description));
  assert.throws(() => { 'use strict'; a.phrase = 'x'; }, TypeError);
});

test('the generated catalogue is fresh: regenerating it gives the same files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hs-catalog-'));
  execFileSync(new URL('../build/gen_catalog', import.meta.url).pathname, [dir]);
  for (const f of readdirSync(dir)) {
    assert.ok(readFileSync(join(dir, f)).equals(readFileSync(new URL(`../web/${f}`, import.meta.url))), f);
  }
  const { statusCodes } = await import('../web/status-codes.js');
  const hs = await load();
  assert.deepEqual(statusCodes.map((e) => e.code), hs.codes());
  for (const e of statusCodes) assert.equal(e.phrase, hs.phrase(e.code));
  const dts = readFileSync(new URL('../web/status-codes.d.ts', import.meta.url), 'utf8');
  for (const c of hs.codes()) assert.match(dts, new RegExp(`\\| ${c}\\b`));
});

test('the first module works alone: no http.wasm beside it, nothing fetched but what is used', async () => {
  // the engine's modules, status.wasm and the English text copied to a folder without http.wasm or text-ko.bin
  const dir = mkdtempSync(join(tmpdir(), 'hs-first-'));
  for (const f of ['engine.js', 'engine-io.js', 'expiry.js', 'engine-request.js', 'engine-server.js', 'engine-followup.js', 'korean.js', 'engine-lint.js', 'engine-http.js', 'status.wasm', 'text-en.bin']) {
    copyFileSync(new URL(`../web/${f}`, import.meta.url), join(dir, f));
  }
  const { load: loadCopy } = await import(pathToFileURL(join(dir, 'engine.js')).href);
  const hs = await loadCopy(undefined, { ready: ['en'] });
  assert.equal(hs.phrase(404), 'Not Found');
  assert.equal(hs.lookup(404).code, 404);
  assert.match(hs.lookup(404).description.en, /representation/);
  assert.equal(hs.lookup(404).description.ko, undefined, 'Korean was not asked for');
  assert.deepEqual(hs.query('4xx').matches.slice(0, 2), [400, 401]);
  assert.equal(hs.isReady('http'), false);
  assert.throws(() => hs.simulate('GET / HTTP/1.1\r\nHost: a\r\n\r\n'), /ready\('http'\)/);
  assert.throws(() => hs.parseRequest('GET / HTTP/1.1\r\n\r\n'), /ready\('http'\)/);
  assert.throws(() => hs.lint('HTTP/1.1 200 OK\r\n\r\n'), /third module: call `await hs.ready\('lint'\)`/);
  await assert.rejects(hs.ready('http'), /http\.wasm|ENOENT/);
  await assert.rejects(hs.ready('lint'), /lint\.wasm|ENOENT/);
  await assert.rejects(hs.ready('ko'), /text-ko|ENOENT/);
  await assert.rejects(hs.ready('frameworks'), /frameworks|ENOENT/);
  assert.equal(hs.lookup(404).frameworks, null, 'no framework table here');
  assert.equal(hs.lookup(405).phrase, 'Method Not Allowed', 'still answers after the failed loads');
  await assert.rejects(hs.ready('fr'), RangeError);
});

test('a lookup in Node loads none of Node\'s modules beyond what an empty ES module does', () => {
  // What a fresh process has loaded by its first lookup, beside a process
  // that imports an empty module: fetch (undici), streams and fs/promises
  // cost tens of ms of CPU before the answer (issue 9's Node row).
  const modules = (code) => new Set(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code]).toString()));
  const print = 'console.log(JSON.stringify(process.moduleLoadList))';
  const dir = mkdtempSync(join(tmpdir(), 'hs-empty-'));
  writeFileSync(join(dir, 'empty.mjs'), 'export default 1;\n');
  const empty = modules(`await import(${JSON.stringify(pathToFileURL(join(dir, 'empty.mjs')).href)}); ${print}`);
  const engineUrl = new URL('../web/engine.js', import.meta.url).href;
  const lookup = modules(`const { load } = await import(${JSON.stringify(engineUrl)});
    const hs = await load(undefined, { ready: [] }); if (hs.lookup(404).phrase !== 'Not Found') process.exit(3); ${print}`);
  const extra = [...lookup].filter((m) => !empty.has(m) && !/initialize_import_meta|esm\/(resolve|get_format|formats|load|translators|fetch_module)/.test(m));
  assert.deepEqual(extra.filter((m) => /undici|stream|fs\/promises|fetch|readline|zlib|http/.test(m)), [], `loaded for a lookup: ${extra.join(', ')}`);
});

// Replaces fetch with one that serves web/ and records each file's name
// (fetched); hold[name], when given, is awaited before that file's answer.
// restore() puts the real fetch back.
function stubFetch(hold = {}) {
  const web = (f) => readFileSync(new URL(`../web/${f}`, import.meta.url));
  const fetched = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => {
    const name = new URL(url).pathname.split('/').pop();
    fetched.push(name);
    if (hold[name]) await hold[name]();
    return new Response(web(name), { headers: { 'content-type': name.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' } });
  };
  return { fetched, restore: () => { globalThis.fetch = realFetch; } };
}

test('an exchange loads the second module once; a language loads once, when asked', async () => {
  const stub = stubFetch();
  const { fetched } = stub;
  try {
    const hs = await load('http://127.0.0.1:9/x/status.wasm', { ready: [] });
    assert.deepEqual(fetched, ['status.wasm'], 'the first module alone');
    assert.equal(hs.lookup(404).description.en, undefined, 'no text before it is asked for');
    await Promise.all([hs.ready('http'), hs.ready('http'), hs.ready('en')]);
    assert.equal(hs.simulate('GET /success HTTP/1.1\r\nHost: a\r\n\r\n', { lang: 'en' }).exchanges[0].response.status, 200);
    await hs.ready('http');
    assert.equal(hs.parseRequest('GET / HTTP/1.1\r\nHost: a\r\n\r\n').ok, true);
    assert.match(hs.lookup(404).description.en, /representation/, 'the cached entry was remade with the text');
    assert.deepEqual(fetched.sort(), ['http.wasm', 'status.wasm', 'text-en.bin'], 'each file once; no Korean, no linter');
    assert.equal(hs.isReady('lint'), false, 'an exchange does not load the linter');
    assert.equal(hs.isReady('examples'), false, 'nor the examples\' texts');
    assert.equal(hs.example(200).explanation, null, 'a real example\'s explanation waits for its part');
    assert.equal(hs.example(200).request.startsWith('GET /success'), true, 'its request is here: the server runs it');
    assert.equal(hs.handler(404, 'en').corrected, null, 'a handler\'s Python waits for its part');
    assert.equal(hs.handler(404, 'en').response.status, 404, 'the handler\'s exchange runs');
    assert.throws(() => hs.lint('HTTP/1.1 200 OK\r\n\r\n'), /ready\('lint'\)/);
  } finally {
    stub.restore();
  }
});

test('the examples\' and handlers\' texts are a part of their own (examples.bin): fetched once, with the second module, the same as a full engine\'s', async () => {
  const full = await load();
  const stub = stubFetch();
  try {
    const hs = await load('http://127.0.0.1:9/x/status.wasm', { ready: [] });
    await Promise.all([hs.ready('examples'), hs.ready('examples')]);
    assert.equal(hs.isReady('http'), true, 'readying the texts readies the second module');
    assert.deepEqual(stub.fetched.sort(), ['examples.bin', 'http.wasm', 'status.wasm'], 'each once');
    for (let c = 100; c <= 599; c++) assert.deepEqual(hs.example(c), full.example(c), `example(${c})`);
    for (const { code } of full.exampleCodes()) assert.deepEqual(hs.handler(code, 'en'), full.handler(code, 'en'), `handler(${code}, en)`);
    await hs.ready('server-ko'); // a handler told in Korean runs its exchange in Korean
    for (const { code } of full.exampleCodes()) assert.deepEqual(hs.handler(code, 'ko'), full.handler(code, 'ko'), `handler(${code}, ko)`);
    assert.match(hs.handler(404, 'en').corrected, /@app/);
    assert.match(hs.example(200).explanation.ko, /GET/);
  } finally {
    stub.restore();
  }
  assert.ok(full.isReady('examples'), 'load() without options readies the texts');
});

// Requests whose exchanges need the server's Korean (a Korean body or
// trace), and one that needs none when told in English.
const KO_BODY = 'POST /items HTTP/1.1\r\nHost: a\r\nAccept-Language: ko\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}';
const EN_ONLY = 'POST /items HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{"name":"ab"}';

test('the server\'s Korean is a part of its own (server-ko.bin): an English exchange needs none, a Korean one is refused clearly before it and changes nothing, and it is fetched once', async () => {
  const full = await load();
  const stub = stubFetch();
  try {
    const hs = await load('http://127.0.0.1:9/x/status.wasm', { ready: ['http'] });
    const s0 = hs.resetServer();
    const en = hs.simulate(EN_ONLY, { lang: 'en', state: s0 });
    full.resetServer();
    assert.deepEqual(en, full.simulate(EN_ONLY, { lang: 'en', state: s0 }), 'an English exchange: the same as a full engine\'s');
    assert.equal(en.exchanges[0].response.status, 201);
    const before = hs.serverState();
    for (const [raw, opts, why] of [[KO_BODY, { lang: 'en' }, 'Accept-Language: ko in an English trace'],
      [EN_ONLY, { lang: 'ko' }, 'a Korean trace'], [EN_ONLY, {}, 'a trace in both languages']]) {
      assert.throws(() => hs.simulate(raw, opts), (err) => err.code === 'notext' && err.part === 'server-ko' &&
        /await hs\.ready\('server-ko'\)/.test(err.message) && /^This needs texts/.test(err.text.en) && err.text.ko.length > 0, why);
      assert.deepEqual(hs.serverState(), before, `${why}: refused, the state unchanged`);
    }
    assert.throws(() => hs.handler(404, 'ko'), (err) => err.part === 'server-ko', 'handler() told in Korean is refused too');
    assert.throws(() => hs.serveNext(new TextEncoder().encode(EN_ONLY), { now: 1 }), (err) => err.part === 'server-ko', 'a served exchange (its trace in both languages) too');
    assert.deepEqual(hs.serverState(), before, 'nothing served');
    assert.deepEqual(stub.fetched.sort(), ['http.wasm', 'status.wasm'], 'no Korean fetched for English');
    await Promise.all([hs.ready('server-ko'), hs.ready('server-ko')]);
    assert.deepEqual(stub.fetched.filter((f) => f === 'server-ko.bin'), ['server-ko.bin'], 'fetched once');
    for (const [raw, opts] of [[KO_BODY, { lang: 'en' }], [EN_ONLY, { lang: 'ko' }], [KO_BODY, {}], [EN_ONLY, {}]]) {
      const s = hs.resetServer();
      full.resetServer();
      assert.deepEqual(hs.simulate(raw, { ...opts, state: s }), full.simulate(raw, { ...opts, state: s }), `the same as a full engine's: ${JSON.stringify(opts)}`);
    }
    assert.match(hs.simulate(KO_BODY, { lang: 'ko' }).exchanges[0].response.raw, /"detail":"name을 넣어 주세요\."/);
  } finally {
    stub.restore();
  }
  assert.ok(full.isReady('server-ko'), 'load() without options readies the server\'s Korean');
});

test('the engine refuses Korean server texts that are not its own', async () => {
  const ko = readFileSync(new URL('../web/server-ko.bin', import.meta.url));
  const ex = readFileSync(new URL('../web/examples.bin', import.meta.url));
  const other = Buffer.from(ko);
  other[4]++; // another build's text count
  for (const [blob, why] of [[ex, 'the examples\' texts'], [ko.subarray(0, ko.length - 1), 'cut short'], [other, 'another build\'s texts']]) {
    const hs = await load(bytes, { ready: ['http'], files: { 'server-ko': blob } });
    await assert.rejects(hs.ready('server-ko'), /server-ko\.bin is not this engine's Korean server texts/, why);
    assert.throws(() => hs.simulate(EN_ONLY, { lang: 'ko' }), (err) => err.part === 'server-ko', `${why}: nothing installed`);
  }
});

test('the engine refuses example texts that are not its own', async () => {
  const ex = readFileSync(new URL('../web/examples.bin', import.meta.url));
  const fw = readFileSync(new URL('../web/frameworks.bin', import.meta.url));
  const other = Buffer.from(ex);
  other[4]++; // another build's example count
  for (const [examples, why] of [[fw, 'the framework table'], [ex.subarray(0, ex.length - 1), 'cut short'], [other, 'another build\'s rows']]) {
    const hs = await load(bytes, { ready: [], files: { examples } });
    await assert.rejects(hs.ready('examples'), /examples\.bin is not this engine's example texts/, why);
    assert.equal(hs.handler(404, 'en').corrected, null, `${why}: nothing installed`);
  }
});

test('a lint loads the third module (lint.wasm) once, and neither the second module nor a text', async () => {
  const full = await load();
  const stub = stubFetch();
  const raw = 'HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n';
  try {
    const hs = await load('http://127.0.0.1:9/x/status.wasm', { ready: [] });
    assert.equal(hs.isReady('lint'), false);
    assert.throws(() => hs.lintRules(), /ready\('lint'\)/);
    await Promise.all([hs.ready('lint'), hs.ready('lint')]);
    await hs.ready('lint');
    assert.equal(hs.isReady('lint'), true);
    assert.equal(hs.isReady('http'), false, 'the linter does not need the second module');
    assert.deepEqual(hs.lint(raw), full.lint(raw));
    assert.equal(hs.lint(raw).findings[0].rule, 'required-field');
    assert.deepEqual(hs.lintRules(), full.lintRules());
    assert.deepEqual(stub.fetched.sort(), ['lint.wasm', 'status.wasm'], 'lint.wasm once, nothing else');
  } finally {
    stub.restore();
  }
  assert.ok(full.isReady('lint'), 'load() without options readies the linter');
});

test('the framework table is a part of its own: lookup(c).frameworks is null until ready(\'frameworks\'), fetched once', async () => {
  const full = await load();
  const stub = stubFetch();
  try {
    const hs = await load('http://127.0.0.1:9/x/status.wasm', { ready: ['en'] });
    assert.deepEqual(stub.fetched.sort(), ['status.wasm', 'text-en.bin'], 'no framework table at first');
    assert.equal(hs.isReady('frameworks'), false);
    assert.equal(hs.lookup(413).frameworks, null);
    assert.equal(hs.lookup(413).phrase, 'Content Too Large', 'the rest of the lookup is there');
    assert.deepEqual(hs.query('StatusRequestEntityTooLarge').matches[0], 413, 'search reads a constant without the table');
    await Promise.all([hs.ready('frameworks'), hs.ready('frameworks')]);
    assert.equal(hs.isReady('frameworks'), true);
    assert.deepEqual(stub.fetched.filter((f) => f === 'frameworks.bin'), ['frameworks.bin'], 'fetched once');
    const go = hs.lookup(413).frameworks.find((f) => f.id === 'go');
    assert.equal(go.symbol, 'http.StatusRequestEntityTooLarge', 'the cached entry was remade with the table');
    for (let c = 100; c <= 599; c++) assert.deepEqual(hs.lookup(c).frameworks, full.lookup(c).frameworks, `${c}`);
  } finally {
    stub.restore();
  }
  assert.ok(full.isReady('frameworks') && full.lookup(404).frameworks.length >= 9, 'load() without options readies the table');
});

test('the files of the parts load() readies are fetched while the first module compiles', async () => {
  // status.wasm is answered only once both blobs have been asked for (or after 2 s, and the test fails)
  let asked = null;
  let before = null; // what had been asked for when status.wasm was answered
  const both = new Promise((ok) => { asked = ok; });
  const stub = stubFetch({
    'status.wasm': async () => {
      await Promise.race([both, new Promise((ok) => setTimeout(ok, 2000))]);
      before = stub.fetched.slice();
    },
  });
  const watch = setInterval(() => { if (stub.fetched.includes('text-ko.bin') && stub.fetched.includes('frameworks.bin')) asked(); }, 1);
  try {
    const hs = await load('http://127.0.0.1:9/y/status.wasm', { ready: ['ko', 'frameworks'] });
    assert.deepEqual(before.sort(), ['frameworks.bin', 'status.wasm', 'text-ko.bin']);
    assert.match(hs.lookup(404).description.ko, /./);
    assert.notEqual(hs.lookup(404).frameworks, null);
  } finally {
    clearInterval(watch);
    stub.restore();
  }
});

test('the engine refuses a framework table that is not its own', async () => {
  const fw = readFileSync(new URL('../web/frameworks.bin', import.meta.url));
  const en = readFileSync(new URL('../web/text-en.bin', import.meta.url));
  const bad = Buffer.from(fw);
  bad[bad.length - 1] = 0x41; // the last string no longer ends in NUL
  for (const [frameworks, why] of [[en.subarray(0, 4096), 'a text blob (its first 4 KB)'], [fw.subarray(0, 8), 'the header alone'], [bad, 'not NUL-terminated']]) {
    const hs = await load(bytes, { ready: [], files: { frameworks } });
    await assert.rejects(hs.ready('frameworks'), /frameworks\.bin is not this engine's framework table/, why);
    assert.equal(hs.lookup(404).frameworks, null, `${why}: nothing installed`);
  }
  const good = await load(bytes, { ready: ['frameworks'], files: { frameworks: fw } });
  assert.equal(good.lookup(404).frameworks.find((f) => f.id === 'node').listed, true);
});

test('the engine refuses a text blob that is not its own', async () => {
  const en = readFileSync(new URL('../web/text-en.bin', import.meta.url));
  const ko = readFileSync(new URL('../web/text-ko.bin', import.meta.url));
  const cut = en.subarray(0, en.length - 1);
  const bad = Buffer.from(en);
  bad[bad.length - 1] = 0x41; // the last string no longer ends in NUL
  for (const [files, why] of [[{ en: ko }, 'Korean as English'], [{ en: cut }, 'cut short'], [{ en: bad }, 'not NUL-terminated'], [{ en: Buffer.from('HST1') }, 'no table']]) {
    const hs = await load(bytes, { ready: [], files });
    await assert.rejects(hs.ready('en'), /not this engine's en text/, why);
    assert.equal(hs.lookup(404).description.en, undefined, `${why}: nothing installed`);
  }
  const good = await load(bytes, { ready: ['en'], files: { en } });
  assert.match(good.lookup(404).description.en, /representation/);
});

test('codes.js: the registered phrases, classes and flags without the engine', async () => {
  const codes = await import('../web/codes.js');
  const hs = await load();
  const registered = hs.catalog().filter((e) => e.registry !== 'unofficial');
  assert.deepEqual(codes.codes, registered.map((e) => e.code));
  for (const e of registered) {
    assert.equal(codes.phrase(e.code), e.phrase, `${e.code}`);
    assert.equal(codes.flags(e.code), e.flags, `${e.code} flags`);
    assert.equal(codes.classOf(e.code), e.class);
  }
  assert.equal(codes.phrase(420), undefined, 'an unofficial code is not in it');
  assert.equal(codes.phrase('404'), undefined);
  assert.equal(codes.phrase(600), undefined);
  assert.equal(codes.classOf(299), 2);
  assert.equal(codes.flags(303) & codes.FLAGS.redirectToGet, codes.FLAGS.redirectToGet);
  const gz = gzipSync(readFileSync(new URL('../web/codes.js', import.meta.url)), { level: 9 }).length;
  assert.ok(gz <= 1638, `codes.js is ${gz} bytes gzipped (budget 1.6 KB)`);
});

test('the README\'s table of the engine\'s files gives each one\'s gzipped size (gzip -9, KB of 1024 bytes) to 0.3 KB', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').split('\n');
  const head = readme.indexOf('| file | holds | gzipped |');
  assert.ok(head >= 0, 'the table is in the README');
  const sizes = {};
  for (const line of readme.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|');
    const files = [...cells[1].matchAll(/`([\w-]+\.(?:wasm|bin))`/g)].map((m) => m[1]);
    const kb = [...cells[cells.length - 2].matchAll(/([\d.]+) KB/g)].map((m) => Number(m[1]));
    assert.equal(files.length, kb.length, line);
    files.forEach((f, i) => { sizes[f] = kb[i]; });
  }
  const shipped = readdirSync(new URL('../web/', import.meta.url)).filter((f) => /\.(wasm|bin)$/.test(f)).sort();
  assert.deepEqual(Object.keys(sizes).sort(), shipped, 'a row for every .wasm and .bin file');
  for (const [f, kb] of Object.entries(sizes)) {
    // Debian's gzip, as the table was measured (Node's zlib makes other bytes)
    const actual = execFileSync('gzip', ['-9', '-n', '-c', new URL(`../web/${f}`, import.meta.url).pathname]).length / 1024;
    assert.ok(Math.abs(actual - kb) <= 0.3, `${f}: the README says ${kb} KB, it is ${actual.toFixed(1)} KB`);
  }
});

test('no function body in either module is larger than 8 KB', () => {
  for (const { file, bytes: b } of modules) {
    // Walk the module's sections to the code section (id 10) and read each body's size.
    let p = 8;
    const leb = () => { let r = 0, s = 0, x; do { x = b[p++]; r |= (x & 0x7f) << s; s += 7; } while (x & 0x80); return r >>> 0; };
    const sizes = [];
    while (p < b.length) {
      const id = b[p++];
      const len = leb();
      const end = p + len;
      if (id === 10) for (let n = leb(), i = 0; i < n; i++) { const size = leb(); sizes.push(size); p += size; }
      p = end;
    }
    assert.ok(sizes.length > 20, `${file}: ${sizes.length} functions`);
    assert.ok(Math.max(...sizes) <= 8192, `${file}: largest function body: ${Math.max(...sizes)} bytes`);
  }
});

// The error fn throws (the test fails when it returns).
function thrown(fn) {
  try { fn(); } catch (err) { return err; }
  assert.fail('did not throw');
}

test('every negative return code reaches JS as a sentence in English and Korean, never a bare number', async () => {
  const { engineIO } = await import('../web/engine-io.js');
  const hs = await load(bytes);
  const io = engineIO(hs.wasm);
  // The codes hs.h defines (read from its one table), each of which the engine must explain.
  const header = readFileSync(new URL('../src/core/hs.h', import.meta.url), 'utf8');
  const defined = [...header.matchAll(/^\s*X\(\s*E\w+\s*,\s*(-\d+)\s*,/gm)].map((m) => Number(m[1]));
  assert.ok(defined.length >= 7, `${defined.length} codes in hs.h`);
  const names = new Set();
  for (const rc of defined) {
    const err = thrown(() => io.readJSON(rc));
    assert.equal(err.rc, rc);
    assert.notEqual(err.code, 'unknown', `rc ${rc} has a name`);
    assert.ok(!names.has(err.code), `rc ${rc}: ${err.code} names one code only`);
    names.add(err.code);
    assert.equal(err.message, err.text.en);
    assert.ok(err.text.en.length > 10 && !/-?\d+$/.test(err.text.en), `rc ${rc} en: ${err.text.en}`);
    assert.match(err.text.ko, /[\uac00-\ud7a3]/, `rc ${rc} ko: ${err.text.ko}`);
    assert.notEqual(err.text.ko, err.text.en);
  }
  // A real engine call that fails: a lookup outside 100-599 is HS_ERANGE.
  const range = thrown(() => io.readJSON(hs.wasm.hs_wasm_lookup(600)));
  assert.equal(range.code, 'range');
  assert.match(range.text.en, /100 to 599/);
  // A value no code has still gets words, marked unknown.
  const odd = thrown(() => io.readJSON(-1000));
  assert.equal(odd.code, 'unknown');
  assert.ok(odd.text.en && odd.text.ko);
});

test('the request word layout, forms and framing names come from the engine and match engine.d.ts', async () => {
  const hs = await load(bytes);
  const w = hs.httpWasm(); // the request parser is in the second module
  const out = new Uint8Array(w.memory.buffer, w.hs_wasm_out_ptr());
  const layout = JSON.parse(new TextDecoder().decode(out.subarray(0, w.hs_wasm_request_layout())));
  const idx = Object.values(layout.word);
  assert.equal(new Set(idx).size, idx.length, 'no two words share an index');
  assert.ok(Math.max(...idx) < layout.fieldsAt, 'the scalar words end before the field lines');
  assert.equal(layout.words, layout.fieldsAt + layout.fieldWords * 128);
  const dts = readFileSync(new URL('../web/engine.d.ts', import.meta.url), 'utf8');
  const union = (key) => [...new RegExp(`readonly ${key}: ([^;]+);`).exec(dts)[1].matchAll(/'([a-z]+)'/g)].map((m) => m[1]);
  assert.deepEqual(layout.forms, union('form'));
  assert.deepEqual(layout.framing, union('framing'));
  assert.equal(hs.parseRequest('GET http://a.example HTTP/1.1\r\nHost: a.example\r\n\r\n').form, 'absolute');
  assert.equal(hs.parseRequest('OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n').form, 'asterisk');
  assert.equal(hs.parseRequest('POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n').framing, 'chunked');
  assert.equal(hs.parseRequest('GET / HTTP/1.1\nHost: a\n\n', { lenient: true }).ok, true);
  assert.equal(hs.parseRequest('GET / HTTP/1.1\nHost: a\n\n').ok, false);
});

// Evaluates each line of an example in order (const names carry over) and
// compares each "// => value" with what its line gives; returns how many.
async function checkExample(lines, scope) {
  const { default: assert } = await import('node:assert/strict');
  const AsyncFunction = (async () => {}).constructor;
  let checked = 0;
  for (const line of lines) {
    const [code, expected] = line.split(/\s*\/\/ => /);
    const m = /^(const (\w+) = )?(.*?);?$/.exec(code.replace(/\s*\/\/.*$/, ''));
    const value = await new AsyncFunction(...Object.keys(scope), `return (${m[3]});`)(...Object.values(scope));
    if (m[2]) scope[m[2]] = value;
    if (expected === undefined) continue;
    assert.deepEqual(value, new Function(`return (${expected});`)(), line);
    checked++;
  }
  return checked;
}

test('the README\'s example of loading less holds, line by line, in a fresh process', () => {
  // a process of its own: the shared engine of this one is loaded in full already
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('```js\nconst lean = await load(undefined, { ready: [] });');
  assert.ok(start >= 0, 'the example is in the README');
  const lines = readme.slice(start + 6, readme.indexOf('```', start + 6)).split('\n').filter((l) => l.trim());
  const script = `import { load } from ${JSON.stringify(new URL('../web/engine.js', import.meta.url).href)};
    ${checkExample}
    console.log(await checkExample(${JSON.stringify(lines)}, { load }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(Number(out), 4, 'every line with a value was checked');
});
