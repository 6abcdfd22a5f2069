// page-files.test.mjs — what web/index.html asks the browser to fetch
// before the page's script runs, and how the page's scripts are bundled
// (scripts/bundle-page.mjs): the first load is one file holding every
// module of app.js's static import graph, each module the page imports on
// use (the send and lint panels, the second module's glue) is in a chunk of
// its own and not in the first file, no module is in two chunks (each runs
// once), and web/page/ is what the bundler writes from today's sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { bundlePage } from '../scripts/bundle-page.mjs';

const web = (f) => readFileSync(new URL(`../web/${f}`, import.meta.url), 'utf8');

// The modules file imports statically ('import ... from' and bare 'import'), and those it imports with import().
function importsOf(file) {
  const src = web(file);
  const fixed = [...src.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?'\.\/([\w-]+\.js)'/gm)].map((m) => m[1]);
  const dynamic = [...src.matchAll(/import\('\.\/([\w-]+\.js)'\)/g)].map((m) => m[1]);
  return { fixed, dynamic };
}

/** app.js's static graph (app.js included) and the modules imported on use from it. */
function appGraph() {
  const graph = new Set(['app.js']);
  const onUse = new Set();
  const walk = (file) => {
    for (const f of importsOf(file).fixed) if (!graph.has(f)) { graph.add(f); walk(f); }
    for (const f of importsOf(file).dynamic) onUse.add(f);
  };
  walk('app.js');
  return { graph, onUse };
}

const output = await bundlePage();
const chunks = output.filter((o) => o.type === 'chunk');
const modulesOf = (chunk) => Object.keys(chunk.modules).map((m) => basename(m));

test('index.html runs one script, the page\'s bundle, and preloads no module', () => {
  const html = web('index.html');
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(scripts, ['<script type="module" src="page/app.js" blocking="render">']);
  assert.doesNotMatch(html, /modulepreload/);
  assert.match(html, /<link rel="preload" href="status.wasm" as="fetch" type="application\/wasm" crossorigin>/);
});

test('the first file holds app.js\'s whole static graph and imports nothing statically', () => {
  const { graph } = appGraph();
  assert.ok(graph.has('engine.js') && graph.has('render.js') && graph.has('page-start.js'), 'the graph was read');
  const first = chunks.find((c) => c.fileName === 'app.js');
  assert.deepEqual(modulesOf(first).sort(), [...graph].sort());
  assert.deepEqual(first.imports, [], 'a static import would be a request the first load waits for');
});

test('each module imported on use is a chunk of its own, named after it, apart from the first file', () => {
  const { graph, onUse } = appGraph();
  // import() in the modules loaded on use, too (send.js's, engine-http.js's)
  const later = new Set(onUse);
  for (const f of onUse) for (const g of importsOf(f).dynamic) later.add(g);
  assert.ok(later.has('send.js') && later.has('lint-panel.js') && later.has('engine-http.js') && later.has('ui-strings-ko.js'), 'the modules loaded on use were read');
  for (const f of later) {
    assert.ok(!graph.has(f), `${f} is not in the first load`);
    const chunk = chunks.find((c) => c.fileName === f);
    assert.ok(chunk && chunk.isDynamicEntry, `${f} is a chunk of its own, page/${f}`);
    assert.ok(modulesOf(chunk).includes(f));
  }
});

test('no module is in two chunks', () => {
  const seen = new Map();
  for (const c of chunks) for (const m of modulesOf(c)) {
    assert.ok(!seen.has(m), `${m} is in ${seen.get(m)} and ${c.fileName}`);
    seen.set(m, c.fileName);
  }
});

test('web/page/ is the bundle of today\'s sources (make rebuilt it)', () => {
  for (const c of chunks) assert.equal(web(`page/${c.fileName}`), `${c.code}//# sourceMappingURL=${c.fileName}.map\n`, `page/${c.fileName} is stale: run make`);
});

test('a module keeps its own import.meta.url: the first module is found beside engine.js, not beside the bundle', () => {
  const first = web('page/app.js');
  assert.doesNotMatch(first, /new URL\('\.\/status\.wasm', import\.meta\.url\)/);
  assert.match(first, /new URL\('\.\/status\.wasm', new URL\("\.\.\/engine\.js", import\.meta\.url\)\.href\)/);
});
