// send-history.test.mjs — the send panel's links, history and keys (issue
// 11) in Debian's chromium: a shared link answers what it answered, Back,
// Forward and reload never send again, the preset select never sends, the
// headline answers the person's own request, 101, focus and the trace's
// tab stops. Sends are counted by the panel's performance mark 'hs-send'.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, settled } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const sends = (p) => p.evaluate(() => performance.getEntriesByName('hs-send').length);
const hash = (p) => p.evaluate(() => decodeURIComponent(location.hash));
const depth = (p) => p.evaluate(() => history.length);
const headline = (p) => p.locator('#send .send-status').innerText();

for (const code of [503, 502, 504, 429]) {
  test(`#send?code=${code} opened in a fresh context answers ${code}, and so does the link after an edit`, async () => {
    const p = await env.open();
    await ready(p, `${env.url}#send?code=${code}`);
    await p.locator(`#send .msg.resp[data-status="${code}"]`).waitFor();
    assert.equal(await sends(p), 1);
    // Edit the request: the URL now carries the request and the server state.
    await p.check('#send input[value="raw"]');
    const raw = p.locator('#send textarea[id^="hs-send-raw"]');
    await raw.fill((await raw.inputValue()).replace('Host: api.example', 'Host: api.example\nAccept: */*'));
    await p.waitForFunction(() => location.hash.startsWith('#send?raw='));
    await p.waitForTimeout(400);
    const link = await p.evaluate(() => location.href);
    assert.match(decodeURIComponent(link), /state=\{/, 'the server state travels in the link');
    const q = await env.open();
    await ready(q, link);
    await q.locator(`#send .msg.resp[data-status="${code}"]`).waitFor();
    assert.match(await q.inputValue('#send textarea[id^="hs-send-raw"]'), /Accept: \*\/\*/);
    assert.deepEqual(p.problems, []);
    assert.deepEqual(q.problems, []);
  });
}

test('history: a preset replaces, a send adds one, Back leaves in one press, Forward and reload never send', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#404`);
  const start = await depth(p);
  await p.click('#results .card a[href="#send?code=404"]');
  await p.locator('#send .msg.resp[data-status="404"]').waitFor();
  assert.equal(await depth(p), start + 1, 'opening the panel is one entry');
  assert.equal(await sends(p), 1);
  assert.equal(await p.evaluate(() => document.activeElement.id.startsWith('hs-send-method')), true, 'Edit this request focuses the editor');
  // A preset replaces the entry and sends nothing.
  await p.selectOption('#send select[id^="hs-send-preset"]', 'code:503');
  await p.waitForFunction(() => location.hash === '#send?code=503');
  assert.equal(await depth(p), start + 1);
  assert.equal(await sends(p), 1);
  assert.equal(await p.locator('#send .msg.resp').count(), 0, 'the old answer is gone with its request');
  // Send adds one entry.
  await p.click('#send button[type="submit"]');
  await p.locator('#send .msg.resp[data-status="503"]').waitFor();
  assert.equal(await depth(p), start + 2);
  assert.equal(await sends(p), 2);
  // Reload shows the answer without sending.
  await p.reload();
  await settled(p);
  await p.locator('#send .msg.resp[data-status="503"]').waitFor();
  assert.equal(await sends(p), 0, 'reload sends nothing');
  // Back: the panel before the send, then where the person came from.
  await p.goBack();
  await p.waitForFunction(() => !document.querySelector('#send .msg.resp'));
  assert.equal(await hash(p), '#send?code=503');
  await p.goBack();
  await p.locator('#results .card[data-code="404"]').waitFor();
  assert.equal(await hash(p), '#404');
  assert.equal(await p.locator('#view-send').isVisible(), false);
  // Forward twice: the answer comes back from history, not from a new send.
  await p.goForward();
  await p.locator('#view-send').waitFor();
  await p.goForward();
  await p.locator('#send .msg.resp[data-status="503"]').waitFor();
  assert.equal(await sends(p), 0);
  assert.deepEqual(p.problems, []);
});

test('a DELETE is never sent again by Back, Forward or reload', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#send`);
  await p.check('#send input[value="raw"]');
  await p.fill('#send textarea[id^="hs-send-raw"]', 'DELETE /items/1 HTTP/1.1\nHost: api.example\n\n');
  await p.click('#send button[type="submit"]');
  await p.locator('#send .msg.resp[data-status="204"]').waitFor();
  // Deleting again would answer 404 (or 410): the item is gone.
  await p.click('#send button[type="submit"]');
  await p.locator('#send .msg.resp:not([data-status="204"])').waitFor();
  const second = await p.locator('#send .msg.resp').first().getAttribute('data-status');
  assert.notEqual(second, '204');
  await p.goBack();
  await p.locator('#send .msg.resp[data-status="204"]').waitFor();
  await p.reload();
  await settled(p);
  await p.locator('#send .msg.resp[data-status="204"]').waitFor();
  assert.equal(await sends(p), 0, 'reload restored the 204 without deleting again');
  await p.goForward();
  await p.locator(`#send .msg.resp[data-status="${second}"]`).waitFor();
  await p.goBack();
  await p.locator('#send .msg.resp[data-status="204"]').waitFor();
  assert.equal(await sends(p), 0);
  // Sending from the restored entry runs on the state it showed: the item was deleted once.
  await p.click('#send button[type="submit"]');
  await p.locator(`#send .msg.resp[data-status="${second}"]`).waitFor();
  assert.deepEqual(p.problems, []);
});

test('ArrowDown through the preset select sends nothing and adds no history entry', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#send`);
  const start = await depth(p);
  await p.focus('#send select[id^="hs-send-preset"]');
  for (let i = 0; i < 6; i++) await p.keyboard.press('ArrowDown');
  await p.waitForTimeout(400);
  assert.notEqual(await p.inputValue('#send select[id^="hs-send-preset"]'), '');
  assert.equal(await sends(p), 0);
  assert.equal(await p.locator('#send .msg.resp').count(), 0);
  assert.equal(await depth(p), start);
  assert.match(await hash(p), /^#send\?code=\d{3}$/, 'the entry names the preset');
  assert.deepEqual(p.problems, []);
});

test('the headline answers the request itself: 411, with the 17 bytes left over said so before and after sending', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#send`);
  await p.check('#send input[value="raw"]');
  await p.fill('#send textarea[id^="hs-send-raw"]', 'POST /items HTTP/1.1\nHost: api.example\nContent-Type: application/json\n\n{"title":"hello"}');
  assert.match(await p.locator('#send .live').innerText(), /\b17 bytes after its head would be left over/);
  await p.click('#send button[type="submit"]');
  await p.locator('#send .msg.resp[data-status="411"]').waitFor();
  const head = await headline(p);
  assert.match(head, /^Response: 411 Length Required/);
  assert.match(head, /left over:\s*400 Bad Request/);
  assert.match(await p.locator('#send .round.leftover h3').innerText(), /^The 17 bytes left over, read as a next request$/);
  // Offsets are written one way: "byte N".
  const all = await p.locator('#send').innerText();
  assert.doesNotMatch(all, /byte offset/);
  const offsets = [...all.matchAll(/at byte (\d+)/g)].map((m) => Number(m[1]));
  assert.ok(offsets.length >= 2, 'the parse error and the trace name the byte');
  assert.deepEqual([...new Set(offsets)], [75], 'the same byte, counted from the start of what was sent');
  // The client's next step sends the 17 bytes again as content, with their length: now the server reads
  // them, and answers what they say (no "name": 400, the article's missing field), not 411.
  assert.match(await p.locator('#send .next').innerText(), /Content-Length: 17, the length of its content/);
  await p.click('#send .next button');
  await p.locator('#send .next .msg.resp[data-status="400"]').waitFor();
  const retried = await p.locator('#send .next .msg.req').innerText();
  assert.ok(retried.includes('Content-Length: 17') && retried.includes('{"title":"hello"}'), retried);
  // The link opens it as sent: raw text (the fields editor would add a Content-Length), the same hint.
  const link = await p.evaluate(() => location.href);
  const q = await env.open();
  await ready(q, link);
  await q.locator('#send .msg.resp[data-status="411"]').waitFor();
  assert.equal(await q.isChecked('#send input[value="raw"]'), true);
  assert.match(await q.locator('#send .live').innerText(), /\b17 bytes after its head would be left over/);
  assert.deepEqual(p.problems, []);
  assert.deepEqual(q.problems, []);
});

test('after a 101 the panel says the connection now speaks the new protocol', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#send?code=101`);
  await p.locator('#send .msg.resp[data-status="101"]').waitFor();
  const next = await p.locator('#send .next').innerText();
  assert.match(next, /now speaks websocket/);
  assert.doesNotMatch(next, /final answer/);
  assert.deepEqual(p.problems, []);
});

test('keyboard: a tab switch focuses the view, the trace is one tab stop with arrow keys inside', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#404`);
  await p.click('.tabs a[data-view="send"]');
  await p.locator('#view-send').waitFor();
  await p.waitForFunction(() => document.activeElement && document.activeElement.id === 'send-h');
  await p.click('.tabs a[data-view="lookup"]');
  await p.waitForFunction(() => document.activeElement && document.activeElement.id === 'q');
  await p.goto(`${env.url}#send?code=401`);
  await settled(p);
  const trace = p.locator('#send .trace');
  await trace.waitFor();
  const links = await trace.locator('a').count();
  assert.ok(links >= 5, `${links} rule links`);
  await trace.locator('summary').focus();
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.closest('.trace ol') !== null), true, 'Tab enters the steps');
  const first = await p.evaluate(() => document.activeElement.textContent);
  await p.keyboard.press('ArrowDown');
  const second = await p.evaluate(() => document.activeElement.textContent);
  assert.equal(await p.evaluate(() => document.activeElement.closest('.trace ol') !== null), true);
  assert.notEqual(second, first, 'ArrowDown moves to the next rule link');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.closest('.trace ol')), null, 'one more Tab leaves the trace');
  assert.deepEqual(p.problems, []);
});
