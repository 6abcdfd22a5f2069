// korean.js — Korean particles after a value filled into a sentence.
//
// A Korean template writes {0:은} (or 는, 이/가, 을/를, 과/와, 으로/로,
// 이라는/라는, 이다/다) where a particle follows a value: the form is chosen
// from how the value's last character is read, never a bracketed fill-in.
// The same rules are in C, in core's expander (src/core/korean.c);
// tests/korean.test.mjs and tests/c/test_core.c hold both to one table.

// Each particle as (after a final consonant, after a vowel).
const PAIRS = [['은', '는'], ['이', '가'], ['을', '를'], ['과', '와'], ['으로', '로'], ['이라는', '라는'], ['이다', '다']];

/**
 * How the last word of text ends when read aloud in Korean: 'vowel',
 * 'consonant', or 'rieul' (ㄹ, which takes 로 rather than 으로). Digits are
 * read as Korean numbers (1 일, 3 삼, 4 사; a 0 after other digits is
 * 십/백/천/만); Latin words as Korean engineers say them (GET 겟, json 제이슨,
 * html 엠엘); up to three capitals are spelled (API 아이, URL 엘).
 */
export function finalSound(text) {
  const s = String(text).replace(/["'\])., `…]+$/u, '');
  if (!s) return 'vowel';
  const last = s.codePointAt(s.length - 1 - (s.length > 1 && /[\uDC00-\uDFFF]/.test(s[s.length - 1]) ? 1 : 0));
  if (last >= 0xAC00 && last <= 0xD7A3) {
    const jong = (last - 0xAC00) % 28;
    return jong === 0 ? 'vowel' : jong === 8 ? 'rieul' : 'consonant';
  }
  const ch = s[s.length - 1];
  if (/[0-9]/.test(ch)) return '178'.includes(ch) ? 'rieul' : '036'.includes(ch) ? 'consonant' : 'vowel';
  const word = /[A-Za-z]+$/.exec(s)?.[0];
  if (!word) return 'vowel';
  if (/^[A-Z]{1,3}$/.test(word) && word !== 'GET' && word !== 'PUT' && word !== 'SET') {
    const l = word[word.length - 1];
    return l === 'L' || l === 'R' ? 'rieul' : l === 'M' || l === 'N' ? 'consonant' : 'vowel';
  }
  if (word.endsWith('B')) return 'vowel';                   // KiB, MB: 바이트
  const w = word.toLowerCase();
  const [bb, b, l] = [w[w.length - 3], w[w.length - 2], w[w.length - 1]];
  const vowel = (c) => c !== undefined && 'aeiou'.includes(c);
  if (l === 'l') return 'rieul';
  if (l === 'm' || l === 'n') return 'consonant';
  if (l === 'g' && b === 'n') return 'consonant';
  if (l === 'e') return b === 'l' ? 'rieul' : b === 'm' || b === 'n' || b === 'p' ? 'consonant' : 'vowel'; // file 파일, name 네임, type 타입, code 코드
  if (l === 'k' && b === 'c') return 'consonant';
  if (l === 't' && b === 'u' && bb === 'o') return 'consonant';                // timeout 타임아웃, layout 레이아웃
  if ('tpbkc'.includes(l) && vowel(b) && !vowel(bb)) return 'consonant';   // get 겟, web 웹, Historic 히스토릭
  return 'vowel';
}

/** The form of particle p (either form may be given) that fits after value, or null if p is no known particle. */
export function particleFor(value, p) {
  const pair = PAIRS.find((x) => x.includes(p));
  if (!pair) return null;
  const sound = finalSound(value);
  return pair[sound === 'vowel' || (sound === 'rieul' && pair[0] === '으로') ? 1 : 0];
}

/** value followed by the form of particle p that fits it: withParticle(404, '은') → '404는'. */
export function withParticle(value, p) {
  return `${value}${particleFor(value, p) ?? p}`;
}

/** Fills {0}, {1}, ... and {0:은}-style markers of a template with args (strings or numbers). */
export function fillTemplate(template, args) {
  return template.replace(/\{(\d)(?::([^{}]{1,6}))?\}/g, (all, i, p) => {
    if (Number(i) >= args.length) return all;
    const a = String(args[Number(i)]);
    // An unknown marker is left as it is, as the C expander does.
    if (p === undefined) return a;
    const form = particleFor(a, p);
    return form === null ? all : a + form;
  });
}
