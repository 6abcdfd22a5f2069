// output.js — how the command line shows engine output to a person: the
// card of one code, the aligned list of several, an exchange with its
// decision trace, and colour (only on a terminal, never with NO_COLOR).
// Every word comes from the engine or from web/ui-strings.js, so the
// terminal says what the page says, in English or Korean.

import { t } from '../web/ui-strings.js';
import { L, refLabel } from '../web/render.js';

/** Returns true when text written to stream may carry ANSI colour:
 * a terminal, and no NO_COLOR with a value (https://no-color.org). */
export function colourFor(stream, env) {
  return Boolean(stream && stream.isTTY) && !(typeof env.NO_COLOR === 'string' && env.NO_COLOR !== '');
}

const SGR = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33', blue: '34', magenta: '35', cyan: '36' };

/** Returns a painter: paint('bold', text) wraps text in SGR codes when on, else returns it. */
export function painter(on) {
  return (style, text) => (on ? `\x1b[${SGR[style]}m${text}\x1b[0m` : String(text));
}

// Columns a code point takes in a terminal: 2 for East Asian wide ones.
function cpWidth(cp) {
  if (cp < 0x1100) return 1;
  if ((cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd)) return 2;
  return 1;
}

/** Returns the width of text in terminal columns (ANSI codes take none; Hangul takes two). */
export function width(text) {
  let w = 0;
  for (const ch of String(text).replace(/\x1b\[[0-9;]*m/g, '')) w += cpWidth(ch.codePointAt(0));
  return w;
}

/** Returns text padded with spaces to cols terminal columns. */
export function pad(text, cols) {
  const w = width(text);
  return w >= cols ? text : text + ' '.repeat(cols - w);
}

/** Wraps text into lines of at most cols columns (breaking at spaces), each prefixed by indent. */
export function wrap(text, cols, indent = '') {
  const out = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    if (line && width(line) + 1 + width(word) > cols) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out;
}

const classColour = { 1: 'blue', 2: 'green', 3: 'cyan', 4: 'yellow', 5: 'red' };

/** Returns the status in its class colour: "404 Not Found". */
export function statusText(paint, code, phrase) {
  return paint(classColour[Math.floor(code / 100)] || 'magenta', `${code}${phrase ? ` ${phrase}` : ''}`);
}

/** The card of one code (hs.lookup(code)) as lines: status, facts in
 * aligned label/value rows, then the description wrapped. */
export function cardLines(entry, lang, paint, cols = 78) {
  const rows = [];
  const title = lang === 'ko' && entry.title && entry.title.ko !== entry.phrase ? ` · ${entry.title.ko}` : '';
  rows.push([t(lang, 'classLabel'), `${entry.class}xx ${L(entry.className, lang)}`]);
  rows.push([t(lang, 'registry'), t(lang, `reg_${entry.registry}`)]);
  if (entry.reference) rows.push([t(lang, 'definedIn'), `${refLabel(entry.reference)}  ${entry.reference.url}`]);
  if (entry.origin) rows.push([t(lang, 'origin'), L(entry.origin, lang)]);
  if (entry.aliases && entry.aliases.length) rows.push([t(lang, 'aliases'), entry.aliases.join(', ')]);
  for (const f of entry.requiredFields || []) {
    rows.push([t(lang, 'requiredFields'), `${f.field} (${f.level}, ${refLabel(f.reference)}): ${L(f.when, lang)}`]);
  }
  if (entry.redirect) rows.push([t(lang, 'methodOnFollow'), L(entry.redirect.explain, lang)]);
  if (entry.treatedAs) rows.push([t(lang, 'treatedAs'), String(entry.treatedAs)]);
  const flags = [];
  if (entry.interim) flags.push(t(lang, 'interim'));
  if (entry.cacheableByDefault) flags.push(t(lang, 'cacheable'));
  if (entry.retryable) flags.push(t(lang, 'retryable'));
  if (entry.deprecated) flags.push(t(lang, 'deprecated'));
  if (entry.expired) flags.push(t(lang, 'expired'));
  const labelCols = Math.max(...rows.map(([k]) => width(k))) + 2;
  const lines = [paint('bold', statusText(paint, entry.code, entry.phrase)) + title + (flags.length ? paint('dim', `  (${flags.join(', ')})`) : '')];
  for (const [k, v] of rows) {
    const wrapped = wrap(v, cols - 2 - labelCols);
    lines.push(`  ${paint('dim', pad(k, labelCols))}${wrapped[0] || ''}`);
    for (const more of wrapped.slice(1)) lines.push(`  ${' '.repeat(labelCols)}${more}`);
  }
  lines.push('');
  lines.push(...wrap(L(entry.description, lang), cols - 2, '  '));
  return lines;
}

/** Several codes as an aligned list: code, phrase, and the title in
 * Korean or the registry status in English. */
export function listLines(entries, lang, paint) {
  const phraseCols = Math.min(36, Math.max(...entries.map((e) => width(e.phrase))) + 2);
  return entries.map((e) => {
    const extra = lang === 'ko' ? e.title.ko : t(lang, `reg_${e.registry}`);
    return `${statusText(paint, e.code, '')}  ${pad(e.phrase, phraseCols - 1)} ${paint('dim', extra)}`;
  });
}

// Shows control characters of a raw message (C0, DEL and C1, whose U+009B starts a terminal escape) so a terminal cannot be driven by them.
function visible(text) {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (ch) => {
    const c = ch.charCodeAt(0);
    return c < 0x80 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
  });
}

/** Lines of a raw HTTP message (head lines as sent, content after a blank line), indented. */
export function rawLines(raw, indent = '  ') {
  return visible(raw.replace(/\r\n/g, '\n')).split('\n').map((l) => indent + l);
}

/** The decision trace as aligned rows: step, rule, what it decided, the detail wrapped. */
export function traceLines(trace, lang, paint, cols = 100) {
  const stepCols = Math.max(...trace.map((s) => width(s.step))) + 2;
  const ruleCols = Math.max(...trace.map((s) => width(s.rule))) + 2;
  const lines = [];
  for (const s of trace) {
    const head = `  ${pad(s.step, stepCols)}${paint('dim', pad(s.rule, ruleCols))}`;
    const mark = s.status ? `${statusText(paint, s.status, '')} ` : '';
    const room = Math.max(30, cols - 2 - stepCols - ruleCols);
    const text = wrap(mark + L(s.detail, lang), room);
    lines.push(head + (text[0] || ''));
    for (const more of text.slice(1)) lines.push(' '.repeat(2 + stepCols + ruleCols) + more);
  }
  return lines;
}

/** One exchange of hs.simulate as lines: the request line, interim and
 * final responses as sent, the trace, and what became of the connection. */
export function exchangeLines(x, n, lang, paint) {
  const req = x.request;
  const lines = [paint('bold', `${t(lang, 'exchangeN', n)}: ${req.method ? `${req.method} ${req.target} ${req.version}` : t(lang, 'parseError')}`)];
  for (const r of x.interim) {
    lines.push(`  ${t(lang, 'interimResponses')}: ${statusText(paint, r.status, r.phrase)}`);
    lines.push(...rawLines(r.raw, '    '));
  }
  lines.push(`  ${t(lang, 'finalResponse')}: ${statusText(paint, x.response.status, x.response.phrase)}`);
  lines.push(...rawLines(x.response.raw, '    '));
  lines.push(`  ${t(lang, 'trace')}:`);
  lines.push(...traceLines(x.trace, lang, paint).map((l) => `  ${l}`));
  const conn = { 'keep-alive': 'conn_keepalive', close: 'conn_close', upgrade: 'conn_upgrade' }[x.connection];
  lines.push(`  ${t(lang, 'connection')}: ${t(lang, conn)}`);
  return lines;
}

const levelColour = { error: 'red', warning: 'yellow', info: 'cyan' };

// The bytes raw[off, off + len) as a quoted excerpt of at most cols columns
// that a terminal cannot be driven by (control characters escaped, C1 ones
// too), "…" where it is cut.
function excerpt(raw, off, len, cols) {
  const cut = Math.min(len, 64);
  let text = visible(new TextDecoder().decode(raw.subarray(off, off + cut)))
    .replace(/[\n\t]/g, (ch) => (ch === '\n' ? '\\n' : '\\t'));
  let more = len > cut;
  while (text && width(text) > cols - (more ? 3 : 2)) {
    text = [...text].slice(0, -1).join('');
    more = true;
  }
  return `"${text}${more ? '…' : ''}"`;
}

/** The result of hs.lint(raw) as lines: how the response was read, the
 * count per level, then one aligned row per finding (level, rule, section,
 * the bytes it is about and an excerpt of them) with its message and fix
 * wrapped under it. raw is the linted response as bytes. */
export function lintLines(result, raw, lang, paint, cols = 78) {
  const r = result.response;
  const n = (level) => result.findings.filter((f) => f.level === level).length;
  const lines = [];
  if (!r.error) lines.push(t(lang, 'lintRead', r.status, r.phrase, r.framing));
  lines.push(result.findings.length ? t(lang, 'lintSummary', n('error'), n('warning'), n('info')) : t(lang, 'lintClean'));
  const rows = result.findings.map((f) => [f.level, f.rule, f.section, f.offset === undefined ? '' : t(lang, 'lintAt', f.offset, f.length)]);
  const colsOf = (k) => Math.max(...rows.map((row) => width(row[k]))) + 2;
  const w = [0, 1, 2].map(colsOf);
  result.findings.forEach((f, i) => {
    const [level, rule, section, at] = rows[i];
    const room = cols - w[0] - w[1] - w[2] - width(at) - 2;
    const bytes = f.length && room > 6 ? `  ${excerpt(raw, f.offset, f.length, room)}` : '';
    lines.push('');
    lines.push(`${paint(levelColour[level], pad(level, w[0]))}${pad(rule, w[1])}${paint('dim', pad(section, w[2]))}${at}${bytes}`.trimEnd());
    lines.push(...wrap(L(f.message, lang), cols - 2, '  '));
    lines.push(...wrap(`${t(lang, 'lintFix')}: ${L(f.fix, lang)}`, cols - 2, '  '));
  });
  return lines;
}
