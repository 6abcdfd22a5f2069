#!/usr/bin/env node
// build-dist.mjs — `make dist`: the static site, a folder any static host
// serves as it is.
//
//   dist/index.html, embed.html    the page and the elements' demo
//   dist/assets-<hash>/            every runtime file of web/, in a folder
//                                  named by the hash of all of them: a new
//                                  build is a new folder, so caches never mix
//                                  versions (files import each other by
//                                  relative names, which stay as they are);
//                                  each .js minified by esbuild on its own
//                                  (still an ES module, imports unchanged),
//                                  with its source map beside it (.js.map);
//                                  the page's scripts are make's bundle,
//                                  page/*.js (scripts/bundle-page.mjs)
//   dist/<code>/index.html         a real page per code (the card as plain
//   dist/ko/<code>/index.html      HTML, readable without JavaScript), English
//                                  and Korean, with title, description,
//                                  canonical and hreflang; the app takes over
//   dist/<code>.json               the same facts as JSON (a badge's popover reads
//                                  its code's instead of loading the engine)
//   dist/sitemap.xml               every page (absolute with --base URL)
//   dist/sw.js                     the service worker: offline, and ./sim/
//   *.gz, *.br                     beside each text file, for hosts that serve them
//
// The cards are built by the page's own renderer (web/render.js) on a DOM
// from linkedom, from what the engine says: no second template to drift.
//
//   node scripts/build-dist.mjs [--out dist] [--base https://example.com/path/]
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { transformSync } from 'esbuild';
import { parseHTML } from 'linkedom';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WEB = join(ROOT, 'web');
const HERE = fileURLToPath(new URL('./dist/', import.meta.url));

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const OUT = resolve(ROOT, opt('out', 'dist'));
const BASE = opt('base', '');

/**
 * The runtime files of web/: everything a page or an element loads, with
 * the page's scripts as page/NAME.js (make's bundle: app.js and
 * page-start.js are in it, so not copied on their own). Not the pages, not
 * types, not engine-node.js (Node's), not the bundle's source maps (each
 * minified file gets its own).
 */
function assetNames() {
  const top = readdirSync(WEB).filter((f) => !f.endsWith('.html') && !f.endsWith('.d.ts')
    && !['engine-node.js', 'app.js', 'page-start.js'].includes(f) && statSync(join(WEB, f)).isFile());
  const page = readdirSync(join(WEB, 'page')).filter((f) => f.endsWith('.js')).map((f) => `page/${f}`);
  return [...top, ...page].sort();
}

/** Returns the first 10 hex digits of the SHA-256 of every asset's name and bytes. */
function hashOf(names) {
  const h = createHash('sha256');
  for (const n of names) h.update(n).update('\0').update(readFileSync(join(WEB, n))).update('\0');
  return h.digest('hex').slice(0, 10);
}

const escapeXml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/** Rewrites an HTML file's src/href that name an asset to prefix + assets-<hash>/name. */
function pointAtAssets(html, names, prefix) {
  const set = new Set(names);
  return html.replace(/\b(src|href)="([^"#?:]+)"/g, (m, attr, v) => (set.has(v) ? `${attr}="${prefix}${v}"` : m));
}

export async function build() {
  const names = assetNames();
  const hash = hashOf(names);
  const assets = `assets-${hash}/`;
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, assets), { recursive: true });
  for (const n of names) copyAsset(n, join(OUT, assets));
  cpSync(join(HERE, 'register-sw.js'), join(OUT, assets, 'register-sw.js'));

  // The pages: asset references point into the hashed folder, plus the
  // service worker's registration.
  const register = `<script type="module" src="${assets}register-sw.js"></script>\n</head>`;
  const page = (file) => pointAtAssets(readFileSync(join(WEB, file), 'utf8'), names, assets).replace('</head>', register);
  const indexHtml = page('index.html');
  writeFileSync(join(OUT, 'index.html'), indexHtml);
  writeFileSync(join(OUT, 'embed.html'), page('embed.html'));

  // The engine and the page's renderer, on a DOM of linkedom's.
  globalThis.document = parseHTML('<!doctype html><html><body></body></html>').document;
  const { load } = await import(pathToFileURL(join(WEB, 'engine.js')).href);
  const render = await import(pathToFileURL(join(WEB, 'render.js')).href);
  // (its card shows the Flask handler, and the example is built, with the exchange views)
  const exchangeViews = await import(pathToFileURL(join(WEB, 'render-exchange.js')).href);
  const { makeRunner } = await import(pathToFileURL(join(WEB, 'runner.js')).href);
  const strings = await import(pathToFileURL(join(WEB, 'ui-strings.js')).href);
  await Promise.all(['en', 'ko'].map(strings.loadStrings));
  const hs = await load();
  if (hs.ready) { await hs.ready('http').catch(() => {}); }
  const codes = hs.codes();

  const pages = ['', 'embed.html'];
  for (const lang of ['en', 'ko']) {
    for (const code of codes) {
      const dir = lang === 'en' ? `${code}/` : `ko/${code}/`;
      const up = lang === 'en' ? '../' : '../../';
      writeFileSync(join(mkdirp(join(OUT, dir)), 'index.html'), await codePage({ hs, render, exchangeViews, makeRunner, strings, code, lang, up, indexHtml, assets }));
      pages.push(dir);
    }
  }
  for (const code of codes) writeFileSync(join(OUT, `${code}.json`), `${JSON.stringify(facts(hs, code), null, 2)}\n`);
  writeFileSync(join(OUT, 'sitemap.xml'), sitemap(pages));

  // The service worker lives at the root (its scope is the whole site); it
  // knows the build's files, to keep them for offline use.
  const precache = ['./', 'embed.html', ...names.map((n) => assets + n), `${assets}register-sw.js`];
  const pagesToKeep = pages.filter((p) => p && p !== 'embed.html');
  const sw = readFileSync(join(HERE, 'sw.js'), 'utf8')
    .replace('__VERSION__', hash)
    .replaceAll('__ASSETS__', assets)
    .replace("'__PRECACHE__'", JSON.stringify(precache))
    .replace("'__PAGES__'", JSON.stringify(pagesToKeep));
  writeFileSync(join(OUT, 'sw.js'), sw);

  compressAll(OUT);
  return { out: OUT, hash, pages: pages.length, codes: codes.length };
}

/**
 * Writes web/name into dir: a .js file minified by esbuild, alone (an ES
 * module still, its imports and exports as they are: no bundling), with a
 * source map beside it that carries the source, and HS_FACTS_AT defined
 * (badge-popover.js); any other file as it is.
 */
function copyAsset(name, dir) {
  if (!name.endsWith('.js')) { cpSync(join(WEB, name), join(dir, name)); return; }
  let code = readFileSync(join(WEB, name), 'utf8');
  const base = name.split('/').pop();
  // A chunk of the page's bundle carries rollup's map to the modules it
  // holds: given to esbuild inline, the minified file maps to those modules.
  if (existsSync(join(WEB, `${name}.map`))) {
    code = code.replace(/\/\/# sourceMappingURL=\S+\n?$/, '')
      + `//# sourceMappingURL=data:application/json;base64,${readFileSync(join(WEB, `${name}.map`)).toString('base64')}\n`;
  }
  const out = transformSync(code, {
    loader: 'js', format: 'esm', minify: true, sourcemap: 'external', sourcefile: base,
    // A badge's popover reads the code's facts file (<code>.json, at the site's root) instead of loading the engine.
    define: { HS_FACTS_AT: JSON.stringify('../') },
  });
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${out.code}//# sourceMappingURL=${base}.map\n`);
  writeFileSync(`${file}.map`, out.map);
}

function mkdirp(dir) { mkdirSync(dir, { recursive: true }); return dir; }

/** The facts of code as JSON: the engine's lookup, and the example request that makes the server answer it. */
function facts(hs, code) {
  const e = hs.lookup(code);
  let example = null;
  try { example = hs.example ? hs.example(code) : null; } catch { example = null; }
  return { ...e, example: example && { request: example.request, reason: example.reason, explanation: example.explanation } };
}

/** One code's page: the app's own shell with the card inside, and the head a search engine reads. */
async function codePage({ hs, render, exchangeViews, makeRunner, strings, code, lang, up, indexHtml, assets }) {
  const e = hs.lookup(code);
  const { document: doc } = parseHTML(indexHtml.replaceAll(`"${assets}`, `"${up}${assets}`));
  globalThis.document = doc;
  const ctx = {
    hs, lang, runner: null,
    link: (c, ...children) => render.h('a', { href: `${up}${lang === 'ko' ? 'ko/' : ''}${c}/` }, ...children),
  };
  const html = doc.documentElement;
  html.setAttribute('lang', lang);
  html.dataset.code = String(code);
  // The shell's own words in the page's language, as app.js would set them.
  for (const el of doc.querySelectorAll('[data-t]')) el.textContent = strings.t(lang, el.dataset.t);
  for (const el of doc.querySelectorAll('[data-t-placeholder]')) el.setAttribute('placeholder', strings.t(lang, el.dataset.tPlaceholder));
  for (const el of doc.querySelectorAll('[data-t-aria-label]')) el.setAttribute('aria-label', strings.t(lang, el.dataset.tAriaLabel));
  for (const el of doc.querySelectorAll('link[href="favicon.svg"], a[href="embed.html"]')) el.setAttribute('href', up + el.getAttribute('href'));

  const title = lang === 'ko' && e.title && e.title.ko && e.title.ko !== e.phrase ? `${code} ${e.title.ko} (${e.phrase})` : `${code} ${e.phrase}`;
  doc.title = `${title} — HTTP status explorer`;
  const desc = render.L(e.description, lang);
  let meta = doc.querySelector('meta[name="description"]');
  if (!meta) { meta = doc.createElement('meta'); meta.setAttribute('name', 'description'); doc.head.append(meta); }
  meta.setAttribute('content', desc.length > 300 ? `${desc.slice(0, 297)}...` : desc);
  const here = (l) => `${BASE || up}${l === 'ko' ? 'ko/' : ''}${code}/`;
  const link = (attrs) => { const el = doc.createElement('link'); for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v); doc.head.append(el); };
  link({ rel: 'canonical', href: here(lang) });
  link({ rel: 'alternate', hreflang: 'en', href: here('en') });
  link({ rel: 'alternate', hreflang: 'ko', href: here('ko') });
  link({ rel: 'alternate', hreflang: 'x-default', href: here('en') });
  link({ rel: 'alternate', type: 'application/json', href: `${up}${code}.json` });

  const results = doc.getElementById('results');
  results.append(render.card(ctx, code, { headingLevel: 2, exchange: false }));
  if (hs.example) {
    try {
      const ex = exchangeViews.exampleView({ ...ctx, runner: makeRunner(hs) }, code, { headingLevel: 3 });
      if (ex && typeof ex.then !== 'function') results.append(render.h('section', { class: 'static-example' }, ex));
    } catch { /* a code the server cannot show: the card alone */ }
  }
  return `<!doctype html>\n${html.outerHTML}\n`;
}

function sitemap(pages) {
  const urls = pages.map((p) => `  <url><loc>${escapeXml((BASE || '') + p)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** Writes name.gz and name.br beside every text or wasm file under dir. */
function compressAll(dir) {
  for (const f of readdirSync(dir, { recursive: true })) {
    const p = join(dir, f);
    if (!/\.(html|js|css|wasm|json|svg|xml|bin)$/.test(f) || !statSync(p).isFile()) continue;
    const body = readFileSync(p);
    if (body.length < 256) continue;
    writeFileSync(`${p}.gz`, gzipSync(body, { level: 9 }));
    writeFileSync(`${p}.br`, brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await build();
  console.log(`dist: ${relative(ROOT, r.out)}/ (assets-${r.hash}, ${r.codes} codes, ${r.pages} pages)`);
}
