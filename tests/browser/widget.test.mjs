// widget.test.mjs — <http-status-explorer> and <http-status-badge> in
// Debian's chromium: embed.html (many elements, one engine, no leaks),
// attributes mirrored as properties, events, the badge's popover, fallback
// content without JavaScript, styling hooks, hostile attributes, axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, axe, OUT, holdBack } from './helpers.mjs';

let env;

before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** Opens embed.html and waits until every element has rendered from the engine. */
async function openEmbed(opts) {
  const p = await env.open(opts);
  await p.goto(`${env.url}embed.html`);
  await p.waitForFunction(() => [...document.querySelectorAll('http-status-explorer, http-status-badge')]
    .every((el) => el.shadowRoot && el.shadowRoot.querySelector('.hs-ui')));
  return p;
}

/** A blank same-origin page (so the CSP applies) with the one script loaded. */
async function openBlank(opts) {
  const p = await env.open(opts);
  await p.goto(`${env.url}favicon.svg`);
  await p.goto(`${env.url}embed.css`);
  return p;
}

test('embed.html: every element renders, all share one engine, no console error', async () => {
  const p = await openEmbed();
  const wasm = p.requests.filter((u) => u.endsWith('/status.wasm'));
  assert.equal(wasm.length, 1, 'status.wasm fetched once for all elements');
  const n = await p.evaluate(() => document.querySelectorAll('http-status-explorer, http-status-badge').length);
  assert.ok(n >= 8);
  const same = await p.evaluate(async () => {
    const a = await import('./engine.js');
    return (await a.load()) === (await a.load());
  });
  assert.equal(same, true);
  // The 405 card and the badges show the engine's words.
  const card = p.locator('http-status-explorer[code="405"] .card');
  assert.match(await card.locator('.phrase').innerText(), /Method Not Allowed/);
  assert.match(await card.locator('.facts').innerText(), /Allow/);
  assert.equal(await p.locator('http-status-badge[code="400"] .badge').textContent(), '400 Bad Request');
  // The Korean paragraph's badge follows the nearest lang attribute.
  assert.match(await p.locator('http-status-badge[code="503"] .badge').innerText(), /[가-힣]/);
  // ... and ends with the code, so the author's particle after it (503과) still fits.
  assert.match(await p.locator('http-status-badge[code="503"] .badge').innerText(), /^서비스를 사용할 수 없음\s+503$/);
  await p.waitForTimeout(200);
  assert.deepEqual(p.problems, []);
});

test('no global CSS or names leak', async () => {
  const p = await env.open();
  await p.goto(`${env.url}embed.css`);
  const plain = await p.evaluate(() => Object.keys(window));
  await p.goto(`${env.url}embed.html`);
  await p.waitForFunction(() => document.querySelector('http-status-badge').shadowRoot.querySelector('.badge'));
  const state = await p.evaluate(() => ({
    sheets: [...document.styleSheets].map((s) => s.href && new URL(s.href).pathname),
    adopted: document.adoptedStyleSheets.length,
    styleElements: document.querySelectorAll('style').length,
    keys: Object.keys(window),
  }));
  assert.deepEqual(state.sheets, ['/embed.css']);
  assert.equal(state.adopted, 0);
  assert.equal(state.styleElements, 0);
  assert.deepEqual(state.keys.filter((k) => !plain.includes(k)), []);
});

test('created with document.createElement and with the constructor; attributes mirror properties', async () => {
  const p = await openEmbed();
  const r = await p.evaluate(async () => {
    const { HttpStatusExplorerElement } = await import('./widget.js');
    const a = document.createElement('http-status-explorer');
    const b = new HttpStatusExplorerElement();
    document.body.append(a, b);
    a.code = 410;
    b.setAttribute('code', '201');
    b.view = 'card';
    await new Promise((ok) => setTimeout(ok, 50));
    const out = {
      attr: a.getAttribute('code'), prop: b.code, view: b.view, defaultView: a.view,
      a: a.shadowRoot.querySelector('.card').dataset.code, b: b.shadowRoot.querySelector('.card').dataset.code,
      same: a instanceof HttpStatusExplorerElement,
    };
    a.setAttribute('lang', 'ko');
    a.view = 'nonsense';
    await new Promise((ok) => setTimeout(ok, 50));
    out.ko = a.shadowRoot.querySelector('.chip.cls').textContent;
    out.badView = a.view;
    a.code = null;
    await new Promise((ok) => setTimeout(ok, 50));
    out.cleared = a.hasAttribute('code');
    out.slot = !!a.shadowRoot.querySelector('slot');
    return out;
  });
  assert.deepEqual(r, { attr: '410', prop: 201, view: 'card', defaultView: 'card', a: '410', b: '201', same: true,
    ko: '4xx · 클라이언트 오류', badView: 'card', cleared: false, slot: true });
  assert.deepEqual(p.problems, []);
});

test('the full view: typing picks a code and fires http-status-change', async () => {
  const p = await openEmbed();
  const full = p.locator('http-status-explorer[view="full"]');
  await p.evaluate(() => {
    window.__events = [];
    document.addEventListener('http-status-change', (e) => window.__events.push([e.target.localName, e.detail.code, e.composed, e.bubbles]));
  });
  await full.locator('input').fill('teapot');
  await full.locator('.card[data-code="418"]').waitFor();
  await full.locator('input').fill('5xx');
  await full.locator('.matches').waitFor();
  await full.locator('.list button[data-code="502"]').click();
  await full.locator('.card[data-code="502"]').waitFor();
  const events = await p.evaluate(() => window.__events);
  assert.deepEqual(events, [['http-status-explorer', 418, true, true], ['http-status-explorer', 502, true, true]]);
  assert.equal(await full.getAttribute('code'), '502');
  // Focus moved to the card's heading after the pick.
  assert.equal(await p.evaluate(() => document.activeElement.shadowRoot.activeElement.tagName), 'H3');
  assert.deepEqual(p.problems, []);
});

test('the full view\'s search stops when the element leaves the page (disconnectedCallback) and works again when it is back', async () => {
  const p = await openEmbed();
  const seen = await p.evaluate(async () => {
    const el = document.querySelector('http-status-explorer[view="full"]');
    const type = (input, text) => { input.value = text; input.dispatchEvent(new Event('input')); };
    const shown = () => { const c = el.shadowRoot.querySelector('.results .card'); return c ? c.dataset.code : null; };
    const input = el.shadowRoot.querySelector('input.search');
    type(input, '418');
    const before = [shown(), el.getAttribute('code')];
    const parent = el.parentNode;
    const next = el.nextSibling;
    el.remove();
    type(input, '503'); // nobody listens any more: nothing is rendered or picked
    const detached = [shown(), el.getAttribute('code')];
    parent.insertBefore(el, next);
    const t0 = Date.now();
    while (el.shadowRoot.querySelector('input.search') === input && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 20));
    const again = el.shadowRoot.querySelector('input.search');
    type(again, '404');
    return { before, detached, back: [again !== input, shown(), el.getAttribute('code')] };
  });
  assert.deepEqual(seen, { before: ['418', '418'], detached: ['418', '418'], back: [true, '404', '404'] });
  assert.deepEqual(p.problems, []);
});

test('view="exchange": the example exchange, its trace on demand, and following the redirect', async () => {
  const p = await openEmbed();
  const el = p.locator('http-status-explorer[view="exchange"]');
  assert.match(await el.locator('.msg.req .raw .sl').first().innerText(), /^GET \S+ HTTP\/1\.1$/);
  assert.equal(await el.locator('.msg.resp').first().getAttribute('data-status'), '301');
  assert.match(await el.locator('.msg.resp .raw').first().innerText(), /Location: /);
  const trace = el.locator('details.trace').first();
  assert.equal(await trace.getAttribute('open'), null, 'closed in prose');
  await trace.locator('summary').click();
  assert.ok(await trace.locator('li').count() > 2);
  await el.locator('.next button').click();
  const next = el.locator('.next-slot .exchange');
  await next.waitFor();
  assert.match(await next.locator('.msg.req .raw .sl').first().innerText(), /^GET /);
  assert.equal(await next.locator('.msg.resp').first().getAttribute('data-status'), '200');
  assert.deepEqual(p.problems, []);
});

test('view="full": the send panel loads the current code\'s example and sends', async () => {
  const p = await openEmbed();
  const full = p.locator('http-status-explorer[view="full"]');
  await full.locator('input.search').fill('503');
  await full.locator('.card[data-code="503"]').waitFor();
  await full.locator('details.send-box > summary').click();
  await full.locator('.send .msg.resp[data-status="503"]').waitFor();
  assert.match(await full.locator('.send [role="status"]').innerText(), /503/);
  // Maintenance is on for this example; turn it off and send again.
  await full.getByLabel('Maintenance mode').uncheck();
  await full.locator('.send button[type="submit"]').click();
  await full.locator('.send .msg.resp[data-status="200"]').waitFor();
  assert.deepEqual(p.problems, []);
});

test('the badge opens an accessible popover with the card; Escape closes it and focus returns', async () => {
  const p = await openEmbed();
  const badge = p.locator('http-status-badge[code="401"]');
  const btn = badge.locator('button.badge');
  assert.equal(await btn.textContent(), '401 Unauthorized');
  assert.equal(await btn.getAttribute('aria-haspopup'), 'dialog');
  await btn.focus();
  await p.keyboard.press('Enter');
  const pop = badge.locator('[popover]');
  await pop.waitFor({ state: 'visible' });
  assert.equal(await pop.getAttribute('role'), 'dialog');
  assert.match(await pop.locator('.card .phrase').innerText(), /Unauthorized/);
  assert.match(await pop.locator('.facts').innerText(), /WWW-Authenticate/);
  const focused = await p.evaluate(() => document.activeElement.shadowRoot.activeElement.textContent);
  assert.equal(focused, 'Close');
  // Sits right under the badge.
  const [b, q] = [await btn.boundingBox(), await pop.boundingBox()];
  assert.ok(Math.abs(q.y - (b.y + b.height + 6)) < 2, `popover at ${q.y}, badge bottom ${b.y + b.height}`);
  await p.keyboard.press('Escape');
  await pop.waitFor({ state: 'hidden' });
  await btn.click();
  await pop.waitFor({ state: 'visible' });
  await pop.locator('button.close').click();
  await pop.waitFor({ state: 'hidden' });
  assert.equal(await p.evaluate(() => document.activeElement.localName), 'http-status-badge');
  assert.deepEqual(p.problems, []);
});

/** Opens a docs page with the one script tag and body (under the page's CSP); p.files() lists the names fetched so far. */
async function docsPage(body, lang = 'en') {
  const p = await env.open();
  p.files = (re = /\.(wasm|bin)$/) => p.requests.map((u) => new URL(u).pathname.split('/').pop()).filter((f) => re.test(f));
  await p.route('**/docs.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" },
    body: `<!doctype html><html lang="${lang}"><title>docs</title><p>${body}</p><script type="module" src="http-status-explorer.js"></script></html>`,
  }));
  await p.goto(`${env.url}docs.html`);
  return p;
}

test('a badge draws its phrase from the wasm-free table: until opened no wasm, no text, no renderer; its popover fetches the engine, one language\'s text and the framework table, once', async () => {
  const p = await docsPage('See <http-status-badge code="404" handler="none">404 Not Found</http-status-badge>.');
  const badge = p.locator('http-status-badge');
  await badge.locator('button.badge').waitFor();
  assert.equal(await badge.locator('button.badge').textContent(), '404 Not Found');
  assert.equal(await badge.locator('button.badge').getAttribute('title'), '404 Not Found: show details');
  await p.waitForTimeout(300);
  assert.deepEqual(p.files(), [], 'until opened: no wasm, no text');
  assert.deepEqual(p.files(/\.js$/).sort(), ['define.js', 'element-strings.js', 'http-status-explorer.js', 'status-codes.js', 'theme-css.js', 'widget.js'],
    'until opened: the element and its table only');
  await badge.locator('button.badge').hover();
  await p.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/render.js')));
  await p.waitForTimeout(300);
  assert.deepEqual(p.files(), [], 'hovered: the popover\'s code, still no wasm and no text');
  assert.ok(p.files(/^badge-popover\.js$/).length === 1 && !p.files(/^engine\.js$/).length, 'hovered: the popover module, not the engine');
  await badge.locator('button.badge').click();
  const pop = badge.locator('[popover]');
  await pop.locator('.card .desc').waitFor();
  assert.match(await pop.locator('.card .desc').innerText(), /representation/);
  await pop.locator('.card .frameworks table').waitFor();
  await pop.locator('button.close').click();
  await badge.locator('button.badge').click();
  await pop.locator('.card').waitFor();
  assert.deepEqual(p.files().sort(), ['frameworks.bin', 'status.wasm', 'text-en.bin'], 'opened twice: the first module, the English text and the framework table once, still no http.wasm or Korean');
  assert.deepEqual(p.files(/^(engine|render|badge-popover)\.js$/).sort(), ['badge-popover.js', 'engine.js', 'render.js'], 'the renderer and the engine once');
  assert.deepEqual(p.problems, []);
});

test('a badge whose card cannot load opens a popover that says so, in its language; the next open tries again', async () => {
  const p = await docsPage('<span lang="ko"><http-status-badge code="404" handler="none">404</http-status-badge></span>');
  await p.route('**/status.wasm', (route) => route.abort());
  const btn = p.locator('http-status-badge button.badge');
  const pop = p.locator('http-status-badge [popover]');
  await btn.click();
  await pop.locator('.failed').waitFor();
  assert.equal(await pop.locator('.failed').innerText(), '404의 자세한 내용을 불러오지 못했습니다. 배지를 다시 열면 다시 시도합니다.');
  assert.equal(await p.evaluate(() => document.querySelector('http-status-badge').shadowRoot.activeElement.textContent), '닫기', 'focus on Close');
  // it opens against the badge, as the card does, in a box of its own (not
  // the browser's default popover: centred, with a black border)
  const [b, q] = await Promise.all([btn.boundingBox(), pop.boundingBox()]);
  assert.ok(Math.abs(q.x - b.x) <= 2 && q.y >= b.y + b.height && q.y <= b.y + b.height + 12, `below the badge: badge ${JSON.stringify(b)}, popover ${JSON.stringify(q)}`);
  assert.notEqual(await pop.evaluate((e) => getComputedStyle(e).borderTopLeftRadius), '0px', 'a box of its own, not the default popover');
  await pop.locator('button.close').click();
  await pop.waitFor({ state: 'hidden' });
  assert.equal(await p.evaluate(() => document.activeElement.localName), 'http-status-badge');
  await p.unroute('**/status.wasm');
  await btn.click();
  await pop.locator('.card .desc').waitFor();
  assert.equal(await pop.locator('.failed').count(), 0);
  assert.match(await pop.locator('.card .desc').innerText(), /[가-힣]/);
  assert.deepEqual(p.problems.filter((m) => !/status\.wasm|Failed to fetch|ERR_FAILED/.test(m)), []);
});

test('when the handler arrives and the popover\'s card is made again, what was open in it and the focus stay', async () => {
  const p = await docsPage('<http-status-badge code="404">404 Not Found</http-status-badge>');
  const release = await holdBack(p, '**/http.wasm');
  const badge = p.locator('http-status-badge');
  await badge.locator('button.badge').click();
  const pop = badge.locator('[popover]');
  await pop.locator('.card .frameworks table').waitFor();
  assert.equal(await pop.locator('.card .handler').count(), 0, 'the second module is held back');
  const sources = pop.locator('.card .frameworks details summary');
  await sources.click();
  const focused = () => p.evaluate(() => { const a = document.querySelector('http-status-badge').shadowRoot.activeElement; return a && `${a.localName} ${a.textContent} ${a.parentElement.open}`; });
  const before = await focused();
  assert.match(before, /^summary .+ true$/);
  release();
  await pop.locator('.card .handler').waitFor();
  assert.equal(await focused(), before, 'the same summary, still open, has the focus in the new card');
  assert.deepEqual(p.problems, []);
});

test('a Korean badge draws its Korean title, code last, with no wasm fetched; its popover loads the Korean text (no English) and the framework table', async () => {
  const p = await docsPage('점검 중에는 <http-status-badge code="503" handler="none">503 Service Unavailable</http-status-badge>과 Retry-After를 보냅니다.', 'ko');
  const btn = p.locator('http-status-badge button.badge');
  await btn.waitFor();
  assert.equal(await btn.textContent(), '서비스를 사용할 수 없음 503');
  assert.equal(await btn.getAttribute('lang'), 'ko');
  assert.match(await btn.getAttribute('title'), /^503 서비스를 사용할 수 없음: 자세히 보기$/);
  await p.waitForTimeout(300);
  assert.deepEqual(p.files(), []);
  await btn.click();
  await p.locator('http-status-badge [popover] .card .desc').waitFor();
  assert.match(await p.locator('http-status-badge [popover] .card .desc').innerText(), /[가-힣]/);
  assert.equal(await p.locator('http-status-badge [popover] button.close').innerText(), '닫기');
  await p.locator('http-status-badge [popover] .card .frameworks table').waitFor();
  assert.deepEqual(p.files().sort(), ['frameworks.bin', 'status.wasm', 'text-ko.bin']);
  assert.deepEqual(p.problems, []);
});

test('a badge for a code the table does not name (unassigned 299) is drawn from the engine\'s first module', async () => {
  const p = await docsPage('<http-status-badge code="299">299</http-status-badge>');
  const btn = p.locator('http-status-badge button.badge');
  await btn.waitFor();
  assert.equal(await btn.textContent(), '299 Unassigned');
  assert.equal(await btn.getAttribute('class'), 'badge c2');
  assert.deepEqual(p.files(), ['status.wasm']);
  assert.deepEqual(p.problems, []);
});

test('without JavaScript the elements show their fallback content', async () => {
  const p = await env.open({ javaScriptEnabled: false });
  await p.goto(`${env.url}embed.html`);
  assert.equal(await p.locator('http-status-badge[code="400"]').innerText(), '400 Bad Request');
  assert.match(await p.locator('http-status-explorer[code="405"]').innerText(), /must carry an Allow field/);
  assert.ok(await p.locator('http-status-explorer[code="405"]').isVisible());
});

test('styling: CSS custom properties and ::part() reach inside; define() twice is harmless', async () => {
  const p = await openEmbed();
  const r = await p.evaluate(async () => {
    const el = document.querySelector('http-status-explorer[code="405"]');
    const code = el.shadowRoot.querySelector('.card-head .code');
    const before = getComputedStyle(code).color;
    el.style.setProperty('--http-status-4xx', 'rgb(1, 2, 3)');
    const custom = getComputedStyle(code).color;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('http-status-explorer::part(phrase) { text-transform: uppercase; }');
    document.adoptedStyleSheets = [sheet];
    const part = getComputedStyle(el.shadowRoot.querySelector('[part="phrase"]')).textTransform;
    document.adoptedStyleSheets = [];
    el.style.removeProperty('--http-status-4xx');
    const define = await import('./define.js');
    await import('./http-status-explorer.js');
    let again = 'ok';
    try { define.HttpStatusBadgeElement.define(); } catch (e) { again = e.name; }
    return { before, custom, part, again };
  });
  assert.notEqual(r.before, 'rgb(1, 2, 3)');
  assert.equal(r.custom, 'rgb(1, 2, 3)');
  assert.equal(r.part, 'uppercase');
  assert.equal(r.again, 'NotSupportedError', 'a second define() on the same registry throws; define.js swallows it');
  assert.deepEqual(p.problems, []);
});

test('hostile attributes render as inert text or fall back', async () => {
  const p = await openEmbed();
  const r = await p.evaluate(async () => {
    const host = document.createElement('div');
    for (const [tag, code] of [['http-status-explorer', '<img src=x onerror=alert(1)>'], ['http-status-badge', '</script>'],
      ['http-status-explorer', '99999'], ['http-status-badge', '404" onmouseover="alert(1)']]) {
      const el = document.createElement(tag);
      el.setAttribute('code', code);
      el.textContent = 'fallback';
      host.append(el);
    }
    const full = document.createElement('http-status-explorer');
    full.view = 'full';
    host.append(full);
    document.body.append(host);
    // Wait for the full view's input (a fixed 50 ms was too short on a loaded machine), then for its answer.
    const until = async (f) => { for (let i = 0; i < 200 && !f(); i++) await new Promise((ok) => setTimeout(ok, 25)); return f(); };
    const input = await until(() => full.shadowRoot && full.shadowRoot.querySelector('input'));
    input.value = '<img src=x onerror=alert(1)>';
    input.dispatchEvent(new Event('input'));
    const status = await until(() => full.shadowRoot.querySelector('[role="status"]').textContent);
    const roots = [...host.children].map((el) => el.shadowRoot);
    return {
      imgs: roots.reduce((n, r) => n + r.querySelectorAll('img, script').length, 0) + host.querySelectorAll('img').length,
      slots: roots.slice(0, 4).map((r) => !!r.querySelector('slot')),
      status,
    };
  });
  assert.equal(r.imgs, 0);
  assert.deepEqual(r.slots, [true, true, true, true]);
  assert.match(r.status, /No status code matches/);
  assert.deepEqual(p.problems, []);
});

test('axe-core: no violations on embed.html in light and dark, popover open', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const p = await openEmbed({ colorScheme });
    assert.deepEqual(await axe(p), [], colorScheme);
    await p.locator('http-status-badge[code="308"] button.badge').click();
    await p.locator('http-status-badge[code="308"] [popover]').waitFor({ state: 'visible' });
    assert.deepEqual(await axe(p), [], `${colorScheme}, popover open`);
    await p.screenshot({ path: join(OUT, `embed-${colorScheme}.png`), fullPage: true });
    assert.deepEqual(p.problems, []);
  }
  const phone = await openEmbed({ viewport: { width: 360, height: 740 } });
  await phone.locator('http-status-badge[code="401"] button.badge').click();
  await phone.locator('http-status-badge[code="401"] [popover]').waitFor({ state: 'visible' });
  await phone.screenshot({ path: join(OUT, 'embed-phone-360.png') });
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow}px wider than the viewport`);
  assert.deepEqual(phone.problems, []);
});

/* ---- issue 11: the popover's place, focus, the host's font, handler="none" ---- */

for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
  test(`the badge popover opens against the badge and inside the viewport at ${viewport.width}×${viewport.height}; Escape returns focus`, async () => {
    const p = await openEmbed({ viewport });
    for (const code of ['401', '308', '503']) {
      for (const at of ['top', 'middle', 'bottom']) {
        const badge = p.locator(`http-status-badge[code="${code}"]`).first();
        const btn = badge.locator('button.badge');
        // Scroll so the badge sits near the top, in the middle or near the bottom of the screen.
        await btn.evaluate((el, [where, vh]) => {
          const y = { top: 40, middle: vh / 2, bottom: vh - 40 }[where];
          window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - y);
        }, [at, viewport.height]);
        await btn.focus();
        await p.keyboard.press('Enter');
        const pop = badge.locator('[popover]');
        await pop.waitFor({ state: 'visible' });
        const [b, q] = [await btn.boundingBox(), await pop.boundingBox()];
        const where = `${code} ${at}: popover ${JSON.stringify(q)}, badge ${JSON.stringify(b)}`;
        assert.ok(q.x >= 0 && q.y >= 0 && q.x + q.width <= viewport.width && q.y + q.height <= viewport.height, `inside the viewport: ${where}`);
        const below = Math.abs(q.y - (b.y + b.height + 6)) < 2;
        const above = Math.abs(q.y + q.height - (b.y - 6)) < 2;
        assert.ok(below || above, `against the badge: ${where}`);
        assert.ok(q.x <= b.x + 1 && q.x + q.width >= Math.min(b.x + b.width, viewport.width - 8) - 1, `under or over the badge: ${where}`);
        assert.ok(q.height >= 100, `room to read: ${where}`);
        await p.keyboard.press('Escape');
        await pop.waitFor({ state: 'hidden' });
        // The popover's toggle event, which moves focus back, is queued as a task after the popover hides: wait for it.
        const back = await badge.evaluate((el) => new Promise((done) => {
          const t0 = performance.now();
          (function check() {
            const ok = document.activeElement === el && el.shadowRoot.activeElement && el.shadowRoot.activeElement.classList.contains('badge');
            if (ok || performance.now() - t0 > 2000) done(!!ok); else setTimeout(check, 10);
          })();
        }));
        assert.equal(back, true, `focus back on the badge: ${where}`);
      }
    }
    assert.deepEqual(p.problems, []);
  });
}

test('the elements take the host page\'s font unless --http-status-font is set', async () => {
  const p = await openEmbed();
  const r = await p.evaluate(() => {
    const el = document.querySelector('http-status-explorer[code="405"]');
    const badge = document.querySelector('http-status-badge[code="400"]');
    const font = (x) => getComputedStyle(x).fontFamily;
    const out = { page: font(document.body), card: font(el.shadowRoot.querySelector('.desc')), badge: font(badge.shadowRoot.querySelector('.badge')) };
    el.style.setProperty('--http-status-font', 'monospace');
    out.custom = font(el.shadowRoot.querySelector('.desc'));
    el.style.removeProperty('--http-status-font');
    return out;
  });
  assert.match(r.page, /Georgia/);
  assert.equal(r.card, r.page);
  assert.equal(r.badge, r.page);
  assert.equal(r.custom, 'monospace');
  assert.deepEqual(p.problems, []);
});

test('handler="none" leaves the Flask handler out of the card (explorer and badge)', async () => {
  const p = await openEmbed();
  const r = await p.evaluate(async () => {
    const make = (tag, attrs) => {
      const el = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.body.append(el);
      return el;
    };
    const withIt = make('http-status-explorer', { code: '400' });
    const without = make('http-status-explorer', { code: '400', handler: 'none' });
    const badge = make('http-status-badge', { code: '401', handler: 'none' });
    await new Promise((ok) => setTimeout(ok, 100));
    badge.shadowRoot.querySelector('[popover]').showPopover();
    const out = {
      with: !!withIt.shadowRoot.querySelector('.handler'),
      without: !!without.shadowRoot.querySelector('.handler'),
      badge: !!badge.shadowRoot.querySelector('.handler'),
      card: !!without.shadowRoot.querySelector('.card .facts'),
    };
    without.removeAttribute('handler');
    await new Promise((ok) => setTimeout(ok, 50));
    out.back = !!without.shadowRoot.querySelector('.handler');
    return out;
  });
  assert.deepEqual(r, { with: true, without: false, badge: false, card: true, back: true });
  assert.deepEqual(p.problems, []);
});
