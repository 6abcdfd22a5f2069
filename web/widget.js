// widget.js — the custom elements, as classes with no side effects:
//
//   <http-status-explorer code="404" view="card|exchange|full" lang="ko">
//   <http-status-badge code="404">
//
// Register them with define.js (or HttpStatusExplorerElement.define()).
// Each renders into an open shadow root with the ONE stylesheet shared with
// the page (render-css.js), adopted, so nothing leaks into the document and a
// strict CSP is respected. Until the engine has loaded, and if it cannot
// load, the element shows its light-DOM children: the author's fallback.
// Every element on a page shares one engine instance (engine.js load()).

import { load } from './engine.js';
import { h, card, exampleView } from './render.js';
import { makeRunner } from './runner.js';
import { StatusSearch } from './search.js';
import { sheet } from './render-css.js';
import { t, pickLang } from './ui-strings.js';

const VIEWS = ['card', 'exchange', 'full'];

let hostSheet = null;
let badgeSheet = null;
function hostStyles() {
  if (!hostSheet) {
    hostSheet = new CSSStyleSheet();
    hostSheet.replaceSync(`
:host { display: block; margin: 1rem 0; }
:host([hidden]) { display: none; }
.root { display: grid; gap: .75rem; }
.search-label { font-weight: 600; }
.search { font-size: 1.0625rem !important; padding: .55rem .8rem !important; border-radius: 10px !important; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.badge { font: inherit; font-size: .9em; line-height: 1.3; display: inline-flex; align-items: baseline; gap: .35em; cursor: pointer;
  color: var(--_fg); background: color-mix(in srgb, var(--cls) 10%, transparent); border: 1px solid color-mix(in srgb, var(--cls) 50%, transparent);
  border-radius: 6px; padding: 0 .4em; vertical-align: baseline; }
.badge:hover { background: color-mix(in srgb, var(--cls) 18%, transparent); }
.badge .code { font-family: var(--_mono); font-weight: 700; color: var(--cls); }
.pop { margin: 0; inset: auto; position: absolute; width: min(34rem, calc(100vw - 1rem)); max-height: min(32rem, 80vh); overflow: auto;
  padding: 0; border: 0; background: transparent; color: var(--_fg); font: inherit; }
.pop .card { box-shadow: 0 10px 30px rgb(0 0 0 / .18); }
.pop .close { position: absolute; top: .6rem; right: .6rem; min-height: 2rem; padding: .25rem .6rem; background: var(--_bg); }
.pop .card-head { padding-right: 4.5rem; }
`);
  }
  return hostSheet;
}

/** The language of an element: its own or nearest lang attribute, else the browser's. */
function langOf(el) {
  const own = el.closest('[lang]');
  const tag = (own && own.getAttribute('lang')) || document.documentElement.lang || navigator.language;
  return pickLang(tag);
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
    this._root.adoptedStyleSheets = [sheet(), hostStyles()];
    this._root.append(h('slot'));
    this._hs = null;
    this._queued = false;
  }

  connectedCallback() {
    // The first module alone, then what this element shows (see _parts).
    load(undefined, { ready: [] }).then((hs) => hs.ready(...this._parts())).then((hs) => {
      this._hs = hs;
      this._update();
    }, () => { /* keep the fallback content */ });
  }

  /** The engine parts this element needs before it renders: its language's text and the second module. */
  _parts() {
    return [langOf(this), 'http'];
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue) this._update();
  }

  /** Coalesces attribute changes into one render per microtask. */
  _update() {
    if (this._queued || !this._hs || !this.isConnected) return;
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

  _ctx(extra) {
    return { hs: this._hs, lang: langOf(this), ...extra };
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
    const hs = this._hs;
    // lang changed to one not loaded yet: render now, again once its text is here
    if (!hs.isReady(langOf(this))) hs.ready(langOf(this)).then(() => this._update(), () => {});
    if (!this._runner) this._runner = makeRunner(hs);
    const level = this.headingLevel;
    const ctx = this._ctx({
      runner: this._runner,
      traceOpen: false, // compact in prose: the trace opens on demand
      link: (code, ...kids) => h('button', { type: 'button', 'data-code': code, onclick: () => {
        this._pick(code);
        queueMicrotask(() => { const hd = this._root.querySelector(`h${level}`); if (hd) { hd.tabIndex = -1; hd.focus(); } });
      } }, ...kids),
    });
    ctx.handler = this.getAttribute('handler') !== 'none';
    const root = h('div', { class: 'hs-ui root', part: 'root', lang: ctx.lang });
    const code = this.code;
    this._dropSearch();
    if (this.view === 'full') {
      root.append(...this._search(ctx, level));
    } else if (code == null) {
      this._root.replaceChildren(h('slot'));
      return;
    } else if (this.view === 'exchange') {
      root.append(exampleView(ctx, code, { headingLevel: level }));
    } else {
      root.append(card(ctx, code, { headingLevel: level, handler: ctx.handler }));
    }
    this._root.replaceChildren(root);
  }

  _search(ctx, level) {
    const tr = (k, ...a) => t(ctx.lang, k, ...a);
    const id = 'q';
    const input = h('input', { id, class: 'search', type: 'search', part: 'input', autocomplete: 'off', spellcheck: 'false',
      autocapitalize: 'off', placeholder: tr('placeholder'), 'aria-describedby': 'q-hint' });
    const status = h('p', { class: 'count', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const results = h('div', { class: 'results' });
    this._searchBox = new StatusSearch(input, {
      results,
      status,
      context: () => ctx,
      headingLevel: level,
      onUpdate: (view) => {
        // A code found by typing is picked, as if by a click.
        if (view.shown && view.kind === 'card' && view.code !== this.code) {
          this._silent = true;
          this._pick(view.code);
        }
      },
    });
    if (this.code != null) input.value = String(this.code);
    this._searchBox.update();
    const sendBox = h('details', { class: 'send-box' }, h('summary', null, tr('send')));
    sendBox.addEventListener('toggle', () => {
      if (sendBox.open && !sendBox.dataset.built) {
        sendBox.dataset.built = 'true';
        // The panel's module loads on first use.
        import('./send.js').then(({ sendPanel }) => {
          const panel = sendPanel(ctx, { headingLevel: level + 1 });
          sendBox.append(h('p', { class: 'hint' }, tr('sendHint')), panel.el);
          if (this.code != null) panel.loadExample(this.code);
        });
      }
    });
    this._input = input;
    return [h('label', { for: id, class: 'search-label' }, tr('search')), input,
      h('p', { class: 'hint', id: 'q-hint' }, tr('searchHint')), status, results, sendBox];
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
 * Places the popover against the badge's rectangle r (viewport coordinates):
 * its left edge at the badge's, below it when there is room (or more room
 * than above), else above it, always inside the viewport with 8 px to spare;
 * what does not fit scrolls inside the popover. It is positioned in the
 * document, so it moves with the badge when the page scrolls.
 */
function place(pop, r) {
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  const gap = 6;
  const margin = 8;
  const w = Math.min(544, vw - 2 * margin);
  const below = vh - r.bottom - gap - margin;
  const above = r.top - gap - margin;
  const down = below >= 320 || below >= above;
  pop.style.width = `${w}px`;
  pop.style.maxHeight = `${Math.max(0, Math.min(512, down ? below : above))}px`;
  pop.style.left = `${Math.max(margin, Math.min(r.left, vw - w - margin)) + window.scrollX}px`;
  if (down) {
    pop.style.top = `${r.bottom + gap + window.scrollY}px`;
    pop.style.bottom = 'auto';
  } else {
    pop.style.top = 'auto';
    pop.style.bottom = `${vh - r.top + gap - window.scrollY}px`;
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
    if (!badgeSheet) {
      badgeSheet = new CSSStyleSheet();
      badgeSheet.replaceSync(':host { display: inline; margin: 0; }');
    }
    this._root.adoptedStyleSheets = [...this._root.adoptedStyleSheets, badgeSheet];
  }

  /** A badge shows the code and phrase (the first module): text loads when the popover opens. */
  _parts() {
    return [];
  }

  _render() {
    const code = this.code;
    const e = code == null ? null : this._hs.lookup(code);
    if (!e) { this._root.replaceChildren(h('slot')); return; }
    const ctx = this._ctx({ link: (c, ...kids) => h('span', null, ...kids) });
    const tr = (k, ...a) => t(ctx.lang, k, ...a);
    const name = ctx.lang === 'ko' && e.title && e.title.ko ? e.title.ko : e.phrase;
    const pop = h('div', { class: 'pop hs-ui', part: 'popover', popover: 'auto', role: 'dialog', 'aria-label': `${code} ${e.phrase}`, id: 'pop' });
    const btn = h('button', { type: 'button', class: `badge c${e.class}`, part: 'badge', popovertarget: 'pop', 'aria-haspopup': 'dialog',
      title: tr('badgeOpen', code, name), lang: ctx.lang },
    // In Korean the code comes last, so a particle the author writes after the
    // badge follows the number in the code attribute (503과, 404와), whatever the title.
    ...(ctx.lang === 'ko'
      ? [h('span', { class: 'bphrase', part: 'phrase' }, name), ' ', h('span', { class: 'code', part: 'code' }, String(code))]
      : [h('span', { class: 'code', part: 'code' }, String(code)), ' ', h('span', { class: 'bphrase', part: 'phrase' }, name)]));
    const close = h('button', { type: 'button', class: 'btn ghost close' }, tr('close'));
    close.addEventListener('click', () => { pop.hidePopover(); btn.focus(); });
    pop.addEventListener('beforetoggle', (ev) => {
      if (ev.newState !== 'open') return;
      // The card shows at once; the description's language loads on the
      // first open, and the Flask handler (the second module) unless
      // handler="none": the card is made again as each arrives, and placed
      // again, since it changed size.
      if (!pop.firstChild) {
        const opts = { headingLevel: 3, exchange: false, handler: this.getAttribute('handler') !== 'none' };
        const fill = () => {
          const next = card(ctx, code, opts);
          if (pop.lastChild === close) pop.append(next); else pop.lastChild.replaceWith(next);
          if (pop.matches(':popover-open')) place(pop, btn.getBoundingClientRect());
        };
        pop.append(close);
        fill();
        for (const part of opts.handler ? [ctx.lang, 'http'] : [ctx.lang]) {
          if (!this._hs.isReady(part)) this._hs.ready(part).then(fill, () => { /* the card stays as it is */ });
        }
      }
      place(pop, btn.getBoundingClientRect());
    });
    pop.addEventListener('toggle', (ev) => {
      if (ev.newState === 'open') close.focus();
      // Closed by Escape, a click outside or Close: focus goes back to the badge, not to <body>.
      else {
        const outer = document.activeElement;
        const inner = this._root.activeElement;
        if (!outer || outer === document.body || (outer === this && (!inner || pop.contains(inner)))) btn.focus();
      }
    });
    this._root.replaceChildren(h('span', { class: 'hs-ui', lang: ctx.lang }, btn), pop);
  }
}
