// widget.js — the custom elements, as classes with no side effects:
//
//   <http-status-explorer code="404" view="card|exchange|full" lang="ko">
//   <http-status-badge code="404">
//
// Register them with define.js (or HttpStatusExplorerElement.define()).
// Each renders into an open shadow root with constructed stylesheets,
// adopted, so nothing leaks into the document and a strict CSP is respected.
// Until an element has what it shows, and if that cannot load, it shows its
// light-DOM children: the author's fallback. Every element on a page shares
// one engine instance (engine.js load()).
//
// This module is small on purpose, so a page with a few badges stays light:
// a badge draws its code and phrase from the wasm-free table
// (status-codes.js) with the theme stylesheet alone; the renderer, the
// engine and the code's text load when its popover first opens
// (badge-popover.js; hovering or focusing the badge fetches that module's
// code early, no text). An explorer loads its
// view (explorer-view.js) and the engine when it is connected.

import { statusCodes } from './status-codes.js';
import { elementStrings, pickLang } from './element-strings.js';
import { themeCss } from './theme-css.js';

const VIEWS = ['card', 'exchange', 'full'];

/** Returns a function that makes a constructed stylesheet of css on first use and the same one after. */
function lazySheet(css) {
  let made = null;
  return () => {
    if (!made) {
      made = new CSSStyleSheet();
      made.replaceSync(css);
    }
    return made;
  };
}

const blockSheet = lazySheet(':host { display: block; margin: 1rem 0; } :host([hidden]) { display: none; }');
const themeSheet = lazySheet(themeCss);
const badgeSheet = lazySheet(`
:host { display: inline; margin: 0; }
.badge { font: inherit; font-size: .9em; line-height: 1.3; display: inline-flex; align-items: baseline; gap: .35em; cursor: pointer;
  color: var(--_fg); background: color-mix(in srgb, var(--cls) 10%, transparent); border: 1px solid color-mix(in srgb, var(--cls) 50%, transparent);
  border-radius: 6px; padding: 0 .4em; vertical-align: baseline; }
.badge:hover { background: color-mix(in srgb, var(--cls) 18%, transparent); }
.badge .code { font-family: var(--_mono); font-weight: 700; color: var(--cls); white-space: nowrap; }
/* The popover that says its card could not load: badge-popover.js (which
** places the card) may be what failed, so it is styled here, in a box of its
** own, and placed under the badge it is anchored to (showPopover's source)
** where the browser can (else the browser centres it). */
.pop:has(> .failed) { max-width: min(34rem, calc(100vw - 1rem)); padding: .8rem 1rem; color: var(--_fg); background: var(--_bg);
  border: 1px solid var(--_line); border-radius: var(--_radius); box-shadow: 0 10px 30px rgb(0 0 0 / .18); }
@supports (position-area: bottom) {
  .pop:has(> .failed) { inset: auto; margin: 6px 0 0; position-area: bottom span-right; position-try-fallbacks: flip-block; }
}
.failed { margin: 0 0 .6rem; }
`);

/** The language of an element: its own or nearest lang attribute, else the browser's. */
function langOf(el) {
  const own = el.closest('[lang]');
  const tag = (own && own.getAttribute('lang')) || document.documentElement.lang || navigator.language;
  return pickLang(tag);
}

/** Returns a new element with attributes attrs and the given children (strings as text). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

// The wasm-free table, by code: every code the engine knows by name.
let byCode = null;
function tableEntry(code) {
  if (!byCode) byCode = new Map(statusCodes.map((e) => [e.code, e]));
  return byCode.get(code);
}

// Where there is no DOM (Node, server-side rendering) the module still loads,
// so its classes can be imported; they are usable only in a browser.
const ElementBase = globalThis.HTMLElement || class {};

class Base extends ElementBase {
  static define(tag, registry = customElements) {
    registry.define(tag, this);
    return this;
  }

  constructor() {
    super();
    this._root = this.attachShadow({ mode: 'open' });
    this._root.append(el('slot'));
    this._ready = false;
    this._queued = false;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue) this._update();
  }

  /** Coalesces attribute changes into one render per microtask, once the element can render. */
  _update() {
    if (this._queued || !this._ready || !this.isConnected) return;
    this._queued = true;
    queueMicrotask(() => {
      this._queued = false;
      this._render();
    });
  }

  get code() {
    const n = Number(this.getAttribute('code'));
    return Number.isInteger(n) && n >= 100 && n <= 599 ? n : null;
  }

  set code(v) {
    if (v == null) this.removeAttribute('code');
    else this.setAttribute('code', String(v));
  }

  /** The element's language now ('en' or 'ko'). */
  get _lang() {
    return langOf(this);
  }
}

/**
 * <http-status-explorer>: the page's functionality in an element.
 *
 * @attr code  a status code to show (100–599)
 * @attr view  "card" (default) | "exchange" | "full" (search, card, exchange, send panel)
 * @attr lang  "en" | "ko" (default: nearest lang attribute, then the browser)
 * @attr handler  "none" leaves the Flask handler block out of the card
 * @fires http-status-change  { detail: { code } } when the person picks another code
 * @csspart root card code phrase class registry description facts list exchange raw trace follow-up input button
 * @cssprop --http-status-font --http-status-mono --http-status-bg --http-status-fg --http-status-muted
 *          --http-status-border --http-status-panel --http-status-accent --http-status-radius
 *          --http-status-1xx … --http-status-5xx
 */
export class HttpStatusExplorerElement extends Base {
  static get observedAttributes() { return ['code', 'view', 'lang', 'heading-level', 'handler']; }

  static define(tag = 'http-status-explorer', registry = customElements) {
    return super.define(tag, registry);
  }

  constructor() {
    super();
    this._root.adoptedStyleSheets = [blockSheet()];
  }

  connectedCallback() {
    // The view's modules and the engine (the first module, then this
    // element's language and the second module), fetched together.
    import('./explorer-view.js').then((view) => view.prepare(this)).then((view) => {
      this._view = view;
      this._ready = true;
      this._update();
    }, () => { /* keep the fallback content */ });
  }

  get view() {
    const v = this.getAttribute('view');
    return VIEWS.includes(v) ? v : 'card';
  }

  set view(v) {
    this.setAttribute('view', v);
  }

  get headingLevel() {
    const n = Number(this.getAttribute('heading-level'));
    return n >= 2 && n <= 5 ? n : 3;
  }

  /** Picks code as if the person had: updates the attribute and fires http-status-change. */
  _pick(code) {
    if (code === this.code) return;
    this.code = code;
    this.dispatchEvent(new CustomEvent('http-status-change', { bubbles: true, composed: true, detail: { code } }));
  }

  _render() {
    this._dropSearch();
    this._view.render(this);
  }

  disconnectedCallback() {
    this._dropSearch();
  }

  /** Stops the search box's behaviour (it is made again on the next render). */
  _dropSearch() {
    if (this._searchBox) this._searchBox.destroy();
    this._searchBox = null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    // A code picked from the search box is already shown: keep the input as typed.
    if (name === 'code' && this._silent) { this._silent = false; return; }
    this._update();
  }
}

/**
 * <http-status-badge code="404">: an inline badge (code and phrase in the
 * class colour) that opens the card in a popover.
 *
 * @attr code  the status code
 * @attr lang  "en" | "ko"
 * @attr handler  "none" leaves the Flask handler block out of the card
 * @csspart badge code phrase popover card
 */
export class HttpStatusBadgeElement extends Base {
  static get observedAttributes() { return ['code', 'lang', 'handler']; }

  static define(tag = 'http-status-badge', registry = customElements) {
    return super.define(tag, registry);
  }

  constructor() {
    super();
    this._root.adoptedStyleSheets = [themeSheet(), badgeSheet()];
    this._ready = true; // the table is here: nothing to wait for
  }

  connectedCallback() {
    this._update();
  }

  /**
   * What the badge shows of its code: { phrase, ko, class } from the table,
   * or, for a code in 100–599 the table does not name (an unassigned one),
   * from the engine's lookup: null while the engine loads (the badge renders
   * again when it is here) and for no code.
   */
  _entry(code) {
    const row = tableEntry(code);
    if (row) return { phrase: row.phrase, ko: row.titleKo, class: Math.floor(code / 100) };
    if (code == null) return null;
    if (this._hs) {
      const e = this._hs.lookup(code);
      return e && { phrase: e.phrase, ko: e.title && e.title.ko, class: e.class };
    }
    if (!this._loading) {
      this._loading = import('./engine.js').then(({ load }) => load(undefined, { ready: [] }))
        .then((hs) => { this._hs = hs; this._update(); }, () => { /* keep the fallback content */ });
    }
    return null;
  }

  _render() {
    const code = this.code;
    const e = this._entry(code);
    if (!e) { this._root.replaceChildren(el('slot')); return; }
    const lang = this._lang;
    const name = lang === 'ko' && e.ko ? e.ko : e.phrase;
    const codeSpan = el('span', { class: 'code', part: 'code' }, String(code));
    const phrase = el('span', { class: 'bphrase', part: 'phrase' }, name);
    const btn = el('button', { type: 'button', class: `badge c${e.class}`, part: 'badge', popovertarget: 'pop', 'aria-haspopup': 'dialog',
      title: elementStrings[lang].badgeOpen(code, name), lang },
    // In Korean the code comes last, so a particle the author writes after the
    // badge follows the number in the code attribute (503과, 404와), whatever the title.
    ...(lang === 'ko' ? [phrase, ' ', codeSpan] : [codeSpan, ' ', phrase]));
    const pop = el('div', { class: 'pop hs-ui', part: 'popover', popover: 'auto', role: 'dialog', 'aria-label': `${code} ${e.phrase}`, id: 'pop' });
    const opts = { code, lang, handler: this.getAttribute('handler') !== 'none' };
    // A hover or focus fetches the popover's modules (code only); the first
    // open fetches the code's facts and builds the card (its opening is put
    // off until then, and done again), and after that the popover opens at
    // once. If the card cannot be built, the popover opens with a line that
    // says so, and the next open tries again.
    let filling = null;
    let filled = false;
    const fill = () => {
      if (!filling) {
        filling = import('./badge-popover.js').then((m) => m.fillPopover(this, pop, btn, opts)).then(() => { filled = true; });
        filling.catch(() => { filling = null; });
      }
      return filling;
    };
    const prefetch = () => { import('./badge-popover.js').catch(() => { /* the open tries again */ }); };
    btn.addEventListener('pointerenter', prefetch, { once: true });
    btn.addEventListener('focus', prefetch, { once: true });
    let failed = false; // the popover is being opened with the line saying the card could not load
    pop.addEventListener('beforetoggle', (ev) => {
      if (ev.newState !== 'open' || filled || failed) { failed = false; return; }
      ev.preventDefault();
      const show = () => { if (pop.isConnected && !pop.matches(':popover-open')) pop.showPopover({ source: btn }); };
      fill().then(show, () => {
        if (!pop.isConnected) return;
        const close = el('button', { type: 'button', class: 'close' }, elementStrings[lang].close);
        close.addEventListener('click', () => { pop.hidePopover(); btn.focus(); });
        pop.replaceChildren(el('p', { class: 'failed', part: 'card' }, elementStrings[lang].loadFailed(code)), close);
        pop.addEventListener('toggle', (e) => { if (e.newState === 'open' && close.isConnected) close.focus(); }, { once: true });
        failed = true;
        show();
        failed = false;
      });
    });
    this._root.replaceChildren(el('span', { class: 'hs-ui', lang }, btn), pop);
  }
}
