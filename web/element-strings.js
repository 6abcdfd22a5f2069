// element-strings.js — the words an element says before its other modules
// load: which language an element speaks, and a badge's title. ui-strings.js
// holds the rest and includes these, so t() knows every key.

/** Returns 'ko' or 'en' for any language tag (ko, ko-KR → ko; anything else → en). */
export function pickLang(tag) {
  return typeof tag === 'string' && /^ko\b/i.test(tag) ? 'ko' : 'en';
}

export const elementStrings = Object.freeze({
  en: Object.freeze({ badgeOpen: (c, p) => `${c} ${p}: show details` }),
  ko: Object.freeze({ badgeOpen: (c, p) => `${c} ${p}: 자세히 보기` }),
});
