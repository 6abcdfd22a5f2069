// badge-popover.js — what a <http-status-badge>'s popover needs, loaded
// when it first opens (widget.js imports it then, or on hover or focus):
// the code's facts, the card renderer and its stylesheet, the popover's
// placement and focus.
//
// The facts: on a site built by make dist, the code's facts file the build
// made from the engine (dist/<code>.json, a couple of KB); elsewhere (the
// source, the npm package), or when that file cannot be read, the engine's
// first module and the badge's language. The Flask handler needs the
// engine's second module and its texts (the 'examples' part) either way.

import { h, card } from './render.js';
import { sheet } from './render-css.js';
import { t, loadStrings } from './ui-strings.js';
import { isPast } from './expiry.js';

// Where the site's per-code facts are, relative to this file: '../' in
// make dist's copy (esbuild's define, scripts/build-dist.mjs), unset in the source.
const FACTS_AT = typeof HS_FACTS_AT === 'string' ? HS_FACTS_AT : null;

/** The shared engine, loaded with parts ready (engine.js is imported on first use). */
const engine = (...parts) => import('./engine.js').then(({ load }) => load(undefined, { ready: parts }));

/** code's entry as the engine's lookup() gives it, from the site's facts file; null without one. */
async function siteFacts(code) {
  if (!FACTS_AT) return null;
  try {
    const res = await fetch(new URL(`${FACTS_AT}${code}.json`, import.meta.url));
    const facts = res.ok ? await res.json() : null;
    if (!facts || facts.code !== code) return null;
    const { example, ...entry } = facts;
    return { ...entry, expired: isPast(entry.expires) };
  } catch {
    return null;
  }
}

/**
 * What the card reads for code: the engine, or, from the site's facts,
 * an object that answers lookup(code) as the engine would and loads the
 * engine's second module and the handlers' texts when asked to
 * (ready('examples')).
 */
const ENGINE_PARTS = ['http', 'examples', 'server-ko'];

async function cardSource(code, lang) {
  const entry = await siteFacts(code);
  if (!entry) {
    const hs = await engine();
    await hs.ready(lang).catch(() => { /* the card without its description */ });
    return hs;
  }
  let full = null;
  const source = {
    lookup: (c) => (c === code ? entry : null),
    handler: (...args) => { if (!full) throw new Error('the second module is not loaded'); return full.handler(...args); },
    // The facts hold both languages and the framework table: only the second
    // module, the handlers' texts and the server's Korean are missing.
    isReady: (part) => !ENGINE_PARTS.includes(part) || (full !== null && full.isReady(part)),
    ready: (...parts) => (parts.some((p) => ENGINE_PARTS.includes(p))
      ? engine('examples', ...parts.filter((p) => ENGINE_PARTS.includes(p))).then((hs) => { full = hs; return source; })
      : Promise.resolve(source)),
  };
  return source;
}

let popSheet = null;
function popStyles() {
  if (!popSheet) {
    popSheet = new CSSStyleSheet();
    popSheet.replaceSync(`
.pop { margin: 0; inset: auto; position: absolute; width: min(34rem, calc(100vw - 1rem)); max-height: min(32rem, 80vh); overflow: auto;
  padding: 0; border: 0; background: transparent; color: var(--_fg); font: inherit; }
.pop .card { box-shadow: 0 10px 30px rgb(0 0 0 / .18); }
.pop .close { position: absolute; top: .6rem; right: .6rem; min-height: 2rem; padding: .25rem .6rem; background: var(--_bg); }
.pop .card-head { padding-right: 4.5rem; }
`);
  }
  return popSheet;
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
 * Returns a function that finds, in a card made again, the element that
 * stands where node stands in card: the same tag with the same text, at the
 * same place among those (null when the new card has no such element).
 */
function counterpart(card, node) {
  const like = (root) => [...root.querySelectorAll(node.localName)].filter((n) => n.textContent === node.textContent);
  const i = like(card).indexOf(node);
  return (next) => like(next)[i] || null;
}

/**
 * Builds the card of code in lang inside pop (the badge's popover, opened by
 * btn) and makes it behave: placed against the badge on every open, focus on
 * Close when open and back on the badge when closed. Resolves once the card
 * is there with its description and lang's own words (the site's facts, or
 * the engine's first module and lang's text; a text that cannot load leaves the card without
 * it). The Flask handler, unless handler is false, needs the second module,
 * its texts (the 'examples' part) and its view (render-exchange.js), and from the engine the framework table is a file of its own: the first
 * open fetches them, and the card is made again as each arrives, and placed
 * again, since it changed size; what was open in it and the focus stay.
 */
export async function fillPopover(badge, pop, btn, { code, lang, handler }) {
  const [hs] = await Promise.all([cardSource(code, lang), loadStrings(lang)]);
  const root = badge.shadowRoot;
  if (!root.adoptedStyleSheets.includes(sheet())) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet(), popStyles()];
  const ctx = { hs, lang, link: (c, ...kids) => h('span', null, ...kids) };
  const opts = { headingLevel: 3, exchange: false, handler };
  // the table once it is here: the card itself would fetch it on a hover
  const cardOpts = () => ({ ...opts, frameworks: hs.isReady('frameworks') });
  const close = h('button', { type: 'button', class: 'btn ghost close' }, t(lang, 'close'));
  close.addEventListener('click', () => { pop.hidePopover(); btn.focus(); });
  const build = () => {
    const next = card(ctx, code, cardOpts());
    const old = pop.lastChild === close ? null : pop.lastChild;
    if (!old) pop.append(next);
    else {
      // What the reader had open and where focus was stay as they were.
      for (const d of old.querySelectorAll('details[open]')) { const n = counterpart(old, d)(next); if (n) n.open = true; }
      const focused = old.contains(root.activeElement) ? root.activeElement : null;
      const find = focused && counterpart(old, focused);
      old.replaceWith(next);
      if (focused) (find(next) || close).focus();
    }
    if (pop.matches(':popover-open')) place(pop, btn.getBoundingClientRect());
  };
  pop.replaceChildren(close);
  build();
  // (the handler's view is render-exchange.js, loaded with the second module)
  let wantHandler = handler;
  let wantFrameworks = !hs.isReady('frameworks');
  pop.addEventListener('beforetoggle', (ev) => {
    if (ev.newState !== 'open') return;
    place(pop, btn.getBoundingClientRect());
    // Only an open fetches the second module and the framework table (a hover that filled the card does not).
    if (wantHandler) Promise.all([hs.ready('examples'), import('./render-exchange.js')]).then(build, () => { /* the card stays as it is */ });
    if (wantFrameworks) hs.ready('frameworks').then(build, () => { /* the card stays without the table */ });
    wantHandler = false;
    wantFrameworks = false;
  });
  pop.addEventListener('toggle', (ev) => {
    if (ev.newState === 'open') close.focus();
    // Closed by Escape, a click outside or Close: focus goes back to the badge, not to <body>.
    else {
      const outer = document.activeElement;
      const inner = root.activeElement;
      if (!outer || outer === document.body || (outer === badge && (!inner || pop.contains(inner)))) btn.focus();
    }
  });
}
