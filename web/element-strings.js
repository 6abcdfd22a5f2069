// element-strings.js — the words an element says before its other modules
// load: which language an element speaks, a badge's title, and what its
// popover says when the rest cannot load. ui-strings.js
// holds the rest and includes these, so t() knows every key.

/** Returns 'ko' or 'en' for any language tag (ko, ko-KR → ko; anything else → en). */
export function pickLang(tag) {
  return typeof tag === 'string' && /^ko\b/i.test(tag) ? 'ko' : 'en';
}

export const elementStrings = Object.freeze({
  en: Object.freeze({
    badgeOpen: (c, p) => `${c} ${p}: show details`,
    loadFailed: (c) => `The details of ${c} could not be loaded. Open the badge again to retry.`,
    close: 'Close',
  }),
  ko: Object.freeze({
    badgeOpen: (c, p) => `${c} ${p}: 자세히 보기`,
    loadFailed: (c) => `${c}의 자세한 내용을 불러오지 못했습니다. 배지를 다시 열면 다시 시도합니다.`,
    close: '닫기',
  }),
});
