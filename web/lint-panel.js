// lint-panel.js — the "Check a response" tab: a response (and optionally the
// request it answers) in two text areas, linted on every change by hs.lint;
// the findings grouped by level, each with its fix and a link to its RFC
// section; the offending bytes marked in the raw text (DOM nodes only);
// presets for the article's naive Flask handlers (lint-presets.js).
//
//   const panel = lintPanel(ctx, { onChange(response, request) { ... } });
//   document.body.append(panel.el);
//   panel.load(responseText, requestText);
//
// Offsets from the engine count UTF-8 bytes; render-exchange.js's byteToIndex turns
// them into string positions for marking.

import { h, L } from './render.js';
import { byteToIndex } from './render-exchange.js';
import { t } from './ui-strings.js';
import { lintPresets } from './lint-presets.js';

const LEVELS = ['error', 'warning', 'info'];

const css = `
.lint .fields { display: grid; gap: .75rem; margin: .75rem 0; }
.lint label { font-weight: 600; display: block; margin-bottom: .25rem; }
.lint textarea { width: 100%; min-height: 9rem; font: .875rem/1.45 var(--_mono, ui-monospace, monospace); padding: .5rem;
  color: inherit; background: var(--_bg, Canvas); border: 1px solid var(--_line, #ccc); border-radius: 6px; }
.lint textarea.req { min-height: 4.5rem; }
.lint select { font: inherit; padding: .25rem; color: inherit; background: var(--_bg, Canvas); border: 1px solid var(--_line, #ccc); border-radius: 6px; }
.lint .opts { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; }
.lint .summary { font-weight: 600; margin: .75rem 0 .25rem; }
.lint .group h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.lint .findings { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
.lint .finding { border-left: 4px solid var(--lvl); padding: .25rem .75rem; background: color-mix(in srgb, var(--lvl) 7%, transparent); border-radius: 0 6px 6px 0; }
.lint .finding p { margin: .125rem 0; }
.lint .rule { font: .8125rem var(--_mono, monospace); color: var(--_muted, GrayText); }
.lint .lvl-error { --lvl: light-dark(#b42318, #ff9d94); }
.lint .lvl-warning { --lvl: light-dark(#8f3b06, #fbc96b); }
.lint .lvl-info { --lvl: light-dark(#0b5f8f, #7cc8f5); }
.lint pre.lint-raw { white-space: pre-wrap; overflow-wrap: anywhere; font: .875rem/1.5 var(--_mono, monospace); padding: .75rem;
  background: var(--_panel, light-dark(#f5f6f8, #181b21)); border: 1px solid var(--_line, #ccc); border-radius: 6px; }
.lint pre.lint-raw mark { color: inherit; background: color-mix(in srgb, var(--lvl) 14%, transparent);
  text-decoration: underline 2px var(--lvl); text-underline-offset: 3px; }
.lint pre.lint-raw mark.point::after { content: "\\25C2"; color: var(--lvl); }
.lint pre.lint-raw .eol { color: var(--_muted, GrayText); }
.lint pre.lint-raw mark .eol { color: inherit; }
.lint label.inline { display: inline; font-weight: normal; }
.lint button.at { font: inherit; font-size: .875rem; color: var(--_accent, LinkText); background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
`;

let sheetAdopted = false;
function adoptSheet() {
  if (sheetAdopted || typeof CSSStyleSheet === 'undefined') return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  sheetAdopted = true;
}

/** LF line ends not already CRLF become CRLF (what a text area gives is LF). */
export function toCRLF(text) {
  return text.replace(/\r?\n/g, '\r\n');
}

/** The text with each character a reader cannot see made visible: CR and LF as \r \n, a line break after LF. */
function visibleText(text) {
  const out = [];
  let run = '';
  for (const ch of text) {
    if (ch === '\r' || ch === '\n') {
      if (run) out.push(run);
      run = '';
      out.push(h('span', { class: 'eol', 'aria-hidden': 'true' }, ch === '\r' ? '\\r' : '\\n'));
      if (ch === '\n') out.push('\n');
    } else if (ch < ' ' && ch !== '\t') {
      run += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    } else run += ch;
  }
  if (run) out.push(run);
  return out;
}

/**
 * The raw response with the bytes of each finding marked: <mark> nodes
 * whose level is the most severe finding covering them. pre.lintTargets maps
 * a finding's index to the id of the mark at its first byte, so its "bytes"
 * button can bring it into view.
 */
export function markedRaw(text, findings, idPrefix) {
  const pre = h('pre', { class: 'lint-raw', tabindex: '0' });
  const spans = findings.map((f, i) => (f.offset === undefined ? null : {
    i, level: LEVELS.indexOf(f.level), s: byteToIndex(text, f.offset), e: byteToIndex(text, f.offset + f.length),
  })).filter(Boolean);
  const cuts = new Set([0, text.length]);
  for (const sp of spans) { cuts.add(sp.s); cuts.add(sp.e); }
  const points = [...cuts].sort((a, b) => a - b);
  const targets = new Map(); // finding index -> id of the mark that starts at its first byte
  let n = 0;
  for (let k = 0; k < points.length; k++) {
    const s = points[k];
    // zero-length findings (something missing at this place) get a point marker
    for (const sp of spans) {
      if (sp.s === s && sp.e === s && !targets.has(sp.i)) {
        const id = `${idPrefix}${n++}`;
        targets.set(sp.i, id);
        pre.append(h('mark', { class: `point lvl-${LEVELS[sp.level]}`, id, tabindex: '-1' }));
      }
    }
    if (k === points.length - 1) break;
    const e = points[k + 1];
    const over = spans.filter((sp) => sp.s <= s && sp.e >= e && sp.e > sp.s);
    const piece = visibleText(text.slice(s, e));
    if (!over.length) { pre.append(...piece); continue; }
    const worst = Math.min(...over.map((sp) => sp.level));
    const props = { class: `lvl-${LEVELS[worst]}` };
    const starting = over.filter((sp) => sp.s === s && !targets.has(sp.i));
    if (starting.length) {
      props.id = `${idPrefix}${n++}`;
      props.tabindex = '-1';
      for (const sp of starting) targets.set(sp.i, props.id);
    }
    pre.append(h('mark', props, ...piece));
  }
  pre.lintTargets = targets;
  return pre;
}

/** One finding: message, fix, rule and section link, and where it is. */
function findingItem(ctx, f, i, raw) {
  const tr = (k, ...a) => t(ctx.lang, k, ...a);
  const target = raw.lintTargets.get(i);
  const where = !target ? null : h('button', {
    class: 'at', type: 'button', 'aria-controls': target,
    onclick: () => {
      const m = raw.querySelector(`#${target}`);
      if (m) { m.scrollIntoView({ block: 'nearest' }); m.focus({ preventScroll: true }); }
    },
  }, tr('lintAt', f.offset, f.length));
  return h('li', { class: `finding lvl-${f.level}` },
    h('p', null, L(f.message, ctx.lang)),
    h('p', null, h('strong', null, tr('lintFix'), ': '), L(f.fix, ctx.lang)),
    h('p', { class: 'meta' }, h('span', { class: 'rule' }, f.rule), ' · ',
      h('a', { href: f.url, rel: 'noopener' }, f.section), where ? [' · ', where] : null));
}

/** The findings of result, grouped by level, and the marked raw response. */
export function lintResultView(ctx, text, result, { headingLevel = 3, idPrefix = 'lint-at-' } = {}) {
  const tr = (k, ...a) => t(ctx.lang, k, ...a);
  const Hn = `h${headingLevel}`;
  const wrap = h('div', { class: 'lint-result' });
  const counts = LEVELS.map((lv) => result.findings.filter((f) => f.level === lv).length);
  const raw = markedRaw(text, result.findings, idPrefix);
  raw.setAttribute('aria-label', tr('lintRaw'));
  wrap.append(h('p', { class: 'summary', role: 'status' }, counts.every((n) => n === 0) ? tr('lintClean') : tr('lintSummary', ...counts)));
  if (result.response && result.response.status) {
    wrap.append(h('p', { class: 'muted' }, tr('lintRead', result.response.status, result.response.phrase, result.response.framing)));
  }
  LEVELS.forEach((lv, k) => {
    const items = result.findings.map((f, i) => [f, i]).filter(([f]) => f.level === lv);
    if (!items.length) return;
    wrap.append(h('section', { class: 'group' }, h(Hn, null, tr(`lintLevel_${lv}`), ` (${counts[k]})`),
      h('ul', { class: 'findings' }, items.map(([f, i]) => findingItem(ctx, f, i, raw)))));
  });
  wrap.append(h(Hn, null, tr('lintRaw')), raw);
  return wrap;
}

/**
 * The tab's panel. ctx: { hs, lang }. onChange(response, request) is called
 * with the texts as linted (CRLF line ends when the box is checked) after
 * each change, for the URL. Returns { el, load(response, request) }.
 */
export function lintPanel(ctx, { headingLevel = 3, onChange } = {}) {
  adoptSheet();
  const tr = (k, ...a) => t(ctx.lang, k, ...a);
  const preset = h('select', { id: 'lint-preset' },
    h('option', { value: '' }, tr('lintPresetNone')),
    lintPresets.map((p) => h('option', { value: p.id }, `${p.code} · ${L(p.title, ctx.lang)}`)));
  const response = h('textarea', { id: 'lint-response', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off' });
  const request = h('textarea', { id: 'lint-request', class: 'req', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off' });
  const crlf = h('input', { id: 'lint-crlf', type: 'checkbox', checked: true });
  const handler = h('p', { class: 'muted handler' });
  const out = h('div', { class: 'lint-out' });
  const el = h('div', { class: 'lint hs-ui' },
    h('div', { class: 'opts' },
      h('span', null, h('label', { for: 'lint-preset' }, tr('lintPreset')), preset),
      h('span', null, crlf, ' ', h('label', { for: 'lint-crlf', class: 'inline' }, tr('lintCrlf')))),
    handler,
    h('div', { class: 'fields' },
      h('div', null, h('label', { for: 'lint-response' }, tr('lintResponse')), response),
      h('div', null, h('label', { for: 'lint-request' }, tr('lintRequest')), request)),
    out);

  function texts() {
    const fix = crlf.checked ? toCRLF : (s) => s;
    return [fix(response.value), request.value.trim() ? fix(request.value) : ''];
  }

  function run(notify = true) {
    const [res, req] = texts();
    if (!res) {
      out.replaceChildren(h('p', { class: 'muted' }, tr('lintEmpty')));
    } else {
      const result = ctx.hs.lint(res, req ? { request: req, lang: ctx.lang } : { lang: ctx.lang });
      out.replaceChildren(lintResultView(ctx, res, result, { headingLevel }));
    }
    if (onChange && notify) onChange(res, req);
  }

  preset.addEventListener('change', () => {
    const p = lintPresets.find((x) => x.id === preset.value);
    if (!p) { handler.textContent = ''; return; }
    response.value = p.response;
    request.value = p.request;
    handler.replaceChildren(h('code', null, p.handler));
    run();
  });
  for (const x of [response, request]) x.addEventListener('input', () => { preset.value = ''; handler.textContent = ''; run(); });
  crlf.addEventListener('change', () => run());
  run(false);

  return {
    el,
    /** Shows response (and request) and lints them. */
    load(res, req = '') {
      response.value = res;
      request.value = req;
      preset.value = '';
      handler.textContent = '';
      run();
    },
    /** The texts now in the boxes. */
    values() {
      return { response: response.value, request: request.value };
    },
  };
}
