// lazy.test.mjs — what the page fetches for what it shows (issue 9), in
// Debian's chromium: the exchanges the page readies fetch neither the
// linter (lint.wasm) nor the handlers' texts (examples.bin); a card with a
// Flask handler fetches examples.bin once and fills the handler in place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const fetches = (p, name) => p.requests.filter((u) => new URL(u).pathname.endsWith(`/${name}`)).length;

test('an exchange fetches neither lint.wasm nor examples.bin; a card with a handler fetches examples.bin once and shows the handler', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#send?code=405`);
  await p.waitForFunction(() => document.documentElement.dataset.http === 'true');
  await p.locator('#send .lint-link a').first().waitFor();
  await p.waitForTimeout(300);
  assert.equal(fetches(p, 'http.wasm'), 1, 'the second module, once');
  assert.equal(fetches(p, 'lint.wasm'), 0, 'no linter for an exchange');
  assert.equal(fetches(p, 'examples.bin'), 0, 'no handlers\' texts for an exchange');
  await p.evaluate(() => { location.hash = '#404'; });
  const handler = p.locator('#results .card section.handler');
  await handler.waitFor();
  assert.match(await handler.locator('pre.src code').first().innerText(), /@app\./, 'the corrected handler\'s Python, filled in');
  await p.evaluate(() => { location.hash = '#401'; });
  await p.locator('#results .card section.handler pre.src').first().waitFor();
  assert.equal(fetches(p, 'examples.bin'), 1, 'the handlers\' texts, once');
  assert.equal(fetches(p, 'lint.wasm'), 0);
  assert.deepEqual(p.problems, []);
});
