// site.test.mjs — the static site of make dist, served by Python's
// http.server with .wasm as application/octet-stream (so the engine takes
// its bytes fallback), in Chromium: a lookup and an exchange, a code page
// with JavaScript off, an offline reload through the service worker, and
// the browser's own behaviour for requests the worker answers under ./sim/.
// (make test-dist)
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { staticServer } from '../lib/static-server.mjs';
import { chromiumOptions } from '../lib/chromium.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
let srv;
const contexts = [];

before(async () => { srv = await staticServer(DIST, { wasmType: false }); });
// Each test's browser closes when it ends: one Chromium at a time.
async function closeAll() {
  for (const { ctx, dir } of contexts.splice(0)) { await ctx.close().catch(() => {}); rmSync(dir, { recursive: true, force: true }); }
}
afterEach(closeAll);
after(async () => { await closeAll(); srv.close(); });

/** A fresh persistent context (service workers need one) and a page recording problems. */
async function open({ javaScriptEnabled = true, locale = 'en-US' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hs-dist-'));
  const ctx = await chromium.launchPersistentContext(dir, chromiumOptions({ javaScriptEnabled, locale, viewport: { width: 1100, height: 900 } }));
  contexts.push({ ctx, dir });
  const page = ctx.pages()[0] || await ctx.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  return { ctx, page };
}

const ready = (page) => page.waitForFunction(() => document.documentElement.dataset.ready === 'true');

/** Waits until the service worker controls the page and (with pages) has kept every code page (120 s at most). */
async function offlineReady(page, { pages = true } = {}) {
  const deadline = Date.now() + 120000;
  for (;;) {
    const done = await page.evaluate(async (pages) => {
      const reg = await navigator.serviceWorker.getRegistration();
      if (!reg || !reg.active || !navigator.serviceWorker.controller) return false;
      const keys = await caches.keys();
      if (!keys.length) return false;
      const cache = await caches.open(keys[0]);
      return !!(await cache.match('embed.html')) && (!pages || !!(await cache.match('ko/404/')));
    }, pages);
    if (done) return;
    if (Date.now() > deadline) {
      const state = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return JSON.stringify({ reg: !!reg, installing: reg?.installing?.state, active: reg?.active?.state, controlled: !!navigator.serviceWorker.controller,
          caches: await caches.keys(), kept: (await (await caches.open((await caches.keys())[0] || 'none')).keys()).length });
      });
      throw new Error(`the service worker did not keep the site within 120 s: ${state}`);
    }
    await page.waitForTimeout(250);
  }
}

test('the build: a hashed asset folder, a page and JSON per code, a sitemap, compressed copies', () => {
  const assets = readdirSync(DIST).filter((f) => /^assets-[0-9a-f]{10}$/.test(f));
  assert.equal(assets.length, 1);
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.match(index, new RegExp(`src="${assets[0]}/page/app\\.js"`));
  assert.doesNotMatch(index, /(src|href)="\//, 'relative URLs only');
  for (const f of ['404/index.html', 'ko/404/index.html', '404.json', 'sitemap.xml', 'sw.js', 'index.html.gz', 'index.html.br',
    `${assets[0]}/status.wasm.br`]) assert.ok(existsSync(join(DIST, f)), f);
  const json = JSON.parse(readFileSync(join(DIST, '405.json'), 'utf8'));
  assert.equal(json.phrase, 'Method Not Allowed');
  assert.equal(json.requiredFields[0].field, 'Allow');
  assert.match(readFileSync(join(DIST, 'sitemap.xml'), 'utf8'), /<loc>ko\/404\/<\/loc>/);
});

test('the assets are minified ES modules with a source map each; importing each other by the same names', () => {
  const assets = readdirSync(DIST).find((f) => f.startsWith('assets-'));
  const built = readFileSync(join(DIST, assets, 'widget.js'), 'utf8');
  const source = readFileSync(fileURLToPath(new URL('../../web/widget.js', import.meta.url)), 'utf8');
  assert.ok(built.length < source.length * 0.6, `widget.js ${built.length} bytes built, ${source.length} in the source`);
  assert.match(built, /from"\.\/status-codes\.js"/);
  assert.match(built, /export\{/);
  assert.match(built, /\/\/# sourceMappingURL=widget\.js\.map\n$/);
  const map = JSON.parse(readFileSync(join(DIST, assets, 'widget.js.map'), 'utf8'));
  assert.deepEqual(map.sources, ['widget.js']);
  assert.equal(map.sourcesContent[0], source);
  // The page's scripts are make's bundle, minified the same way; the modules it holds are not copied on their own.
  const page = readFileSync(join(DIST, assets, 'page', 'app.js'), 'utf8');
  const bundled = readFileSync(fileURLToPath(new URL('../../web/page/app.js', import.meta.url)), 'utf8');
  assert.ok(page.length < bundled.length * 0.6, `page/app.js ${page.length} bytes built, ${bundled.length} bundled`);
  assert.match(page, /\/\/# sourceMappingURL=app\.js\.map\n$/);
  assert.ok(existsSync(join(DIST, assets, 'page', 'send.js')) && existsSync(join(DIST, assets, 'page', 'app.js.map')));
  for (const f of ['app.js', 'page-start.js']) assert.ok(!existsSync(join(DIST, assets, f)), `${f} is in page/app.js, not beside it`);
  // its map leads to the modules it holds, with their text
  const pageMap = JSON.parse(readFileSync(join(DIST, assets, 'page', 'app.js.map'), 'utf8'));
  const at = pageMap.sources.indexOf('../engine.js');
  assert.ok(at >= 0, `page/app.js.map names ../engine.js: ${pageMap.sources.join(', ')}`);
  assert.equal(pageMap.sourcesContent[at], readFileSync(fileURLToPath(new URL('../../web/engine.js', import.meta.url)), 'utf8'));
});

test('a badge on a docs page with the built script: drawn with no wasm; its popover reads the code\'s facts file, not the engine; a handler loads the second module only', async () => {
  const { page } = await open();
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname.split('/').pop()));
  const data = () => asked.filter((f) => /\.(wasm|bin|json)$/.test(f)).sort();
  const assets = readdirSync(DIST).find((f) => f.startsWith('assets-'));
  await page.route('**/docs.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="en"><title>docs</title><p>See <http-status-badge code="404" handler="none">404 Not Found</http-status-badge>'
      + ` and <http-status-badge code="401">401 Unauthorized</http-status-badge>.</p><script type="module" src="${assets}/http-status-explorer.js"></script></html>`,
  }));
  await page.goto(`${srv.url}docs.html`);
  const notFound = page.locator('http-status-badge[code="404"]');
  await notFound.locator('button.badge').waitFor();
  assert.equal(await notFound.locator('button.badge').textContent(), '404 Not Found');
  await page.waitForTimeout(300);
  assert.deepEqual(data(), [], 'until opened: no wasm, no text, no facts');
  await notFound.locator('button.badge').click();
  await notFound.locator('[popover] .card .desc').waitFor();
  assert.match(await notFound.locator('[popover] .card .desc').innerText(), /representation/);
  assert.deepEqual(data(), ['404.json'], 'opened: the code\'s facts, no engine');
  await page.keyboard.press('Escape');
  const unauthorized = page.locator('http-status-badge[code="401"]');
  await unauthorized.locator('button.badge').click();
  await unauthorized.locator('[popover] .card .handler').waitFor();
  assert.match(await unauthorized.locator('[popover] .facts').innerText(), /WWW-Authenticate/);
  assert.deepEqual(data(), ['401.json', '404.json', 'examples.bin', 'http.wasm', 'status.wasm'], 'the handler: both modules and the handlers\' texts, still no description');
  assert.deepEqual(page.problems, []);
});

test('a code page reads without JavaScript: title, description, canonical, hreflang, the card', async () => {
  const { page } = await open({ javaScriptEnabled: false });
  await page.goto(`${srv.url}404/`);
  assert.equal(await page.title(), '404 Not Found — HTTP status explorer');
  assert.match(await page.locator('meta[name="description"]').getAttribute('content'), /representation/);
  assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), '../404/');
  assert.equal(await page.locator('link[hreflang="ko"]').getAttribute('href'), '../ko/404/');
  const card = page.locator('#results article.card');
  assert.match(await card.innerText(), /Not Found[\s\S]*RFC 9110 §15\.5\.5/);
  await page.goto(`${srv.url}ko/404/`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  assert.match(await page.title(), /^404 찾을 수 없음/);
  assert.match(await page.locator('#results article.card').innerText(), /찾을 수 없음/);
  assert.match(await page.locator('label[for="q"]').innerText(), /[가-힣]/, 'the shell speaks Korean too');
});

test('with JavaScript the page looks a code up and runs an exchange from the bytes fallback', async () => {
  const { page } = await open();
  await page.goto(srv.url);
  await ready(page);
  await page.fill('#q', '405');
  await page.waitForSelector('#results article.card[data-code="405"]');
  await page.goto(`${srv.url}#303/exchange`);
  await ready(page);
  await page.waitForFunction(() => /303 See Other/.test(document.querySelector('#results').innerText) &&
    /Location/.test(document.querySelector('#results').innerText));
  // A code page hands over to the app: the card for its code, in its language.
  await page.goto(`${srv.url}ko/410/`);
  await ready(page);
  await page.waitForFunction(() => document.querySelector('#results article.card[data-code="410"]') &&
    document.documentElement.lang === 'ko');
  assert.deepEqual(page.problems, []);
});

test('after the first visit the site works offline: reload, look up, an exchange, a code page', async () => {
  const { ctx, page } = await open();
  await page.goto(srv.url);
  await ready(page);
  await offlineReady(page);
  await ctx.setOffline(true);
  await page.reload();
  await ready(page);
  await page.fill('#q', '418');
  await page.waitForSelector('#results article.card[data-code="418"]');
  await page.goto(`${srv.url}#201/exchange`);
  await ready(page);
  await page.waitForFunction(() => /201 Created/.test(document.querySelector('#results').innerText));
  await page.goto(`${srv.url}ko/404/`);
  assert.match(await page.locator('#results article.card').first().innerText(), /찾을 수 없음/);
  await page.goto(`${srv.url}embed.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('http-status-badge')].some((b) => b.shadowRoot && b.shadowRoot.textContent.trim()));
  await ctx.setOffline(false);
});

test('./sim/ is answered by the engine and the browser is the client: redirects, methods, a navigation', async () => {
  const { page } = await open();
  await page.goto(srv.url);
  await ready(page);
  await offlineReady(page, { pages: false });
  const r = await page.evaluate(async () => {
    const go = async (path, init) => {
      const res = await fetch(path, init);
      return { status: res.status, redirected: res.redirected, url: new URL(res.url).pathname, read: res.headers.get('X-Simulated-Request'), type: res.type };
    };
    return {
      found: await go('sim/found', { method: 'POST', body: 'x=1', headers: { 'Content-Type': 'text/plain' } }),
      form: await go('sim/form', { method: 'POST', body: 'x=1', headers: { 'Content-Type': 'text/plain' } }),
      temporary: await go('sim/temporary-redirect', { method: 'POST', body: 'x=1', headers: { 'Content-Type': 'text/plain' } }),
      permanent: await go('sim/permanent-redirect', { method: 'POST', body: 'x=1', headers: { 'Content-Type': 'text/plain' } }),
      manual: await fetch('sim/found', { redirect: 'manual' }).then((res) => res.type),
      missing: await go('sim/nowhere'),
    };
  });
  // 302 and 303: the browser turns the POST into a GET of the Location.
  assert.deepEqual(r.found, { status: 200, redirected: true, url: '/sim/success', read: 'GET /success', type: 'basic' });
  assert.deepEqual(r.form, { status: 200, redirected: true, url: '/sim/success', read: 'GET /success', type: 'basic' });
  // 307 and 308: the browser repeats the POST, with its content.
  assert.equal(r.temporary.read, 'POST /');
  assert.equal(r.temporary.redirected, true);
  assert.equal(r.permanent.read, 'POST /');
  assert.equal(r.manual, 'opaqueredirect');
  assert.equal(r.missing.status, 404);
  // A navigation shows what a browser shows for that status.
  const res = await page.goto(`${srv.url}sim/status/503`);
  assert.equal(res.status(), 503);
  assert.equal(res.headers()['retry-after'] !== undefined, true, '503 carries Retry-After');
});

test('make dist BASE=URL: absolute URLs in the sitemap and the canonical links', async () => {
  const { execFileSync } = await import('node:child_process');
  const out = 'build/dist-base';
  execFileSync(process.execPath, ['scripts/build-dist.mjs', '--out', out, '--base', 'https://status.example.com/'],
    { cwd: fileURLToPath(new URL('../../', import.meta.url)) });
  const root = fileURLToPath(new URL(`../../${out}/`, import.meta.url));
  assert.match(readFileSync(join(root, 'sitemap.xml'), 'utf8'), /<loc>https:\/\/status\.example\.com\/ko\/404\/<\/loc>/);
  const html = readFileSync(join(root, '404/index.html'), 'utf8');
  assert.match(html, /<link href="https:\/\/status\.example\.com\/404\/" rel="canonical">/);
  assert.match(html, /src="\.\.\/assets-[0-9a-f]{10}\/page\/app\.js"/, 'assets stay relative');
  rmSync(root, { recursive: true, force: true });
});

test('browser-send.js reports what the browser did and each hop the worker answered', async () => {
  const { page } = await open();
  await page.goto(srv.url);
  await ready(page);
  await offlineReady(page, { pages: false });
  const assets = readdirSync(DIST).find((f) => f.startsWith('assets-'));
  const r = await page.evaluate(async (a) => {
    const m = await import(`./${a}/browser-send.js`);
    return { available: m.available(), ...(await m.browserSend({ method: 'POST', target: '/found', headers: [['Host', 'api.example'], ['Content-Type', 'text/plain']], body: 'x=1' })) };
  }, assets);
  assert.equal(r.available, true);
  assert.deepEqual(r.sent.dropped, ['Host']);
  assert.equal(r.final.redirected, true);
  assert.equal(r.final.method, 'GET');
  assert.equal(r.final.status, 200);
  assert.match(r.final.url, /\/sim\/success$/);
  assert.deepEqual(r.hops.map((h) => `${h.method} ${h.target} ${h.status}`), ['POST /found 302', 'GET /success 200']);
  assert.ok(r.hops[0].trace.some((s) => s.step === 'handler'), 'each hop has the engine trace');
});

test('the send panel lets the browser send it: the redirect it followed and each hop with its trace', async () => {
  const { page } = await open();
  await page.goto(srv.url);
  await ready(page);
  await offlineReady(page, { pages: false });
  await page.reload();
  await ready(page);
  await page.goto(`${srv.url}#send`);
  const box = page.getByLabel('Let your browser send it');
  await box.waitFor();
  await box.check();
  await page.locator('form.send input[id^="hs-send-method"]').fill('POST');
  await page.locator('form.send input[id^="hs-send-target"]').fill('/found');
  await page.locator('form.send textarea[id^="hs-send-headers"]').fill('Host: api.example\nContent-Type: text/plain');
  await page.locator('form.send textarea[id^="hs-send-body"]').fill('x=1');
  await page.locator('form.send button[type="submit"]').click();
  const result = page.locator('.browser-result');
  await result.waitFor();
  const text = await result.innerText();
  assert.match(text, /What your browser did/);
  assert.match(text, /GET \/sim\/success/);
  assert.match(text, /POST \/found[\s\S]*302[\s\S]*GET \/success[\s\S]*200/);
  assert.match(text, /Host/, 'the header the browser sets itself is named');
  assert.deepEqual(page.problems, []);
});

test("./sim/ reads the browser's language and cookies: Accept-Language from navigator.languages, Cookie from the cookie store", async () => {
  const { page } = await open({ locale: 'ko-KR' });
  await page.goto(srv.url);
  await ready(page);
  await offlineReady(page, { pages: false });
  const r = await page.evaluate(async () => {
    document.cookie = 'flavour=oat; path=/';
    const headers = await fetch('sim/headers').then((res) => res.json());
    const cookies = await fetch('sim/cookies').then((res) => res.json());
    return { languages: navigator.languages, headers: headers.headers, cookies: cookies.cookies };
  });
  const lang = r.headers.find(([n]) => n.toLowerCase() === 'accept-language');
  assert.ok(lang, `Accept-Language reached the engine: ${JSON.stringify(r.headers)}`);
  assert.match(lang[1], /^ko/);
  assert.deepEqual(r.cookies, [['flavour', 'oat']]);
});
