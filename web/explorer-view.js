// explorer-view.js — what a <http-status-explorer> shows (the card, the
// example exchange, or the search box with the send panel), loaded with the
// engine when the element is connected (widget.js imports it then).

import { load } from './engine.js';
import { h, card } from './render.js';
import { exampleView } from './render-exchange.js';
import { makeRunner } from './runner.js';
import { StatusSearch } from './search.js';
import { sheet } from './render-css.js';
import { t, loadStrings, stringsReady } from './ui-strings.js';

let hostSheet = null;
function hostStyles() {
  if (!hostSheet) {
    hostSheet = new CSSStyleSheet();
    hostSheet.replaceSync(`
.root { display: grid; gap: .75rem; }
.search-label { font-weight: 600; }
.search { font-size: 1.0625rem !important; padding: .55rem .8rem !important; border-radius: 10px !important; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`);
  }
  return hostSheet;
}

/**
 * Resolves, with this module, once the element el can render: the engine's
 * first module, el's language (the engine's text and the element's own
 * words) and the second module (for the exchange, the handler and the send
 * panel) are loaded, and el's shadow root has the stylesheets.
 */
export async function prepare(el) {
  [el._hs] = await Promise.all([load(undefined, { ready: [] }).then((hs) => hs.ready(el._lang, 'http')), loadStrings(el._lang)]);
  const root = el.shadowRoot;
  if (!root.adoptedStyleSheets.includes(sheet())) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet(), hostStyles()];
  return { render };
}

/** Renders the explorer el from its attributes (widget.js calls this once per change). */
function render(el) {
  const hs = el._hs;
  const lang = el._lang;
  // lang changed to one not loaded yet: render now, again once its text is here
  if (!hs.isReady(lang)) hs.ready(lang).then(() => el._update(), () => {});
  if (!stringsReady(lang)) loadStrings(lang).then(() => el._update(), () => {});
  if (!el._runner) el._runner = makeRunner(hs);
  const level = el.headingLevel;
  const ctx = {
    hs,
    lang,
    runner: el._runner,
    traceOpen: false, // compact in prose: the trace opens on demand
    link: (code, ...kids) => h('button', { type: 'button', 'data-code': code, onclick: () => {
      el._pick(code);
      queueMicrotask(() => { const hd = el.shadowRoot.querySelector(`h${level}`); if (hd) { hd.tabIndex = -1; hd.focus(); } });
    } }, ...kids),
    handler: el.getAttribute('handler') !== 'none',
  };
  const root = h('div', { class: 'hs-ui root', part: 'root', lang });
  const code = el.code;
  if (el.view === 'full') {
    root.append(...search(el, ctx, level));
  } else if (code == null) {
    el.shadowRoot.replaceChildren(h('slot'));
    return;
  } else if (el.view === 'exchange') {
    root.append(exampleView(ctx, code, { headingLevel: level }));
  } else {
    root.append(card(ctx, code, { headingLevel: level, handler: ctx.handler }));
  }
  el.shadowRoot.replaceChildren(root);
}

// The full view: the search box (a code found by typing is picked, as if by
// a click), its hint, the live count, the results, and the send panel.
function search(el, ctx, level) {
  const tr = (k, ...a) => t(ctx.lang, k, ...a);
  const id = 'q';
  const input = h('input', { id, class: 'search', type: 'search', part: 'input', autocomplete: 'off', spellcheck: 'false',
    autocapitalize: 'off', placeholder: tr('placeholder'), 'aria-describedby': 'q-hint' });
  const status = h('p', { class: 'count', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const results = h('div', { class: 'results' });
  el._searchBox = new StatusSearch(input, {
    results,
    status,
    context: () => ctx,
    headingLevel: level,
    onUpdate: (view) => {
      if (view.shown && view.kind === 'card' && view.code !== el.code) {
        el._silent = true;
        el._pick(view.code);
      }
    },
  });
  if (el.code != null) input.value = String(el.code);
  el._searchBox.update();
  const sendBox = h('details', { class: 'send-box' }, h('summary', null, tr('send')));
  sendBox.addEventListener('toggle', () => {
    if (sendBox.open && !sendBox.dataset.built) {
      sendBox.dataset.built = 'true';
      // The panel's module loads on first use.
      import('./send.js').then(({ sendPanel }) => {
        const panel = sendPanel(ctx, { headingLevel: level + 1 });
        sendBox.append(h('p', { class: 'hint' }, tr('sendHint')), panel.el);
        if (el.code != null) panel.loadExample(el.code);
      });
    }
  });
  return [h('label', { for: id, class: 'search-label' }, tr('search')), input,
    h('p', { class: 'hint', id: 'q-hint' }, tr('searchHint')), status, results, sendBox];
}
