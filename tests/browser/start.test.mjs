// start.test.mjs — the order of the page's first load in Debian's chromium:
// the page's one script (page/app.js, whose first lines are page-start.js)
// asks for what the first view waits for (the page's words, and the text
// when the address names a code), in the page's language only, and the
// first frame waits for it, so nothing is painted in the wrong language and
// the text is asked for before the first paint.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, settled, holdBack } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const name = (u) => new URL(u).pathname.split('/').pop();

for (const [locale, lang, other] of [['en-US', 'en', 'ko'], ['ko-KR', 'ko', 'en']]) {
  test(`an address naming a code asks for its ${lang} words and text once the page's script is here, and nothing in ${other}`, async () => {
    const p = await env.open({ locale });
    const release = await holdBack(p, '**/page/app.js');
    const asked = [];
    p.on('request', (r) => asked.push(name(r.url())));
    await p.goto(`${env.url}#404`, { waitUntil: 'commit' });
    await p.waitForRequest((r) => new URL(r.url()).pathname === '/page/app.js', { timeout: 10000 });
    await p.waitForTimeout(300);
    assert.ok(!asked.includes(`text-${lang}.bin`), 'nothing is asked for before the page\'s script is here');
    release();
    await p.waitForRequest((r) => name(r.url()) === `text-${lang}.bin`, { timeout: 10000 });
    await p.waitForRequest((r) => name(r.url()) === `ui-strings-${lang}.js`, { timeout: 10000 });
    await settled(p);
    await p.locator('#results .card[data-code="404"] .desc').waitFor();
    for (const f of [`text-${other}.bin`, `ui-strings-${other}.js`]) assert.ok(!asked.includes(f), `${f} not fetched`);
    assert.deepEqual(p.problems, []);
  });
}

test('the first frame waits for the page\'s script: nothing is painted while page/app.js is held back, and the page paints once it is here', async () => {
  const p = await env.open();
  const release = await holdBack(p, '**/page/app.js');
  const css = p.waitForResponse((r) => name(r.url()) === 'style.css');
  await p.goto(`${env.url}#404`, { waitUntil: 'commit' });
  await css;
  await p.waitForTimeout(600);
  assert.deepEqual(await p.evaluate(() => performance.getEntriesByType('paint').map((e) => e.name)), [], 'no paint before page/app.js ran');
  release();
  await settled(p);
  const order = await p.evaluate(() => new Promise((ok) => new PerformanceObserver((l) => {
    const fcp = l.getEntriesByName('first-contentful-paint')[0];
    const text = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/text-en.bin'));
    if (fcp) ok({ fcp: fcp.startTime, text: text ? text.startTime : null });
  }).observe({ type: 'paint', buffered: true })));
  assert.ok(order.text !== null && order.text <= order.fcp, `the text was asked for (${order.text} ms) before the first paint (${order.fcp} ms)`);
  assert.deepEqual(p.problems, []);
});

// Which of the page's own words (data-t, data-t-placeholder, data-t-aria-label)
// are written after index.html is parsed and before the page is ready.
async function wordsRewritten(locale) {
  const p = await env.open({ locale });
  await p.addInitScript(() => {
    window.rewritten = [];
    const seen = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const own = el && el.closest('[data-t], [data-t-placeholder], [data-t-aria-label]');
        if (own && (r.type !== 'attributes' || r.attributeName !== 'lang')) window.rewritten.push(own.dataset.t || own.dataset.tPlaceholder || own.dataset.tAriaLabel);
      }
    });
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') seen.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['placeholder', 'aria-label'] });
    });
    new PerformanceObserver((l, o) => { if (l.getEntriesByName('hs-ready').length) { o.disconnect(); seen.takeRecords(); seen.disconnect(); } }).observe({ type: 'mark' });
  });
  await p.goto(`${env.url}#404`);
  await settled(p);
  const keys = await p.evaluate(() => window.rewritten);
  assert.deepEqual(p.problems, []);
  return keys;
}

test('an English start writes none of the page\'s own words again (index.html is in English); a Korean start writes them', async () => {
  assert.deepEqual(await wordsRewritten('en-US'), [], 'English words written over the same English words');
  const ko = await wordsRewritten('ko-KR');
  for (const key of ['tagline', 'search', 'nav']) assert.ok(ko.includes(key), `${key} is written in Korean`);
});
