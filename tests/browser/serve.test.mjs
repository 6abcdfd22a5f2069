// serve.test.mjs — headless Chromium against `http-status serve` on a
// loopback port: a navigation that follows /redirect/3 to /anything, and a
// WebSocket whose opening handshake the browser itself validates (it
// fails the connection on a wrong Sec-WebSocket-Accept), after which the
// server closes cleanly with status 1000.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServe, waitForLog } from '../lib/cli.mjs';
import { chromiumOptions } from '../lib/chromium.mjs';

const srv = await startServe();
const dir = mkdtempSync(join(tmpdir(), 'hs-serve-browser-'));
const ctx = await chromium.launchPersistentContext(dir, chromiumOptions());
const page = ctx.pages()[0] || await ctx.newPage();
after(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
  assert.equal(await srv.stop(), 0);
});

test('a navigation follows /redirect/3 through three 302s to /anything', async () => {
  const res = await page.goto(`${srv.url}/redirect/3`, { timeout: 15000 });
  assert.equal(res.status(), 200);
  assert.equal(page.url(), `${srv.url}/anything`);
  const echoed = JSON.parse(await res.text());
  assert.equal(echoed.method, 'GET');
  assert.ok(echoed.headers.some(([n]) => n === 'User-Agent'), 'the browser\'s own fields came back');
  const chain = res.request().redirectedFrom();
  assert.equal(chain && chain.url(), `${srv.url}/redirect/1`);
  assert.ok(await waitForLog(srv, /GET \/anything 200/));
  assert.match(srv.log(), /GET \/redirect\/3 302 handler[^]*GET \/redirect\/2 302 handler[^]*GET \/redirect\/1 302 handler[^]*GET \/anything 200 handler/);
});

test("new WebSocket('ws://127.0.0.1:PORT/chat'): onopen fires, then a clean close with 1000", async () => {
  await page.goto(`${srv.url}/`);
  const events = await page.evaluate((port) => new Promise((resolve) => {
    const seen = [];
    const ws = new WebSocket(`ws://127.0.0.1:${port}/chat`);
    ws.onopen = () => seen.push('open');
    ws.onerror = () => seen.push('error');
    ws.onclose = (e) => {
      seen.push(`close ${e.code} ${e.wasClean}`);
      resolve(seen);
    };
    setTimeout(() => resolve(seen.concat('timeout')), 10000);
  }), srv.port);
  assert.deepEqual(events, ['open', 'close 1000 true']);
  assert.match(srv.log(), /GET \/chat 101 handler/);
});
