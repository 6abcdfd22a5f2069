// budget-bench.mjs — every budget row of issue 9, measured in one run and printed
// beside the same run's peers, each marked met or MISSED:
//
//   sizes      gzip -9 of every file a use transfers (html excluded), in
//              headless Debian chromium on localhost: a docs page with one
//              badge, before and after opening it; the page until it is ready
//              to look up; what an exchange adds; codes.js beside statuses.
//              Of the shipped form (dist/, built afresh, JS minified), each
//              beside the same use of the source (web/, unminified)
//   startup    the first module's compile + instantiate in Node (beside
//              undici's llhttp wasm, the baseline's one module and an empty
//              module); a fresh Node process to its first lookup() result,
//              over a Node that only reads the file (CPU time from a common
//              start to the answer, paired round by round, beside statuses
//              and an empty ES module): bench/startup.mjs
//   page       navigation → the input shows the answer to a lookup (the
//              page's 'hs-ready' mark), median of RUNS cold loads (cache
//              off, a new page each), beside a static HTML page of the same
//              grid (its load event), as a ratio; both timed in the page by
//              the same init script, with nothing evaluated while they load
//
// Run: node bench/budget-bench.mjs [runs]. Numbers only; nothing here is a test.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from '../scripts/serve.mjs';
import { chromiumOptions } from '../tests/lib/chromium.mjs';
import { loadBaseline } from './baseline.mjs';
import { baselineFiles, compileRow, processRow } from './startup.mjs';

const RUNS = Number(process.argv[2]) || Number(process.env.RUNS) || 15;
const KB = 1024;
const require = createRequire(import.meta.url);
const gz = (b) => gzipSync(b, { level: 9 }).length;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const rows = [];
const row = (what, value, budget, met, peers) => rows.push({ what, value, budget, met, peers });

// ---- sizes, in chromium --------------------------------------------------------

// The sizes are of the shipped form: dist/ as `make dist` builds it (the
// static site a host or CDN serves, its JS minified), built afresh here;
// beside each, the same use served from web/ (the source, as the package
// ships it, unminified), so nothing is hidden.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hs-budget-'));
const distDir = join(dir, 'dist');
execFileSync(process.execPath, ['scripts/build-dist.mjs', '--out', distDir], { cwd: root });
const distAssets = readdirSync(distDir).find((f) => f.startsWith('assets-'));
// Service workers off: dist's would precache every file, which is not what a use costs.
const ctx = await chromium.launchPersistentContext(join(dir, 'profile'), chromiumOptions({ serviceWorkers: 'block' }));

/** A fresh page with the cache off that records every response's gzipped size (html excluded). */
async function openPage(assets) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  page.files = [];
  page.on('response', (r) => {
    const name = new URL(r.url()).pathname;
    if (/\.html$|\/$/.test(name)) return;
    page.files.push(r.body().then((b) => ({ name, gz: gz(b) })).catch(() => null));
  });
  await page.route('**/one-badge.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': CSP },
    body: '<!doctype html><html lang="en"><title>docs</title><p>See <http-status-badge code="404" handler="none">404 Not Found</http-status-badge>.</p>'
      + `<script type="module" src="${assets}http-status-explorer.js"></script></html>`,
  }));
  return page;
}
// The files the page received ({ name, gz }), or those named in only.
const received = async (page, only) => (await Promise.all(page.files)).filter((f) => f && (!only || only.includes(f.name)));
const sum = (files) => files.reduce((n, f) => n + f.gz, 0);
// The paths of the files the page had asked for by its 'hs-ready' mark.
const askedByReady = (page) => page.evaluate(() => {
  const t = performance.getEntriesByName('hs-ready')[0].startTime;
  return performance.getEntriesByType('resource').filter((e) => e.startTime <= t).map((e) => new URL(e.name).pathname);
});
const settle = (page) => page.waitForTimeout(400);

/** Every size row's bytes for the site in folder (its runtime files under assets), served on loopback. */
async function sizesOf(folder, assets) {
  const { server, url } = await serve({ port: 0, root: folder });
  const badgePage = await openPage(assets);
  await badgePage.goto(`${url}one-badge.html`);
  await badgePage.locator('http-status-badge button.badge').waitFor();
  await settle(badgePage);
  const closedFiles = await received(badgePage);
  await badgePage.locator('http-status-badge button.badge').click();
  await badgePage.locator('http-status-badge [popover] .card').waitFor();
  await settle(badgePage);
  const openFiles = await received(badgePage);
  await badgePage.close();

  const front = await openPage(assets);
  await front.goto(url);
  await front.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  const firstFiles = await askedByReady(front);
  await front.waitForFunction(() => document.documentElement.dataset.http === 'true');
  await settle(front);
  const firstLoad = await received(front, firstFiles);
  const atReady = sum(firstLoad);
  const withHttp = sum(await received(front));
  await front.close();
  server.close();
  return { badgeClosed: sum(closedFiles), badgeOpen: sum(openFiles), openFiles, firstLoad, atReady, withHttp,
    codes: gz(readFileSync(join(folder, assets, 'codes.js'))) };
}
const shipped = await sizesOf(distDir, `${distAssets}/`);
const source = await sizesOf(join(root, 'web'), '');

const statusesSize = gz(readFileSync(require.resolve('statuses'))) + gz(readFileSync(require.resolve('statuses/codes.json')));
const llhttpSize = gz(Buffer.from(require('undici/lib/llhttp/llhttp-wasm.js'), 'base64'));
const src = (key) => `source ${kb(source[key])}`;
row('docs page with one badge, until opened', kb(shipped.badgeClosed), '<= 12 KB', shipped.badgeClosed <= 12 * KB,
  `${src('badgeClosed')}; statuses ${kb(statusesSize)}`);
row('the same, after opening the popover (one language)', kb(shipped.badgeOpen), '<= 30 KB', shipped.badgeOpen <= 30 * KB, src('badgeOpen'));
row("the page's first load, ready to look up (one language)", kb(shipped.atReady), '<= 50 KB', shipped.atReady <= 50 * KB, src('atReady'));
const exchange = (s) => s.withHttp - s.atReady;
row('everything for an exchange, on top of that', kb(exchange(shipped)), '<= 45 KB', exchange(shipped) <= 45 * KB,
  `source ${kb(exchange(source))}; undici llhttp wasm ${kb(llhttpSize)}`);
row('http-status-explorer/codes', kb(shipped.codes), '<= 1.6 KB', shipped.codes <= 1.6 * KB, `${src('codes')}; statuses ${kb(statusesSize)}`);

// ---- page readiness beside a static page of the same grid -------------------------

const { server, url } = await serve({ port: 0 });

const gridHtml = (() => {
  const codes = JSON.parse(execFileSync(process.execPath, ['-e',
    "import('./web/status-codes.js').then((m) => console.log(JSON.stringify(m.statusCodes.map((e) => [e.code, e.phrase]))))"],
  { cwd: fileURLToPath(new URL('..', import.meta.url)) }).toString());
  const items = codes.map(([c, p]) => `<li><a href="#${c}"><span class="status">${c}</span> ${p}</a></li>`).join('');
  return `<!doctype html><html lang="en"><title>grid</title><link rel="stylesheet" href="style.css"><input id="q"><ul class="grid">${items}</ul></html>`;
})();
// Each load is timed by the page itself: an init script (the same on both
// pages) observes the page's 'hs-ready' mark, or the static page's load
// event, and says the time on the console. Nothing is evaluated in the page
// while it loads: a page.evaluate() then would compile Playwright's own
// helper script on the page's main thread (about 30-60 ms here) inside the
// time measured, on the app's page only, since the static page is read after
// its load.
async function readyTime(path, staticPage) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (staticPage) await page.route('**/static-grid.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: gridHtml }));
  await page.addInitScript((loadEvent) => {
    const say = (ms) => console.debug(`budget-bench-ready ${ms}`);
    if (loadEvent) {
      addEventListener('load', () => setTimeout(() => say(performance.getEntriesByType('navigation')[0].loadEventEnd), 0));
    } else {
      new PerformanceObserver((list, obs) => {
        const m = list.getEntriesByName('hs-ready')[0];
        if (m) { obs.disconnect(); say(m.startTime); }
      }).observe({ type: 'mark' });
    }
  }, staticPage);
  const said = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('budget-bench-ready '), timeout: 30000 });
  await page.goto(url + path, { waitUntil: 'commit' });
  const ms = Number((await said).text().split(' ')[1]);
  await page.close();
  return ms;
}
await readyTime('#404', false); // warm the browser process
const pageTimes = [];
const staticTimes = [];
for (let i = 0; i < RUNS; i++) {
  pageTimes.push(await readyTime('#404', false));
  staticTimes.push(await readyTime('static-grid.html', true));
}
await ctx.close();
server.close();

// ---- startup in Node (bench/startup.mjs: how each is measured) ------------------

// Fresh processes in rotated rounds; at least 21, since one process's figure
// on a shared machine varies by more than the budget.
const startupRounds = Math.max(21, 3 * RUNS);
const base = await loadBaseline();
rmSync(dir, { recursive: true, force: true });
const baseFiles = baselineFiles(base);
const compile = compileRow(startupRounds, baseFiles);
row('first module: compile + instantiate in Node', compile.text, '<= 0.6 ms', compile.ms <= 0.6, compile.peers);
const node = processRow(startupRounds, baseFiles);
row('fresh Node process to first lookup(), over one that only reads the file (CPU)', node.text, '<= +2 ms', node.ms <= 2, node.peers);

const pm = median(pageTimes);
const sm = median(staticTimes);
row('page navigation → a lookup answered (median of cold loads)', `${pm.toFixed(0)} ms`, '<= 120 ms', pm <= 120,
  `static HTML of the same grid ${sm.toFixed(0)} ms (ratio ${(pm / sm).toFixed(2)}x)`);

console.log(`Budgets of issue 9 (one run; sizes gzip -9, html excluded; ${RUNS} cold loads for navigation, ${startupRounds} rounds of fresh processes for startup), Node ${process.version}`);
for (const r of rows) {
  console.log(`  ${r.met ? 'met   ' : 'MISSED'} ${r.what.padEnd(74)} ${r.value.padStart(9)}  budget ${r.budget.padEnd(10)} ${r.peers}`);
}
console.log('What the badge costs once its popover is open, file by file (dist, gzip -9):');
console.log(`  ${shipped.openFiles.map((f) => `${f.name.split('/').pop()} ${kb(f.gz)}`).join(', ')}`);
console.log("What the page's first load holds, file by file (dist, gzip -9):");
console.log(`  ${shipped.firstLoad.map((f) => `${f.name.split('/').pop()} ${kb(f.gz)}`).join(', ')}`);
