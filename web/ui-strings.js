// ui-strings.js — the page's and the elements' own words, one table per
// language (ui-strings-en.js, ui-strings-ko.js), each loaded the first time
// a view speaks it. Everything else a person reads (phrases, descriptions,
// trace steps, error messages) comes from the engine.
//
//   import { t, loadStrings, pickLang } from './ui-strings.js';
//   await loadStrings('ko');     // before the first view in Korean
//   t('ko', 'search')            // '상태 코드 찾기'
//   t('en', 'nMatches', 3)       // '3 codes'
//
// A view awaits loadStrings(lang) before it renders in lang: t() is
// synchronous and says the key (or the other loaded language's words) for a
// language not loaded yet.
import { pickLang } from './element-strings.js';

export { pickLang };

const tables = { en: null, ko: null };
const loading = {};
// Each table's module, named in full so that bundlers and the service
// worker's precache list see both files.
const modules = {
  en: () => import('./ui-strings-en.js'),
  ko: () => import('./ui-strings-ko.js'),
};

/** Resolves with lang's table ('en' or 'ko'; any other tag as pickLang reads it) once t() knows it. */
export function loadStrings(lang) {
  const l = pickLang(lang);
  loading[l] ??= modules[l]().then((m) => (tables[l] = m.default), (err) => { delete loading[l]; throw err; });
  return loading[l];
}

/** Returns true when lang's table is loaded (t() speaks lang). */
export function stringsReady(lang) {
  return tables[pickLang(lang)] !== null;
}

/**
 * Returns the UI string `key` in `lang` (functions are called with args).
 * For a language not loaded yet, the other loaded language's string; the
 * key itself when no loaded table has it.
 */
export function t(lang, key, ...args) {
  const own = tables[lang === 'ko' ? 'ko' : 'en'];
  const other = tables[lang === 'ko' ? 'en' : 'ko'];
  const s = own && key in own ? own[key] : other && key in other ? other[key] : undefined;
  if (s === undefined) return key;
  return typeof s === 'function' ? s(...args) : s;
}
