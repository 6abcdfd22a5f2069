// page-files.test.mjs — what web/index.html asks the browser to fetch
// before the page's script runs: every module of app.js's static import
// graph is preloaded (none is found a round trip late), and no module the
// page imports on use (the send and lint panels, the second module's glue)
// is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const web = (f) => readFileSync(new URL(`../web/${f}`, import.meta.url), 'utf8');

// The modules file imports statically ('import ... from' and bare 'import'), and those it imports with import().
function importsOf(file) {
  const src = web(file);
  const fixed = [...src.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?'\.\/([\w-]+\.js)'/gm)].map((m) => m[1]);
  const dynamic = [...src.matchAll(/import\('\.\/([\w-]+\.js)'\)/g)].map((m) => m[1]);
  return { fixed, dynamic };
}

test('index.html preloads every module of app.js\'s static graph, and none of those it loads on use', () => {
  const html = web('index.html');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([\w-]+\.js)">/g)].map((m) => m[1]));
  const graph = new Set();
  const onUse = new Set();
  const walk = (file) => {
    for (const f of importsOf(file).fixed) if (!graph.has(f)) { graph.add(f); walk(f); }
    for (const f of importsOf(file).dynamic) onUse.add(f);
  };
  walk('app.js');
  assert.ok(graph.has('engine.js') && graph.has('render.js'), 'the graph was read');
  assert.deepEqual([...graph].filter((f) => !preloaded.has(f)), [], 'modules app.js needs that are not preloaded');
  const early = [...preloaded].filter((f) => !graph.has(f));
  assert.deepEqual(early, [], 'preloaded modules the first load does not need');
  assert.ok(onUse.has('send.js') && onUse.has('lint-panel.js') && onUse.has('engine-http.js'), 'the modules loaded on use were read');
  assert.deepEqual([...onUse].filter((f) => preloaded.has(f) || graph.has(f)), [], 'modules loaded on use that the first load fetches');
});
