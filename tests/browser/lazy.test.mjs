// lazy.test.mjs — what the page fetches for what it shows (issue 9), in
// Debian's chromium: the exchanges the page readies fetch neither the
// linter (lint.wasm) nor the handlers' texts (examples.bin); a card with a
// Flask handler fetches examples.bin once and fills the handler in place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, holdBack } from './helpers.mjs';

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

test('a card drawn before the handlers\' texts arrive keeps its place: the handler fills its hidden slot in that same card', async () => {
  const p = await env.open();
  const release = await holdBack(p, '**/examples.bin');
  await ready(p, `${env.url}#404`);
  await p.waitForFunction(() => document.documentElement.dataset.http === 'true');
  const card = p.locator('#results .card[data-code="404"]');
  await card.locator('.desc').waitFor();
  // the handler's place is an empty, hidden slot while examples.bin is held back
  await p.waitForFunction(() => [...document.querySelectorAll('#results .card section[aria-busy="true"]')].some((s) => s.hidden));
  await p.waitForTimeout(200); // any redraw for the engine or the text is over
  await p.evaluate(() => { document.querySelector('#results .card[data-code="404"]').dataset.mark = 'first'; });
  assert.equal(await p.locator('#results .card section.handler').count(), 0, 'no handler while its texts load');
  release();
  await p.locator('#results .card[data-mark="first"] section.handler pre.src code').first().waitFor();
  assert.match(await p.locator('#results .card[data-mark="first"] section.handler pre.src code').first().innerText(), /@app\./);
  assert.equal(await p.locator('#results .card section[aria-busy="true"]').count(), 0, 'the slot is gone');
  assert.deepEqual(p.problems, []);
});
