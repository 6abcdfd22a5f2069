// render-exchange.js — the views that need the engine's second module: a
// raw HTTP message, an exchange (the request as sent, the responses, the
// decision trace, what the client does next), a code's example exchange and
// its Flask handler. It loads with http.wasm (the page imports it when the
// second module is asked for; send.js, lint-panel.js and explorer-view.js
// import it), and registers its views with render.js, whose card and case
// then show an exchange and a handler.
//
// Built with DOM nodes and textContent only, as render.js is.

import { h, L, statusBadge, ruleNode, useExchangeViews, partSlot } from './render.js';
import { t } from './ui-strings.js';
import { missingPart } from './runner.js';

const tr = (ctx, key, ...a) => t(ctx.lang, key, ...a);

// The route a handler lives on: a path as code, or the engine's two
// placeholders ("(every route)", "(server)") in the reader's language.
function routeLabel(ctx, route) {
  if (route === '(every route)') return tr(ctx, 'routeAny');
  if (route === '(server)') return tr(ctx, 'routeServer');
  return h('code', { class: 'route' }, route);
}

/**
 * The corrected Flask handler for code beside the article's naive one, and
 * the response it yields, when the engine has one. Its texts are the
 * 'examples' part: filled in place when they arrive.
 */
export function handlerBlock(ctx, code, level, opts) {
  const { hs } = ctx;
  let hd;
  try { hd = hs.handler(code, ctx.lang); } catch (err) {
    // told in Korean before the server's Korean is here: filled in when it arrives
    return missingPart(err) ? partSlot(ctx, missingPart(err), () => handlerBlock(ctx, code, level, opts), { tag: 'section' }) : null;
  }
  if (!hd) return null;
  return hd.corrected ? handlerSection(ctx, hd, level, opts) : partSlot(ctx, 'examples', () => handlerBlock(ctx, code, level, opts), { tag: 'section' });
}

function handlerSection(ctx, hd, level, { naiveOpen = false } = {}) {
  const { lang } = ctx;
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

/* ---- raw HTTP messages ---------------------------------------------- */

const utf8 = new TextEncoder();
const lenient = new TextDecoder('utf-8');
const strict = new TextDecoder('utf-8', { fatal: true });

/** Returns the bytes of response r when they are not all UTF-8 (its rawBase64), else its raw text. */
function responseBytes(r) {
  if (!r.rawBase64) return r.raw || '';
  const bin = atob(r.rawBase64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// A control character other than tab, CR and LF: nothing to see when shown as text.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** Why bytes b are not text to show as it is: 'bytes' (not UTF-8), 'controls' (UTF-8 with a control character), or null (text). */
function notText(b) {
  let s;
  try { s = strict.decode(b); } catch { return 'bytes'; }
  return CONTROL.test(s) ? 'controls' : null;
}

/** The hex view's note for exchanges told in ctx's language: n bytes, why (notText's answer). */
const hexNoteOf = (ctx) => (n, why) => tr(ctx, why === 'controls' ? 'hexControls' : 'hexContent', n);

/** Returns where the content of message bytes b starts (after the first blank line), or -1. */
function contentStart(b) {
  // (empty lines before a request's start line are not its head's end: RFC 9112 §2.2)
  let i = 0;
  while (i < b.length && (b[i] === 0x0d || b[i] === 0x0a)) i++;
  for (; i + 1 < b.length; i++) {
    if (b[i] !== 0x0a) continue;
    if (b[i + 1] === 0x0a) return i + 2;
    if (b[i + 1] === 0x0d && b[i + 2] === 0x0a && i > 0 && b[i - 1] === 0x0d) return i + 3;
  }
  return -1;
}

/** Returns content bytes b as hexadecimal lines of 16: offset, bytes, and the printable ASCII among them. */
export function hexLines(b) {
  const lines = [];
  for (let at = 0; at < b.length; at += 16) {
    const row = b.subarray(at, at + 16);
    const hex = Array.from(row, (x, i) => (i === 8 ? ' ' : '') + x.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (x) => (x >= 0x20 && x < 0x7f ? String.fromCharCode(x) : '.')).join('');
    lines.push(`${at.toString(16).padStart(4, '0')}  ${hex.padEnd(48)}  ${ascii}`);
  }
  return lines.join('\n');
}

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
 * With hexNote ((n, why) => words), content that is not UTF-8, or is but
 * holds a control character (other than tab, CR, LF), is shown in
 * hexadecimal under those words, not as text (where each such byte would be
 * U+FFFD, or nothing at all); an errorOffset inside the content keeps it as text.
 */
export function rawMessage(raw, { errorOffset = -1, label = '', errorText = '', hexNote = null } = {}) {
  if (hexNote && (typeof raw !== 'string' || CONTROL.test(raw))) {
    const b = typeof raw === 'string' ? utf8.encode(raw) : raw;
    const at = contentStart(b);
    const content = at < 0 ? null : b.subarray(at);
    const why = content && content.length && errorOffset < at ? notText(content) : null;
    if (why) {
      const pre = rawMessage(b.subarray(0, at), { errorOffset, label, errorText });
      pre.append('\n', h('span', { class: 'hex-note' }, hexNote(content.length, why)), '\n', h('span', { class: 'bd hex' }, hexLines(content)));
      return pre;
    }
  }
  const text = typeof raw === 'string' ? raw : lenient.decode(raw);
  const errAt = errorOffset >= 0 ? (typeof raw === 'string' ? byteToIndex(text, errorOffset) : lenient.decode(raw.subarray(0, errorOffset)).length) : -1;
  const pre = h('pre', { class: 'raw', part: 'raw', tabindex: '0' });
  if (label) pre.setAttribute('aria-label', label);
  // Segments: [start, end, class]; the head ends at the first blank line.
  const segs = [];
  // Empty lines before the start line (a request may have them: RFC 9112 §2.2) are line ends, not the head's end.
  const lead = /^[\r\n]*/.exec(text)[0].length;
  if (lead) segs.push([0, lead, 'eol']);
  let headEnd = text.indexOf('\r\n\r\n', lead);
  let sepLen = 4;
  if (headEnd < 0) { headEnd = text.indexOf('\n\n', lead); sepLen = 2; }
  const headLen = headEnd < 0 ? text.length : headEnd;
  let pos = lead;
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
    rawMessage(slice, { errorOffset: perr && perr.offset >= 0 ? perr.offset - off : -1, label: tr(ctx, 'request'), errorText: perr ? L(perr.reason, lang) : '', hexNote: hexNoteOf(ctx) }));
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
      rawMessage(responseBytes(r), { label: `${statusOf(r)} ${r.phrase || ''}`, hexNote: hexNoteOf(ctx) }));
  }
  const resp = x.response;
  if (resp) {
    sec.append(h(Hx, { class: 'final' }, tr(ctx, 'response'), ' ', statusBadge(ctx, statusOf(resp), resp.phrase)),
      rawMessage(responseBytes(resp), { label: `${tr(ctx, 'response')} ${statusOf(resp)}`, hexNote: hexNoteOf(ctx) }));
    // The page's "Check a response" tab takes the interim and final responses with the request.
    // The tab checks text; a response whose bytes raw cannot hold (rawBase64) gets no link
    if (ctx.lintHref && resp.raw && !resp.rawBase64) {
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
  if (f.inexact) sec.append(h('p', { class: 'why' }, tr(ctx, 'followInexact')));
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
    runner.settle(() => runner.follow(req, s, lang)).then(({ result, state: after }) => {
      slot.replaceChildren(exchangeView(ctx, req, result, { headingLevel, state: after }));
      const first = slot.querySelector('h' + headingLevel);
      if (first) { first.tabIndex = -1; first.focus(); }
    }, (err) => { slot.replaceChildren(h('p', { class: 'error' }, String(err && err.message || err))); });
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
    // told in Korean before the server's Korean is here: made when it arrives
    if (missingPart(err)) return partSlot(ctx, missingPart(err), () => exampleView(ctx, code, { headingLevel }));
    return h('p', { class: 'error' }, String(err && err.message || err));
  }
  if (!ex.result) return h('p', { class: 'muted' }, L(ex.example && ex.example.explanation, lang) || tr(ctx, 'notYet'));
  const note = [];
  const why = L(ex.example.explanation, lang);
  if (why) note.push(h('p', { class: 'why' }, why));
  // a real example's explanation is the 'examples' part: filled in place when it arrives
  else if (ex.example.reason === 'real' && ex.example.explanation === null) {
    note.push(partSlot(ctx, 'examples', () => {
      const e = ctx.hs.example(code);
      return e && e.explanation ? h('p', { class: 'why' }, L(e.explanation, lang)) : null;
    }, { tag: 'p', class: 'why' }));
  }
  const setup = ex.example.setup ? setupText(ctx, ex.example.setup) : '';
  if (setup) note.push(h('p', { class: 'setup muted' }, tr(ctx, 'setup'), ': ', setup));
  return exchangeView(ctx, ex.example.request, ex.result, { headingLevel, state: ex.state, setupNote: note.length ? h('div', null, note) : null });
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

useExchangeViews({ exampleView, handlerBlock });
