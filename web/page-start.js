// page-start.js — the page's first steps. app.js imports it first, so in
// the page's bundle (web/page/app.js, scripts/bundle-page.mjs) its lines run
// before any other module's of the page: it settles the page's language and
// begins what the first view waits for, the first module (status.wasm),
// the page's words in that language and, when the address already names a
// code or a search, that language's descriptions (the front door shows no
// description: there the first thing typed asks for them). app.js imports
// what it began.
import { load } from './engine.js';
import { pickLang, loadStrings } from './ui-strings.js';
import { parseRoute } from './route.js';

/** The code a page per code names in <html data-code> (make dist: dist/404/, dist/ko/404/), or ''. */
export const PAGE_CODE = document.documentElement.dataset.code || '';

function savedLang() {
  try { return localStorage.getItem('hs-lang'); } catch { return null; }
}

/** The language the page starts in: a code page's own, else the one chosen last, else the browser's. */
export const startLang = PAGE_CODE ? pickLang(document.documentElement.lang) : pickLang(savedLang() || navigator.language);

const first = parseRoute(location.hash, PAGE_CODE);
/** True when the first view shows descriptions (its text was asked for with the first module). */
export const textAtStart = first.view === 'lookup' && first.query.trim() !== '';

/** The engine with the first module (and the text, when textAtStart); the page's words in startLang. */
export const engineLoad = load(undefined, { ready: textAtStart ? [startLang] : [] });
export const stringsLoad = loadStrings(startLang);
// (app.js handles a failure: these only keep it from being reported before app.js is here)
engineLoad.catch(() => {});
stringsLoad.catch(() => {});
