/*
** json.c — the bounded JSON writer declared in json.h.
*/
#include "json.h"

#include "hs.h"

#include <string.h>

static void put(struct hs_json *j, const char *s, size_t n)
{
    if (j->overflow)
        return;
    if (n > j->cap - j->len) {
        j->overflow = 1;
        return;
    }
    memcpy(j->buf + j->len, s, n);
    j->len += n;
}

static void put_c(struct hs_json *j, char c)
{
    put(j, &c, 1);
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
    hs_json_str(j, key);
    put_c(j, ':');
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

void hs_json_strn(struct hs_json *j, const char *str, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, run = 0;
    before_value(j);
    put_c(j, '"');
    while (i < n) {
        unsigned c = s[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++;
            run++;
            continue;
        }
        put(j, (const char *)s + i - run, run);
        run = 0;
        if (c >= 0x80) {
            size_t k = hs_utf8_seq_len(s + i, n - i);
            if (k == 0) {
                put(j, "\xEF\xBF\xBD", 3); /* U+FFFD for each invalid byte */
                i++;
            } else {
                put(j, (const char *)s + i, k);
                i += k;
            }
            continue;
        }
        switch (c) {
        case '"': put(j, "\\\"", 2); break;
        case '\\': put(j, "\\\\", 2); break;
        case '\n': put(j, "\\n", 2); break;
        case '\r': put(j, "\\r", 2); break;
        case '\t': put(j, "\\t", 2); break;
        default: {
            char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            put(j, u, 6);
        }
        }
        i++;
    }
    put(j, (const char *)s + i - run, run);
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
