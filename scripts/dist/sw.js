// sw.js — the service worker of the static site (built by make dist).
//
// 1. Offline: on install it keeps the page, the elements' demo and every
//    asset of this build in a cache named by the build's hash, then every
//    code page when the page asks (register-sw.js does, once it is served);
//    afterwards assets are answered from the cache, pages from the network
//    when there is one and from the cache when there is not. Activating a new
//    build deletes the caches of the old ones.
// 2. ./sim/: requests under <site>/sim/ are answered by the engine's
//    simulated server, running here in the worker, so the browser itself is
//    the client: it follows redirects, rewrites POST to GET on 302/303,
//    keeps the method on 307/308, shows a navigation's answer as it shows
//    any page. The request the engine reads is made from what a worker sees:
//    the method, the URL, the headers the page's request carries, the body,
//    Accept-Language from navigator.languages and Cookie from the worker's
//    cookie store (the browser adds both below the worker, where it cannot
//    read them). What a worker cannot show: the HTTP cache sits below it (a
//    real 304 revalidation is not performed), a 401 never brings up the
//    browser's own login prompt, a 101 cannot hand the connection over, and
//    Set-Cookie from a worker's response is not stored.
import { load } from './__ASSETS__engine.js';
// import() is not allowed in a service worker: the second module's glue is
// imported here and handed to load().
import * as glue from './__ASSETS__engine-http.js';

const VERSION = '__VERSION__';
const CACHE = `hs-${VERSION}`;
const PRECACHE = '__PRECACHE__';
const PAGES = '__PAGES__';
const SCOPE = new URL(self.registration.scope);
const SIM = `${SCOPE.pathname}sim/`;

// The engine's own fetches (its .wasm files) come from the cache first, so
// the simulated server starts offline too.
const network = self.fetch.bind(self);
self.fetch = async (input, init) => (await caches.match(input instanceof Request ? input : String(input))) || network(input, init);

/** Adds url to cache, trying three times: a small static server (a listen
** backlog of 5 is common) may drop a burst of connections. */
async function keepOne(cache, url) {
  for (let attempt = 1; ; attempt++) {
    try { return await cache.add(url); } catch (err) { if (attempt === 3) throw err; }
    await new Promise((ok) => setTimeout(ok, 200 * attempt));
  }
}

/** Keeps every code page not kept yet, a few at a time. */
async function keepPages() {
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const p of PAGES) if (!(await cache.match(p))) missing.push(p);
  for (let i = 0; i < missing.length; i += 6) await Promise.all(missing.slice(i, i + 6).map((u) => keepOne(cache, u)));
}

// The page and its assets are kept on install; the code pages after, when
// the page asks (register-sw.js), so ./sim/ and the page work at once.
self.addEventListener('message', (event) => {
  if (event.data === 'keep-pages') event.waitUntil(keepPages());
});

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (let i = 0; i < PRECACHE.length; i += 6) await Promise.all(PRECACHE.slice(i, i + 6).map((u) => keepOne(cache, u)));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('hs-') && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

// The exchanges answered under ./sim/, newest last (at most 32), for the
// page to show each hop the browser made beside what it saw: GET
// <site>/sim-log?after=N returns those with a sequence number above N.
const log = [];
let seq = 0;

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== SCOPE.origin) return;
  if (url.pathname === `${SCOPE.pathname}sim-log`) {
    const after = Number(url.searchParams.get('after')) || 0;
    event.respondWith(Response.json({ last: seq, hops: log.filter((h) => h.seq > after) }, { headers: { 'Cache-Control': 'no-store' } }));
  } else if (url.pathname.startsWith(SIM)) event.respondWith(simulated(event.request, url));
  else if (event.request.method === 'GET') event.respondWith(fromSite(event.request, url));
});

/** Assets (named by the build's hash) from the cache; pages from the network, else the cache. */
async function fromSite(request, url) {
  if (/\/assets-[0-9a-f]+\//.test(url.pathname)) return (await caches.match(request)) || network(request);
  try {
    const res = await network(request);
    if (res.ok) (await caches.open(CACHE)).put(request, res.clone());
    return res;
  } catch (err) {
    const kept = await caches.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw err;
  }
}

let engine;

/** The raw HTTP/1.1 request the engine reads, from what the worker sees of the browser's. */
async function rawRequest(request, url) {
  const target = `/${url.pathname.slice(SIM.length)}${url.search}`;
  const lines = [`${request.method} ${target} HTTP/1.1`, `Host: ${url.host}`];
  const seen = new Set(['host', 'connection', 'content-length']);
  for (const [name, value] of request.headers) {
    seen.add(name);
    lines.push(`${name}: ${value}`);
  }
  if (!seen.has('accept-language') && self.navigator.languages) {
    lines.push(`Accept-Language: ${self.navigator.languages.map((l, i) => (i ? `${l};q=${Math.max(1, 9 - i) / 10}` : l)).join(', ')}`);
  }
  if (!seen.has('cookie') && self.cookieStore) {
    const jar = await self.cookieStore.getAll().catch(() => []);
    if (jar.length) lines.push(`Cookie: ${jar.map((c) => `${c.name}=${c.value}`).join('; ')}`);
  }
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.length || ['POST', 'PUT', 'PATCH'].includes(request.method)) lines.push(`Content-Length: ${body.length}`);
  const head = new TextEncoder().encode(`${lines.join('\r\n')}\r\n\r\n`);
  const raw = new Uint8Array(head.length + body.length);
  raw.set(head);
  raw.set(body, head.length);
  return raw;
}

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'set-cookie']);

/** Answers a request under ./sim/ with the engine's simulated server. */
async function simulated(request, url) {
  // the second module and its Korean (the trace is told in both languages);
  // not the linter: its glue would need import(), which a worker does not allow
  engine ??= load(undefined, { glue, ready: ['http', 'server-ko'] });
  const hs = await engine;
  if (hs.ready) await hs.ready('http', 'server-ko');
  const result = await hs.simulate(await rawRequest(request, url));
  const x = result.exchanges[result.exchanges.length - 1];
  const res = x.response;
  log.push({ seq: ++seq, method: request.method, target: `/${url.pathname.slice(SIM.length)}${url.search}`, mode: request.mode,
    request: x.request, status: res.status, phrase: res.phrase, headers: res.headers, trace: x.trace });
  if (log.length > 32) log.shift();
  // What the engine read and which step decided, for the page to show beside what the browser did.
  const headers = new Headers({
    'X-Simulated-Request': `${request.method} /${url.pathname.slice(SIM.length)}${url.search}`,
    'X-Simulated-Step': x.trace.length ? x.trace[x.trace.length - 1].step : '',
    'Access-Control-Expose-Headers': 'X-Simulated-Request, X-Simulated-Step',
  });
  for (const [name, value] of res.headers) {
    if (HOP.has(name.toLowerCase())) continue;
    // The engine's paths live under ./sim/ here.
    if (name.toLowerCase() === 'location') headers.append(name, simPath(value, url));
    else headers.append(name, value);
  }
  if (res.status < 200) {
    headers.set('X-Simulated-Status', String(res.status));
    return new Response(`${res.status} ${res.phrase}: a service worker cannot hand a connection over to another protocol.\n`,
      { status: 501, statusText: 'Not Implemented', headers });
  }
  const empty = [204, 205, 304].includes(res.status) || request.method === 'HEAD';
  const body = empty ? null : typeof res.body === 'string' ? res.body : new Uint8Array(res.body || []);
  return new Response(body, { status: res.status, statusText: res.phrase, headers });
}

/** Maps a Location the engine sent ("/items/4", "http://host/x") into ./sim/ on this site. */
function simPath(location, url) {
  if (location.startsWith('/') && !location.startsWith('//')) return `${SIM}${location.slice(1)}`;
  try {
    const abs = new URL(location);
    if (abs.host === url.host && !abs.pathname.startsWith(SIM)) return `${abs.origin}${SIM}${abs.pathname.slice(1)}${abs.search}`;
  } catch { /* a relative reference: the browser resolves it against ./sim/ */ }
  return location;
}
