// node-entry.test.mjs — the package's entry for Node, web/engine-node.js:
// what Node resolves `http-status-explorer` to, that it is one file made
// from today's engine.js by scripts/gen-node-entry.mjs, that it answers as
// engine.js does, and that both compile a module read from disk
// synchronously (issue 9's Node row) while bytes a caller gives go through
// the promise API a browser needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as engineJs from '../web/engine.js';
import * as engineNode from '../web/engine-node.js';
import { nodeEntry } from '../scripts/gen-node-entry.mjs';

const entryUrl = new URL('../web/engine-node.js', import.meta.url);
const entryText = readFileSync(entryUrl, 'utf8');

test("Node resolves 'http-status-explorer' to engine-node.js, a file that imports nothing statically", () => {
  // A module inside the package resolves its own name through package.json's "exports".
  assert.equal(import.meta.resolve('http-status-explorer'), entryUrl.href);
  assert.doesNotMatch(entryText, /^\s*(import\s*[\w{*]|import\s*['"]|export\s*[^;]*\bfrom\b)/m, 'a static import or re-export');
  const dynamic = [...entryText.matchAll(/\bimport\(([^)]*)\)/g)].map((m) => m[1]).sort();
  assert.deepEqual(dynamic, ['"./engine-http.js"', '"./engine-lint.js"', 'NODE_MODULE'], 'only the parts loaded when readied');
  assert.deepEqual(Object.keys(engineNode).sort(), Object.keys(engineJs).sort(), 'the same exports as engine.js');
});

test('engine-node.js is what scripts/gen-node-entry.mjs makes of today\'s engine.js, engine-io.js and expiry.js', () => {
  assert.equal(entryText, nodeEntry(), 'stale: run make');
});

test('engine-node.js answers as engine.js does: every lookup, the catalogue, every query of search-queries.tsv, an exchange, a lint', async () => {
  const [a, b] = await Promise.all([engineJs.load(), engineNode.load()]);
  assert.notEqual(a, b, 'two module instances, two engines');
  for (let code = 100; code <= 599; code++) assert.deepEqual(b.lookup(code), a.lookup(code), String(code));
  assert.deepEqual(b.catalog(), a.catalog());
  const queries = readFileSync(new URL('./data/search-queries.tsv', import.meta.url), 'utf8')
    .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]);
  assert.ok(queries.length > 80);
  for (const q of [...queries, 'x'.repeat(a.inputCapacity + 1), '']) assert.deepEqual(b.query(q), a.query(q), q.slice(0, 40));
  const get = 'GET /items/1 HTTP/1.1\r\nHost: a\r\n\r\n';
  assert.deepEqual(b.parseRequest(get), a.parseRequest(get));
  assert.deepEqual(b.simulate(get), a.simulate(get));
  assert.deepEqual(b.lint('HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n'), a.lint('HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n'));
});

test('a module read from disk is compiled synchronously; bytes given by a caller, through the promise API', async () => {
  const real = { instantiate: WebAssembly.instantiate, compile: WebAssembly.compile };
  const calls = [];
  WebAssembly.instantiate = (...args) => { calls.push('instantiate'); return real.instantiate(...args); };
  WebAssembly.compile = (...args) => { calls.push('compile'); return real.compile(...args); };
  try {
    for (const [name, glue] of [['engine.js', engineJs], ['engine-node.js', engineNode]]) {
      calls.length = 0;
      const hs = await glue.load(new URL('../web/status.wasm', import.meta.url), { ready: ['http', 'lint'] });
      assert.equal(hs.lookup(404).phrase, 'Not Found');
      assert.deepEqual(calls, [], `${name}: status.wasm, http.wasm and lint.wasm from file: URLs`);
      const bytes = readFileSync(new URL('../web/status.wasm', import.meta.url));
      assert.equal((await glue.load(bytes, { ready: [] })).phrase(404), 'Not Found');
      assert.deepEqual(calls, ['instantiate'], `${name}: bytes from a caller`);
    }
  } finally {
    Object.assign(WebAssembly, real);
  }
});
