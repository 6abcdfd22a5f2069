/*
** hs.h — what every layer of the http-status-explorer engine shares:
** return codes and the strings that explain them, decimal and status-code
** digits, the one ASCII case fold, and the {0} template expander.
**
** Every entry point returns an int: >= 0 is a result (a length, an id or a
** count), < 0 is one of the HS_E* codes below.
*/
#ifndef HS_H
#define HS_H

#include <stddef.h>

/* HS_ERROR(NAME, value, "json code", "English", "Korean") */
#define HS_ERRORS(X)                                                                 \
    X(OK,       0,  "ok",       "No error.", "오류 없음.")                            \
    X(EINVAL,  -1,  "invalid",  "The input is not valid here.", "여기에 맞지 않는 입력입니다.") \
    X(ENOSPC,  -2,  "nospace",  "The result does not fit in the engine's output buffer.", \
                                "결과가 엔진의 출력 버퍼에 들어가지 않습니다.")             \
    X(ETOOLONG, -3, "toolong",  "The input is longer than the engine accepts.",          \
                                "입력이 엔진이 받을 수 있는 길이보다 깁니다.")                      \
    X(EEMPTY,  -4,  "empty",    "Type a status code, a range such as 4xx, or a word.",  \
                                "상태 코드, 4xx 같은 범위 또는 단어를 입력하세요.")          \
    X(ENOMATCH, -5, "nomatch",  "No status code matches this text.",                     \
                                "이 텍스트와 일치하는 상태 코드가 없습니다.")                  \
    X(ERANGE,  -6,  "range",    "Status codes are three digits from 100 to 599.",        \
                                "상태 코드는 100부터 599까지의 세 자리 숫자입니다.")            \
    X(ESTATUSLINE, -7, "statusline", "This looks like a status line, but it has no three-digit status code after the version.", \
                                "상태 줄처럼 보이지만 버전 뒤에 세 자리 상태 코드가 없습니다.") \
    X(ENOTEXT, -8,  "notext",   "This needs texts of a language that are not loaded yet.", \
                                "아직 불러오지 않은 언어의 텍스트가 필요합니다.")

enum hs_rc {
#define X(name, value, code, en, ko) HS_##name = value,
    HS_ERRORS(X)
#undef X
};

/* Returns the short machine name of rc ("toolong"), "unknown" for any other value. */
const char *hs_error_code(int rc);
/* Returns the English or Korean sentence explaining rc; never NULL. */
const char *hs_error_en(int rc);
const char *hs_error_ko(int rc);

/* Writes the decimal digits of v (with '-' when negative) to out, which has
** room for HS_DECIMAL_MAX bytes; returns how many were written. No NUL. */
#define HS_DECIMAL_MAX 20
size_t hs_decimal(long long v, char *out);

/* Writes the three digits of a status code (0-999; a larger value keeps its
** last three) to out, which has room for 3 bytes. No NUL. */
void hs_status_digits(int code, char *out);

/* A run of bytes: p[0..n). */
struct hs_str { const char *p; size_t n; };

/* Expands the template t (NUL-terminated) into out[0..cap): "{0}".."{9}"
** stand for args[0..nargs), and "{0:은}" is args[0] followed by the form of
** a Korean particle (은/는, 이/가, 을/를, 과/와, 으로/로, 이라는/라는,
** 이다/다; either form may be written) that fits how the argument is read
** (core/korean.h); every other byte is copied (a placeholder past nargs or
** an unknown marker too). An argument longer than arg_max bytes is cut on a UTF-8
** boundary and marked with "…". What does not fit is cut at cap (possibly
** inside a UTF-8 sequence). Returns the bytes written; no NUL. */
size_t hs_expand(char *out, size_t cap, const char *t, const struct hs_str *args, int nargs, size_t arg_max);

/* Returns ch with an ASCII capital letter made small; any other byte as it
** is. The engine's one case fold: every case-insensitive comparison uses it. */
static inline char hs_ascii_lower(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch + ('a' - 'A')) : ch;
}

/* Returns 1 if a[0..an) and b[0..bn) are the same bytes, ASCII letters
** compared without case; 0 otherwise. */
int hs_ascii_ieq(const char *a, size_t an, const char *b, size_t bn);

#endif
