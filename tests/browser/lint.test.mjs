// lint.test.mjs — the "Check a response" tab in Debian's chromium under the
// page's CSP: typing a response, presets of the article's naive handlers,
// findings grouped by level with the offending bytes marked, the fix and
// section link, Korean, the URL holding the response, the "Lint this
// response" link of a simulated exchange, hostile text staying text, and
// axe-core in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, ready, axe, toggleLang, OUT } from './helpers.mjs';

let env;
let page;

before(async () => {
  env = await start();
  page = await env.open();
  await ready(page, `${env.url}#lint`);
});

after(async () => {
  await env.close();
});

const groups = (p) => p.locator('#lint .group h3').allInnerTexts();

test('a typed response is linted as it is typed; findings are grouped, marked and linked', async () => {
  await page.locator('#lint-response').waitFor();
  await page.fill('#lint-response', 'HTTP/1.1 405 Method Not Allowed\nContent-Length: 0\n\n');
  await page.locator('#lint .finding').first().waitFor();
  assert.deepEqual(await groups(page), ['Errors (1)', 'Warnings (1)', 'Notes (1)']);
  const first = page.locator('#lint .lvl-error.finding').first();
  assert.match(await first.innerText(), /without Allow/);
  assert.match(await first.innerText(), /Fix: Add the Allow field\./);
  assert.equal(await first.locator('a').getAttribute('href'), 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6');
  // the status code is marked as the error's bytes, and the button brings it into focus
  const mark = page.locator('#lint pre.lint-raw mark.lvl-error').first();
  assert.equal(await mark.innerText(), '405');
  await first.locator('button.at').click();
  assert.equal(await page.evaluate(() => document.activeElement.tagName + ':' + document.activeElement.textContent), 'MARK:405');
  // the URL holds the response as linted (CRLF line ends)
  const hash = await page.evaluate(() => location.hash);
  assert.equal(new URLSearchParams(hash.slice(6)).get('response'), 'HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n');
  assert.deepEqual(page.problems, []);
});

test('the URL opens the tab with its response, and a preset shows the naive handler and its findings', async () => {
  const p = await env.open();
  const res = 'HTTP/1.1 204 No Content\r\nDate: Wed, 01 Jan 2025 00:00:00 GMT\r\n\r\n{"ok":true}';
  await ready(p, `${env.url}#lint?${new URLSearchParams({ response: res })}`);
  await p.locator('#lint .finding').first().waitFor();
  assert.equal(await p.inputValue('#lint-response'), res.replace(/\r\n/g, '\n')); // a text area keeps LF; CRLF is restored for linting
  assert.match(await p.locator('#lint .lvl-error.finding').first().innerText(), /never has content/);
  assert.equal(await p.locator('#lint pre.lint-raw mark.lvl-error').first().innerText(), '{"ok":true}');
  await p.selectOption('#lint-preset', '100-final');
  await p.waitForFunction(() => document.querySelector('#lint .handler code')?.textContent === 'return "", 100');
  assert.match(await p.locator('#lint .lvl-error.finding').first().innerText(), /interim/);
  await p.selectOption('#lint-preset', '302-absolute');
  await p.waitForFunction(() => !document.querySelector('#lint .lvl-error, #lint .lvl-warning'));
  assert.deepEqual(p.problems, []);
});

test('every simulated exchange links to the tab with its response and request', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#send?code=405`);
  const link = p.locator('#send .lint-link a').first();
  await link.waitFor();
  await link.click();
  await p.locator('#lint .finding, #lint .summary').first().waitFor();
  assert.match(await p.inputValue('#lint-response'), /^HTTP\/1\.1 405 Method Not Allowed\n/);
  assert.match(await p.inputValue('#lint-request'), /HTTP\/1\.1\nHost: api\.example/);
  assert.equal(await p.locator('#lint .lvl-error, #lint .lvl-warning').count(), 0, 'the server\'s own 405 is clean');
  assert.deepEqual(p.problems, []);
});

test('a response whose bytes are not all UTF-8 gets no lint link: the tab checks text, and its text would misframe them', async () => {
  const p = await env.open();
  const head = (t) => `${t}%20HTTP/1.1%0D%0AHost:%20api.example%0D%0A%0D%0A`;
  await ready(p, `${env.url}#send?raw=GET%20${head('/bytes/16')}`);
  await p.locator('#send .msg.resp[data-status="200"]').waitFor();
  assert.match(await p.locator('#send .msg.resp .raw').first().innerText(), /application\/octet-stream/);
  assert.equal(await p.locator('#send .lint-link').count(), 0);
  await ready(p, `${env.url}#send?raw=GET%20${head('/headers')}`);
  await p.locator('#send .lint-link a').first().waitFor();
  assert.deepEqual(p.problems, []);
});

test('the page\'s exchanges never fetch the linter (lint.wasm); the tab fetches it once, also across a language switch', async () => {
  const p = await env.open();
  const lintFetches = () => p.requests.filter((u) => new URL(u).pathname.endsWith('/lint.wasm')).length;
  await ready(p, `${env.url}#send?code=405`);
  await p.waitForFunction(() => document.documentElement.dataset.http === 'true');
  await p.locator('#send .lint-link a').first().waitFor();
  assert.equal(lintFetches(), 0, 'an exchange does not fetch lint.wasm');
  await p.locator('#send .lint-link a').first().click();
  await p.locator('#lint .finding, #lint .summary').first().waitFor();
  await p.click('#lang');
  await p.fill('#lint-response', 'HTTP/1.1 405 Method Not Allowed\r\n\r\n');
  await p.locator('#lint .lvl-error.finding').first().waitFor();
  await p.evaluate(() => { location.hash = '#404'; });
  await p.locator('#results .card').waitFor();
  await p.goBack();
  await p.locator('#lint .lvl-error.finding').first().waitFor();
  assert.equal(lintFetches(), 1, 'lint.wasm once');
  assert.deepEqual(p.problems, []);
});

test('Korean, and hostile text stays text', async () => {
  const p = await env.open({ locale: 'ko-KR' });
  await ready(p, `${env.url}#lint`);
  await p.fill('#lint-response', 'HTTP/1.1 401 Unauthorized\r\nX-A: <img src=x onerror=alert(1)>\r\n\r\n');
  await p.locator('#lint .finding').first().waitFor();
  assert.match(await p.locator('#lint .lvl-error.finding').first().innerText(), /401 응답에 WWW-Authenticate 필드가 없다/);
  assert.equal(await p.locator('#lint img').count(), 0);
  assert.match(await p.locator('#lint pre.lint-raw').innerText(), /<img src=x onerror=alert\(1\)>/);
  assert.deepEqual(p.problems, []);
});

test('axe-core: no violations in light and dark, English and Korean', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const p = await env.open({ colorScheme });
    await ready(p, `${env.url}#lint`);
    await p.selectOption('#lint-preset', '204-json');
    await p.locator('#lint .finding').first().waitFor();
    assert.deepEqual(await axe(p), [], `${colorScheme}`);
    await p.screenshot({ path: join(OUT, `lint-${colorScheme}.png`), fullPage: true });
    await toggleLang(p);
    await p.locator('#lint-preset').waitFor();
    await p.selectOption('#lint-preset', '405-no-allow');
    await p.locator('#lint .finding').first().waitFor();
    assert.deepEqual(await axe(p), [], `${colorScheme} Korean`);
    assert.deepEqual(p.problems, []);
  }
});
