// render.js — the one module that turns engine output into DOM: the card,
// the ranked list, the overview grid, raw HTTP messages and the exchange
// view. The page (app.js), the custom elements (widget.js) and the send
// panel (send.js) build from it.
//
// Everything is built with DOM nodes and textContent: no HTML string ever
// holds engine output or anything a person typed.
//
// ctx, passed to every builder:
//   hs      the engine (engine.js load())
//   lang    'en' | 'ko'
//   link    (code, ...children) => element that shows `code` when activated
//   runner  an exchange runner (runner.js makeRunner) shared by the views of one page or element

import { t } from './ui-strings.js';

/** Returns a new element: props set attributes (class, text, on*), children are appended (strings as text). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const key of Object.keys(props)) {
      const v = props[key];
      if (v == null || v === false) continue;
      if (key === 'text') el.textContent = v;
      else if (key === 'class') el.className = v;
      else if (key.startsWith('on')) el.addEventListener(key.slice(2), v);
      else el.setAttribute(key, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat(Infinity)) if (c != null && c !== false) el.append(c);
  return el;
}

/** Returns the text of an {en, ko} object in lang (English when the Korean is missing or empty). */
export function L(obj, lang) {
  if (obj == null) return '';
  if (typeof obj === 'string') return obj;
  return (lang === 'ko' && obj.ko) || obj.en || '';
}

const tr = (ctx, key, ...a) => t(ctx.lang, key, ...a);

let uid = 0;
const nextId = (p) => `${p}-${++uid}`;

/** "RFC9110" + "15.5.5" → "RFC 9110 §15.5.5"; a draft name is kept as it is. */
export function refLabel(ref) {
  if (!ref || !ref.doc) return '';
  const doc = ref.doc.replace(/^RFC(\d+)$/, 'RFC $1');
  return ref.section ? `${doc} §${ref.section}` : doc;
}

/** Returns a URL for a rule such as "RFC 9110 §15.5.6" or "RFC 9112 §2.2", or null. */
export function ruleUrl(rule) {
  const m = /RFC\s?(\d{3,5})(?:\s*§\s*([\d.]+[\d]))?/.exec(rule || '');
  if (!m) return null;
  return `https://www.rfc-editor.org/rfc/rfc${m[1]}${m[2] ? `#section-${m[2]}` : ''}`;
}

function ruleNode(rule) {
  if (!rule) return null;
  const url = ruleUrl(rule);
  return url ? h('a', { class: 'rule', href: url, rel: 'noopener', target: '_blank' }, rule) : h('span', { class: 'rule' }, rule);
}

const classOf = (code) => Math.floor(code / 100);

/** The article's five problem cases, by the status each one ends in. */
export const CASES = [400, 401, 403, 404, 500];

/* ---- card ------------------------------------------------------------- */

/** The small "4xx · Client Error" chip in the class colour. */
export function classChip(ctx, entry) {
  return h('span', { class: `chip cls c${entry.class}`, part: 'class' },
    `${entry.class}xx · ${L(entry.className, ctx.lang)}`);
}

function yesNo(ctx, v) {
  return tr(ctx, v ? 'yes' : 'no');
}

function fact(dl, label, ...value) {
  dl.append(h('div', { class: 'fact' }, h('dt', null, label), h('dd', null, ...value)));
}

// The card's header: code, phrase (the Korean title first in Korean), class and registry chips.
function cardHead(ctx, e, headingLevel, headId) {
  const koTitle = ctx.lang === 'ko' && e.title && e.title.ko && e.title.ko !== e.phrase ? e.title.ko : '';
  return h('header', { class: 'card-head' },
    h('span', { class: 'code', part: 'code' }, String(e.code)),
    h('div', { class: 'head-text' },
      h(`h${headingLevel}`, { class: 'phrase', part: 'phrase', id: headId },
        koTitle ? h('span', { lang: 'ko' }, koTitle) : h('span', { lang: 'en' }, e.phrase)),
      koTitle ? h('p', { class: 'sub', lang: 'en' }, e.phrase) : null,
      h('p', { class: 'chips' }, classChip(ctx, e), ' ', registryChip(ctx, e))));
}

// The card's facts, one <dt>/<dd> pair each.
function cardFacts(ctx, e) {
  const { lang } = ctx;
  const dl = h('dl', { class: 'facts', part: 'facts' });
  if (e.reference) {
    fact(dl, tr(ctx, 'definedIn'), e.reference.url
      ? h('a', { href: e.reference.url, rel: 'noopener', target: '_blank' }, refLabel(e.reference))
      : refLabel(e.reference));
  }
  if (e.iana && e.iana.description && e.iana.description !== e.phrase) {
    fact(dl, tr(ctx, 'ianaRow'), h('span', { lang: 'en' }, `${e.iana.description} ${e.iana.reference || ''}`.trim()));
  }
  if (e.origin) fact(dl, tr(ctx, 'origin'), h('span', { lang: 'en' }, e.origin));
  if (e.registry === 'unassigned' && e.treatedAs) {
    fact(dl, tr(ctx, 'treatedAs'), ctx.link(e.treatedAs, String(e.treatedAs)), ' — ', tr(ctx, 'treatedAsText', e.treatedAs));
  }
  if (e.interim) fact(dl, tr(ctx, 'interim'), tr(ctx, 'interimYes'));
  fact(dl, tr(ctx, 'contentAllowed'), yesNo(ctx, e.contentAllowed));
  fact(dl, tr(ctx, 'cacheable'), yesNo(ctx, e.cacheableByDefault));
  const fields = e.requiredFields || [];
  fact(dl, tr(ctx, 'requiredFields'), fields.length
    ? h('ul', { class: 'plain' }, fields.map((f) => h('li', null,
      h('code', { class: 'field' }, f.field), ' ', h('span', { class: `level ${f.level.toLowerCase()}` }, f.level === 'NONE' ? tr(ctx, 'levelNone') : f.level),
      L(f.when, lang) ? ` — ${L(f.when, lang)}` : '',
      f.reference ? [' (', h('a', { href: f.reference.url, rel: 'noopener', target: '_blank' }, refLabel(f.reference)), ')'] : null)))
    : tr(ctx, 'none'));
  if (e.redirect) fact(dl, tr(ctx, 'browserNext'), L(e.redirect.explain, lang));
  if (e.retryable) fact(dl, tr(ctx, 'retryable'), tr(ctx, 'retryableYes'));
  if (e.aliases && e.aliases.length) fact(dl, tr(ctx, 'aliases'), h('span', { lang: 'en' }, e.aliases.join(', ')));
  return dl;
}

// What else the same number means (unofficial uses), or null.
function otherMeanings(ctx, e, level) {
  const { lang } = ctx;
  if (!e.otherMeanings || !e.otherMeanings.length) return null;
  return h('section', { class: 'others', part: 'others' },
    h(`h${level}`, null, tr(ctx, 'otherMeanings')),
    h('ul', { class: 'plain' }, e.otherMeanings.map((o) => h('li', null,
      h('strong', { lang: lang === 'ko' && o.title && o.title.ko && o.title.ko !== o.phrase ? 'ko' : 'en' },
        lang === 'ko' && o.title && o.title.ko ? o.title.ko : o.phrase),
      ' ', h('span', { class: 'chip reg unofficial' }, tr(ctx, 'reg_' + o.registry) || o.registry),
      L(o.description, lang) ? h('span', { class: 'om-desc' }, ' ', L(o.description, lang)) : null,
      o.origin ? h('span', { class: 'muted', lang: 'en' }, ' — ', o.origin) : null))));
}

// "In your framework": what each framework calls the code and the phrase it
// sends, as a table (a framework that neither lists the code nor says what it
// sends is left out; an empty phrase, as Kestrel sends for a code it does not
// list, is said as such), with the source each row set was read from.
function frameworksTable(ctx, e, level) {
  const rows = (e.frameworks || []).filter((f) => f.listed || f.phrase !== null);
  if (!rows.length) return null;
  const headId = nextId('hs-fw');
  const code = (text) => {
    if (text === null || text === '') return h('span', { class: 'muted' }, tr(ctx, text === null ? 'fwNone' : 'fwEmpty'));
    return h('code', { lang: 'en' }, text);
  };
  return h('section', { class: 'frameworks', part: 'frameworks' },
    h(`h${level}`, { id: headId }, tr(ctx, 'fwTitle')),
    h('table', { class: 'fw', 'aria-labelledby': headId },
      h('thead', null, h('tr', null, ['fwFramework', 'fwSymbol', 'fwPhrase'].map((k) => h('th', { scope: 'col' }, tr(ctx, k))))),
      h('tbody', null, rows.map((f) => h('tr', null,
        h('th', { scope: 'row', lang: 'en' }, f.name),
        h('td', null, code(f.symbol)),
        h('td', null, code(f.phrase), f.listed ? null : h('span', { class: 'muted' }, ' ', tr(ctx, 'fwNotListed'))))))),
    h('details', null, h('summary', null, tr(ctx, 'fwSources')),
      h('ul', { class: 'plain' }, rows.map((f) => h('li', null, h('strong', { lang: 'en' }, f.name), ': ', h('span', { lang: 'en' }, f.source))))));
}

// "See the exchange" (opening the example in place) and "Edit this request":
// the actions row and the slot the exchange opens in.
function exchangeActions(ctx, code, level) {
  const slot = h('div', { class: 'exchange-slot' });
  const btn = h('button', { type: 'button', class: 'btn', 'aria-expanded': 'false', part: 'button' }, tr(ctx, 'seeExchange'));
  btn.addEventListener('click', () => {
    const open = btn.getAttribute('aria-expanded') === 'true';
    btn.setAttribute('aria-expanded', String(!open));
    btn.textContent = tr(ctx, open ? 'seeExchange' : 'hideExchange');
    slot.replaceChildren();
    if (!open) slot.append(exampleView(ctx, code, { headingLevel: level }));
    if (ctx.onExchangeToggle) ctx.onExchangeToggle(code, !open);
  });
  const actions = h('div', { class: 'actions' }, btn);
  if (ctx.sendHref) actions.append(h('a', { class: 'btn ghost', href: ctx.sendHref(code) }, tr(ctx, 'editRequest')));
  return { nodes: [actions, slot], open: () => btn.click() };
}

// The framework table's place in a card. The table is a part the engine
// loads on first use (hs.ready('frameworks')): until it is here the place
// is an empty, hidden section, filled in place when it arrives (focus and
// scroll stay where they are). null when there is nothing to show.
function frameworksPart(ctx, e, level) {
  const { hs } = ctx;
  if (e.frameworks !== null || typeof hs.ready !== 'function' || hs.isReady('frameworks')) return frameworksTable(ctx, e, level);
  const slot = h('section', { class: 'frameworks', part: 'frameworks', hidden: true, 'aria-busy': 'true' });
  hs.ready('frameworks').then(() => {
    const table = frameworksTable(ctx, hs.lookup(e.code), level);
    if (table) slot.replaceWith(table); else slot.remove();
  }, () => { /* the card stays without the table */ });
  return slot;
}

/**
 * The card of one code: everything the engine says about it, as plain
 * facts. opts.frameworks false leaves the framework table out (and does not
 * load it).
 */
export function card(ctx, code, { headingLevel = 2, exchange = true, handler: withHandler = true, frameworks = true } = {}) {
  const e = ctx.hs.lookup(code);
  if (!e) return h('p', { class: 'error', role: 'status' }, tr(ctx, 'unknownCode'));
  const headId = nextId('hs-card');
  const art = h('article', { class: `card c${e.class}`, part: 'card', 'aria-labelledby': headId, 'data-code': e.code },
    cardHead(ctx, e, headingLevel, headId));
  const desc = L(e.description, ctx.lang);
  if (desc) art.append(h('p', { class: 'desc', part: 'description' }, desc));
  art.append(cardFacts(ctx, e));
  const others = otherMeanings(ctx, e, headingLevel + 1);
  if (others) art.append(others);
  const fw = frameworks ? frameworksPart(ctx, e, headingLevel + 1) : null;
  if (fw) art.append(fw);
  if (exchange && ctx.runner) {
    const actions = exchangeActions(ctx, e.code, headingLevel + 1);
    art.append(...actions.nodes);
    if (ctx.openExchange === e.code) actions.open();
  }
  const handler = withHandler ? handlerBlock(ctx, e.code, headingLevel + 1) : null;
  if (handler) art.append(handler);
  return art;
}

function registryChip(ctx, e) {
  const label = tr(ctx, 'reg_' + e.registry);
  const extra = [e.expired ? tr(ctx, 'expired') : '', e.deprecated ? tr(ctx, 'deprecated') : ''].filter(Boolean);
  return h('span', { class: `chip reg ${e.registry}`, part: 'registry' }, extra.length ? `${label} · ${extra.join(' · ')}` : label);
}

// The route a handler lives on: a path as code, or the engine's two
// placeholders ("(every route)", "(server)") in the reader's language.
function routeLabel(ctx, route) {
  if (route === '(every route)') return tr(ctx, 'routeAny');
  if (route === '(server)') return tr(ctx, 'routeServer');
  return h('code', { class: 'route' }, route);
}

/** The corrected Flask handler for code beside the article's naive one, and the response it yields, when the engine has one. */
function handlerBlock(ctx, code, level, { naiveOpen = false } = {}) {
  const { hs, lang } = ctx;
  let hd;
  try { hd = hs.handler(code, lang); } catch { return null; }
  if (!hd || !hd.corrected) return null;
  const src = (text) => h('pre', { class: 'src', tabindex: '0', lang: 'en' }, h('code', null, text));
  const sec = h('section', { class: 'handler', part: 'handler' }, h(`h${level}`, null, tr(ctx, 'handler'),
    hd.route ? [' ', routeLabel(ctx, hd.route)] : null));
  if (hd.explanation) sec.append(h('p', null, L(hd.explanation, lang)));
  sec.append(src(hd.corrected));
  if (hd.differs && hd.naive) sec.append(h('details', { open: naiveOpen }, h('summary', null, tr(ctx, 'handlerNaive')), src(hd.naive)));
  if (hd.common) sec.append(h('details', null, h('summary', null, tr(ctx, 'handlerCommon')), src(hd.common)));
  if (hd.response && hd.response.raw) {
    sec.append(h('details', null, h('summary', null, tr(ctx, 'handlerYields'), ' ', statusBadge(ctx, hd.response.status, hd.response.phrase)),
      rawMessage(hd.response.raw, { label: tr(ctx, 'handlerYields') })));
  }
  return sec;
}

/* ---- lists ------------------------------------------------------------ */

/** The code's name in the reader's language: the Korean title in Korean when there is one, else the phrase. */
function nameOf(ctx, entry) {
  const ko = ctx.lang === 'ko' && entry.titleKo && entry.titleKo !== entry.phrase ? entry.titleKo : '';
  return ko ? h('span', { lang: 'ko' }, ko) : h('span', { lang: 'en' }, entry.phrase);
}

/** The first sentence of a code's description in lang: its meaning in one line. */
export function firstSentence(text) {
  const m = /^(.+?[.!?。])(\s|$)/.exec(text || '');
  return m ? m[1] : (text || '');
}

/**
 * One row of a list: code in its class colour and its name. opts.meaning
 * adds the one-line meaning; opts.short (the grid) names the code in the
 * reader's language only.
 */
function codeRow(ctx, entry, { meaning = false, short = false } = {}) {
  const ko = ctx.lang === 'ko' && entry.titleKo && entry.titleKo !== entry.phrase ? entry.titleKo : '';
  let line = null;
  if (meaning) {
    const e = ctx.hs.lookup(entry.code);
    const text = e ? firstSentence(L(e.description, ctx.lang)) : '';
    if (text) line = h('span', { class: 'meaning' }, text);
  }
  const a = ctx.link(entry.code,
    h('span', { class: `code c${classOf(entry.code)}` }, String(entry.code)),
    h('span', { class: 'name' }, short ? nameOf(ctx, entry)
      : [h('span', { lang: 'en' }, entry.phrase), ko ? h('span', { class: 'ko', lang: 'ko' }, ko) : null], line),
    entry.registry === 'unofficial' && !meaning ? h('span', { class: 'tag' }, tr(ctx, 'unofficial')) : null);
  a.classList.add('row');
  return a;
}

function catalogEntry(ctx, code) {
  const c = ctx.hs.catalog().find((e) => e.code === code);
  if (c) return c;
  const e = ctx.hs.lookup(code);
  return e && { code, phrase: e.phrase, titleKo: e.title && e.title.ko, registry: e.registry };
}

/**
 * The codes a query matched (best first), as a result to read: a sentence
 * on the class (a range, or a word whose codes share one class), each code
 * with its one-line meaning, and the unofficial codes in their own group
 * after the registered ones. opts: { query, kind, headingLevel }.
 */
export function list(ctx, codes, { query = '', kind = '', headingLevel = 3 } = {}) {
  const entries = codes.map((c) => catalogEntry(ctx, c)).filter(Boolean);
  const official = entries.filter((e) => e.registry !== 'unofficial');
  const unofficial = entries.filter((e) => e.registry === 'unofficial');
  const ol = (group) => h('ol', { class: 'list', part: 'list' }, group.map((e) => h('li', null, codeRow(ctx, e, { meaning: true }))));
  const wrap = h('div', { class: 'matches' });
  const classes = new Set(entries.map((e) => classOf(e.code)));
  if (classes.size === 1 && (kind === 'range' || kind === 'class' || entries.length > 1)) {
    const k = [...classes][0];
    wrap.append(h('p', { class: `class-note c${k}` }, h('strong', { class: 'code' }, `${k}xx`), ' ', tr(ctx, `class_${k}`)));
  } else if (query.trim()) {
    wrap.append(h('p', { class: 'class-note' }, tr(ctx, 'matchesFor', query.trim())));
  }
  if (official.length) wrap.append(ol(official));
  if (unofficial.length) {
    wrap.append(h(`h${headingLevel}`, { class: 'group' }, tr(ctx, 'unofficialGroup')), ol(unofficial));
  }
  return wrap;
}

/** The overview: every code the engine knows, grouped by class. */
export function grid(ctx, { headingLevel = 3 } = {}) {
  const byClass = [[], [], [], [], [], []];
  for (const e of ctx.hs.catalog()) byClass[e.class].push(e);
  const wrap = h('div', { class: 'grid', part: 'grid' });
  for (let k = 1; k <= 5; k++) {
    const any = ctx.hs.lookup(k * 100); // x00 names its class
    const id = nextId('hs-grid');
    wrap.append(h('section', { class: `gclass c${k}`, 'aria-labelledby': id },
      h(`h${headingLevel}`, { id }, h('span', { class: 'code' }, `${k}xx`), ' ', L(any && any.className, ctx.lang)),
      h('ul', { class: 'cells' }, byClass[k].map((e) => h('li', { class: e.registry === 'unofficial' ? 'unofficial' : null }, codeRow(ctx, e, { short: true }))))));
  }
  return wrap;
}

/* ---- raw HTTP messages ---------------------------------------------- */

const utf8 = new TextEncoder();
const lenient = new TextDecoder('utf-8');

/** Returns the string index in text at which byte offset `off` of its UTF-8 encoding falls. */
export function byteToIndex(text, off) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    if (bytes >= off) return i;
    const c = text.codePointAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) i++;
  }
  return text.length;
}

const visible = (ch) => (ch === '\r' ? '\\r' : ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : ch === ' ' ? '\u00a0' : ch);

/**
 * A raw HTTP message (string or bytes) with its start line, field lines and
 * content set apart. errorOffset (a byte offset) underlines the offending byte.
 */
export function rawMessage(raw, { errorOffset = -1, label = '', errorText = '' } = {}) {
  const text = typeof raw === 'string' ? raw : lenient.decode(raw);
  const errAt = errorOffset >= 0 ? (typeof raw === 'string' ? byteToIndex(text, errorOffset) : lenient.decode(raw.subarray(0, errorOffset)).length) : -1;
  const pre = h('pre', { class: 'raw', part: 'raw', tabindex: '0' });
  if (label) pre.setAttribute('aria-label', label);
  // Segments: [start, end, class]; the head ends at the first blank line.
  const segs = [];
  let headEnd = text.indexOf('\r\n\r\n');
  let sepLen = 4;
  if (headEnd < 0) { headEnd = text.indexOf('\n\n'); sepLen = 2; }
  const headLen = headEnd < 0 ? text.length : headEnd;
  let pos = 0;
  let line = 0;
  while (pos < headLen) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl >= headLen) nl = headLen;
    let end = nl;
    if (end > pos && text[end - 1] === '\r' && end !== headLen) end--;
    if (line === 0) segs.push([pos, end, 'sl']);
    else {
      const colon = text.indexOf(':', pos);
      if (colon > pos && colon < end) segs.push([pos, colon, 'fn'], [colon, end, 'fv']);
      else segs.push([pos, end, 'fv']);
    }
    if (end < nl) segs.push([end, nl + 1 <= headLen ? nl + 1 : nl, 'eol']);
    else if (nl < headLen) segs.push([nl, nl + 1, 'eol']);
    pos = nl === headLen ? headLen : nl + 1;
    line++;
  }
  if (headEnd >= 0) {
    segs.push([headLen, headLen + sepLen, 'eol blank']);
    if (headLen + sepLen < text.length) segs.push([headLen + sepLen, text.length, 'bd']);
  }
  for (const [s, e, cls] of segs) {
    const last = e >= text.length;
    if (errAt >= s && errAt < e) {
      if (errAt > s) pre.append(...[seg(text.slice(s, errAt), cls, false)].flat());
      const bad = text.slice(errAt, errAt + (text.codePointAt(errAt) > 0xffff ? 2 : 1));
      pre.append(h('mark', { class: 'bad', part: 'error-byte', title: errorText || null }, visible(bad)));
      if (bad === '\n' || (bad === '\r' && text[errAt + 1] !== '\n')) pre.append('\n');
      if (errAt + bad.length < e) pre.append(...[seg(text.slice(errAt + bad.length, e), cls, last)].flat());
    } else {
      pre.append(...[seg(text.slice(s, e), cls, last)].flat());
    }
  }
  if (errAt >= text.length && errorOffset >= 0) pre.append(h('mark', { class: 'bad end', part: 'error-byte', title: errorText || null }, '\u00a0'));
  return pre;
}

function seg(text, cls, last) {
  if (cls.startsWith('eol')) {
    // Each line end is shown as the escape it is (\r\n, or a bare \n), then broken for reading.
    const out = [];
    for (const m of text.match(/\r?\n|\r/g) || []) {
      out.push(h('span', { class: 'eol', 'aria-hidden': 'true' }, m.replace('\r', '\\r').replace('\n', '\\n')));
      out.push('\n');
    }
    if (last && out.length) out.pop();
    return out;
  }
  return h('span', { class: cls }, text);
}

/* ---- exchanges -------------------------------------------------------- */

function statusOf(resp) {
  return resp && (resp.status ?? resp.code);
}

/** A status in its class colour: code and phrase. */
export function statusBadge(ctx, status, phrase) {
  const cls = status >= 100 && status <= 599 ? classOf(status) : 0;
  return h('span', { class: `status c${cls}`, part: 'status' },
    h('span', { class: 'code' }, String(status)), ' ', h('span', { lang: 'en' }, phrase || ctx.hs.phrase(status) || ''));
}

/** The parse error of a request simulate() reports ({ status, reason, rule, offset }), or null. */
function requestError(req) {
  const err = req && req.ok === false && req.error;
  if (!err) return null;
  return { offset: typeof err.offset === 'number' ? err.offset : -1, status: err.status, reason: err.reason, rule: err.rule };
}

/** True when req is the content of prev, a request without a length, that the server read as a next request. */
export function isLeftOver(prev, req) {
  return !!(prev && req && prev.ok !== false && prev.framing === 'none' && req.ok === false);
}

/**
 * Renders what simulate() returned for `raw`: the request as sent (with a
 * parse error underlined), then per exchange the interim responses, the
 * final response, the connection, the decision trace and what the client
 * does next.
 */
export function exchangeView(ctx, raw, result, { headingLevel = 3, state, setupNote } = {}) {
  const { lang } = ctx;
  const wrap = h('div', { class: 'exchange', part: 'exchange' });
  if (!result || !Array.isArray(result.exchanges)) {
    const msg = result && result.error ? L(result.error.message || result.error.reason, lang) : tr(ctx, 'notYet');
    wrap.append(rawMessage(raw, { label: tr(ctx, 'request') }), h('p', { class: 'error' }, msg));
    return wrap;
  }
  const Hn = `h${headingLevel}`;
  const Hm = `h${headingLevel + 1}`;
  if (setupNote) wrap.append(setupNote);

  // Each request exactly as sent (pipelined ones split at the offsets the
  // server reports), then what the server answered to it.
  const bytes = typeof raw === 'string' ? utf8.encode(raw) : raw;
  const many = result.exchanges.length > 1;
  const Hx = many ? Hm : Hn;
  const n = result.exchanges.length;
  result.exchanges.forEach((x, i) => {
    const req = x.request || {};
    const off = typeof req.offset === 'number' ? req.offset : 0;
    const len = typeof req.length === 'number' && (many || result.rest) ? req.length : bytes.length - off;
    const slice = off === 0 && len >= bytes.length ? raw : bytes.subarray(off, off + len);
    const shown = Math.min(len, bytes.length - off);
    const reqSec = requestSection(ctx, req, slice, off, shown, Hx);
    // Of several exchanges only the last one's trace is open.
    const sec = responseSection(ctx, x, slice, Hx, i === n - 1);
    if (many) {
      // Content sent without a length is not content to the server: it reads those bytes as the next request.
      const leftover = i > 0 && isLeftOver(result.exchanges[i - 1].request, req);
      const title = leftover ? tr(ctx, 'leftOverTitle', shown) : tr(ctx, 'exchangeN', i + 1);
      wrap.append(h('section', { class: leftover ? 'round leftover' : 'round' }, h(Hn, null, title),
        leftover ? h('p', { class: 'why' }, tr(ctx, 'leftOverWhy')) : null, reqSec, sec));
    } else wrap.append(reqSec, sec);
  });
  if (result.rest && result.rest.bytes) wrap.append(restSection(ctx, result.rest, bytes));
  // The client's next step follows the person's own request when what came after it was its leftover content.
  const xs = result.exchanges;
  const ownLast = xs.length === 2 && isLeftOver(xs[0].request, xs[1].request);
  const last = ownLast ? xs[0] : xs[xs.length - 1];
  // That leftover is the content the client meant: a 411's retry sends it with its length.
  const left = ownLast && xs[1].request;
  const content = left && typeof left.offset === 'number' && typeof left.length === 'number'
    ? lenient.decode(bytes.subarray(left.offset, left.offset + left.length)) : undefined;
  const next = followUpView(ctx, last, state ?? result.state, headingLevel, content);
  if (next) wrap.append(next);
  return wrap;
}

/** The request as sent (slice: its bytes, from byte off of what was sent; shown: how many), its parse error underlined and said. */
function requestSection(ctx, req, slice, off, shown, Hx) {
  const { lang } = ctx;
  const perr = requestError(req);
  const sec = h('section', { class: 'msg req' },
    h(Hx, null, tr(ctx, 'request'), ' ', h('span', { class: 'muted' }, tr(ctx, 'bytes', shown))),
    rawMessage(slice, { errorOffset: perr && perr.offset >= 0 ? perr.offset - off : -1, label: tr(ctx, 'request'), errorText: perr ? L(perr.reason, lang) : '' }));
  if (perr) {
    sec.append(h('p', { class: 'parse-error', role: 'note' },
      h('strong', null, tr(ctx, 'parseError')), perr.offset >= 0 ? ` (${tr(ctx, 'atByte', perr.offset)})` : '', ': ',
      L(perr.reason, lang), perr.rule ? [' ', ruleNode(perr.rule)] : null));
  }
  return sec;
}

/** What the server answered to one request (exchange x; slice: the request's bytes): interim and final responses, the connection, the trace (open when open). */
function responseSection(ctx, x, slice, Hx, open) {
  const { lang } = ctx;
  const sec = h('section', { class: 'msg resp', 'data-status': statusOf(x.response) });
  for (const r of x.interim || []) {
    sec.append(h(Hx, null, tr(ctx, 'interimResponses'), ' ', statusBadge(ctx, statusOf(r), r.phrase)),
      rawMessage(r.raw || '', { label: `${statusOf(r)} ${r.phrase || ''}` }));
  }
  const resp = x.response;
  if (resp) {
    sec.append(h(Hx, { class: 'final' }, tr(ctx, 'response'), ' ', statusBadge(ctx, statusOf(resp), resp.phrase)),
      rawMessage(resp.raw || '', { label: `${tr(ctx, 'response')} ${statusOf(resp)}` }));
    // The page's "Check a response" tab takes the interim and final responses with the request.
    if (ctx.lintHref && resp.raw) {
      const interim = (x.interim || []).map((r) => r.raw || '').join('');
      sec.append(h('p', { class: 'lint-link' }, h('a', { href: ctx.lintHref(interim + resp.raw, typeof slice === 'string' ? slice : lenient.decode(slice)) }, tr(ctx, 'lintThis'))));
    }
  }
  if (x.connection) {
    sec.append(h('p', { class: 'conn' }, h('strong', null, tr(ctx, 'connection'), ': '),
      tr(ctx, x.connection === 'close' ? 'conn_close' : x.connection === 'upgrade' ? 'conn_upgrade' : 'conn_keepalive')));
  }
  if (x.trace && x.trace.length) {
    sec.append(h('details', { class: 'trace', part: 'trace', open: ctx.traceOpen !== false && open },
      h('summary', null, tr(ctx, 'trace')),
      roving(h('ol', { 'aria-label': tr(ctx, 'traceKeys') }, x.trace.map((st) => h('li', null,
        st.step ? h('strong', { class: 'step' }, String(st.step)) : null, st.step ? ' ' : null,
        L(st.detail, lang), st.rule ? [' ', ruleNode(st.rule)] : null,
        st.status ? [' → ', statusBadge(ctx, st.status)] : null))))));
  }
  return sec;
}

/** The bytes the server never read (rest of simulate's result; bytes: all that was sent), the first 4 KiB of them shown. */
function restSection(ctx, rest, bytes) {
  const sec = h('section', { class: 'rest' },
    h('p', { class: 'muted' }, h('strong', null, tr(ctx, 'rest', rest.bytes)), ': ', L(rest.detail, ctx.lang)));
  if (rest.offset < bytes.length) {
    const unread = bytes.subarray(rest.offset, Math.min(bytes.length, rest.offset + 4096));
    const pre = rawMessage(unread, { label: tr(ctx, 'rest', rest.bytes) });
    pre.classList.add('unread');
    sec.append(pre);
  }
  return sec;
}

/**
 * Makes the links inside list one tab stop: Tab reaches the first (or the
 * last one used), the arrow keys, Home and End move between them. A long
 * trace's RFC links would otherwise be twenty stops before the next control.
 */
function roving(list) {
  const links = () => [...list.querySelectorAll('a')];
  const all = links();
  all.forEach((a, k) => { a.tabIndex = k === 0 ? 0 : -1; });
  list.addEventListener('keydown', (ev) => {
    const items = links();
    const at = items.indexOf(ev.target);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: items.length - 1 }[ev.key];
    if (to === undefined || to < 0 || to >= items.length) return;
    ev.preventDefault();
    items[at].tabIndex = -1;
    items[to].tabIndex = 0;
    items[to].focus();
  });
  return list;
}

/** "What the client does next" for the last exchange, with a button that runs it. */
function followUpView(ctx, exchange, state, headingLevel, content) {
  const { hs, lang, runner } = ctx;
  if (!runner || !exchange) return null;
  let f;
  try { f = hs.followUp(exchange, { content }); } catch { f = null; }
  const sec = h('section', { class: 'next', part: 'follow-up' }, h(`h${headingLevel}`, null, tr(ctx, 'followUp')));
  // followUp: { kind, request?, after?, explanation, rule } or null for a final answer.
  const req = f && f.request;
  if (!f || (!req && !L(f.explanation, lang))) {
    // After 101 the connection carries another protocol: there is no next HTTP exchange on it.
    const resp = exchange.response;
    const upgrade = statusOf(resp) === 101 && resp.headers && resp.headers.find(([k]) => k.toLowerCase() === 'upgrade');
    sec.append(h('p', null, statusOf(resp) === 101 ? tr(ctx, 'followUpgraded', upgrade ? upgrade[1] : '') : tr(ctx, 'followDone')));
    return sec;
  }
  const why = L(f.explanation, lang);
  if (why) sec.append(h('p', null, why, f.rule ? [' ', ruleNode(f.rule)] : null));
  if (!req) return sec;
  const slot = h('div', { class: 'next-slot' });
  const btn = h('button', { type: 'button', class: 'btn', part: 'button' }, tr(ctx, 'follow'),
    f.after ? ` (${f.after} s)` : '');
  btn.addEventListener('click', () => {
    btn.disabled = true;
    let s = state;
    if (f.after && s && typeof s === 'object' && typeof s.clock === 'number') {
      // Wait out Retry-After on the virtual clock. "maintenance" is left out:
      // it only restates maintenanceUntil > clock, and re-sending it would
      // start a new maintenance window at the later time.
      const { maintenance, ...rest } = s;
      s = { ...rest, clock: s.clock + f.after };
    }
    const { result, state: after } = runner.follow(req, s, lang);
    slot.replaceChildren(exchangeView(ctx, req, result, { headingLevel, state: after }));
    const first = slot.querySelector('h' + headingLevel);
    if (first) { first.tabIndex = -1; first.focus(); }
  });
  sec.append(btn, slot);
  return sec;
}

/** The example exchange for code: example(code) run on a fresh server. */
export function exampleView(ctx, code, { headingLevel = 3 } = {}) {
  const { runner, lang } = ctx;
  if (!runner) return h('p', { class: 'muted' }, tr(ctx, 'notYet'));
  let ex;
  try { ex = runner.example(code, lang); } catch (err) {
    return h('p', { class: 'error' }, String(err && err.message || err));
  }
  if (!ex.result) return h('p', { class: 'muted' }, L(ex.example && ex.example.explanation, lang) || tr(ctx, 'notYet'));
  const note = [];
  const why = L(ex.example.explanation, lang);
  if (why) note.push(h('p', { class: 'why' }, why));
  const setup = ex.example.setup ? setupText(ctx, ex.example.setup) : '';
  if (setup) note.push(h('p', { class: 'setup muted' }, tr(ctx, 'setup'), ': ', setup));
  return exchangeView(ctx, ex.example.request, ex.result, { headingLevel, state: ex.state, setupNote: note.length ? h('div', null, note) : null });
}

/**
 * One of the article's problem cases, run: what is sent and why, the
 * server's answer with its decision trace, and the Flask handler (corrected
 * and the article's naive one) behind a disclosure. The example runs on a
 * fresh server, so it never touches the send panel's state.
 */
export function caseView(ctx, code, { headingLevel = 2 } = {}) {
  const headId = nextId('hs-case');
  const e = ctx.hs.lookup(code);
  const sec = h('section', { class: `case-run c${classOf(code)}`, 'aria-labelledby': headId, 'data-case': code },
    h(`h${headingLevel}`, { id: headId, class: 'case-title', tabindex: '-1' }, tr(ctx, `case_${code}`), ' → ',
      statusBadge(ctx, code, e && e.phrase)));
  sec.append(exampleView(ctx, code, { headingLevel: headingLevel + 1 }));
  const handler = handlerBlock(ctx, code, headingLevel + 2, { naiveOpen: true });
  if (handler) {
    sec.append(h('details', { class: 'case-handler' }, h('summary', null, tr(ctx, 'caseHandler')), handler));
  }
  const more = h('p', { class: 'actions' });
  if (ctx.sendHref) more.append(h('a', { class: 'btn ghost', href: ctx.sendHref(code) }, tr(ctx, 'editRequest')));
  const all = ctx.link(code, tr(ctx, 'caseCard', code));
  all.classList.add('btn', 'ghost');
  more.append(all);
  sec.append(more);
  return sec;
}

/** The example's setup in words: only what differs from a fresh server. */
function setupText(ctx, setup) {
  const parts = [];
  for (const [k, v] of Object.entries(setup)) {
    if (k === 'reset') continue;
    if (k === 'maintenance') parts.push(`${tr(ctx, 'maintenance')}: ${tr(ctx, v ? 'on' : 'off')}`);
    else if (k === 'upstream') parts.push(`${tr(ctx, 'upstream')}: ${tr(ctx, `up_${v}`)}`);
    else if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v)) parts.push(`${k}.${k2} = ${JSON.stringify(v2)}`);
    else parts.push(`${k} = ${JSON.stringify(v)}`);
  }
  return parts.join(', ');
}
