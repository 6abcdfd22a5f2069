// page.test.mjs — the page (web/index.html) in Debian's chromium, served
// with the strict CSP of scripts/serve.mjs: typing codes and words, the card,
// language, hash routing and the back button, the send panel with the
// simulated server, hostile input, keyboard use, axe-core in light and dark,
// and screenshots in test-output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, ready, settled, axe, hasSimulate, toggleLang, OUT } from './helpers.mjs';

let env;
let page;

before(async () => {
  env = await start();
  page = await env.open();
  await ready(page, env.url);
  assert.ok(await hasSimulate(page), 'the engine the page loads can simulate');
});

after(async () => {
  await env.close();
});

const text = (sel) => page.locator(sel).first().innerText();

async function type(value) {
  await page.fill('#q', value);
}

test('the input is focused at the first frame even where autofocus does not act (the attribute removed here)', async () => {
  const p = await env.open();
  await p.route(`${env.url}`, async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace(/\n\s*autofocus /, ' ');
    assert.doesNotMatch(html, /autofocus/);
    await route.fulfill({ response: res, body: html });
  });
  await p.goto(env.url);
  await settled(p);
  assert.equal(await p.evaluate(() => document.activeElement && document.activeElement.id), 'q');
  assert.deepEqual(p.problems, []);
});

test('loads under the CSP with no console error or failed request, the input focused', async () => {
  const p = await env.open();
  const resp = await p.goto(env.url);
  assert.match(resp.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await settled(p);
  assert.equal(await p.evaluate(() => document.activeElement && document.activeElement.id), 'q');
  assert.ok(p.requests.some((u) => u.endsWith('/status.wasm')), 'the wasm was fetched');
  await p.waitForTimeout(300);
  assert.deepEqual(p.problems, []);
});

test('a code shows its card: code, phrase, class, registry, RFC link, rules', async () => {
  await type('404');
  const card = page.locator('#results article.card');
  await card.waitFor();
  assert.equal(await card.getAttribute('data-code'), '404');
  assert.equal(await text('#results .card-head .code'), '404');
  assert.equal(await text('#results .phrase'), 'Not Found');
  assert.match(await text('#results .chip.cls'), /4xx · Client Error/);
  assert.match(await text('#results .chip.reg'), /Permanent/);
  const rfc = page.locator('#results .facts a', { hasText: 'RFC 9110 §15.5.5' });
  assert.equal(await rfc.getAttribute('href'), 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5');
  assert.ok((await text('#results .desc')).length > 40, 'a description');
  assert.match(await text('#results .facts'), /Cacheable by default\s*Yes/);
  assert.equal(await page.evaluate(() => location.hash), '#404');
});

test('required fields, redirects, aliases, unofficial origins and other meanings are shown', async () => {
  await type('405');
  await page.locator('#results .card[data-code="405"]').waitFor();
  assert.match(await text('#results .facts'), /Fields to send\s*Allow\s*MUST/);
  await type('301');
  await page.locator('#results .card[data-code="301"]').waitFor();
  assert.match(await text('#results .facts'), /Location/);
  assert.match(await text('#results .facts'), /POST/);
  await type('413');
  await page.locator('#results .card[data-code="413"]').waitFor();
  assert.match(await text('#results .facts'), /Payload Too Large/);
  await type('499');
  await page.locator('#results .card[data-code="499"]').waitFor();
  assert.match(await text('#results .chip.reg'), /Unofficial/);
  assert.match(await text('#results .facts'), /nginx/);
  assert.match(await text('#results .others'), /Token Required/);
  await type('299');
  await page.locator('#results .card[data-code="299"]').waitFor();
  assert.match(await text('#results .facts'), /200/);
});

test('the card\'s "In your framework" table: a row per framework, headers scoped, sources listed, text only', async () => {
  await type('413');
  await page.locator('#results .card[data-code="413"] .frameworks table').waitFor();
  const t = await page.evaluate(() => {
    const sec = document.querySelector('#results .card[data-code="413"] .frameworks');
    const table = sec.querySelector('table');
    return {
      heading: sec.querySelector('h3, h4').textContent,
      labelled: document.getElementById(table.getAttribute('aria-labelledby')) === sec.querySelector('h3, h4'),
      cols: [...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope')),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
      rowScope: [...table.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row'),
      sources: sec.querySelectorAll('details li').length,
    };
  });
  assert.equal(t.heading, 'In your framework');
  assert.ok(t.labelled);
  assert.deepEqual(t.cols, ['col', 'col', 'col']);
  assert.ok(t.rowScope);
  assert.deepEqual(t.rows.find((r) => r[0] === 'Go'), ['Go', 'http.StatusRequestEntityTooLarge', 'Request Entity Too Large']);
  assert.deepEqual(t.rows.find((r) => r[0] === 'Flask (Werkzeug)'), ['Flask (Werkzeug)', '(none)', 'REQUEST ENTITY TOO LARGE']);
  assert.deepEqual(t.rows.find((r) => r[0] === 'ASP.NET Core'), ['ASP.NET Core', 'StatusCodes.Status413PayloadTooLarge', 'Payload Too Large']);
  assert.equal(t.rows.length, 10);
  assert.equal(t.sources, 10);
  await type('299');
  await page.locator('#results .card[data-code="299"] .frameworks').waitFor();
  const unlisted = await text('#results .card[data-code="299"] .frameworks table');
  assert.match(unlisted, /status code 299\s*\(not in its table\)/);
  assert.match(unlisted, /ASP\.NET Core\s*\(none\)\s*\(empty\)\s*\(not in its table\)/, 'Kestrel sends "299 " with an empty phrase');
});

test('a range, a word, Korean and a status line', async () => {
  await type('4xx');
  await page.locator('#results .matches').waitFor();
  const n = await page.locator('#results ol.list li').count();
  assert.ok(n >= 29, `4xx lists every 4xx code (${n})`);
  assert.equal(await text('#results ol.list li .code'), '400');
  assert.match(await text('#status'), new RegExp(`${n} codes`));

  await type('teapot');
  await page.locator('#results .card[data-code="418"]').waitFor();
  assert.match(await text('#results .phrase'), /I'm a teapot/);

  await type('찾을 수 없음');
  await page.locator('#results .card[data-code="404"]').waitFor();

  await type('HTTP/1.1 503 Service Unavailable');
  await page.locator('#results .card[data-code="503"]').waitFor();
  assert.match(await text('#status'), /503 Service Unavailable/);

  await type('nothing like a status');
  await page.locator('#results .card').waitFor({ state: 'detached' });
  assert.match(await text('#status'), /No status code matches/);
});

test('every keystroke updates the results at once (no debounce)', async () => {
  await page.fill('#q', '');
  await page.locator('#q').pressSequentially('404', { delay: 0 });
  await page.locator('#results .card[data-code="404"]').waitFor({ timeout: 1000 });
  // Each input event renders synchronously: the DOM is right before the next event.
  const seen = await page.evaluate(() => {
    const q = document.getElementById('q');
    const out = [];
    for (const v of ['5', '50', '503', '5xx', 'tea', 'teapot', '4']) {
      q.value = v;
      q.dispatchEvent(new Event('input'));
      const card = document.querySelector('#results .card');
      out.push(card ? Number(card.dataset.code) : document.querySelectorAll('#results li').length);
    }
    return out;
  });
  assert.equal(seen[2], 503);
  assert.equal(seen[5], 418);
  assert.ok(seen[3] >= 11, '5xx lists the server errors');
  assert.notEqual(seen[0], seen[1]);
});

test('the language toggle switches every visible string to Korean and back', async () => {
  await type('404');
  await page.locator('#results .card[data-code="404"]').waitFor();
  await toggleLang(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  assert.equal(await text('label[for="q"]'), '상태 코드 찾기');
  assert.match(await text('#results .chip.cls'), /클라이언트 오류/);
  assert.match(await text('#results .phrase'), /[가-힣]/);
  assert.match(await text('#results .facts'), /기본 캐시 가능/);
  assert.match(await text('#grid'), /정보/);
  assert.equal(await text('#lang'), 'English');
  await toggleLang(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await text('label[for="q"]'), 'Find a status code');
});

test('the language follows navigator.language', async () => {
  const p = await env.open({ locale: 'ko-KR' });
  await ready(p, `${env.url}#503`);
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'ko');
  assert.match(await p.locator('#results .chip.cls').innerText(), /서버 오류/);
  assert.deepEqual(p.problems, []);
});

test('deep links, links and the back button', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#4xx`);
  assert.equal(await p.inputValue('#q'), '4xx');
  await p.locator('#results .matches').waitFor();
  await p.click('#results a[href="#410"]');
  await p.locator('#results .card[data-code="410"]').waitFor();
  assert.equal(await p.inputValue('#q'), '410');
  assert.equal(await p.title(), '410 Gone · HTTP status explorer', 'the title names what is shown (history, bookmarks)');
  await p.click('#grid a[href="#201"]');
  await p.locator('#results .card[data-code="201"]').waitFor();
  await p.goBack();
  await p.locator('#results .card[data-code="410"]').waitFor();
  await p.goBack();
  await p.locator('#results .matches').waitFor();
  assert.equal(await p.inputValue('#q'), '4xx');
  await p.goForward();
  await p.locator('#results .card[data-code="410"]').waitFor();

  // Typing makes one history entry, not one per keystroke.
  await p.fill('#q', '');
  await p.locator('#q').pressSequentially('503');
  await p.locator('#results .card[data-code="503"]').waitFor();
  assert.equal(await p.evaluate(() => location.hash), '#503');
  await p.goBack();
  await p.locator('#results .card[data-code="410"]').waitFor();

  await p.goto(`${env.url}#%E3%85%8E%20%3Cb%3E`);
  await settled(p);
  assert.equal(await p.inputValue('#q'), 'ㅎ <b>');
  assert.deepEqual(p.problems, []);
});

test('the overview grid links every code the engine knows, by class', async () => {
  const { codes, links } = await page.evaluate(async () => {
    const { load } = await import('./engine.js');
    const hs = await load();
    return { codes: hs.codes(), links: [...document.querySelectorAll('#grid a')].map((a) => a.getAttribute('href')) };
  });
  assert.deepEqual(links, codes.map((c) => `#${c}`));
  assert.equal(await page.locator('#grid section').count(), 5);
});

test('keyboard only: type, Enter to the results, open a card, reach its controls', async () => {
  const p = await env.open();
  await ready(p, env.url);
  await p.keyboard.type('5xx');
  await p.locator('#results .matches').waitFor();
  await p.keyboard.press('Enter');
  assert.equal(await p.evaluate(() => document.activeElement.getAttribute('href')), '#500');
  await p.keyboard.press('ArrowDown'); // no-op for links; Tab moves on
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.getAttribute('href')), '#501');
  await p.keyboard.press('Enter');
  await p.locator('#results .card[data-code="501"]').waitFor();
  assert.equal(await p.evaluate(() => document.activeElement.closest('.card') !== null), true, 'focus moves to the card');
  await p.keyboard.press('Tab');
  const tag = await p.evaluate(() => document.activeElement.tagName);
  assert.ok(['A', 'BUTTON'].includes(tag), 'the next Tab reaches a control in the card');
  // Escape in the input clears it.
  await p.focus('#q');
  await p.keyboard.press('Escape');
  assert.equal(await p.inputValue('#q'), '');
  assert.deepEqual(p.problems, []);
});

test('hostile input renders as inert text', async () => {
  const p = await env.open();
  await ready(p, env.url);
  const hostile = ['<img src=x onerror="console.error(\'xss\')">', '</script><script>console.error("xss")</script>',
    '"><svg onload=console.error(1)>', '\u0000\u202e\ud800', 'x'.repeat(200000)];
  for (const v of hostile) {
    await p.fill('#q', v);
    await p.waitForTimeout(20);
    assert.equal(await p.locator('img:not([src$=".svg"]), svg, script:not([src])').count(), 0);
  }
  assert.match(await p.locator('#status').innerText(), /longer than the engine accepts/);
  await p.goto(`${env.url}#%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`);
  await settled(p);
  assert.equal(await p.inputValue('#q'), '<img src=x onerror=alert(1)>');
  assert.equal(await p.locator('main img').count(), 0);
  await p.goto(`${env.url}#%FF%FE%ZZ`);
  await settled(p);
  assert.deepEqual(p.problems, []);
});

test('axe-core: no violations in light and dark, on the card, a list and the send panel', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const p = await env.open({ colorScheme });
    for (const hash of ['#404', '#4xx', '#499', '#send?code=301']) {
      await ready(p, `${env.url}${hash}`);
      if (hash === '#404') {
        await p.click('#results .card button[aria-expanded]');
        await p.locator('#results .exchange').waitFor();
      }
      const v = await axe(p);
      assert.deepEqual(v, [], `${colorScheme} ${hash}`);
    }
    await toggleLang(p);
    assert.deepEqual(await axe(p), [], `${colorScheme} Korean`);
    assert.deepEqual(p.problems, []);
  }
});

test('screenshots: light, dark, phone width, Korean (test-output/)', async () => {
  const shots = [
    { name: 'page-light.png', opts: {}, hash: '#404' },
    { name: 'page-dark.png', opts: { colorScheme: 'dark' }, hash: '#301' },
    { name: 'page-phone-360.png', opts: { viewport: { width: 360, height: 780 } }, hash: '#405' },
    { name: 'page-phone-320.png', opts: { viewport: { width: 320, height: 700 } }, hash: '#4xx' },
    { name: 'page-korean.png', opts: { locale: 'ko-KR' }, hash: '#503' },
    { name: 'page-phone-320-exchange.png', opts: { viewport: { width: 320, height: 700 } }, hash: '#101/exchange' },
    { name: 'page-send.png', opts: {}, hash: '#send?code=400' },
    { name: 'page-send-dark-ko.png', opts: { colorScheme: 'dark', locale: 'ko-KR' }, hash: '#send?code=301' },
  ];
  for (const s of shots) {
    const p = await env.open(s.opts);
    await ready(p, `${env.url}${s.hash}`);
    await p.screenshot({ path: join(OUT, s.name), fullPage: /send|exchange/.test(s.name) });
    // Nothing sticks out sideways at phone width.
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${s.name}: ${overflow}px wider than the viewport`);
    assert.deepEqual(p.problems, [], s.name);
  }
});

/* ---- the simulated server (issue 4) --------------------------------- */

test('see the exchange: the example request, the response, the trace', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#404`);
  await p.click('#results .card button[aria-expanded]');
  const ex = p.locator('#results .exchange');
  await ex.waitFor();
  assert.match(await ex.locator('.msg.req .raw .sl').first().innerText(), /^[A-Z]+ \S+ HTTP\/1\.1$/);
  assert.match(await ex.locator('.msg.resp .raw .sl').first().innerText(), /^HTTP\/1\.1 404 Not Found$/);
  assert.ok(await ex.locator('.raw .fn').count() > 0, 'field names set apart');
  assert.ok(await ex.locator('.trace li').count() > 0, 'a decision trace');
  assert.match(await ex.locator('.trace').innerText(), /RFC 91\d\d/);
  assert.equal(await p.evaluate(() => location.hash), '#404/exchange');
  await p.reload();
  await settled(p);
  await p.locator('#results .exchange').waitFor();
  assert.deepEqual(p.problems, []);
});

test('interim responses are shown in order (100 Continue)', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#100/exchange`);
  const sec = p.locator('#results .exchange .msg.resp').first();
  await sec.waitFor();
  const lines = await sec.locator('.raw .sl').allInnerTexts();
  assert.match(lines[0], /^HTTP\/1\.1 100 Continue$/);
  assert.ok(lines.length >= 2, 'a final response follows the interim one');
  assert.deepEqual(p.problems, []);
});

test('every code\'s card and example exchange render, and the example ends in that code', async () => {
  const p = await env.open();
  await ready(p, env.url);
  const bad = await p.evaluate(async () => {
    const { load } = await import('./engine.js');
    const hs = await load();
    const out = [];
    for (const code of hs.codes()) {
      location.hash = `#${code}/exchange`;
      await new Promise((ok) => setTimeout(ok, 0));
      const card = document.querySelector(`#results .card[data-code="${code}"]`);
      const ex = card && card.querySelector('.exchange');
      const finals = ex ? [...ex.querySelectorAll(':scope > .msg.resp, :scope > .round > .msg.resp')] : [];
      const statuses = finals.map((s) => Number(s.dataset.status));
      const interim = ex ? [...ex.querySelectorAll('.msg.resp .status .code')].map((e) => Number(e.textContent)) : [];
      if (!card || !ex || !(statuses.includes(code) || interim.includes(code))) out.push(`${code}: ${statuses.join(',')}`);
    }
    return out;
  });
  assert.deepEqual(bad, []);
  assert.deepEqual(p.problems, []);
});

test('each article scenario preset ends in its status', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#send`);
  for (const code of [400, 401, 403, 404, 500]) {
    await p.selectOption('#send select[id^="hs-send-preset"]', `case:${code}`);
    await p.click('#send button[type="submit"]');
    await p.locator(`#send .msg.resp[data-status="${code}"]`).waitFor();
    assert.match(await p.locator('#send .result [role="status"]').innerText(), new RegExp(`${code}`));
  }
  // A preset for every code the server can produce.
  const presets = await p.locator('#send optgroup:nth-of-type(2) option').count();
  assert.ok(presets >= 40, `${presets} code presets`);
  assert.deepEqual(p.problems, []);
});

test('a 307 after content that is not UTF-8 offers no button to resend it, and says why', async () => {
  const p = await env.open();
  const head = 'POST%20/temporary-redirect%20HTTP/1.1%0D%0AHost:%20api.example%0D%0AContent-Type:%20text/plain%0D%0AContent-Length:%203%0D%0A%0D%0A';
  await ready(p, `${env.url}#send?raw=${head}a%FFb`);
  await p.locator('#send .msg.resp[data-status="307"]').waitFor();
  const next = p.locator('#send .next');
  await next.waitFor();
  assert.match(await next.innerText(), /cannot send it again as it was/);
  assert.equal(await next.locator('button').count(), 0);
  await ready(p, `${env.url}#send?raw=${head}abc`);
  await p.locator('#send .next button').waitFor();
  assert.doesNotMatch(await p.locator('#send .next').innerText(), /cannot send it again/);
  assert.deepEqual(p.problems, []);
});

// The bytes a hex view shows: every pair of hex digits between the offset and the ASCII column.
const hexBytes = (text) => text.split('\n').flatMap((line) => line.slice(6, 55).trim().split(/\s+/).filter(Boolean).map((x) => parseInt(x, 16)));

test('content that is not UTF-8 is shown in hexadecimal, byte for byte, in either language; text content stays text', async () => {
  const p = await env.open();
  const head = (t) => `${t}%20HTTP/1.1%0D%0AHost:%20api.example%0D%0A%0D%0A`;
  await ready(p, `${env.url}#send?raw=GET%20${head('/bytes/40')}`);
  const resp = p.locator('#send .msg.resp[data-status="200"] .raw');
  await resp.waitFor();
  assert.match(await resp.locator('.hex-note').innerText(), /^The content, 40 bytes that are not UTF-8 text, in hexadecimal:$/);
  // what the engine sent, from its exact bytes (rawBase64), beside what the page shows
  const sent = await p.evaluate(async () => {
    const { load } = await import('./engine.js');
    const hs = await load();
    const x = hs.simulate('GET /bytes/40 HTTP/1.1\r\nHost: api.example\r\n\r\n').exchanges[0];
    const bytes = Uint8Array.from(atob(x.response.rawBase64), (c) => c.charCodeAt(0));
    return Array.from(bytes.subarray(bytes.length - 40));
  });
  assert.deepEqual(hexBytes(await resp.locator('.hex').innerText()), sent);
  assert.doesNotMatch(await resp.innerText(), /\uFFFD/);
  // the request's own content, a\xFFb, is shown the same way; in Korean the note is Korean
  const post = 'POST%20/anything%20HTTP/1.1%0D%0AHost:%20api.example%0D%0AContent-Type:%20text/plain%0D%0AContent-Length:%203%0D%0A%0D%0A';
  await ready(p, `${env.url}#send?raw=${post}a%FFb`);
  const req = p.locator('#send .msg.req .raw').first();
  await req.locator('.hex').waitFor();
  assert.deepEqual(hexBytes(await req.locator('.hex').innerText()), [0x61, 0xff, 0x62]);
  assert.match(await req.locator('.hex').innerText(), /^0000  61 ff 62 +a\.b$/);
  await toggleLang(p);
  await p.locator('#send .msg.req .raw .hex-note').filter({ hasText: '3바이트' }).waitFor();
  // UTF-8 content (Korean included) stays text
  await ready(p, `${env.url}#send?raw=${post.replace('3%0D', '6%0D')}%ED%95%9C%EA%B8%80`);
  await p.locator('#send .msg.resp .raw').first().waitFor();
  assert.equal(await p.locator('#send .raw .hex, #send .raw .hex-note').count(), 0);
  assert.match(await p.locator('#send .msg.req .raw').first().innerText(), /한글/);
  assert.deepEqual(p.problems, []);
});

test('follow a redirect: 303 turns POST into GET, 307 keeps the method', async () => {
  const p = await env.open();
  for (const [code, method] of [[303, 'GET'], [307, null], [301, null]]) {
    await ready(p, `${env.url}#${code}/exchange`);
    const first = await p.locator('#results .exchange .msg.req .raw .sl').first().innerText();
    await p.click('#results .exchange .next button');
    const next = p.locator('#results .next-slot .exchange');
    await next.waitFor();
    const line = await next.locator('.msg.req .raw .sl').first().innerText();
    const expected = method || first.split(' ')[0];
    assert.ok(line.startsWith(`${expected} `), `${code}: ${first} → ${line}`);
    assert.match(await next.locator('.msg.resp .raw .sl').first().innerText(), /^HTTP\/1\.1 [23]\d\d /);
  }
  assert.deepEqual(p.problems, []);
});

for (const code of [429, 503]) {
  test(`follow a retry: ${code} waits out Retry-After on the virtual clock, then succeeds`, async () => {
    const p = await env.open();
    await ready(p, `${env.url}#${code}/exchange`);
    const resp = await p.locator('#results .exchange .msg.resp .raw').last().innerText();
    const wait = Number(/Retry-After: (\d+)/.exec(resp)[1]);
    const btn = p.locator('#results .exchange .next button');
    assert.match(await btn.innerText(), new RegExp(`\\(${wait} s\\)`));
    await btn.click();
    const next = p.locator('#results .next-slot .exchange');
    await next.waitFor();
    assert.equal(await next.locator('.msg.resp').first().getAttribute('data-status'), '200');
    assert.deepEqual(p.problems, []);
  });
}

test('switching language in the send panel keeps the request and the answer, without sending again', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#send?code=401`);
  await p.locator('#send .msg.resp[data-status="401"]').waitFor();
  await p.fill('#send input[id^="hs-send-target"]', '/admin');
  const clock = await p.locator('#send output').innerText();
  await toggleLang(p);
  await p.locator('#send legend', { hasText: '요청' }).first().waitFor();
  assert.equal(await p.inputValue('#send input[id^="hs-send-target"]'), '/admin', 'the edit survives');
  assert.equal(await p.locator('#send output').innerText(), clock, 'nothing was sent again');
  assert.match(await p.locator('#send .send-status').innerText(), /응답: 401/);
  assert.match(await p.locator('#send .trace summary').first().innerText(), /서버가 판단한 과정/);
  assert.match(await p.locator('#send .trace li').last().innerText(), /[가-힣]/, 'the trace steps are told in Korean too');
  await p.click('#send button[type="submit"]');
  await p.locator('#send .msg.resp[data-status="401"]').waitFor();
  assert.match(await p.locator('#send .msg.req .raw .sl').innerText(), /^GET \/admin HTTP\/1\.1$/);
  assert.deepEqual(p.problems, []);
});

test('a parse error underlines the offending byte', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#send`);
  await p.check('#send input[value="raw"]');
  await p.fill('#send textarea[id^="hs-send-raw"]', 'GET / HTTP/1.1\nHost: example.test\nBad Header: x\n\n');
  // The parser reads it live, before anything is sent.
  assert.match(await p.locator('#send .live.bad').innerText(), /400/);
  await p.click('#send button[type="submit"]');
  const mark = p.locator('#send .msg.req mark.bad');
  await mark.waitFor();
  assert.equal(await mark.textContent(), '\u00a0', 'the space before the colon, shown as a marked blank');
  const offset = await p.evaluate(async () => {
    const { load } = await import('./engine.js');
    const hs = await load();
    return hs.parseRequest('GET / HTTP/1.1\r\nHost: example.test\r\nBad Header: x\r\n\r\n').error.offset;
  });
  assert.match(await p.locator('#send .parse-error').innerText(), new RegExp(`byte ${offset}\\b`));
  const before = await p.locator('#send .msg.req .raw').evaluate((pre, m) => pre.textContent.slice(0, pre.textContent.indexOf(m.textContent)), await mark.elementHandle());
  assert.match(before, /Bad$/, 'the mark sits right after "Bad"');
  assert.match(await p.locator('#send .result [role="status"]').innerText(), /400/);
  assert.deepEqual(p.problems, []);
});

test('state controls: maintenance gives 503 with Retry-After, reset clears it', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#send?code=200`);
  await p.locator('#send .msg.resp').first().waitFor();
  const maint = p.getByLabel('Maintenance mode');
  await maint.check();
  await p.click('#send button[type="submit"]');
  await p.locator('#send .msg.resp[data-status="503"]').waitFor();
  assert.match(await p.locator('#send .msg.resp .raw').first().innerText(), /Retry-After/);
  await p.getByRole('button', { name: 'Reset the server' }).click();
  assert.equal(await maint.isChecked(), false);
  await p.click('#send button[type="submit"]');
  await p.locator('#send .msg.resp[data-status="200"]').waitFor();
  assert.deepEqual(p.problems, []);
});

test('a sent request is in the URL; invalid UTF-8 in a body renders as inert text', async () => {
  const p = await env.open();
  const body = '%FF%FE%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%C3%28';
  const head = 'POST%20/%20HTTP/1.1%0D%0AHost:%20example.test%0D%0AContent-Type:%20text/plain%0D%0AContent-Length:%2033%0D%0A%0D%0A';
  await ready(p, `${env.url}#send?raw=${head}${body}`);
  await p.locator('#send .msg.resp').first().waitFor();
  assert.equal(await p.locator('main img').count(), 0);
  assert.match(await p.locator('#send .msg.req .raw .bd').innerText(), /\ufffd/);
  // Sending again from the editor keeps the URL in step.
  await p.check('#send input[value="raw"]');
  await p.fill('#send textarea[id^="hs-send-raw"]', 'GET /success HTTP/1.1\nHost: example.test\n\n');
  await p.click('#send button[type="submit"]');
  await p.locator('#send .msg.resp[data-status="200"]').waitFor();
  assert.match(await p.evaluate(() => location.hash), /^#send\?raw=GET%20\/success%20HTTP\/1\.1%0D%0A/);
  await p.goBack();
  await p.locator('#send .msg.req .raw .bd').waitFor();
  assert.deepEqual(p.problems, []);
});

test('hostile requests in the send panel render as inert text', async () => {
  const p = await env.open();
  await ready(p, `${env.url}#send`);
  await p.check('#send input[value="raw"]');
  const raw = p.locator('#send textarea[id^="hs-send-raw"]');
  // Over the engine's 64 KiB input: 413, and the unread rest is reported.
  await raw.fill(`POST / HTTP/1.1\nHost: a\nContent-Type: text/html\nContent-Length: 100000\n\n${'<img src=x onerror=alert(1)></script>'.repeat(2800)}`);
  await p.click('#send button[type="submit"]');
  await p.locator('#send .msg.resp[data-status="413"]').waitFor();
  assert.match(await p.locator('#send .rest').innerText(), /not read as a request/);
  assert.equal(await p.evaluate(() => location.hash), '#send', 'a huge request stays out of the URL');
  // A lone surrogate in the target: the parser points at it.
  await raw.fill('GET /\ud800 HTTP/1.1\nHost: a\n\n');
  await p.click('#send button[type="submit"]');
  await p.locator('#send .msg.resp[data-status="400"]').waitFor();
  assert.equal(await p.locator('#send mark.bad').textContent(), '\ufffd');
  assert.equal(await p.locator('main img, main script').count(), 0);
  assert.deepEqual(p.problems, []);
});
