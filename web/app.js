// app.js — the page: one input, the card or ranked list it finds, the
// overview grid, the "send your own request" panel, URL hash routing and the
// language toggle. All rendering is render.js / send.js, shared with the
// custom elements.
//
// Routes (location.hash):
//   #404, #4xx, #teapot, #%EC%B0%BE…   what was typed in the input
//   #404/exchange                      the card with its example exchange open
//   #case/400                          one of the article's five cases, run
//   #all                               the overview grid
//   #send, #send?code=404, #send?raw=… the send panel, with a preset or exact request bytes
//   #lint, #lint?response=…&request=…  the "Check a response" tab (lint-panel.js), with what it checks

import { PAGE_CODE, startLang, textAtStart, engineLoad, stringsLoad } from './page-start.js';
import { CASES, parseRoute } from './route.js';
import { h, grid, caseView, statusBadge } from './render.js';
import { StatusSearch } from './search.js';
import { sheet } from './render-css.js';
import { t, loadStrings } from './ui-strings.js';

const $ = (id) => document.getElementById(id);
const input = $('q');
const results = $('results');
const status = $('status');
const views = { lookup: $('view-lookup'), send: $('view-send'), lint: $('view-lint') };

document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet()];

// A page per code (make dist: dist/404/, dist/ko/404/) names its code and
// language in <html>; the app shows that card until the hash says otherwise.
// The first module, the page's words and (when the address asks for a code
// or a search) the language's text were asked for by page-start.js, before
// this module and the renderer were here. The front door (the cases, the
// grid) shows no description: there the text is asked for by the first
// thing typed. The other language's words and text load on the first switch.
let lang = startLang;
const textAsked = { [lang]: textAtStart };
let hs = null;
let runner = null;
let panel = null;
let typingEntry = false;  // true while the current history entry belongs to the current run of typing
let openExchange = 0;
// A fragment navigation fires popstate and hashchange: route once per entry.
let routed = { href: '', state: undefined };
let openCase = 0;         // the article's case shown under the cards (#case/400), or 0
let showAll = false;      // the route is #all: the overview grid shows whatever the results hold

const tr = (key, ...a) => t(lang, key, ...a);

/* ---- static strings --------------------------------------------------- */

// Only what differs is written: index.html is in English already, so an
// English start changes no text, and the page laid out before the words
// arrived is not laid out again for them.
function applyStrings() {
  document.documentElement.lang = lang;
  document.title = tr('appTitle');
  for (const el of document.querySelectorAll('[data-t]')) {
    const s = tr(el.dataset.t);
    if (el.textContent !== s) el.textContent = s;
  }
  for (const el of document.querySelectorAll('[data-t-placeholder]')) {
    const s = tr(el.dataset.tPlaceholder);
    if (el.placeholder !== s) el.placeholder = s;
  }
  for (const el of document.querySelectorAll('[data-t-aria-label]')) {
    const s = tr(el.dataset.tAriaLabel);
    if (el.getAttribute('aria-label') !== s) el.setAttribute('aria-label', s);
  }
  $('lang').lang = lang === 'ko' ? 'en' : 'ko';
  renderCases();
}

/* ---- the front door: the article's five cases ------------------------ */

function renderCases() {
  $('case-list').replaceChildren(...CASES.map((code) => h('li', null,
    h('a', { class: `case-card c${Math.floor(code / 100)}`, href: `#case/${code}`, 'aria-current': openCase === code ? 'true' : null },
      h('span', { class: 'case-name' }, tr(`case_${code}`)),
      hs ? statusBadge({ hs, lang }, code, hs.phrase(code)) : h('span', { class: 'status' }, String(code))))));
}

/* ---- routing ---------------------------------------------------------- */

function parseHash() {
  return parseRoute(location.hash, PAGE_CODE, input.value);
}

function hashFor(query) {
  return query.trim() === '' ? '' : `#${encodeURIComponent(query).replace(/%2F/gi, '/')}`;
}

function setHash(hash, push) {
  routed = { href: '', state: undefined }; // a later Back to the entry routed last is a navigation again
  const url = hash ? hash : location.pathname + location.search;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function showView(name, tab = name) {
  for (const [k, el] of Object.entries(views)) el.hidden = k !== name;
  for (const a of document.querySelectorAll('.tabs a')) {
    if (a.dataset.view === tab) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/**
 * Shows what the URL says. focus: false (leave focus), true (into what is
 * shown), 'view' (the view's heading or input: a tab was used) or 'editor'
 * (the send panel's editor: "Edit this request").
 */
function route({ focus = false } = {}) {
  const r = parseHash();
  showView(r.view, r.all ? 'all' : r.view);
  if (r.view === 'send') {
    document.title = `${tr('send')} · ${tr('appTitle')}`;
    renderSend(r.params, { focus: focus === 'editor' ? 'editor' : focus ? 'view' : null });
    return;
  }
  if (r.view === 'lint') {
    document.title = `${tr('lintTitle')} · ${tr('appTitle')}`;
    renderLint(r.params);
    return;
  }
  if (input.value !== r.query) input.value = r.query;
  openExchange = r.exchange || 0;
  openCase = r.caseCode || 0;
  showAll = !!r.all;
  renderLookup({ focus: focus === true });
  if (focus === 'view' && !r.all) input.focus();
  // The "Look up" tab goes back to what the lookup view shows, not to an empty page.
  const back = document.querySelector('.tabs a[data-view="lookup"]');
  if (back) back.setAttribute('href', r.all ? hashFor(input.value) || '#' : location.hash || '#');
  if (r.all) {
    const all = $('all');
    all.scrollIntoView({ block: 'start' });
    if (focus) all.focus({ preventScroll: true });
  }
}

/* ---- lookup ----------------------------------------------------------- */

function ctxFor() {
  return {
    hs,
    lang,
    runner,
    link: (code, ...kids) => h('a', { href: `#${code}` }, ...kids),
    sendHref: (code) => `#send?code=${code}`,
    lintHref,
    openExchange,
    onExchangeToggle: (code, open) => {
      openExchange = open ? code : 0;
      setHash(open ? `#${code}/exchange` : `#${code}`, false);
      input.value = String(code);
      search.sync(); // the card opened or closed its exchange itself
    },
  };
}

// The page's search (search.js, shared with the element). Nothing typed
// shows the case being run (#case/400), if any; a card also depends on
// whether its exchange is open. Typing starts a history entry (then
// replaces it) and closes the exchange and the case.
const search = new StatusSearch(input, {
  results,
  status,
  context: () => (hs ? ctxFor() : null),
  key: (view) => (view.kind === 'card' ? `${view.key}:${openExchange}` : view.kind === 'empty' && openCase ? `case:${openCase}` : view.key),
  empty: (ctx) => (openCase ? caseView(ctx, openCase, { headingLevel: 2 }) : null),
  onInput() {
    openExchange = 0;
    openCase = 0;
    setHash(hashFor(input.value), !typingEntry);
    typingEntry = true;
    showCases();
  },
  onUpdate: afterSearch,
});

// The five cases are the front door while nothing is typed.
function showCases() {
  $('cases').hidden = input.value.trim() !== '';
}

/**
 * Asks for the language's text (the descriptions, which a card, a list and
 * a search of words read) the first time something typed needs it; what is
 * shown is made again when it is here.
 */
function wantText() {
  if (!hs || textAsked[lang]) return;
  textAsked[lang] = true;
  hs.ready(lang).then(() => { search.invalidate(); renderLookup(); }, () => { textAsked[lang] = false; });
}

// What the page does around the search's results: the title, the cases, the grid.
function afterSearch(view) {
  const text = view.text.trim();
  if (view.kind !== 'empty') wantText();
  if (view.kind === 'empty') {
    renderCases();
    $('all').hidden = false;
    document.title = openCase ? `${tr(`case_${openCase}`)} → ${openCase} · ${tr('appTitle')}` : tr('appTitle');
  } else if (view.kind === 'error') {
    document.title = `${text} · ${tr('appTitle')}`;
    $('all').hidden = false;
  } else {
    // A list of codes is the overview's own content: the grid below would only repeat it.
    $('all').hidden = view.kind === 'list' && !showAll;
    const e = view.kind === 'card' ? hs.lookup(view.code) : null;
    document.title = view.kind === 'list' ? `${text} · ${tr('appTitle')}` : e ? `${e.code} ${e.phrase} · ${tr('appTitle')}` : tr('appTitle');
  }
}

function renderLookup({ focus = false } = {}) {
  showCases();
  const view = search.update();
  if (!view || !focus) return;
  if (view.kind === 'empty') bringIntoView(results.querySelector('.case-title'), { top: true });
  else if (view.kind !== 'error') bringIntoView(results.querySelector('h2') || results.querySelector('a'));
}

/**
 * Focuses target (a heading becomes focusable) and, when its top is not on
 * screen, scrolls it to the top: a card opened from the grid shows its
 * number and title, not its middle. opts.top scrolls it to the top in any
 * case (a case run: its answer and trace need the screen).
 */
function bringIntoView(target, { top = false } = {}) {
  if (!target) return;
  if (/^H\d$/.test(target.tagName)) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  const box = target.closest('.card, .case-run') || target;
  const y = box.getBoundingClientRect().top;
  if (top || y < 0 || y > window.innerHeight - 120) box.scrollIntoView({ block: 'start' });
}

function renderGrid() {
  $('grid').replaceChildren(grid(ctxFor(), { headingLevel: 3 }));
}

/* ---- send ------------------------------------------------------------- */

const utf8 = new TextEncoder();

/** Percent-encodes bytes for the URL, keeping unreserved characters readable. */
function encodeBytes(raw) {
  const bytes = typeof raw === 'string' ? utf8.encode(raw) : raw;
  let s = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    s += /[A-Za-z0-9\-._~/:]/.test(c) && b < 0x80 ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return s;
}

/** Percent-decoding to bytes (not to a string: the request may hold any bytes). */
function decodeBytes(s) {
  const out = [];
  let run = ''; // unescaped text, encoded as a whole so surrogate pairs stay together
  const flush = () => {
    for (const b of utf8.encode(run)) out.push(b);
    run = '';
  };
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%' && /^[0-9a-f]{2}$/i.test(s.slice(i + 1, i + 3))) {
      flush();
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      run += s[i];
    }
  }
  flush();
  return new Uint8Array(out);
}

// The send panel's history: picking a preset, editing the request or the
// server state replaces the current entry; a send adds one. Each entry keeps
// the panel's snapshot in history.state, so Back, Forward and reload put the
// screen back without sending anything again. A link (no snapshot yet)
// carries the request and the server state, or a preset's code; opening it
// sends it once, in place of the entry.

// The send panel's module loads on first use: the lookup view does not need it.
let sendModule = null;
// Where a service worker answers ./sim/ (the static site), the panel can let
// the browser itself send the request; that module loads only there.
const loadSend = () => (sendModule ??= Promise.all([
  import('./send.js'),
  navigator.serviceWorker && navigator.serviceWorker.controller ? import('./browser-send-view.js') : null,
]).then(([send, via]) => ({ ...send, browserSendControl: via && via.browserSendControl })));

/** The hash that reproduces link ({ code } or { raw, state }); a huge request stays out of the address bar. */
function sendHash(link) {
  if (!link) return '#send';
  if (link.code) return `#send?code=${link.code}`;
  if (!link.raw || link.raw.length === 0) return '#send';
  const enc = encodeBytes(link.raw);
  if (enc.length > 16384) return '#send';
  const state = link.state && Object.keys(link.state).length ? `&state=${encodeURIComponent(JSON.stringify(link.state))}` : '';
  return `#send?raw=${enc}${state}`;
}

let replaceTimer = 0;
/** Writes the panel's snapshot into the current entry (now, or after a pause in typing). */
function replaceSendEntry({ now = false } = {}) {
  clearTimeout(replaceTimer);
  replaceTimer = 0;
  const write = () => {
    replaceTimer = 0;
    if (!panel || views.send.hidden) return;
    history.replaceState({ send: panel.snapshot() }, '', sendHash(panel.link()));
  };
  if (now) write();
  else replaceTimer = setTimeout(write, 300);
}
window.addEventListener('pagehide', () => { if (replaceTimer) replaceSendEntry({ now: true }); });

function buildPanel({ sendPanel, browserSendControl }) {
  panel = sendPanel({ ...ctxFor(), browserSend: browserSendControl }, {
    headingLevel: 3,
    onChange() { replaceSendEntry(); },
    onSend(raw, before) {
      // The entry being left keeps what was on screen before the send.
      clearTimeout(replaceTimer);
      replaceTimer = 0;
      history.replaceState({ send: before }, '', sendHash(before.link));
      history.pushState({ send: panel.snapshot() }, '', sendHash(panel.link()));
    },
  });
  $('send').replaceChildren(panel.el);
}

async function renderSend(params, { focus = null } = {}) {
  if (!hs || !runner) return; // built once the second module is here (route() runs again then)
  const mod = await loadSend();
  if (!panel) buildPanel(mod);
  const snap = history.state && history.state.send;
  if (snap) {
    panel.restore(snap);
  } else {
    const raw = params.has('raw') ? rawFromHash() : null;
    if (raw) {
      let state = null;
      try { state = JSON.parse(params.get('state') || 'null'); } catch { state = null; }
      panel.loadRaw(raw.every((b) => b < 0x80) ? new TextDecoder().decode(raw) : raw, state);
    } else if (params.get('code')) {
      panel.loadExample(Number(params.get('code')));
    }
    history.replaceState({ send: panel.snapshot() }, '', location.hash === '#send' ? sendHash(panel.link()) : location.hash);
  }
  if (focus === 'editor') panel.focusEditor();
  else if (focus === 'view') { const hd = $('send-h'); hd.tabIndex = -1; hd.focus(); }
}

function rawFromHash() {
  // Read raw= from the hash by hand: URLSearchParams would decode it as UTF-8 and lose bytes.
  const m = /[?&]raw=([^&]*)/.exec(location.hash);
  return m ? decodeBytes(m[1]) : null;
}

/* ---- the "Check a response" tab (lint-panel.js, loaded on first use) ---- */

let lintModule = null;
let lintView = null;
let lintHash = '';

/** The address of the tab with response (and request) in it; a huge one opens it empty. */
function lintHref(response, request = '') {
  const q = new URLSearchParams({ response });
  if (request) q.set('request', request);
  const href = `#lint?${q}`;
  return href.length <= 16384 ? href : '#lint';
}

async function renderLint(params) {
  if (!hs) return; // route() runs again once the engine is here
  // The panel and the linter (the engine's third module, lint.wasm) load on the first visit.
  lintModule ??= Promise.all([import('./lint-panel.js'), hs.ready('lint')]).catch((err) => {
    lintModule = null;
    status.textContent = `${tr('loadFailed')} (${err && err.message ? err.message : err})`;
    return null;
  });
  const got = await lintModule;
  if (!got) return;
  const [{ lintPanel }] = got;
  if (!lintView) {
    lintView = lintPanel({ hs, lang }, {
      onChange(response, request) {
        lintHash = response ? lintHref(response, request) : '#lint';
        if (location.hash !== lintHash && !views.lint.hidden) setHash(lintHash, false);
      },
    });
    $('lint').replaceChildren(lintView.el);
  }
  if (location.hash !== lintHash) {
    lintHash = location.hash;
    lintView.load(params.get('response') || '', params.get('request') || '');
  }
}

/* ---- events ----------------------------------------------------------- */

input.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter') {
    typingEntry = false;
    // Enter moves into the results: the first code of a list, or the card's heading.
    const first = results.querySelector('.list a') || results.querySelector('.card h2');
    if (first) {
      if (first.tagName === 'H2') first.tabIndex = -1;
      first.focus();
    }
  } else if (ev.key === 'Escape' && input.value) {
    input.value = '';
    input.dispatchEvent(new Event('input'));
  }
});

// Where focus goes after a navigation depends on what started it.
let navFrom = null;
document.addEventListener('click', (ev) => {
  const a = ev.target.closest && ev.target.closest('a[href^="#"]');
  navFrom = !a ? null : a.closest('.tabs') ? 'view' : /^#send\?code=/.test(a.getAttribute('href')) ? 'editor' : true;
}, true);

function onNavigate() {
  if (routed.href === location.href && routed.state === history.state) return;
  typingEntry = false;
  const from = navFrom;
  navFrom = null;
  route({ focus: from || document.activeElement !== input });
  routed = { href: location.href, state: history.state };
}
window.addEventListener('hashchange', onNavigate);
window.addEventListener('popstate', onNavigate);

// A switch waits for the other language's words (loaded on the first one),
// so nothing shows a key; clicks made meanwhile switch in turn.
let switching = Promise.resolve();
$('lang').addEventListener('click', () => {
  switching = switching.then(() => loadStrings(lang === 'ko' ? 'en' : 'ko')).then(switchLang, () => {});
});

function switchLang() {
  lang = lang === 'ko' ? 'en' : 'ko';
  try { localStorage.setItem('hs-lang', lang); } catch { /* private mode */ }
  applyStrings();
  search.invalidate();
  // the other language's descriptions load on the first switch that needs them: shown again when here
  if (input.value.trim() !== '') wantText();
  if (hs) {
    renderGrid();
    const snap = panel && panel.snapshot ? panel.snapshot() : null;
    panel = null;
    if (!views.send.hidden || snap) {
      loadSend().then((mod) => {
        buildPanel(mod);
        if (snap) panel.restore(snap);
      });
    }
    if (lintView) {
      const { response, request } = lintView.values();
      lintView = null;
      lintHash = '';
      if (!views.lint.hidden) renderLint(new URLSearchParams({ response, request }));
    }
    renderLookup();
  }
}

/* ---- start ------------------------------------------------------------ */

// What is typed before the engine is ready stays in the input; the status line says why nothing shows yet.
stringsLoad.then(() => {
  applyStrings();
  if (!hs) status.textContent = tr('loading');
}, () => {});
const r0 = parseHash();
if (r0.view === 'lookup' && r0.query) input.value = r0.query;
showView(r0.view);
// autofocus focuses it at the first frame, unless something kept it from
// doing so: then this does, in that frame, if nothing else has focus.
// (Focusing it now would lay the page out at once, on its own, ahead of the
// fetches the first view waits for: about 30 ms of a cold load here.)
requestAnimationFrame(() => { if (r0.view === 'lookup' && (!document.activeElement || document.activeElement === document.body)) input.focus(); });

// The first module and the page's language (asked for at the top), once
// the page's words are here: enough to look up. The second module
// (exchanges, the send panel, the Flask handlers) loads right after, with
// the exchange views (render-exchange.js) and the server's session state
// (runner.js): a card in the meantime has neither.
stringsLoad.catch(() => {}).then(() => engineLoad).then((engine) => {
  hs = engine;
  status.textContent = '';
  route();
  document.documentElement.dataset.ready = 'true';
  performance.mark('hs-ready');
  // The overview sits below the fold: build it once the input is ready (at once for #all).
  if (location.hash === '#all') { renderGrid(); route(); } else requestAnimationFrame(() => setTimeout(renderGrid, 0));
  // A Korean page tells its exchanges in Korean: the server's Korean comes with the module.
  Promise.all([hs.ready('http', ...(lang === 'ko' ? ['server-ko'] : [])), import('./runner.js'), import('./render-exchange.js')]).then(([, { makeRunner }]) => {
    runner = makeRunner(hs);
    search.invalidate();
    // What is on screen is made again with its exchanges. A link focused in
    // it keeps focus (the same href in the new view); other focus inside it
    // (a case or a card opened meanwhile) goes where a route puts it.
    const was = document.activeElement;
    const inside = results.contains(was);
    const href = inside && was.matches('a[href]') ? was.getAttribute('href') : null;
    route({ focus: inside && href === null });
    const again = href === null ? null : [...results.querySelectorAll('a[href]')].find((a) => a.getAttribute('href') === href);
    if (again) again.focus();
    else if (href !== null) route({ focus: true });
    document.documentElement.dataset.http = 'true';
  }, (err) => { status.textContent = `${tr('loadFailed')} (${err && err.message ? err.message : err})`; });
}, (err) => {
  status.classList.remove('sr-only');
  status.textContent = `${tr('loadFailed')} (${err && err.message ? err.message : err})`;
  document.documentElement.dataset.ready = 'error';
});
