// render-css.js — the styles of what render.js builds (card, lists, grid,
// raw messages, exchanges, the send panel), shared by the page and the
// elements as ONE constructable stylesheet: adopted by the document on the
// page and by each element's shadow root, so a strict CSP (style-src 'self')
// never sees an inline <style>.
//
// Colours follow the surrounding page's color-scheme through light-dark();
// every one can be overridden with a --http-status-* custom property.

import { themeCss } from './theme-css.js';

export const css = `${themeCss}
/* chips, tags */
.chip { display: inline-block; font-size: .8125rem; font-weight: 600; padding: .125rem .5rem; border-radius: 999px;
  border: 1px solid var(--_line); color: var(--_muted); white-space: nowrap; }
.chip.cls { color: var(--cls); border-color: color-mix(in srgb, var(--cls) 45%, transparent);
  background: color-mix(in srgb, var(--cls) 9%, transparent); }
.chip.unofficial, .chip.unassigned { border-style: dashed; }
.chips { margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .375rem; }
.tag { font-size: .75rem; color: var(--_muted); border: 1px dashed var(--_line); border-radius: 4px; padding: 0 .3rem; margin-left: auto; white-space: nowrap; }

/* card */
.card { background: var(--_bg); border: 1px solid var(--_line); border-top: 4px solid var(--cls); border-radius: var(--_radius);
  padding: 1.25rem 1.25rem 1rem; }
.card-head { display: flex; gap: 1rem; align-items: flex-start; }
.card-head > .code { font: 700 2.75rem/1 var(--_mono); color: var(--cls); letter-spacing: -.02em; }
.head-text { min-width: 0; }
.phrase { font-size: 1.5rem; font-weight: 700; overflow-wrap: anywhere; }
.sub { margin: .125rem 0 0; color: var(--_muted); }
.desc { margin: 1rem 0 0; max-width: 68ch; }
.facts { margin: 1rem 0 0; display: grid; gap: .5rem; }
.fact { display: grid; grid-template-columns: minmax(8rem, 12rem) 1fr; gap: .75rem; padding-top: .5rem; border-top: 1px solid var(--_line); }
.fact dt { color: var(--_muted); font-size: .875rem; }
.fact dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.plain { list-style: none; margin: 0; padding: 0; }
.plain li + li { margin-top: .25rem; }
.field { font-weight: 600; }
.level { font: 600 .6875rem/1 var(--_mono); padding: .125rem .3rem; border-radius: 4px; border: 1px solid currentColor; vertical-align: .1em; }
.level.must { color: var(--_c5); } .level.should { color: var(--_c4); } .level.may { color: var(--_muted); }
.others { margin-top: 1rem; }
.frameworks { margin-top: 1rem; }
.fw { border-collapse: collapse; font-size: .875rem; width: 100%; }
.fw th, .fw td { text-align: start; padding: .2rem .5rem .2rem 0; border-top: 1px solid var(--_line); vertical-align: top; overflow-wrap: anywhere; }
.fw thead th { color: var(--_muted); font-weight: 600; border-top: 0; }
.handler { margin-top: 1.25rem; padding-top: 1rem; border-top: 1px solid var(--_line); }
.others h3, .others h4, .frameworks h3, .frameworks h4, .handler h3, .handler h4 { font-size: 1rem; margin-bottom: .5rem; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1.25rem; }

/* buttons and inputs */
.btn { font: inherit; font-weight: 600; font-size: .9375rem; cursor: pointer; color: var(--_bg); background: var(--_accent);
  border: 1px solid var(--_accent); border-radius: 8px; padding: .5rem .9rem; text-decoration: none; display: inline-flex; align-items: center; gap: .35rem; min-height: 2.5rem; }
.btn.ghost { background: transparent; color: var(--_accent); }
.btn:disabled { opacity: .55; cursor: default; }
.hs-ui input, .hs-ui select, .hs-ui textarea { font: inherit; color: var(--_fg); background: var(--_bg); border: 1px solid var(--_line);
  border-radius: 8px; padding: .5rem .65rem; min-width: 0; max-width: 100%; }
.hs-ui textarea, .hs-ui .mono { font-family: var(--_mono); font-size: .875rem; }
.search { width: 100%; font-size: 1.25rem !important; padding: .75rem 1rem !important; border-width: 2px !important; border-radius: 12px !important; }
.search:focus { border-color: var(--_accent) !important; outline: none; }
.hint { color: var(--_muted); font-size: .875rem; margin: .375rem 0 0; }
.count { color: var(--_muted); font-size: .875rem; margin: 0 0 .5rem; }

/* lists and grid */
.list { list-style: none; margin: 0; padding: 0; border: 1px solid var(--_line); border-radius: var(--_radius); overflow: hidden; }
.list li + li { border-top: 1px solid var(--_line); }
.row { display: flex; gap: .75rem; align-items: baseline; padding: .55rem .9rem; color: inherit; text-decoration: none; width: 100%;
  font: inherit; text-align: left; background: none; border: 0; cursor: pointer; }
.row:hover { background: var(--_panel); }
.row .code { font: 700 1rem var(--_mono); color: var(--cls); flex: none; }
.hs-ui .code, .hs-ui .chip, .hs-ui .tag, .hs-ui .level { white-space: nowrap; overflow-wrap: normal; }
.tag { flex: none; }
.row .name { min-width: 0; overflow-wrap: anywhere; }
.row .ko { color: var(--_muted); margin-left: .5rem; font-size: .9em; }
.grid { column-width: 16.5rem; column-gap: 1.75rem; }
.gclass { margin-bottom: 1.25rem; }
.gclass h3, .gclass h4 { break-after: avoid; }
.cells li { break-inside: avoid; }
.gclass h3, .gclass h4 { font-size: 1rem; margin: 0 0 .5rem; padding-bottom: .25rem; border-bottom: 2px solid var(--cls); }
.gclass h3 .code, .gclass h4 .code { color: var(--cls); font-family: var(--_mono); }
.cells { list-style: none; margin: 0; padding: 0; }
.cells .row { padding: .25rem .4rem; border-radius: 6px; font-size: .9375rem; }
.cells .row .ko { display: none; }
.cells .unofficial .row .name { color: var(--_muted); }

/* a query's matches: the class, each code's meaning, unofficial codes apart */
.matches { display: grid; gap: .75rem; }
.class-note { margin: 0; max-width: 72ch; }
.class-note .code { font-family: var(--_mono); color: var(--cls); }
.matches > .group { font-size: 1rem; margin: .5rem 0 0; color: var(--_muted); }
.list .name { display: flex; flex-direction: column; gap: .1rem; }
.list .name > span:first-child { display: block; }
.list .name .ko { margin-left: 0; }
.meaning { color: var(--_muted); font-size: .875rem; line-height: 1.4; display: -webkit-box; -webkit-box-orient: vertical;
  -webkit-line-clamp: 2; overflow: hidden; }

/* one of the article's cases, run */
.case-run { display: grid; gap: .5rem; padding: 1rem 1.25rem; border: 1px solid var(--_line); border-top: 4px solid var(--cls);
  border-radius: var(--_radius); background: var(--_bg); }
.case-title { font-size: 1.25rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
.case-title:focus { outline: none; }
.case-run .exchange { margin-top: 0; }
.case-handler { border: 1px solid var(--_line); border-radius: 8px; padding: .5rem .9rem; }
.case-handler > summary { font-weight: 600; }
.case-handler .handler { margin-top: .5rem; padding-top: 0; border-top: 0; }
.case-run .actions { margin-top: .25rem; }
@media (min-width: 52rem) {
  /* the request beside the answer, so the answer and its trace fit on one screen */
  .case-run .exchange { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); align-items: start; }
  .case-run .exchange > :not(.msg) { grid-column: 1 / -1; }
}

/* raw messages and exchanges */
.raw, .src { background: var(--_panel); border: 1px solid var(--_line); border-radius: 8px; padding: .75rem .9rem; margin: .5rem 0 0;
  font-size: .8125rem; line-height: 1.55; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
.raw .sl { font-weight: 700; }
.raw .fn { color: var(--_accent); }
.raw .eol { color: var(--_muted); font-size: .75em; user-select: none; white-space: nowrap; overflow-wrap: normal; }
.raw .bd { display: inline; color: var(--_fg); }
.raw .hex-note { color: var(--_muted); font-style: italic; }
.raw .hex { white-space: pre; overflow-wrap: normal; }
.raw .blank::before { content: ""; }
mark.bad { background: color-mix(in srgb, var(--_err) 18%, transparent); color: var(--_err); text-decoration: underline wavy var(--_err);
  text-decoration-thickness: 2px; text-underline-offset: 3px; font-weight: 700; }
.exchange { display: grid; gap: 1rem; margin-top: 1rem; }
.exchange h3, .exchange h4, .exchange h5 { font-size: 1rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-top: .75rem; }
.msg { min-width: 0; }
.round { display: grid; gap: .5rem; padding-top: .75rem; border-top: 1px dashed var(--_line); }
.round > h3, .round > h4, .round > h5 { margin: 0; }
.raw.unread { opacity: .75; max-height: 12rem; overflow: auto; }
.rest p { margin: 0; }
.status { font-weight: 700; color: var(--cls); }
.status .code { font-family: var(--_mono); }
.conn { margin: .5rem 0 0; font-size: .875rem; }
.parse-error { color: var(--_err); margin: .5rem 0 0; }
.trace { margin-top: .75rem; border: 1px solid var(--_line); border-radius: 8px; padding: .5rem .9rem; }
.trace summary { cursor: pointer; font-weight: 600; }
.trace ol { margin: .5rem 0 0; padding-left: 1.25rem; }
.trace li + li { margin-top: .35rem; }
.step { font-family: var(--_mono); font-size: .8125rem; }
.rule { font-size: .8125rem; white-space: nowrap; }
.next { border-left: 3px solid var(--_accent); padding-left: .9rem; }
.next p { margin: .5rem 0; }
.why { margin: 0; }
.setup { margin: .25rem 0 0; font-size: .875rem; }
details > summary { cursor: pointer; }
.handler details { margin-top: .5rem; }

/* send panel */
.send { display: grid; gap: 1rem; }
.send fieldset { border: 1px solid var(--_line); border-radius: var(--_radius); padding: .75rem 1rem 1rem; margin: 0; min-width: 0; }
.send legend { font-weight: 600; padding: 0 .25rem; }
.send label { display: block; font-size: .875rem; color: var(--_muted); margin-bottom: .25rem; }
.send .line { display: grid; grid-template-columns: 7rem 1fr 6.5rem; gap: .5rem; }
.send .line > div, .send .full { min-width: 0; }
.send textarea, .send .full select, .send .line input, .send .line select { width: 100%; }
.send .pair { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
.send fieldset.mode { border: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
.send fieldset.mode label { display: inline-flex; gap: .35rem; align-items: center; margin: 0; color: var(--_fg); font-size: .9375rem; }
.send fieldset.mode legend { float: left; font-weight: 400; font-size: .875rem; color: var(--_muted); padding: 0; margin-right: .25rem; }
.send .clock-row { margin-top: .75rem; }
.send .live { margin: 0; }
.send .live.bad { color: var(--_err); }
.send-status { font-size: 1.0625rem; font-weight: 600; margin: 0 0 .25rem; }
.send-status:empty { display: none; }
.send .pair label { display: inline-flex; gap: .35rem; align-items: center; margin: 0; color: var(--_fg); font-size: .9375rem; }
.send .row-gap > * + * { margin-top: .75rem; }
.send .clock { font-family: var(--_mono); }
@media (max-width: 30rem) {
  .card { padding: 1rem .9rem .9rem; }
  .card-head { flex-direction: column; gap: .25rem; }
  .fact { grid-template-columns: 1fr; gap: .125rem; }
  .send .line { grid-template-columns: 1fr; }
}
`;

let shared = null;

/** The one CSSStyleSheet every page and element adopts (created on first use). */
export function sheet() {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(css);
  }
  return shared;
}
