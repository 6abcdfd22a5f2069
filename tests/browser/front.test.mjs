// front.test.mjs — the page's front door (issue 11) in Debian's chromium:
// the tagline above the fold, the article's five cases run from the front
// page with the answer in view, range and word results that read as a
// result (class, meanings, unofficial codes apart), the overview grid in
// the reader's language, the loading and failure states, the document
// title and the "Look up" tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, settled, axe, holdBack } from './helpers.mjs';
import en from '../../web/ui-strings-en.js';
import ko from '../../web/ui-strings-ko.js';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const inViewport = (box, vp) => box && box.y >= 0 && box.y + box.height <= vp.height && box.x >= 0 && box.x + box.width <= vp.width;

test('the tagline says what the page does, above the fold at 1280 and at 360 px', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
    const p = await env.open({ viewport });
    await ready(p, env.url);
    const tag = p.locator('#view-lookup .tagline');
    assert.equal(await tag.innerText(), en.tagline);
    assert.ok(inViewport(await tag.boundingBox(), viewport), `tagline on screen at ${viewport.width}`);
    // The five cases start on the first screen too.
    // (read in the page: the cards are drawn again when the engine arrives,
    // so a box asked for from outside can belong to a card just replaced)
    const top = await p.evaluate(() => { const c = document.querySelector('#cases .case-card'); return c ? c.getBoundingClientRect().top : null; });
    assert.ok(top !== null && top < viewport.height, `cases start on screen at ${viewport.width} (top ${top})`);
    assert.deepEqual(p.problems, []);
  }
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
  test(`the five cases run from the front page, the answer in view (${viewport.width} px)`, async () => {
    const p = await env.open({ viewport });
    await ready(p, env.url);
    // Right under the search box, before any result.
    const order = await p.evaluate(() => {
      const q = document.getElementById('q');
      const cases = document.getElementById('cases');
      return [!!(q.compareDocumentPosition(cases) & Node.DOCUMENT_POSITION_FOLLOWING),
        !!(cases.compareDocumentPosition(document.getElementById('results')) & Node.DOCUMENT_POSITION_FOLLOWING)];
    });
    assert.deepEqual(order, [true, true]);
    const cards = p.locator('#cases a.case-card');
    assert.equal(await cards.count(), 5);
    for (const [i, code] of [400, 401, 403, 404, 500].entries()) {
      await cards.nth(i).click();
      const run = p.locator(`#results .case-run[data-case="${code}"]`);
      await run.waitFor();
      assert.equal(await p.evaluate(() => location.hash), `#case/${code}`);
      assert.match(await run.locator('.case-title').innerText(), new RegExp(`${en[`case_${code}`]}[^]*${code}`));
      const final = run.locator(`.msg.resp[data-status="${code}"] .final`);
      assert.ok(inViewport(await final.boundingBox(), viewport), `${code}: the answer's headline is on screen`);
      const trace = run.locator('.trace');
      assert.equal(await trace.getAttribute('open'), '', `${code}: the trace is open`);
      if (viewport.width >= 1000) {
        const t = await trace.boundingBox();
        assert.ok(t.y + 40 < viewport.height, `${code}: the trace starts on screen (y ${t.y})`);
      }
      assert.equal(await p.evaluate(() => document.activeElement.classList.contains('case-title')), true, 'focus on the case');
      assert.equal(await p.title(), `${en[`case_${code}`]} → ${code} · HTTP status explorer`);
      // The handlers, one click away: the corrected one and the article's naive one.
      const handler = run.locator('details.case-handler');
      assert.equal(await handler.locator('pre.src').first().isVisible(), false);
      await handler.locator('summary').first().click();
      const srcs = handler.locator('pre.src');
      assert.ok(await srcs.first().isVisible(), `${code}: the corrected handler`);
      assert.match(await srcs.first().innerText(), /def |@app\./);
      const naive = handler.locator('details[open] pre.src');
      assert.ok(await naive.count() >= 1 && await naive.first().isVisible(), `${code}: the naive handler shows in the same click`);
      await p.evaluate(() => window.scrollTo(0, 0));
    }
    // Back returns to the previous case in one step; typing leaves the cases.
    await p.goBack();
    await p.locator('#results .case-run[data-case="404"]').waitFor();
    await p.fill('#q', '404');
    await p.locator('#results .card[data-code="404"]').waitFor();
    assert.equal(await p.locator('#cases').isVisible(), false, 'a query hides the cases');
    assert.deepEqual(p.problems, []);
  });
}

test('the page looks up before the second module is here; a case clicked meanwhile runs when it comes, focus on the case, http.wasm fetched once', async () => {
  const p = await env.open({ viewport: { width: 360, height: 740 } });
  const release = await holdBack(p, '**/http.wasm');
  await ready(p, env.url);
  assert.equal(await p.evaluate(() => document.documentElement.dataset.http), undefined, 'the second module is held back');
  await p.fill('#q', '404');
  await p.locator('#results .card').waitFor();
  assert.match(await p.locator('#results .card .desc').innerText(), /representation/, 'a lookup with its description, without the second module');
  await p.fill('#q', '');
  await p.locator('#cases a.case-card').first().click();
  await p.locator('#results .case-run[data-case="400"]').waitFor();
  release();
  await p.locator('#results .case-run[data-case="400"] .msg.resp[data-status="400"]').waitFor();
  assert.equal(await p.evaluate(() => document.activeElement.classList.contains('case-title')), true, 'focus on the case once it ran');
  await p.locator('#cases a.case-card').nth(1).click();
  await p.locator('#results .case-run[data-case="401"] .msg.resp[data-status="401"]').waitFor();
  assert.equal(p.requests.filter((u) => new URL(u).pathname.endsWith('/http.wasm')).length, 1, 'http.wasm once');
  assert.deepEqual(p.problems, []);
});

test('a link focused in a list keeps focus when the second module arrives and the view is rebuilt', async () => {
  const p = await env.open();
  const release = await holdBack(p, '**/http.wasm');
  await ready(p, env.url);
  await p.focus('#q');
  await p.keyboard.type('5xx');
  await p.locator('#results .matches').waitFor();
  await p.keyboard.press('Enter');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.getAttribute('href')), '#501');
  const oldLink = await p.evaluateHandle(() => document.activeElement);
  release();
  await p.waitForFunction(() => document.documentElement.dataset.http === 'true');
  assert.equal(await oldLink.evaluate((a) => a.isConnected), false, 'the list was rebuilt');
  assert.equal(await p.evaluate(() => document.activeElement.getAttribute('href')), '#501', 'focus on the same link in the new list');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.getAttribute('href')), '#502');
  assert.deepEqual(p.problems, []);
});

test('the framework table loads the first time a card shows it; the card shows it in place when it arrives, focus kept', async () => {
  const p = await env.open();
  const release = await holdBack(p, '**/frameworks.bin');
  const fetchedFw = () => p.requests.filter((u) => new URL(u).pathname.endsWith('/frameworks.bin')).length;
  await ready(p, env.url);
  await p.waitForFunction(() => document.documentElement.dataset.http === 'true');
  await p.waitForTimeout(300);
  assert.equal(fetchedFw(), 0, 'the front door (cases, grid) fetches no framework table');
  await p.fill('#q', '413');
  await p.locator('#results .card[data-code="413"]').waitFor();
  // The front door fetched no description: the card is drawn again when the
  // text arrives. The table's own arrival must then fill that card in place.
  await p.locator('#results .card[data-code="413"] .desc').waitFor();
  await p.evaluate(() => { document.querySelector('#results .card').dataset.mark = 'first'; });
  assert.equal(await p.locator('#results .card .frameworks table').count(), 0, 'no table while it loads');
  assert.equal(await p.locator('#results .card .frameworks').isHidden(), true, 'its place is hidden');
  assert.deepEqual(await axe(p), [], 'axe, with the table still loading');
  assert.equal(fetchedFw(), 1, 'the card asked for it');
  release();
  await p.locator('#results .card[data-mark="first"] .frameworks table').waitFor();
  assert.equal(await p.evaluate(() => document.activeElement.id), 'q', 'focus stays in the input');
  assert.deepEqual(await p.locator('#results .card .frameworks tbody tr').filter({ has: p.locator('th', { hasText: /^Go$/ }) }).locator('td').allInnerTexts(),
    ['http.StatusRequestEntityTooLarge', 'Request Entity Too Large']);
  await p.fill('#q', '404');
  await p.locator('#results .card[data-code="404"] .frameworks table').waitFor();
  assert.equal(fetchedFw(), 1, 'fetched once');
  assert.deepEqual(p.problems, []);
});

test('a range result: a sentence on the class, one-line meanings, unofficial codes after the registered ones, no grid repeating it', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#4xx`);
  const m = p.locator('#results .matches');
  await m.waitFor();
  assert.equal(await m.locator('.class-note').innerText(), `4xx ${en.class_4}`);
  const rows = await m.evaluate((el) => [...el.querySelectorAll('.list li')].map((li) => ({
    code: Number(li.querySelector('.code').textContent),
    meaning: (li.querySelector('.meaning') || { textContent: '' }).textContent,
    group: li.closest('ol').previousElementSibling && li.closest('ol').previousElementSibling.classList.contains('group') ? 'unofficial' : 'registered',
  })));
  const reg = await p.evaluate(async () => {
    const { load } = await import('./engine.js');
    const hs = await load();
    return Object.fromEntries(hs.catalog().map((e) => [e.code, e.registry]));
  });
  assert.ok(rows.length >= 29);
  for (const r of rows) {
    assert.ok(r.meaning.length > 10 && r.meaning.length < 400, `${r.code} has a one-line meaning: ${r.meaning}`);
    assert.equal(r.group, reg[r.code] === 'unofficial' ? 'unofficial' : 'registered', `${r.code} in its group`);
  }
  const firstUnofficial = rows.findIndex((r) => r.group === 'unofficial');
  assert.ok(firstUnofficial > 0 && rows.slice(firstUnofficial).every((r) => r.group === 'unofficial'), 'unofficial codes come last');
  assert.match(await m.locator('h2.group').innerText(), /Unofficial/);
  assert.equal(await p.locator('#all').isVisible(), false, 'the grid does not repeat the list');
  // A word across classes says what it matched; a code brings the grid back.
  await p.fill('#q', 'timeout');
  await p.locator('#results .matches .class-note', { hasText: 'timeout' }).waitFor();
  await p.fill('#q', '404');
  await p.locator('#results .card[data-code="404"]').waitFor();
  assert.equal(await p.locator('#all').isVisible(), true);
  // The "All codes" tab shows the grid whatever the results hold.
  await p.fill('#q', '5xx');
  await p.click('.tabs a[data-view="all"]');
  await p.locator('#grid').waitFor();
  assert.equal(await p.locator('#all').isVisible(), true);
  assert.deepEqual(p.problems, []);
});

test('the overview grid follows the language, and a click in it shows the card\'s number and title', async () => {
  const p = await env.open({ locale: 'ko-KR', viewport: { width: 1280, height: 800 } });
  await ready(p, env.url);
  const names = await p.evaluate(async () => {
    const { load } = await import('./engine.js');
    const hs = await load();
    return Object.fromEntries(hs.catalog().map((e) => [e.code, { ko: e.titleKo, en: e.phrase }]));
  });
  for (const code of [404, 201, 503]) {
    const cell = p.locator(`#grid a[href="#${code}"]`);
    assert.equal(await cell.locator('.name').innerText(), names[code].ko, `${code} in Korean`);
    assert.ok(names[code].ko !== names[code].en);
  }
  assert.match(await p.locator('#grid h3').first().innerText(), /1xx 정보/);
  const cell = p.locator('#grid a[href="#503"]');
  await cell.scrollIntoViewIfNeeded();
  await cell.click();
  await p.locator('#results .card[data-code="503"]').waitFor();
  const vp = { width: 1280, height: 800 };
  assert.ok(inViewport(await p.locator('#results .card-head > .code').boundingBox(), vp), 'the number is on screen');
  assert.ok(inViewport(await p.locator('#results .card-head .phrase').boundingBox(), vp), 'the title is on screen');
  assert.deepEqual(p.problems, []);
});

test('while the engine loads the input keeps what is typed and says so; a failed load says so in words', async () => {
  const p = await env.open();
  let release;
  const held = new Promise((ok) => { release = ok; });
  await p.route('**/status.wasm', async (route) => { await held; await route.continue(); });
  await p.goto(env.url);
  await p.locator('#status', { hasText: en.loading }).waitFor();
  await p.locator('#q').pressSequentially('503');
  assert.equal(await p.inputValue('#q'), '503');
  release();
  await settled(p);
  await p.locator('#results .card[data-code="503"]').waitFor();
  assert.equal(await p.inputValue('#q'), '503');
  assert.equal(await p.locator('#status').innerText(), '503 Service Unavailable — Server Error');

  const f = await env.open();
  await f.route('**/status.wasm', (route) => route.abort());
  await f.goto(env.url);
  await f.waitForFunction(() => document.documentElement.dataset.ready === 'error');
  assert.match(await f.locator('#status').innerText(), new RegExp(en.loadFailed.replace('.', '\\.')));
});

test('the first load asks for what a lookup needs and no more; the exchange views and the session state come once, with the second module', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#404`);
  const byReady = await p.evaluate(() => {
    const t = performance.getEntriesByName('hs-ready')[0].startTime;
    return performance.getEntriesByType('resource').filter((e) => e.startTime <= t).map((e) => new URL(e.name).pathname.split('/').pop());
  });
  // the page's one script (page/app.js: render.js, search.js, engine.js, ... in one file), the first module, the words, the text
  for (const f of ['app.js', 'status.wasm', 'text-en.bin', 'ui-strings-en.js']) assert.ok(byReady.includes(f), `${f} in the first load`);
  assert.deepEqual(byReady.filter((f) => f.endsWith('.js')).sort(), ['app.js', 'ui-strings-en.js'], 'two scripts: the page\'s and its words');
  for (const f of ['render-exchange.js', 'runner.js', 'korean.js', 'ui-strings-ko.js', 'text-ko.bin', 'http.wasm', 'engine-http.js']) {
    assert.ok(!byReady.includes(f), `${f} not in the first load`);
  }
  await p.waitForFunction(() => document.documentElement.dataset.http === 'true');
  await p.click('#results .card button[aria-expanded]');
  await p.locator('#results .card .exchange .msg.resp[data-status="404"]').waitFor();
  await p.fill('#q', '');
  await p.locator('#cases a.case-card').first().click();
  await p.locator('#results .case-run[data-case="400"] .msg.resp[data-status="400"]').waitFor();
  const fetched = (f) => p.requests.filter((u) => new URL(u).pathname.endsWith(`/${f}`)).length;
  assert.equal(fetched('render-exchange.js'), 1, 'the exchange views once');
  assert.equal(fetched('runner.js'), 1, 'the session state once');
  assert.deepEqual(p.problems, []);
});

test('the front door asks for no description text; the first thing typed does, once, and the card shows its description when it is here', async () => {
  const p = await env.open();
  const fetched = (f) => p.requests.filter((u) => new URL(u).pathname.endsWith(`/${f}`)).length;
  await ready(p, env.url);
  await p.waitForFunction(() => document.documentElement.dataset.http === 'true');
  assert.equal(fetched('text-en.bin'), 0, 'the cases and the grid read no description');
  const release = await holdBack(p, '**/text-en.bin');
  await p.locator('#q').pressSequentially('404');
  await p.locator('#results .card[data-code="404"]').waitFor();
  assert.equal(await p.locator('#results .card .desc').count(), 0, 'the card is shown before its text');
  release();
  assert.match(await p.locator('#results .card .desc').innerText(), /representation/, 'the description once the text is here');
  await p.fill('#q', 'teapot');
  await p.locator('#results .card[data-code="418"] .desc').waitFor();
  assert.equal(fetched('text-en.bin'), 1, 'the text once');
  assert.deepEqual(p.problems, []);
});

test("the page's own words load in its language only; the other language's on the first switch, which waits for them (never a key)", async () => {
  const p = await env.open();
  const fetched = (f) => p.requests.filter((u) => new URL(u).pathname.endsWith(`/${f}`)).length;
  await ready(p, `${env.url}#404`);
  await p.waitForFunction(() => document.documentElement.dataset.http === 'true');
  assert.equal(fetched('ui-strings-en.js'), 1, 'the English words once');
  assert.equal(fetched('ui-strings-ko.js'), 0, 'no Korean words before the switch');
  const release = await holdBack(p, '**/ui-strings-ko.js');
  const asked = p.waitForRequest(/\/ui-strings-ko\.js$/);
  await p.click('#lang');
  await asked;
  await p.waitForTimeout(100);
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'en', 'the page waits for the words');
  assert.equal(await p.locator('label[for="q"]').innerText(), en.search);
  release();
  await p.waitForFunction(() => document.documentElement.lang === 'ko');
  assert.equal(await p.locator('label[for="q"]').innerText(), ko.search);
  assert.equal(await p.locator('#lang').innerText(), ko.otherLang);
  const keys = await p.evaluate(() => [...document.querySelectorAll('[data-t]')].filter((el) => el.textContent === el.dataset.t).map((el) => el.dataset.t));
  assert.deepEqual(keys, [], 'no element shows its key');
  await p.click('#lang');
  await p.waitForFunction(() => document.documentElement.lang === 'en');
  await p.click('#lang');
  await p.waitForFunction(() => document.documentElement.lang === 'ko');
  assert.equal(fetched('ui-strings-ko.js'), 1, 'the Korean words once');
  assert.deepEqual(p.problems, []);
});

test('the document title follows what is shown; the "Look up" tab keeps the card', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#404`);
  assert.equal(await p.title(), '404 Not Found · HTTP status explorer');
  await p.click('.tabs a[data-view="send"]');
  await p.locator('#view-send').waitFor();
  assert.equal(await p.title(), 'Send your own request · HTTP status explorer');
  await p.click('.tabs a[data-view="lookup"]');
  await p.locator('#results .card[data-code="404"]').waitFor();
  assert.equal(await p.title(), '404 Not Found · HTTP status explorer', 'not stale after the send panel');
  await p.fill('#q', 'nothing like a status');
  await p.locator('#status', { hasText: 'No status code matches' }).waitFor();
  assert.equal(await p.title(), 'nothing like a status · HTTP status explorer', 'not stale after an error');
  await p.fill('#q', '');
  assert.equal(await p.title(), 'HTTP status explorer');
  assert.deepEqual(p.problems, []);
});

test('screenshots of the front door: light, dark, Korean, 360 px (test-output/)', async () => {
  const { join } = await import('node:path');
  const { OUT } = await import('./helpers.mjs');
  const shots = [
    { name: 'front-light.png', opts: { viewport: { width: 1280, height: 800 } }, hash: '' },
    { name: 'front-dark-case.png', opts: { colorScheme: 'dark', viewport: { width: 1280, height: 800 } }, hash: '', click: 'a[href="#case/401"]' },
    { name: 'front-korean.png', opts: { locale: 'ko-KR', viewport: { width: 1280, height: 800 } }, hash: '' },
    { name: 'front-korean-4xx.png', opts: { locale: 'ko-KR', viewport: { width: 1280, height: 800 } }, hash: '#4xx' },
    { name: 'front-phone-360.png', opts: { viewport: { width: 360, height: 740 } }, hash: '' },
    { name: 'front-phone-360-case.png', opts: { viewport: { width: 360, height: 740 } }, hash: '', click: 'a[href="#case/400"]' },
    { name: 'send-411-dark.png', opts: { colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
      hash: '#send?raw=POST%20/items%20HTTP/1.1%0D%0AHost:%20api.example%0D%0AContent-Type:%20application/json%0D%0A%0D%0A%7B%22title%22:%22hello%22%7D', full: true },
  ];
  for (const s of shots) {
    const p = await env.open(s.opts);
    await ready(p, `${env.url}${s.hash}`);
    if (s.click) {
      await p.click(s.click);
      await p.locator('#results .case-run').waitFor();
    }
    await p.screenshot({ path: join(OUT, s.name), fullPage: !!s.full });
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${s.name}: ${overflow}px wider than the viewport`);
    assert.deepEqual(p.problems, [], s.name);
  }
});

test('axe-core: no violations on the front door and a case run, light and dark, English and Korean', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const locale of ['en-US', 'ko-KR']) {
      const p = await env.open({ colorScheme, locale });
      for (const hash of ['', '#case/401', '#timeout']) {
        await ready(p, `${env.url}${hash}`);
        if (hash === '#case/401') await p.locator('#results .case-run details.case-handler > summary').click();
        assert.deepEqual(await axe(p), [], `${colorScheme} ${locale} ${hash || 'front'}`);
      }
      assert.deepEqual(p.problems, []);
    }
  }
});
