// render.js — the module that turns the first module's output into DOM: the
// card, the ranked list, the overview grid, a status badge and the article's
// cases. The views that need the second module (raw messages, exchanges, the
// example and the Flask handler) are render-exchange.js, which registers
// them here when it loads: until then a card has no "See the exchange" and
// no handler, and a case says its exchange is not here yet. The page
// (app.js), the custom elements (widget.js) and the send panel (send.js)
// build from the two.
//
// Everything is built with DOM nodes and textContent: no HTML string ever
// holds engine output or anything a person typed.
//
// ctx, passed to every builder:
//   hs      the engine (engine.js load())
//   lang    'en' | 'ko'
//   link    (code, ...children) => element that shows `code` when activated
//   runner  an exchange runner (runner.js makeRunner) shared by the views of one page or element
//           (a card shows its exchange once render-exchange.js is loaded too)

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

// The views render-exchange.js registers: { exampleView, handlerBlock }, or null before it loads.
let exchangeViews = null;

/** Called by render-exchange.js when it loads: cards and cases built from then on show exchanges and handlers. */
export function useExchangeViews(views) {
  exchangeViews = views;
}

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

export function ruleNode(rule) {
  if (!rule) return null;
  const url = ruleUrl(rule);
  return url ? h('a', { class: 'rule', href: url, rel: 'noopener', target: '_blank' }, rule) : h('span', { class: 'rule' }, rule);
}

const classOf = (code) => Math.floor(code / 100);

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
    if (!open) slot.append(exchangeViews.exampleView(ctx, code, { headingLevel: level }));
    if (ctx.onExchangeToggle) ctx.onExchangeToggle(code, !open);
  });
  const actions = h('div', { class: 'actions' }, btn);
  if (ctx.sendHref) actions.append(h('a', { class: 'btn ghost', href: ctx.sendHref(code) }, tr(ctx, 'editRequest')));
  return { nodes: [actions, slot], open: () => btn.click() };
}

/**
 * What make() builds from a part the engine loads on first use
 * (hs.ready(part)): at once when the part is here, else an empty, hidden
 * slot (attrs), filled in place when it arrives (focus and scroll stay
 * where they are) and removed if it cannot load. make() returns a node or null.
 */
export function partSlot(ctx, part, make, attrs = {}) {
  const { hs } = ctx;
  if (typeof hs.ready !== 'function' || hs.isReady(part)) return make();
  const slot = h(attrs.tag || 'div', { ...attrs, tag: undefined, hidden: true, 'aria-busy': 'true' });
  hs.ready(part).then(() => {
    const node = make();
    if (node) slot.replaceWith(node); else slot.remove();
  }, () => slot.remove());
  return slot;
}

// The framework table's place in a card (the 'frameworks' part). null when
// there is nothing to show.
function frameworksPart(ctx, e, level) {
  if (e.frameworks !== null) return frameworksTable(ctx, e, level);
  return partSlot(ctx, 'frameworks', () => frameworksTable(ctx, ctx.hs.lookup(e.code), level), { tag: 'section', class: 'frameworks', part: 'frameworks' });
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
  if (exchange && ctx.runner && exchangeViews) {
    const actions = exchangeActions(ctx, e.code, headingLevel + 1);
    art.append(...actions.nodes);
    if (ctx.openExchange === e.code) actions.open();
  }
  const handler = withHandler && exchangeViews ? exchangeViews.handlerBlock(ctx, e.code, headingLevel + 1) : null;
  if (handler) art.append(handler);
  return art;
}

function registryChip(ctx, e) {
  const label = tr(ctx, 'reg_' + e.registry);
  const extra = [e.expired ? tr(ctx, 'expired') : '', e.deprecated ? tr(ctx, 'deprecated') : ''].filter(Boolean);
  return h('span', { class: `chip reg ${e.registry}`, part: 'registry' }, extra.length ? `${label} · ${extra.join(' · ')}` : label);
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

/* ---- a status, the article's cases -------------------------------------- */

/** A status in its class colour: code and phrase. */
export function statusBadge(ctx, status, phrase) {
  const cls = status >= 100 && status <= 599 ? classOf(status) : 0;
  return h('span', { class: `status c${cls}`, part: 'status' },
    h('span', { class: 'code' }, String(status)), ' ', h('span', { lang: 'en' }, phrase || ctx.hs.phrase(status) || ''));
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
  // (the exchange and the handler come with render-exchange.js)
  sec.append(exchangeViews ? exchangeViews.exampleView(ctx, code, { headingLevel: headingLevel + 1 }) : h('p', { class: 'muted' }, tr(ctx, 'notYet')));
  const handler = exchangeViews ? exchangeViews.handlerBlock(ctx, code, headingLevel + 2, { naiveOpen: true }) : null;
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
