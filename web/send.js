// send.js — the "send your own request" panel, shared by the page and the
// <http-status-explorer view="full"> element: presets from the engine's
// example(code), a fields editor or a raw-text editor, the simulated
// server's state controls, and the result rendered by render.js.
//
// The request is kept as the exact bytes sent. In the editors, line ends of
// the head are shown as LF and sent as CRLF; the content is sent as typed.

import { h, L, statusBadge } from './render.js';
import { CASES } from './route.js';
import { exchangeView, isLeftOver } from './render-exchange.js';
import { t } from './ui-strings.js';
import { missingPart } from './runner.js';

const utf8 = new TextEncoder();
const lenient = new TextDecoder('utf-8');

export { CASES };

/** Editor text → wire text: LF line ends of the head become CRLF; the content is kept as typed. */
export function toWire(text) {
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const rest = m ? text.slice(m.index + m[0].length) : null;
  const crlf = (s) => s.replace(/\r?\n/g, '\r\n');
  return rest === null ? crlf(head) : `${crlf(head)}\r\n\r\n${rest}`;
}

/** Wire text → editor text: CRLF of the head shown as LF. */
export function fromWire(text) {
  const i = text.indexOf('\r\n\r\n');
  if (i < 0) return text.replace(/\r\n/g, '\n');
  return `${text.slice(0, i).replace(/\r\n/g, '\n')}\n\n${text.slice(i + 4)}`;
}

/** Splits editor text into the fields editor's parts (a reading for display only; the engine parses for real). */
export function splitRequest(text) {
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const body = m ? text.slice(m.index + m[0].length) : '';
  const [line = '', ...fields] = head.split(/\r?\n/);
  const parts = line.split(' ');
  return {
    method: parts[0] || '',
    target: parts.slice(1, parts.length > 2 ? -1 : undefined).join(' '),
    version: parts.length > 2 ? parts[parts.length - 1] : 'HTTP/1.1',
    headers: fields.join('\n'),
    body,
  };
}

/** Composes editor text from the fields editor; keeps Content-Length equal to the content's byte length. */
export function joinRequest({ method, target, version, headers, body }) {
  let lines = headers.split(/\r?\n/).filter((l) => l.trim() !== '');
  const n = utf8.encode(body).length;
  const hasCL = lines.some((l) => /^content-length\s*:/i.test(l));
  const hasTE = lines.some((l) => /^transfer-encoding\s*:/i.test(l));
  if (hasCL) lines = lines.map((l) => (/^content-length\s*:/i.test(l) ? `Content-Length: ${n}` : l));
  else if (n > 0 && !hasTE) lines.push(`Content-Length: ${n}`);
  return `${method} ${target} ${version || 'HTTP/1.1'}\n${lines.join('\n')}${lines.length ? '\n' : ''}\n${body}`;
}

/** The top-level keys in which state differs from base (the virtual date follows the clock, so it is left out). */
export function stateDiff(state, base) {
  const out = {};
  if (!state || !base) return out;
  for (const k of Object.keys(state)) {
    if (k !== 'date' && JSON.stringify(state[k]) !== JSON.stringify(base[k])) out[k] = state[k];
  }
  return out;
}

/**
 * Builds the panel. opts.onSend(raw, before) is called after each send with
 * the panel's snapshot from just before it (the page adds a history entry);
 * opts.onChange() after a preset is picked, the request edited or the
 * server state changed (the page replaces its entry). Picking a preset never
 * sends. Returns { el, load(raw, { run }), loadExample(code, { run }), run,
 * snapshot, restore, link, focusEditor }.
 */
export function sendPanel(ctx, { onSend, onChange, headingLevel = 3 } = {}) {
  const { hs, runner } = ctx;
  const tr = (k, ...a) => t(ctx.lang, k, ...a);
  const id = (s) => `hs-send-${s}-${++sendUid}`;
  // What was sent last, as bytes or a string exactly as it went out.
  let sent = null;
  // The preset the editor and the server state still match exactly, or 0.
  let pristine = 0;
  // The exchange on screen, and the link of what is on screen once sent.
  let last = null;
  let linkNow = null;
  const changed = () => { if (onChange) onChange(); };

  /* presets: picking one (a click, or ArrowDown through the closed select) loads it; only Send sends */
  const presetId = id('preset');
  const preset = presetSelect(hs, tr, presetId);
  preset.addEventListener('change', () => {
    const [, code] = preset.value.split(':');
    if (code) {
      loadExample(Number(code), { run: false });
      // The answer on screen was to another request.
      last = null;
      view.clear();
    }
    changed();
  });

  const editor = requestEditor(ctx, tr, id, () => { sent = null; pristine = 0; linkNow = null; changed(); });
  const sendBtn = h('button', { type: 'submit', class: 'btn', part: 'button' }, tr('sendButton'));
  // On the static site a service worker answers ./sim/: the browser itself can be the client.
  const viaBrowser = ctx.browserSend ? ctx.browserSend(ctx, { id: id('browser') }) : null;
  const reqFs = h('fieldset', null, h('legend', null, tr('request')),
    h('div', { class: 'row-gap' }, h('div', { class: 'full' }, h('label', { for: presetId }, tr('preset')), preset),
      editor.mode, editor.formBox, editor.rawBox, editor.live, viaBrowser ? viaBrowser.el : null, h('div', null, sendBtn)));
  const stateFs = stateControls(ctx, tr, id, () => { pristine = 0; linkNow = null; changed(); });
  const view = resultView(ctx, tr, headingLevel);

  const form = h('form', { class: 'send', novalidate: true }, reqFs, stateFs.el, view.el);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    run();
    view.reveal();
  });

  function run({ quiet = false } = {}) {
    if (viaBrowser && viaBrowser.active()) {
      view.say('');
      viaBrowser.send(toWire(editor.text())).then((v) => view.put(v), (err) => view.say(String(err.message || err)));
      return;
    }
    const before = snapshot();
    const raw = sent ?? toWire(editor.text());
    sent = raw;
    let result;
    try { result = runner.send(raw, ctx.lang); } catch (err) {
      // a Korean exchange before the server's Korean is here: sent again once it is (it changed nothing)
      if (missingPart(err)) {
        hs.ready(missingPart(err)).then(() => run({ quiet }), (e) => view.say(String(e.message || e)));
        return;
      }
      result = { error: { message: err.text || { en: String(err.message || err) } } };
    }
    performance.mark('hs-send');
    stateFs.refresh();
    show(raw, result, before.state);
    // The link of what is on screen now: this request on the server as it was before it.
    linkNow = before.link;
    pristine = 0;
    if (onSend && !quiet) onSend(raw, before);
  }

  function show(raw, result, before) {
    last = { raw, result, state: runner.state, before, lang: ctx.lang };
    view.show(raw, result, runner.state);
  }

  /** What reproduces the panel as a link: { code } while it holds that preset untouched, else { raw, state } (what differs from a fresh server). */
  function link() {
    return linkNow || current();
  }

  function current() {
    if (pristine) return { code: pristine };
    return { raw: sent ?? toWire(editor.text()), state: stateDiff(runner.state, fresh) };
  }
  const fresh = hs.resetServer();

  /** What the panel shows, to put it back (in another language, or from history) without sending again. */
  function snapshot() {
    return { text: editor.text(), raw: editor.isRaw(), preset: preset.value, sent, last,
      state: runner.state, pristine, link: current(), linkNow };
  }

  // simulate tells its trace in one language: an answer shown in another
  // is the same request run again on the state it was sent on (same input,
  // same state, same bytes), told in this one; the runner's state stays.
  function toldIn(was) {
    if (was.lang === ctx.lang || !was.result || !was.result.exchanges) return was.result;
    try { return runner.follow(was.raw, was.before, ctx.lang).result; } catch (err) {
      if (!missingPart(err)) throw err;
      // told in Korean before the server's Korean is here: the answer as it
      // was, told again once it is (if the panel still shows it)
      hs.ready(missingPart(err)).then(() => {
        if (last && last.raw === was.raw && last.before === was.before) show(was.raw, toldIn(was), was.before);
      }, () => {});
      return was.result;
    }
  }

  function restore(snap) {
    editor.set(snap.text, { raw: !!snap.raw });
    preset.value = snap.preset && preset.querySelector(`option[value="${snap.preset}"]`) ? snap.preset : '';
    sent = snap.sent;
    if (snap.state) runner.patch(snap.state);
    stateFs.refresh();
    pristine = snap.pristine || 0;
    linkNow = snap.linkNow || null;
    last = null;
    view.clear();
    if (snap.last) show(snap.last.raw, toldIn(snap.last), snap.last.before);
  }

  function load(raw, { run: go = true } = {}) {
    const text = fromWire(typeof raw === 'string' ? raw : lenient.decode(raw));
    // The fields editor rewrites Content-Length: a request it would change is shown as raw text.
    editor.set(text, { raw: joinRequest(splitRequest(text)) !== text });
    sent = raw;
    pristine = 0;
    linkNow = null;
    if (go) run({ quiet: true });
  }

  /** Loads the example request for code on its server setup; runs it when opts.run. */
  function loadExample(code, { run: go = true } = {}) {
    let ex = null;
    try { ex = hs.example(code); } catch { ex = null; }
    if (!ex || !ex.request) return false;
    runner.setup(ex);
    stateFs.refresh();
    const v = CASES.includes(code) && preset.querySelector(`option[value="case:${code}"]`) ? `case:${code}` : `code:${code}`;
    if (preset.value !== v && preset.querySelector(`option[value="${v}"]`)) preset.value = v;
    load(ex.request, { run: false });
    pristine = code;
    if (go) run({ quiet: true });
    return true;
  }

  /** Puts the server in state (what differs from a fresh one) and loads raw; runs it when opts.run. */
  function loadRaw(raw, state, { run: go = true } = {}) {
    runner.reset();
    if (state && Object.keys(state).length) {
      try { runner.patch(state); } catch { runner.reset(); }
    }
    stateFs.refresh();
    preset.value = '';
    load(raw, { run: go });
  }

  return { el: form, load, loadExample, loadRaw, run, snapshot, restore, link, focusEditor: editor.focus };
}

/**
 * The request editor: a fields editor and a raw-text editor with a switch
 * between them, and a live reading of the request by the engine's parser.
 * onInput() runs after every edit. Returns its parts (mode, formBox, rawBox,
 * live) and { text(), set(text, { raw }), isRaw(), focus() }.
 */
function requestEditor(ctx, tr, id, onInput) {
  const { hs } = ctx;
  const modeName = id('mode');
  const formRadio = h('input', { type: 'radio', name: modeName, value: 'form', checked: true });
  const rawRadio = h('input', { type: 'radio', name: modeName, value: 'raw' });
  const mode = h('fieldset', { class: 'mode' }, h('legend', null, tr('mode')),
    h('label', null, formRadio, tr('modeForm')), h('label', null, rawRadio, tr('modeRaw')));
  const { f, formBox } = fieldsEditor(tr, id);
  const { rawArea, rawBox } = rawEditor(tr, id);
  const live = h('p', { class: 'hint live', id: id('live') });

  const fromFields = () => joinRequest({ method: f.method.value, target: f.target.value, version: f.version.value, headers: f.headers.value, body: f.body.value });
  const text = () => (rawRadio.checked ? rawArea.value : fromFields());
  const fill = (s) => {
    rawArea.value = s;
    const p = splitRequest(s);
    f.method.value = p.method; f.target.value = p.target; f.version.value = p.version; f.headers.value = p.headers; f.body.value = p.body;
  };
  const showRaw = (raw) => {
    rawRadio.checked = raw;
    formRadio.checked = !raw;
    rawBox.hidden = !raw;
    formBox.hidden = raw;
  };
  // The live reading, as it is typed.
  const check = () => {
    const wire = toWire(text());
    const r = hs.parseRequest(wire);
    live.classList.toggle('bad', !r.ok && !r.incomplete);
    live.textContent = r.ok
      ? tr('parsesOk', `${r.method} ${r.target}`, r.headers.length, typeof r.body === 'string' ? utf8.encode(r.body).length : r.body.length)
      : `${tr(r.incomplete ? 'parsesIncomplete' : 'parsesBad', r.error.status, r.error.offset)} ${L(r.error.reason, ctx.lang)}`;
    // Bytes after the request the parser read are the start of a next request to the server.
    const left = r.ok ? utf8.encode(wire).length - r.consumed : 0;
    if (left > 0) live.append(' ', tr(r.framing === 'none' ? 'leftOverNoLength' : 'leftOver', left));
  };
  // A switch carries the text across: the fields editor's reading becomes the raw text, and back.
  const switchMode = () => {
    fill(rawRadio.checked ? fromFields() : rawArea.value);
    showRaw(rawRadio.checked);
    check();
  };
  formRadio.addEventListener('change', switchMode);
  rawRadio.addEventListener('change', switchMode);
  for (const el of [...Object.values(f), rawArea]) el.addEventListener('input', () => { onInput(); check(); });
  rawArea.setAttribute('aria-describedby', `${rawArea.getAttribute('aria-describedby')} ${live.id}`);

  return {
    mode, formBox, rawBox, live, text,
    set(s, { raw }) { fill(s); showRaw(raw); check(); },
    isRaw: () => rawRadio.checked,
    focus: () => (rawRadio.checked ? rawArea : f.method).focus(),
  };
}

/**
 * The result: a live status line naming the answer, and the exchange view
 * below it. Returns { el, show(raw, result, state), put(node), say(text),
 * clear(), reveal() }.
 */
function resultView(ctx, tr, headingLevel) {
  const status = h('p', { class: 'send-status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const out = h('div', { class: 'send-result' });
  const el = h('section', { class: 'result', 'aria-label': tr('result') }, status, out);
  const clear = () => { status.replaceChildren(); out.replaceChildren(); };
  function show(raw, result, state) {
    out.replaceChildren(exchangeView(ctx, raw, result, { headingLevel, state }));
    status.replaceChildren();
    // The headline answers the person's own request: the first exchange. More
    // exchanges (pipelined requests, or bytes left over) are named after it.
    const xs = (result && result.exchanges) || [];
    const resp = xs[0] && xs[0].response;
    if (resp) {
      status.append(`${tr('response')}: `, statusBadge(ctx, resp.status, resp.phrase));
      if (xs.length > 1) {
        const rest = xs.slice(1).map((x) => x.response && statusBadge(ctx, x.response.status, x.response.phrase)).filter(Boolean);
        status.append(' ', h('span', { class: 'then' }, tr(isLeftOver(xs[0].request, xs[1].request) ? 'thenLeftOver' : 'thenMore', xs.length - 1), ' ', rest));
      }
    } else if (result && result.error) status.append(L(result.error.message, ctx.lang));
  }
  return {
    el, show, clear,
    put: (node) => out.replaceChildren(node),
    say: (text) => { status.textContent = text; },
    // Brings the answer into view when it landed below the screen (phones).
    reveal: () => { if (el.getBoundingClientRect().top > window.innerHeight - 80) el.scrollIntoView({ block: 'start' }); },
  };
}


let sendUid = 0;

/** The preset select: the engine's own example requests, the article's
 * cases first, then every code the server sends for a real reason, then the rest. */
function presetSelect(hs, tr, selectId) {
  const preset = h('select', { id: selectId });
  preset.append(h('option', { value: '' }, tr('presetNone')));
  const examples = new Map();
  for (const c of hs.codes()) {
    let ex = null;
    try { ex = hs.example(c); } catch { ex = null; }
    if (ex && ex.request) examples.set(c, ex);
  }
  const line = (ex) => ex.request.slice(0, ex.request.search(/\r?\n|$/));
  const cases = h('optgroup', { label: tr('presetCases') });
  for (const c of CASES) {
    if (examples.has(c)) cases.append(h('option', { value: `case:${c}` }, `${tr(`case_${c}`)}: ${line(examples.get(c))} → ${c}`));
  }
  const real = h('optgroup', { label: tr('presetCodes') });
  const other = h('optgroup', { label: tr('presetStatus') });
  for (const [c, ex] of examples) {
    (ex.reason === 'status-route' ? other : real).append(h('option', { value: `code:${c}` }, `${c} ${hs.phrase(c) || ''}`));
  }
  preset.append(cases, real, other);
  return preset;
}

/** The fields editor: method, target, version, field lines and content, as inputs f and their box. */
function fieldsEditor(tr, id) {
  const f = {
    method: h('input', { id: id('method'), class: 'mono', list: id('methods'), autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off' }),
    target: h('input', { id: id('target'), class: 'mono', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off' }),
    version: h('input', { id: id('version'), class: 'mono', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off' }),
    headers: h('textarea', { id: id('headers'), rows: 4, spellcheck: 'false', autocapitalize: 'off', wrap: 'off' }),
    body: h('textarea', { id: id('body'), rows: 3, spellcheck: 'false', autocapitalize: 'off', 'aria-describedby': id('fh') }),
  };
  const methods = h('datalist', { id: f.method.getAttribute('list') },
    ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT'].map((m) => h('option', { value: m })));
  const lbl = (el, key) => h('label', { for: el.id }, tr(key));
  const formBox = h('div', { class: 'row-gap' },
    h('div', { class: 'line' },
      h('div', null, lbl(f.method, 'method'), f.method, methods),
      h('div', null, lbl(f.target, 'target'), f.target),
      h('div', null, lbl(f.version, 'version'), f.version)),
    h('div', { class: 'full' }, lbl(f.headers, 'headers'), f.headers),
    h('div', { class: 'full' }, lbl(f.body, 'bodyLabel'), f.body, h('p', { class: 'hint', id: f.body.getAttribute('aria-describedby') }, tr('fieldsHint'))));
  f.version.value = 'HTTP/1.1';
  return { f, formBox };
}

/** The raw editor: the request as text, and its box (hidden until raw mode). */
function rawEditor(tr, id) {
  const rawArea = h('textarea', { id: id('raw'), rows: 9, spellcheck: 'false', autocapitalize: 'off', wrap: 'off', 'aria-describedby': id('rawhint') });
  const rawBox = h('div', { class: 'full', hidden: true }, h('label', { for: rawArea.id }, tr('raw')), rawArea,
    h('p', { class: 'hint', id: rawArea.getAttribute('aria-describedby') }, tr('rawHint')));
  return { rawArea, rawBox };
}

/** The simulated server's state controls: maintenance, upstream, the virtual clock, reset. */
function stateControls(ctx, tr, id, onChange) {
  const { runner } = ctx;
  const fs = h('fieldset', { class: 'state' }, h('legend', null, tr('state')));
  const reset = h('button', { type: 'button', class: 'btn ghost' }, tr('reset'));
  const set = (patch) => { runner.patch(patch); refresh(); onChange(); };
  const maint = h('input', { type: 'checkbox', id: id('maint') });
  maint.addEventListener('change', () => set({ maintenance: maint.checked }));
  const up = h('select', { id: id('up') }, ['healthy', 'garbage', 'slow'].map((v) => h('option', { value: v }, tr(`up_${v}`))));
  up.addEventListener('change', () => set({ upstream: up.value }));
  const clock = h('output', { class: 'clock', id: id('clock') });
  const adv = h('button', { type: 'button', class: 'btn ghost' }, tr('advance'));
  adv.addEventListener('click', () => set({ clock: (Number(runner.state.clock) || 0) + 60 }));
  reset.addEventListener('click', () => { runner.reset(); refresh(); onChange(); });
  fs.append(h('div', { class: 'pair' }, h('label', null, maint, tr('maintenance')), h('label', null, tr('upstream'), ' ', up), reset),
    h('div', { class: 'pair clock-row' }, h('label', { for: clock.id }, tr('clock')), clock, adv));
  function refresh() {
    const s = runner.state;
    maint.checked = !!s.maintenance;
    if (s.upstream) up.value = s.upstream;
    clock.value = s.date || String(s.clock);
  }
  refresh();
  return { el: fs, refresh };
}
