// route.js — what an address of the page asks for, read from its hash (or,
// on a page per code of the static site, from the code the page names), and
// the article's five problem cases that the front door offers. No DOM, no
// side effects: page-start.js reads the first address with it, app.js every
// address after.
//
//   parseRoute('#404/exchange')  // { view: 'lookup', query: '404', exchange: 404 }
//   parseRoute('#send?code=404') // { view: 'send', params: URLSearchParams }

/** The article's five problem cases, by the status each one ends in. */
export const CASES = [400, 401, 403, 404, 500];

/**
 * Returns what hash asks for: { view: 'send' | 'lint', params } or
 * { view: 'lookup', query, all?, exchange?, caseCode? }. An empty hash means
 * pageCode (a code page's own code, or ''); typed is what the input holds,
 * which #all keeps.
 */
export function parseRoute(hash, pageCode = '', typed = '') {
  const raw = hash.replace(/^#/, '') || pageCode;
  if (raw === 'send' || raw.startsWith('send?')) return { view: 'send', params: new URLSearchParams(raw.slice(5)) };
  if (raw === 'lint' || raw.startsWith('lint?')) return { view: 'lint', params: new URLSearchParams(raw.slice(5)) };
  if (raw === 'all') return { view: 'lookup', query: typed, all: true };
  let text = raw;
  try { text = decodeURIComponent(raw); } catch { /* keep it as typed */ }
  const m = /^(\d{3})\/exchange$/.exec(text);
  if (m) return { view: 'lookup', query: m[1], exchange: Number(m[1]) };
  const c = /^case\/(\d{3})$/.exec(text);
  if (c && CASES.includes(Number(c[1]))) return { view: 'lookup', query: '', caseCode: Number(c[1]) };
  return { view: 'lookup', query: text };
}
