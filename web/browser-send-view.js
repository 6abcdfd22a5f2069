// browser-send-view.js — the send panel's "Let your browser send it" switch
// and what it shows: what the browser did with the request (browser-send.js)
// beside the engine's trace of each hop the service worker answered. Shown
// only where a service worker answers ./sim/ (the static site of make dist).
import { h, L, statusBadge } from './render.js';
import { t } from './ui-strings.js';
import { available, browserSend } from './browser-send.js';
import { splitRequest } from './send.js';

/**
 * Returns { el, active(), send(text) } or null where no worker answers
 * ./sim/. send(text) resolves to the view of what happened (a DOM node).
 */
export function browserSendControl(ctx, { id }) {
  if (!available()) return null;
  const tr = (k, ...a) => t(ctx.lang, k, ...a);
  const box = h('input', { type: 'checkbox', id });
  const el = h('p', { class: 'browser-send' }, h('label', { for: id }, box, ' ', tr('browserSend')),
    h('span', { class: 'hint' }, ' ', tr('browserSendHint')));
  async function send(text) {
    const p = splitRequest(text);
    const headers = p.headers.split(/\r?\n/).filter(Boolean).map((l) => {
      const i = l.indexOf(':');
      return i < 0 ? [l.trim(), ''] : [l.slice(0, i).trim(), l.slice(i + 1).trim()];
    });
    const r = await browserSend({ method: p.method, target: p.target, headers, body: p.body });
    return view(ctx, tr, r);
  }
  return { el, active: () => box.checked, send };
}

function view(ctx, tr, r) {
  const sec = h('section', { class: 'browser-result' }, h('h4', null, tr('browserDid')));
  const facts = h('dl', { class: 'facts' });
  const fact = (k, ...v) => facts.append(h('div', { class: 'fact' }, h('dt', null, tr(k)), h('dd', null, ...v)));
  if (r.error) fact('browserError', r.error);
  else {
    fact('browserFinal', statusBadge(ctx, r.final.status, r.final.statusText), ' ', h('code', null, `${r.final.method || ''} ${new URL(r.final.url).pathname}`));
    fact('browserRedirected', tr(r.final.redirected ? 'yes' : 'no'));
    fact('browserType', h('code', null, r.final.type));
    fact('browserHeaders', h('code', null, r.final.headers.map(([n]) => n).join(', ')));
  }
  if (r.sent.dropped.length) fact('browserDropped', h('code', null, r.sent.dropped.join(', ')));
  sec.append(facts, h('h4', null, tr('browserHops', r.hops.length)));
  sec.append(h('ol', { class: 'hops' }, r.hops.map((hop) => h('li', null,
    h('code', null, `${hop.method} ${hop.target}`), ' → ', statusBadge(ctx, hop.status, hop.phrase),
    h('ol', { class: 'trace' }, hop.trace.map((s) => h('li', null, h('span', { class: 'step' }, s.step), ' ', L(s.detail, ctx.lang))))))));
  sec.append(h('p', { class: 'hint' }, tr('browserCannot')));
  return sec;
}
