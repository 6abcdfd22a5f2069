// lazy.test.mjs — what the page fetches for what it shows (issue 9), in
// Debian's chromium: the exchanges the page readies fetch neither the
// linter (lint.wasm) nor the handlers' texts (examples.bin); a card with a
// Flask handler fetches examples.bin once and fills the handler in place;
// an English exchange fetches no Korean (server-ko.bin), a Korean one (a
// request asking for Korean, the Korean page) fetches it once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, holdBack, toggleLang } from './helpers.mjs';

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

test('an English exchange fetches no Korean server text; a request asking for Korean fetches it once and is answered in Korean; the Korean page then needs no more', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#send?code=405`);
  await p.waitForFunction(() => document.documentElement.dataset.http === 'true');
  await p.locator('#send .msg.resp .raw').first().waitFor();
  await p.evaluate(() => { location.hash = '#404/exchange'; });
  await p.locator('#results .exchange .msg.resp .raw').first().waitFor();
  await p.locator('#results .card section.handler pre.src').first().waitFor();
  await p.waitForTimeout(300);
  assert.equal(fetches(p, 'http.wasm'), 1, 'the second module, once');
  assert.equal(fetches(p, 'server-ko.bin'), 0, 'English exchanges, an example and a handler: no Korean');
  await p.evaluate(() => { location.hash = '#send'; });
  await p.check('#send input[value="raw"]');
  await p.fill('#send textarea[id^="hs-send-raw"]', 'GET /nope HTTP/1.1\nHost: example.test\nAccept-Language: ko\n\n');
  await p.click('#send button[type="submit"]');
  await p.waitForFunction(() => /이 id의|리소스가 없|없습니다/.test(document.querySelector('#send .msg.resp .raw')?.textContent || ''));
  assert.match(await p.locator('#send .msg.resp .raw').first().innerText(), /Content-Language: ko/, 'answered in Korean');
  assert.equal(fetches(p, 'server-ko.bin'), 1, 'the server\'s Korean, once, when a request asks for it');
  await toggleLang(p);
  await p.evaluate(() => { location.hash = '#404/exchange'; });
  await p.waitForFunction(() => /[가-힣]/.test(document.querySelector('#results .exchange .trace')?.textContent || ''));
  assert.equal(fetches(p, 'server-ko.bin'), 1, 'the Korean page: no second fetch');
  assert.deepEqual(p.problems, []);
});

test('the Korean page fetches the server\'s Korean once, with the second module, and tells its exchange in Korean', async () => {
  const p = await env.open({ locale: 'ko-KR' });
  await ready(p, `${env.url}#404/exchange`);
  await p.waitForFunction(() => document.documentElement.dataset.http === 'true');
  await p.waitForFunction(() => /[가-힣]/.test(document.querySelector('#results .exchange .trace')?.textContent || ''));
  assert.equal(fetches(p, 'server-ko.bin'), 1, 'once');
  assert.deepEqual(p.problems, []);
});
