// browser-send.js — "Let your browser send it": sends a request through the
// browser's own fetch to ./sim/, which the site's service worker (dist/sw.js)
// answers with the engine, and reports what the browser did (redirects it
// followed, the final URL and method, the response type, the headers a page
// may read) beside each hop the worker answered. Only where a service worker
// controls the page (the static site of make dist); see available().

// Headers a page cannot set on fetch (the browser owns them), dropped with a note.
const FORBIDDEN = /^(host|connection|content-length|keep-alive|transfer-encoding|upgrade|expect|te|trailer|cookie|cookie2|date|origin|referer|via|accept-charset|accept-encoding|access-control-request-(headers|method)|dnt|(proxy|sec)-.*)$/i;

/** Returns true when a service worker answers ./sim/ for this page. */
export function available() {
  return typeof navigator !== 'undefined' && !!(navigator.serviceWorker && navigator.serviceWorker.controller);
}

/** Returns the URL of ./sim/ on this site: the worker's scope, where the page's own folder may be deeper. */
function simBase() {
  const scope = navigator.serviceWorker.controller.scriptURL.replace(/sw\.js$/, '');
  return { sim: `${scope}sim`, log: `${scope}sim-log` };
}

/**
 * Sends { method, target, headers: [[name, value]], body } with fetch.
 * Resolves to { sent: { url, method, headers, dropped }, final: { status,
 * statusText, url, redirected, type, method, headers }, hops: [{ method,
 * target, status, phrase, headers, trace }], error? }.
 */
export async function browserSend({ method, target, headers = [], body = '' }, { redirect = 'follow' } = {}) {
  const { sim, log } = simBase();
  const before = await fetch(`${log}?after=${Number.MAX_SAFE_INTEGER}`).then((r) => r.json());
  const kept = [];
  const dropped = [];
  for (const [name, value] of headers) (FORBIDDEN.test(name) ? dropped : kept).push([name, value]);
  const url = sim + (target.startsWith('/') ? target : `/${target}`);
  const init = { method, headers: kept, redirect, credentials: 'same-origin' };
  if (body && method !== 'GET' && method !== 'HEAD') init.body = body;
  const out = { sent: { url, method, headers: kept, dropped: dropped.map(([n]) => n) } };
  try {
    const res = await fetch(url, init);
    const read = res.headers.get('X-Simulated-Request');
    out.final = {
      status: res.status, statusText: res.statusText, url: res.url, redirected: res.redirected, type: res.type,
      method: read ? read.split(' ')[0] : null, headers: [...res.headers],
    };
  } catch (err) {
    out.error = err.message;
  }
  out.hops = (await fetch(`${log}?after=${before.last}`).then((r) => r.json())).hops;
  return out;
}
