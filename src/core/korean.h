/*
** korean.h — Korean particles after a value filled into a sentence: how a
** value ends when read aloud, and the particle form that fits it. hs_expand
** (hs.h) uses them for a {N:은} marker; web/korean.js holds the same rules
** for the page, and tests/data/korean-finals.tsv holds both to one table.
*/
#ifndef HS_CORE_KOREAN_H
#define HS_CORE_KOREAN_H

#include <stddef.h>

enum hs_ko_final { HS_KO_VOWEL = 0, HS_KO_CONSONANT = 1, HS_KO_RIEUL = 2 };

/* Returns how the last word of p[0..n) (n may be 0) ends when read aloud in
** Korean: HS_KO_VOWEL (는 가 를 와 로), HS_KO_CONSONANT (은 이 을 과 으로)
** or HS_KO_RIEUL (a final ㄹ: 은 이 을 과, but 로). Digits read as Korean
** numbers, Latin words as Korean engineers say them, Hangul by its final
** consonant; closing quotes, brackets, dots and a cut mark are skipped. */
int hs_ko_final_sound(const char *p, size_t n);

/* Returns the form of the particle named by m[0..mn) (either form: 은 or
** 는, 이/가, 을/를, 과/와, 으로/로, 이라는/라는, 이다/다) that fits after
** value[0..vn), as a NUL-terminated literal; NULL when m names no particle
** that varies. */
const char *hs_ko_particle(const char *m, size_t mn, const char *value, size_t vn);

#endif
