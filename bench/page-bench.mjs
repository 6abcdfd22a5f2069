// page-bench.mjs — the page's budgets, in headless Debian chromium on localhost:
//
//   ready    time from navigation start to an interactive input with the
//            engine loaded (the page's performance mark 'hs-ready'), browser
//            cache off, median of RUNS runs (budget < 150 ms)
//   page     gzipped bytes of everything index.html transfers (budget < 60 KB)
//   widget   gzipped bytes of http-status-explorer.js, the modules it
//            imports and status.wasm, as embed.html loads them (budget < 45 KB)
//
// Sizes are gzip -9 of each file as served (scripts/serve.mjs itself does
// not compress). Run: node bench/page-bench.mjs [runs]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '../scripts/serve.mjs';
import { chromiumOptions } from '../tests/lib/chromium.mjs';

const RUNS = Number(process.argv[2]) || Number(process.env.RUNS) || 20;
const KB = 1024;

const { server, url } = await serve({ port: 0 });
const dir = mkdtempSync(join(tmpdir(), 'hs-bench-'));
const ctx = await chromium.launchPersistentContext(dir, chromiumOptions());

/** Loads path with the cache off; returns { ms, files: [{ url, raw, gz }] }. */
async function measure(path, readyFn) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().then((b) => ({ url: new URL(r.url()).pathname, raw: b.length, gz: gzipSync(b, { level: 9 }).length })).catch(() => null)));
  await page.goto(url + path);
  const ms = await page.evaluate(readyFn);
  const files = (await Promise.all(bodies)).filter(Boolean);
  await page.close();
  return { ms, files };
}

const pageReady = () => new Promise((ok) => {
  const done = () => ok(performance.getEntriesByName('hs-ready')[0].startTime);
  if (performance.getEntriesByName('hs-ready').length) done();
  else new PerformanceObserver((list, obs) => { if (list.getEntriesByName('hs-ready').length) { obs.disconnect(); done(); } }).observe({ type: 'mark', buffered: true });
});

const embedReady = () => new Promise((ok) => {
  const check = () => {
    const els = [...document.querySelectorAll('http-status-explorer, http-status-badge')];
    if (els.length && els.every((el) => el.shadowRoot && el.shadowRoot.querySelector('.hs-ui'))) ok(performance.now());
    else requestAnimationFrame(check);
  };
  check();
});

await measure('', pageReady); // warm the browser process itself
const times = [];
let files = [];
for (let i = 0; i < RUNS; i++) {
  const r = await measure('', pageReady);
  times.push(r.ms);
  files = r.files;
}
const embedTimes = [];
let widgetFiles = [];
for (let i = 0; i < Math.max(5, RUNS / 4); i++) {
  const r = await measure('embed.html', embedReady);
  embedTimes.push(r.ms);
  widgetFiles = r.files.filter((f) => !/embed\.(html|css)$|favicon/.test(f.url));
}
await ctx.close();
rmSync(dir, { recursive: true, force: true });
server.close();

const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const sum = (fs, k) => fs.reduce((n, f) => n + f[k], 0);
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const verdict = (ok) => (ok ? 'ok' : 'OVER BUDGET');

console.log(`page: navigation → input ready with the engine loaded (cache off, ${RUNS} runs)`);
console.log(`  median ${median(times).toFixed(1)} ms   min ${Math.min(...times).toFixed(1)} ms   max ${Math.max(...times).toFixed(1)} ms   budget < 150 ms: ${verdict(median(times) < 150)}`);
console.log(`embed.html: navigation → every element rendered, median ${median(embedTimes).toFixed(1)} ms`);
console.log('\npage transfer (gzip -9 per file):');
for (const f of [...files].sort((a, b) => b.gz - a.gz)) console.log(`  ${f.url.padEnd(28)} ${kb(f.raw).padStart(9)} raw ${kb(f.gz).padStart(9)} gz`);
console.log(`  ${'total'.padEnd(28)} ${kb(sum(files, 'raw')).padStart(9)} raw ${kb(sum(files, 'gz')).padStart(9)} gz   budget < 60 KB: ${verdict(sum(files, 'gz') < 60 * KB)}`);
console.log('\nwidget (http-status-explorer.js, its imports, status.wasm):');
for (const f of [...widgetFiles].sort((a, b) => b.gz - a.gz)) console.log(`  ${f.url.padEnd(28)} ${kb(f.raw).padStart(9)} raw ${kb(f.gz).padStart(9)} gz`);
console.log(`  ${'total'.padEnd(28)} ${kb(sum(widgetFiles, 'raw')).padStart(9)} raw ${kb(sum(widgetFiles, 'gz')).padStart(9)} gz   budget < 45 KB: ${verdict(sum(widgetFiles, 'gz') < 45 * KB)}`);
