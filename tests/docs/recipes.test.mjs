// recipes.test.mjs — every embedding recipe of the README, built by its real
// documentation generator exactly as written, served by a plain static
// server and checked in Chromium: the elements render in their shadow roots,
// no request fails, nothing is logged as an error, and the host's dark theme
// is followed where the generator has one. (make test-docs)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ROOT, readRecipes, writeSite, run, staticServer, renderedElements } from './recipes.mjs';
import { chromiumOptions } from '../lib/chromium.mjs';

const recipes = readRecipes();
let browser;

before(async () => {
  browser = await chromium.launch(chromiumOptions());
});
after(async () => { await browser.close(); });

/** A fresh context and page that records console errors, page errors, failed requests and HTTP errors. */
async function open({ colorScheme = 'light', init } = {}) {
  const ctx = await browser.newContext({ colorScheme, viewport: { width: 1200, height: 900 } });
  if (init) await ctx.addInitScript(init);
  // This machine has no network. A theme's own files from a CDN (MkDocs's
  // theme takes highlight.js from cdnjs) get an empty stand-in, so the page
  // behaves as it would online; they are listed, not counted as problems.
  await ctx.route((url) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1', (route) => {
    const js = route.request().url().endsWith('.js');
    route.fulfill({ status: 200, contentType: js ? 'text/javascript' : 'text/css',
      body: js ? 'window.hljs = new Proxy({}, { get: () => () => {} });' : '' });
  });
  const page = await ctx.newPage();
  page.problems = [];
  // A browser asks every site for /favicon.ico; a docs site without one
  // answers 404, which says nothing about the elements.
  const favicon = (url) => new URL(url).pathname === '/favicon.ico';
  page.on('console', (m) => {
    if (m.type() === 'error' && !(favicon(m.location().url || 'http://x/') && /404/.test(m.text()))) page.problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => page.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400 && !favicon(r.url())) page.problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return { ctx, page };
}

/** Checks the three elements of a recipe page: what each shows, in light or dark. */
function checkThree(els, { dark }) {
  const byCode = Object.fromEntries(els.map((e) => [e.code, e]));
  assert.match(byCode['401'].text, /Unauthorized/, 'the badge shows the phrase');
  assert.equal(byCode['401'].tag, 'http-status-badge');
  assert.match(byCode['405'].text, /Method Not Allowed/);
  assert.match(byCode['405'].text, /Allow/, 'the card names the required field');
  for (const e of els) {
    if (dark) assert.ok(e.fg > 0.35, `${e.tag} ${e.code} has light text on the dark theme (luminance ${e.fg.toFixed(2)})`);
    else assert.ok(e.fg < 0.2, `${e.tag} ${e.code} has dark text on the light theme (luminance ${e.fg.toFixed(2)})`);
  }
}

/** Serves folder, opens path in light (and dark, through setDark), checks the page, closes everything. */
async function checkSite(folder, path, { expect = 3, dark } = {}) {
  const srv = await staticServer(folder);
  try {
    const light = await open();
    await light.page.goto(srv.url + path);
    const els = await renderedElements(light.page, { count: expect });
    checkThree(els, { dark: false });
    assert.deepEqual(light.page.problems, []);
    await light.ctx.close();
    if (dark) {
      const d = await open(dark.context);
      await d.page.goto(srv.url + path);
      if (dark.after) await d.page.evaluate(dark.after);
      const darkEls = await renderedElements(d.page, { count: expect });
      checkThree(darkEls, { dark: true });
      assert.deepEqual(d.page.problems, []);
      await d.ctx.close();
    }
    return srv;
  } finally {
    srv.close();
  }
}

test('the README has the four recipes, each with the files it names', () => {
  assert.deepEqual(Object.keys(recipes), ['Plain HTML', 'VitePress', 'Docusaurus', 'MkDocs', 'Material for MkDocs']);
  for (const [name, r] of Object.entries(recipes)) {
    assert.ok(r.assets, `${name} says where to copy the files`);
    assert.ok(Object.keys(r.files).length >= 1, `${name} has files`);
  }
});

test('plain HTML: from a static server the elements render; from file:// they keep their text', async () => {
  const site = writeSite('html', recipes['Plain HTML']);
  await checkSite(site, 'index.html');
  // file://: the module script is refused (opaque origin), so the elements
  // are never defined and show the text the author wrote inside them.
  const { ctx, page } = await open();
  await page.goto(pathToFileURL(join(site, 'index.html')).href);
  await page.waitForTimeout(500);
  const state = await page.evaluate(() => ({
    defined: !!customElements.get('http-status-badge'),
    text: document.querySelector('http-status-badge').textContent,
    card: document.querySelector('http-status-explorer').textContent,
  }));
  assert.deepEqual(state, { defined: false, text: '401 Unauthorized', card: '405: the response must carry Allow.' });
  assert.ok(page.problems.some((p) => /file:|CORS|origin/i.test(p)), `the refusal is reported: ${page.problems}`);
  await ctx.close();
});

test('VitePress builds the recipe; the elements render and follow its dark mode', async () => {
  const site = writeSite('vitepress', recipes.VitePress);
  await run(process.execPath, [join(ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'build', 'docs'], site);
  const out = join(site, 'docs/.vitepress/dist');
  assert.ok(existsSync(join(out, 'http-status-explorer/http-status-explorer.js')));
  // VitePress's default appearance follows the system: a dark colour scheme makes <html class="dark">.
  await checkSite(out, 'index.html', { dark: { context: { colorScheme: 'dark' } } });
});

test('Docusaurus builds the recipe; the elements render, survive client-side navigation and follow its dark theme', async () => {
  const site = writeSite('docusaurus', recipes.Docusaurus);
  await run(process.execPath, [join(ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs'), 'build', '--no-minify'], site,
    { DOCUSAURUS_TELEMETRY_DISABLED: '1' });
  const out = join(site, 'build');
  // Docusaurus keeps the reader's choice in localStorage "theme".
  await checkSite(out, '', { expect: 2, dark: { context: { init: () => localStorage.setItem('theme', 'dark') } } });
  const srv = await staticServer(out);
  try {
    const { ctx, page } = await open();
    await page.goto(srv.url);
    await renderedElements(page, { count: 2 });
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.click('a[href="/redirects"]');
    await page.waitForURL(/\/redirects/);
    // The old page's elements may still be in the document for a moment: wait for the new one.
    await page.waitForSelector('http-status-explorer[code="303"]');
    await page.waitForFunction(() => !document.querySelector('http-status-badge[code="401"]'));
    const els = await renderedElements(page, { count: 1 });
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the navigation happened on the client');
    assert.equal(els[0].code, '303');
    assert.match(els[0].text, /303/);
    assert.match(els[0].text, /See Other/);
    assert.deepEqual(page.problems, []);
    await ctx.close();
  } finally {
    srv.close();
  }
});

test('MkDocs (Debian 1.4) builds the recipe with its own theme', async () => {
  const site = writeSite('mkdocs', recipes.MkDocs);
  await run('mkdocs', ['build', '--strict', '-d', 'site'], site);
  const html = readFileSync(join(site, 'site/index.html'), 'utf8');
  assert.match(html, /<script type="module" src="assets\/http-status-explorer\/http-status-explorer.js">/);
  await checkSite(join(site, 'site'), 'index.html');
});

test('Material for MkDocs builds the recipe (with the MkDocs recipe\'s pages); the elements follow its dark scheme', async () => {
  const recipe = recipes['Material for MkDocs'];
  const site = writeSite('mkdocs-material', { assets: recipe.assets, files: { ...recipes.MkDocs.files, ...recipe.files } });
  await run('mkdocs', ['build', '--strict', '-d', 'site'], site);
  // Material's palette toggle sets data-md-color-scheme="slate" on <body>.
  await checkSite(join(site, 'site'), 'index.html', {
    dark: { after: () => document.body.setAttribute('data-md-color-scheme', 'slate') },
  });
});
