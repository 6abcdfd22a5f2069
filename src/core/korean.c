/*
** korean.c — the particle a Korean sentence takes after a filled-in value,
** chosen from how the value is read, so no template ever shows both forms
** of a particle with one in brackets. See korean.h.
*/
#include "korean.h"

#include <string.h>

/* Each particle as (after a final consonant, after a vowel). */
static const char *const particles[][2] = {
    { "은", "는" }, { "이", "가" }, { "을", "를" }, { "과", "와" },
    { "으로", "로" }, { "이라는", "라는" }, { "이다", "다" },
};

/* Returns 1 if ch is an ASCII vowel letter (either case), else 0. */
static int is_vowel(unsigned char ch)
{
    ch = (unsigned char)(ch | 0x20);
    return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u';
}

/* Returns 1 if ch is an ASCII letter, else 0. */
static int is_letter(unsigned char ch)
{
    ch = (unsigned char)(ch | 0x20);
    return ch >= 'a' && ch <= 'z';
}

/* Returns how the Latin word s[w..n) (n > w, all letters) is heard at its
** end: short capitals are spelled (API 아이, URL 엘) except the words GET,
** PUT, SET; longer words as engineers say them (GET 겟, json 제이슨). */
static int latin_final(const unsigned char *s, size_t w, size_t n)
{
    size_t e = n - 1, len = n - w;
    int caps = 1;
    for (size_t i = w; i < n; i++)
        caps &= s[i] >= 'A' && s[i] <= 'Z';
    if (caps && len <= 3 && !(len == 3 && (memcmp(s + w, "GET", 3) == 0 || memcmp(s + w, "PUT", 3) == 0 ||
                                            memcmp(s + w, "SET", 3) == 0))) {
        unsigned char l = s[e];
        return l == 'L' || l == 'R' ? HS_KO_RIEUL : l == 'M' || l == 'N' ? HS_KO_CONSONANT : HS_KO_VOWEL;
    }
    if (s[e] == 'B')
        return HS_KO_VOWEL;                     /* KiB, MB: 바이트 */
    {
        unsigned char l = (unsigned char)(s[e] | 0x20);
        unsigned char b = e > w ? (unsigned char)(s[e - 1] | 0x20) : 0;
        unsigned char bb = e > w + 1 ? (unsigned char)(s[e - 2] | 0x20) : 0;
        if (l == 'l')
            return HS_KO_RIEUL;                 /* html 엘, file 파일 */
        if (l == 'm' || l == 'n')
            return HS_KO_CONSONANT;             /* item 아이템, json 제이슨 */
        if (l == 'g' && b == 'n')
            return HS_KO_CONSONANT;             /* string 스트링 */
        if (l == 'e')                           /* a silent e: file 파일, name 네임, type 타입, code 코드 */
            return b == 'l' ? HS_KO_RIEUL : b == 'm' || b == 'n' || b == 'p' ? HS_KO_CONSONANT : HS_KO_VOWEL;
        if (l == 'k' && b == 'c')
            return HS_KO_CONSONANT;             /* lock 락 */
        if (l == 't' && b == 'u' && bb == 'o')
            return HS_KO_CONSONANT;             /* timeout 타임아웃, layout 레이아웃 */
        if ((l == 't' || l == 'p' || l == 'b' || l == 'k' || l == 'c') && b && is_vowel(b) && !(bb && is_vowel(bb)))
            return HS_KO_CONSONANT;             /* get 겟, submit 서브밋, web 웹, Historic 히스토릭 */
        return HS_KO_VOWEL;                     /* post 포스트, id 아이디, user 유저 */
    }
}

/* See korean.h. */
int hs_ko_final_sound(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t w;
    while (n > 0) {
        unsigned char ch = s[n - 1];
        if (ch == '"' || ch == '\'' || ch == ')' || ch == ']' || ch == '.' || ch == ',' || ch == ' ' || ch == '`')
            n--;
        else if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && s[n - 1] == 0xA6) /* … */
            n -= 3;
        else
            break;
    }
    if (n == 0)
        return HS_KO_VOWEL;
    if (n >= 3 && s[n - 3] >= 0xEA && s[n - 3] <= 0xED && (s[n - 2] & 0xC0) == 0x80 && (s[n - 1] & 0xC0) == 0x80) {
        unsigned cp = (unsigned)(s[n - 3] & 0x0F) << 12 | (unsigned)(s[n - 2] & 0x3F) << 6 | (s[n - 1] & 0x3F);
        if (cp >= 0xAC00 && cp <= 0xD7A3) {
            unsigned jong = (cp - 0xAC00) % 28;
            return jong == 0 ? HS_KO_VOWEL : jong == 8 ? HS_KO_RIEUL : HS_KO_CONSONANT;
        }
        return HS_KO_VOWEL;
    }
    switch (s[n - 1]) {
    case '1': case '7': case '8': return HS_KO_RIEUL;     /* 일 칠 팔 */
    case '0': case '3': case '6': return HS_KO_CONSONANT; /* 영/십 삼 육 */
    case '2': case '4': case '5': case '9': return HS_KO_VOWEL; /* 이 사 오 구 */
    default: break;
    }
    if (!is_letter(s[n - 1]))
        return HS_KO_VOWEL;
    w = n - 1;
    while (w > 0 && is_letter(s[w - 1]))
        w--;
    return latin_final(s, w, n);
}

/* See korean.h. */
const char *hs_ko_particle(const char *m, size_t mn, const char *value, size_t vn)
{
    for (size_t i = 0; i < sizeof particles / sizeof *particles; i++)
        for (int f = 0; f < 2; f++)
            if (strlen(particles[i][f]) == mn && memcmp(m, particles[i][f], mn) == 0) {
                int sound = hs_ko_final_sound(value, vn);
                int after_vowel = sound == HS_KO_VOWEL || (sound == HS_KO_RIEUL && i == 4); /* 으로/로 */
                return particles[i][after_vowel];
            }
    return NULL;
}
