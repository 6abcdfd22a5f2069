// helpers.mjs — what the browser tests share: Debian's chromium driven by
// playwright-core, web/ served in-process by scripts/serve.mjs (with its
// strict CSP), a watcher for console errors, CSP violations and failed
// requests, axe-core, and the test-output/ folder for screenshots.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { chromiumOptions } from '../lib/chromium.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUT = join(ROOT, 'test-output');
mkdirSync(OUT, { recursive: true });


/** Starts the server and a browser; returns { url, open(options), close() }. */
export async function start() {
  const { server, url } = await serve({ port: 0 });
  const contexts = [];
  /**
   * A fresh persistent context (own profile) and page. options: viewport,
   * colorScheme, locale, javaScriptEnabled. The page records problems in
   * page.problems: console errors and warnings, page errors, CSP
   * violations, failed requests and HTTP errors.
   */
  async function open({ viewport = { width: 1100, height: 900 }, colorScheme = 'light', locale = 'en-US', javaScriptEnabled = true } = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'hs-browser-'));
    const ctx = await chromium.launchPersistentContext(dir, chromiumOptions({ viewport, colorScheme, locale, javaScriptEnabled }));
    contexts.push({ ctx, dir });
    const page = ctx.pages()[0] || await ctx.newPage();
    page.problems = [];
    page.requests = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
    page.on('request', (r) => page.requests.push(r.url()));
    page.on('requestfailed', (r) => page.problems.push(`request failed: ${r.url()} ${r.failure() && r.failure().errorText}`));
    page.on('response', (r) => { if (r.status() >= 400) page.problems.push(`HTTP ${r.status()}: ${r.url()}`); });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    return page;
  }
  async function close() {
    for (const { ctx, dir } of contexts) {
      await ctx.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    }
    await new Promise((ok) => server.close(ok));
  }
  return { url, open, close };
}

/** Opens url on page and waits until the engine is loaded and the page has settled. */
export async function ready(page, url) {
  await page.goto(url);
  await settled(page);
}

/** Clicks the page's language toggle and waits until the page speaks the other language (its words load on the first switch). */
export async function toggleLang(page) {
  const was = await page.evaluate(() => document.documentElement.lang);
  await page.click('#lang');
  await page.waitForFunction((l) => document.documentElement.lang !== l, was);
}

/** Waits until the page says the engine is loaded and the overview grid is built. */
export async function settled(page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' &&
    (!document.getElementById('grid') || document.querySelector('#grid section')));
}

const axeSource = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page (shadow roots included) and returns its
 * violations as short strings. The source is evaluated through the
 * DevTools protocol, so the page's CSP stays in force.
 */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary || ''}`) }));
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
}

/** Whether this engine build has the simulated server (issue 4). */
export async function hasSimulate(page) {
  return page.evaluate(async () => {
    const { load } = await import('./engine.js');
    const hs = await load();
    return typeof hs.simulate === 'function' && typeof hs.example === 'function';
  });
}

/** Holds back every response for URLs matching pattern until the returned function is called. */
export async function holdBack(p, pattern) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await p.route(pattern, async (route) => { await gate; await route.continue(); });
  return release;
}
