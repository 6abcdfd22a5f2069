// package.test.mjs — the npm package as a user gets it: `npm pack`, the
// tarball installed offline into a fresh project, then from there: the
// engine in Node, the command line through npx, the elements bundled by
// esbuild into a page that works in Chromium, and tsc type-checking a
// consumer of every public function (and refusing wrong calls). (make test-package)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumOptions } from '../lib/chromium.mjs';
import { staticServer } from '../lib/static-server.mjs';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORK = join(ROOT, 'build', 'package-test');
const APP = join(WORK, 'app');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
let tarball;

before(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(APP, { recursive: true });
  // prepack builds the wasm, so a tarball never lacks it.
  const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', WORK], { cwd: ROOT, maxBuffer: 1 << 24 });
  // prepack's make may print first (make[1]: …): the JSON is the array that starts a line.
  tarball = join(WORK, JSON.parse(stdout.slice(stdout.search(/^\[$/m)))[0].filename);
  writeFileSync(join(APP, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  // --offline: nothing but the tarball (which has no dependencies) may be needed.
  await exec('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: APP });
});
after(() => rmSync(WORK, { recursive: true, force: true }));

const installed = () => join(APP, 'node_modules', pkg.name);

test('the tarball holds what users need and nothing of the page or the sources', async () => {
  const files = readdirSync(installed(), { recursive: true }).map(String).sort();
  for (const f of ['package.json', 'README.md', 'bin/http-status.js', 'web/engine.js', 'web/engine.d.ts', 'web/widget.js', 'web/widget.d.ts',
    'web/define.js', 'web/http-status-explorer.js', 'web/status.wasm', 'web/http.wasm', 'web/lint.wasm', 'web/text-en.bin', 'web/text-ko.bin', 'web/frameworks.bin', 'web/examples.bin', 'web/server-ko.bin',
    'web/engine-lint.js', 'web/engine-node.js', 'web/codes.js', 'web/codes.d.ts', 'web/status-codes.js', 'web/status-codes.d.ts']) {
    assert.ok(files.includes(f), `${f} is in the package`);
  }
  for (const f of files) assert.doesNotMatch(f, /^(src|tests|scripts|bench|node_modules)\/|index\.html$|web\/app\.js$|web\/page-start\.js$|\.c$/, `${f} is not for users`);
});

test("import { load } from 'http-status-explorer' works in Node", async () => {
  const script = `
    import { load } from 'http-status-explorer';
    import { HttpStatusExplorerElement } from 'http-status-explorer/elements';
    import { phrase } from 'http-status-explorer/codes';
    const hs = await load();
    const x = await hs.simulate('DELETE / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n');
    const lean = await load(undefined, { ready: [] });
    console.log(JSON.stringify({ phrase: hs.lookup(404).phrase, status: x.exchanges[0].response.status, el: typeof HttpStatusExplorerElement,
      codes: phrase(404), ko: hs.lookup(404).description.ko.length > 0, lean: lean.phrase(418),
      entry: import.meta.resolve('http-status-explorer').replace(/^.*\\/node_modules\\//, '') }));`;
  const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: APP });
  assert.deepEqual(JSON.parse(stdout), { phrase: 'Not Found', status: 405, el: 'function', codes: 'Not Found', ko: true, lean: "I'm a teapot",
    entry: 'http-status-explorer/web/engine-node.js' });
});

test('npx http-status 404 runs the installed command line', async () => {
  const { stdout } = await exec('npx', ['--offline', 'http-status', '404'], { cwd: APP });
  assert.match(stdout, /404/);
  assert.match(stdout, /Not Found/);
});

test('npx http-status lint and send run from the installed package (the parser, server and linter ship too)', async () => {
  writeFileSync(join(APP, 'naive-405.http'), 'HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n');
  const lint = await exec('npx', ['--offline', 'http-status', 'lint', 'naive-405.http'], { cwd: APP }).catch((e) => e);
  assert.equal(lint.code, 1, 'an error finding is exit 1');
  assert.match(lint.stdout, /^error +required-field +RFC 9110 §15\.5\.6 /m);
  writeFileSync(join(APP, 'get.http'), 'GET /nope HTTP/1.1\r\nHost: a\r\n\r\n');
  const { stdout } = await exec('npx', ['--offline', 'http-status', 'send', 'get.http'], { cwd: APP });
  assert.match(stdout, /Final response: 404 Not Found/);
});

/** The README's "## Install" section: its fenced blocks, in order. */
function installBlocks() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const sec = readme.slice(readme.indexOf('## Install'), readme.indexOf('\n## ', readme.indexOf('## Install') + 5));
  return [...sec.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));
}

/** Opens url in Chromium and waits until both elements have rendered; returns the problems seen. */
async function elementsRender(url) {
  const browser = await chromium.launch(chromiumOptions());
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`); });
    await page.goto(url);
    await page.waitForFunction(() => [...document.querySelectorAll('http-status-explorer, http-status-badge')]
      .every((e) => e.shadowRoot && e.shadowRoot.querySelector('[part]') && e.shadowRoot.textContent.trim()), null, { timeout: 20000 });
    return problems;
  } finally {
    await browser.close();
  }
}

test("the README's bundler recipe: esbuild bundles the elements, the .wasm is copied beside, the page works in Chromium", async () => {
  const blocks = installBlocks();
  const page = blocks.find((b) => b.lang === 'js' && b.text.startsWith('// page.js'));
  const sh = blocks.find((b) => b.lang === 'sh' && b.text.includes('esbuild'));
  assert.ok(page && sh, 'the README has the page and the commands');
  writeFileSync(join(APP, 'page.js'), page.text);
  // The same commands; the consumer has no esbuild of its own, so it is this repository's devDependency.
  for (const line of sh.text.trim().split('\n')) {
    await exec('sh', ['-c', line.replace(/^npx esbuild/, join(ROOT, 'node_modules/.bin/esbuild'))], { cwd: APP });
  }
  writeFileSync(join(APP, 'public', 'index.html'), `<!doctype html><html lang="en"><meta charset="utf-8"><title>bundle</title>
<script type="module" src="page.js"></script>
<p>Without a token: <http-status-badge code="401">401 Unauthorized</http-status-badge>.</p>
<http-status-explorer code="405" view="card"></http-status-explorer>`);
  const srv = await staticServer(join(APP, 'public'));
  try {
    assert.deepEqual(await elementsRender(`${srv.url}index.html`), []);
  } finally {
    srv.close();
  }
});

test("the README's one script tag from a CDN-style path (/npm/name@version/…) works", async () => {
  const html = installBlocks().find((b) => b.lang === 'html').text;
  const m = /src="(https:\/\/[^/]+)(\/npm\/http-status-explorer@([^/]+)\/[^"]+)"/.exec(html);
  assert.ok(m, 'the tag names a CDN path');
  assert.equal(m[3], pkg.version, 'the path names this version');
  const cdn = join(WORK, 'cdn');
  cpSync(installed(), join(cdn, 'npm', `http-status-explorer@${pkg.version}`), { recursive: true });
  const srv = await staticServer(cdn);
  try {
    writeFileSync(join(cdn, 'index.html'), `<!doctype html><meta charset="utf-8"><title>cdn</title>\n${html.replace(m[1], srv.url.replace(/\/$/, ''))}`);
    assert.deepEqual(await elementsRender(`${srv.url}index.html`), []);
  } finally {
    srv.close();
  }
});

/** Runs tsc --noEmit on files in the consumer project; resolves { code, output }. */
async function tsc(files) {
  writeFileSync(join(APP, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext',
      lib: ['es2022', 'dom'], types: [] },
    files,
  }));
  for (const f of files) cpSync(join(ROOT, 'tests', 'package', f), join(APP, f));
  try {
    const { stdout } = await exec(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', APP], { cwd: APP });
    return { code: 0, output: stdout };
  } catch (err) {
    return { code: err.code, output: `${err.stdout}${err.stderr}` };
  }
}

test('tsc type-checks a consumer of every public function against the installed types', async () => {
  const r = await tsc(['consumer.ts']);
  assert.equal(r.code, 0, r.output);
});

test('tsc refuses wrong calls', async () => {
  const r = await tsc(['wrong.ts']);
  assert.notEqual(r.code, 0);
  const lines = [...r.output.matchAll(/wrong\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1]));
  assert.deepEqual(lines, [6, 7, 9, 10, 11], r.output);
});
