/*
** json.c — the bounded JSON writer declared in json.h.
*/
#include "json.h"

#include "digest.h"
#include "hs.h"

#include <string.h>

/* Keys up to this long, all printable ASCII without quote or backslash,
** go out in one piece. */
#define HS_JSON_KEY_FAST 32

/* Appends s[0..n) when it fits, else marks the writer full (and writes
** nothing more). Pieces of up to 8 bytes (quotes, commas, short keys and
** numbers: most pieces) are copied by a loop, not a memcpy call. */
static inline void put(struct hs_json *j, const char *s, size_t n)
{
    if (j->overflow)
        return;
    if (n > j->cap - j->len) {
        j->overflow = 1;
        return;
    }
    if (n <= 8) {
        char *d = j->buf + j->len;
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    } else
        memcpy(j->buf + j->len, s, n);
    j->len += n;
}

/* Appends the byte c, as put does. */
static inline void put_c(struct hs_json *j, char c)
{
    if (j->overflow)
        return;
    if (j->len >= j->cap) {
        j->overflow = 1;
        return;
    }
    j->buf[j->len++] = c;
}

/* Returns 1 for a byte a JSON string holds as itself: printable ASCII but
** the quote and the backslash. */
static inline int plain_ascii(unsigned c)
{
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* Writes the comma a new value needs, and marks the container non-empty. */
static void before_value(struct hs_json *j)
{
    uint32_t bit = 1u << (j->depth & 31);
    if (j->need_comma & bit)
        put_c(j, ',');
    j->need_comma |= bit;
}

void hs_json_init(struct hs_json *j, char *buf, size_t cap)
{
    j->buf = buf;
    j->cap = cap;
    j->len = 0;
    j->overflow = 0;
    j->depth = 0;
    j->need_comma = 0;
}

int hs_json_end(const struct hs_json *j)
{
    return j->overflow ? HS_JSON_ENOSPC : (int)j->len;
}

static void open_container(struct hs_json *j, char c)
{
    before_value(j);
    put_c(j, c);
    if (j->depth + 1 >= HS_JSON_MAX_DEPTH) {
        j->overflow = 1; /* deeper than any document the engine writes */
        return;
    }
    j->depth++;
    j->need_comma &= ~(1u << j->depth);
}

static void close_container(struct hs_json *j, char c)
{
    if (j->depth > 0)
        j->depth--;
    put_c(j, c);
}

void hs_json_obj(struct hs_json *j) { open_container(j, '{'); }
void hs_json_obj_end(struct hs_json *j) { close_container(j, '}'); }
void hs_json_arr(struct hs_json *j) { open_container(j, '['); }
void hs_json_arr_end(struct hs_json *j) { close_container(j, ']'); }

void hs_json_key(struct hs_json *j, const char *key)
{
    char tmp[HS_JSON_KEY_FAST + 3];
    size_t n = 0;
    /* The engine's keys are short ASCII literals: "key": goes out in one
    ** piece without escaping. Any other key is written as a string. */
    while (n < HS_JSON_KEY_FAST && plain_ascii((unsigned char)key[n]))
        n++;
    if (key[n] == '\0') {
        tmp[0] = '"';
        memcpy(tmp + 1, key, n);
        tmp[n + 1] = '"';
        tmp[n + 2] = ':';
        before_value(j);
        put(j, tmp, n + 3);
    } else {
        hs_json_str(j, key);
        put_c(j, ':');
    }
    /* the value that follows must not write another comma */
    j->need_comma &= ~(1u << (j->depth & 31));
}

size_t hs_utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0) lo = 0xA0;      /* no overlongs */
        if (c == 0xED) hi = 0x9F;      /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;      /* nothing above U+10FFFF */
    } else
        return 0;
    if (n < need)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < need; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return need;
}

size_t hs_utf8_valid_prefix(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k = hs_utf8_seq_len(s + i, n - i);
        if (k == 0)
            return i;
        i += k;
    }
    return n;
}

/* Writes str[0..n) as a JSON string. Runs of bytes that stand for
** themselves (printable ASCII but '"' and '\', and valid UTF-8 sequences)
** are copied in one piece; other bytes are escaped, and each byte that
** starts no valid UTF-8 sequence becomes U+FFFD; returns how many did. */
size_t hs_json_strn(struct hs_json *j, const char *str, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, replaced = 0;
    before_value(j);
    put_c(j, '"');
    while (i < n) {
        size_t run = i;
        unsigned c;
        for (;;) {
            size_t k;
            while (i < n && plain_ascii(s[i]))
                i++;
            if (i >= n || s[i] < 0x80 || (k = hs_utf8_seq_len(s + i, n - i)) == 0)
                break;
            i += k;
        }
        put(j, (const char *)s + run, i - run);
        if (i >= n)
            break;
        c = s[i++];
        switch (c) {
        case '"': put(j, "\\\"", 2); break;
        case '\\': put(j, "\\\\", 2); break;
        case '\n': put(j, "\\n", 2); break;
        case '\r': put(j, "\\r", 2); break;
        case '\t': put(j, "\\t", 2); break;
        default:
            if (c >= 0x80) {
                put(j, "\xEF\xBF\xBD", 3); /* U+FFFD for each invalid byte */
                replaced++;
            } else {
                char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
                put(j, u, 6);
            }
        }
    }
    put_c(j, '"');
    return replaced;
}

/* See json.h. Encodes 48 bytes at a time into 64 characters on the stack. */
void hs_json_base64(struct hs_json *j, const char *s, size_t n)
{
    char b[64];
    before_value(j);
    put_c(j, '"');
    for (size_t i = 0; i < n; i += 48) /* 48 bytes are 64 characters, no padding but at the end */
        put(j, b, (size_t)hs_base64_encode((const uint8_t *)s + i, n - i < 48 ? n - i : 48, b, sizeof b));
    put_c(j, '"');
}

void hs_json_str(struct hs_json *j, const char *s)
{
    hs_json_strn(j, s, strlen(s));
}

void hs_json_int(struct hs_json *j, long long v)
{
    char tmp[HS_DECIMAL_MAX];
    size_t n = hs_decimal(v, tmp);
    before_value(j);
    put(j, tmp, n);
}

void hs_json_bool(struct hs_json *j, int v)
{
    before_value(j);
    if (v)
        put(j, "true", 4);
    else
        put(j, "false", 5);
}

void hs_json_null(struct hs_json *j)
{
    before_value(j);
    put(j, "null", 4);
}

void hs_json_raw(struct hs_json *j, const char *s, size_t n)
{
    before_value(j);
    put(j, s, n);
}

void hs_json_i18n(struct hs_json *j, const char *en, const char *ko)
{
    hs_json_obj(j);
    hs_json_key(j, "en");
    hs_json_str(j, en);
    hs_json_key(j, "ko");
    hs_json_str(j, ko);
    hs_json_obj_end(j);
}
