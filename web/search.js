// search.js — the search behaviour of the page (app.js) and of
// <http-status-explorer view="full"> (widget.js): what a person types in an
// input is read by the engine's query, and the card of one code or the
// ranked list of several is shown, with one sentence for screen readers.
// The element or page owns the DOM; this object only listens to the input
// and fills two nodes, so either can drop it with destroy() (the way
// GitHub's auto-complete-element splits the element from its behaviour).
//
//   const search = new StatusSearch(input, { results, status, context: () => ctx });
//   search.update();   // after something else changed (language, engine loaded)
//   search.destroy();  // from disconnectedCallback

import { card, list } from './render.js';
import { t } from './ui-strings.js';

/**
 * What the text asks to show, from hs.query: { kind: 'empty' } | { kind:
 * 'error', error } | { kind: 'card', code } | { kind: 'list', codes }, with
 * key, a string that is the same when the same thing would be shown. A code,
 * a status line or a single match is a card; any other match a list.
 */
export function searchView(hs, text) {
  if (text.trim() === '') return { kind: 'empty', text, key: '' };
  const r = hs.query(text);
  if (r.error) return { kind: 'error', text, error: r.error, key: `err:${r.error.code}` };
  if (r.matches.length === 1 || r.kind === 'code' || r.kind === 'statusLine') {
    return { kind: 'card', text, code: r.matches[0], key: `card:${r.matches[0]}` };
  }
  return { kind: 'list', text, codes: r.matches, queryKind: r.kind, key: `list:${r.matches.join(',')}` };
}

// The sentence the status region says for view.
function statusText(view, ctx) {
  if (view.kind === 'error') return view.error.message[ctx.lang] || view.error.message.en;
  if (view.kind === 'list') return t(ctx.lang, 'nMatches', view.codes.length);
  if (view.kind !== 'card') return '';
  const e = ctx.hs.lookup(view.code);
  return e ? `${view.code} ${e.phrase} — ${e.className[ctx.lang] || e.className.en}` : '';
}

export class StatusSearch {
  /**
   * input: the <input> read on every keystroke. options:
   *   results       the node whose children the card or list replaces
   *   status        the live region that says what was found
   *   context       () => the render context (render.js ctx: hs, lang, link, ...); nothing is shown while it has no hs
   *   headingLevel  the level of the card's heading (default 2)
   *   key           view => the key of what is shown (default view.key): what
   *                 else the card or the empty view depends on goes in here
   *   empty         ctx => what to show when nothing is typed (a node, or null for nothing)
   *   onInput       () => void, run on each keystroke before the update
   *   onUpdate      (view, ctx) => void, run after each update; view.shown is
   *                 true when results and status were rendered again
   */
  constructor(input, { results, status, context, headingLevel = 2, key = (v) => v.key, empty = null, onInput = null, onUpdate = null }) {
    this.input = input;
    this.results = results;
    this.status = status;
    this.context = context;
    this.headingLevel = headingLevel;
    this.keyOf = key;
    this.empty = empty;
    this.onInput = onInput;
    this.onUpdate = onUpdate;
    this.shownKey = null; // the key of what results shows now, to skip needless re-renders
    this.handleInput = () => {
      if (this.onInput) this.onInput();
      this.update();
    };
    input.addEventListener('input', this.handleInput);
  }

  /** Shows what the input's text asks for; returns the view (searchView's, with shown), or null while there is no engine. */
  update() {
    const ctx = this.context();
    if (!ctx || !ctx.hs) return null;
    const view = searchView(ctx.hs, this.input.value);
    const key = `${this.keyOf(view)}:${ctx.lang}`;
    view.shown = key !== this.shownKey;
    this.shownKey = key;
    if (view.shown) {
      this.status.classList.toggle('sr-only', view.kind === 'card');
      this.status.textContent = statusText(view, ctx);
      this.results.replaceChildren(...this.nodes(view, ctx));
    }
    if (this.onUpdate) this.onUpdate(view, ctx);
    return view;
  }

  // What results holds for view.
  nodes(view, ctx) {
    if (view.kind === 'card') return [card(ctx, view.code, { headingLevel: this.headingLevel, handler: ctx.handler })];
    if (view.kind === 'list') return [list(ctx, view.codes, { query: view.text, kind: view.queryKind, headingLevel: this.headingLevel })];
    const node = view.kind === 'empty' && this.empty ? this.empty(ctx) : null;
    return node ? [node] : [];
  }

  /** Takes what results shows now as current, so the next update() keeps it (a card that changed itself). */
  sync() {
    const ctx = this.context();
    if (ctx && ctx.hs) this.shownKey = `${this.keyOf(searchView(ctx.hs, this.input.value))}:${ctx.lang}`;
  }

  /** Makes the next update() render again, even for the same text. */
  invalidate() {
    this.shownKey = null;
  }

  /** Stops listening to the input; the nodes keep what they show. */
  destroy() {
    this.input.removeEventListener('input', this.handleInput);
    this.context = () => null;
    this.empty = null;
    this.onInput = null;
    this.onUpdate = null;
  }
}
