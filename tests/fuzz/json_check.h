/*
** json_check.h — a strict JSON validator for the fuzz targets and native
** tests: RFC 8259 syntax, and valid UTF-8 (no overlongs, no surrogates).
** json_valid(s, n) returns 1 if s[0..n) is exactly one JSON value.
*/
#ifndef HS_JSON_CHECK_H
#define HS_JSON_CHECK_H

#include <stddef.h>

#include "core/json.h"

struct jc { const unsigned char *p, *end; int depth; };

static int jc_value(struct jc *c);

static void jc_ws(struct jc *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

static int jc_lit(struct jc *c, const char *lit)
{
    for (; *lit; lit++, c->p++)
        if (c->p >= c->end || *c->p != (unsigned char)*lit)
            return 0;
    return 1;
}

static int jc_hex(unsigned char h)
{
    return (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
}

static int jc_string(struct jc *c)
{
    if (c->p >= c->end || *c->p != '"')
        return 0;
    c->p++;
    while (c->p < c->end) {
        unsigned char ch = *c->p;
        if (ch == '"') {
            c->p++;
            return 1;
        }
        if (ch < 0x20)
            return 0;
        if (ch == '\\') {
            c->p++;
            if (c->p >= c->end)
                return 0;
            ch = *c->p++;
            if (ch == 'u') {
                for (int i = 0; i < 4; i++, c->p++)
                    if (c->p >= c->end || !jc_hex(*c->p))
                        return 0;
            } else if (!(ch == '"' || ch == '\\' || ch == '/' || ch == 'b' || ch == 'f' || ch == 'n' || ch == 'r' || ch == 't'))
                return 0;
            continue;
        }
        if (ch >= 0x80) {
            size_t k = hs_utf8_seq_len(c->p, (size_t)(c->end - c->p));
            if (!k)
                return 0;
            c->p += k;
            continue;
        }
        c->p++;
    }
    return 0;
}

static int jc_number(struct jc *c)
{
    const unsigned char *start;
    if (c->p < c->end && *c->p == '-')
        c->p++;
    if (c->p >= c->end)
        return 0;
    if (*c->p == '0')
        c->p++;
    else if (*c->p >= '1' && *c->p <= '9')
        while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
            c->p++;
    else
        return 0;
    if (c->p < c->end && *c->p == '.') {
        start = ++c->p;
        while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
            c->p++;
        if (c->p == start)
            return 0;
    }
    if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
        c->p++;
        if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
            c->p++;
        start = c->p;
        while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
            c->p++;
        if (c->p == start)
            return 0;
    }
    return 1;
}

static int jc_container(struct jc *c, unsigned char close, int object)
{
    c->p++;
    if (++c->depth > 64)
        return 0;
    jc_ws(c);
    if (c->p < c->end && *c->p == close) {
        c->p++;
        c->depth--;
        return 1;
    }
    for (;;) {
        jc_ws(c);
        if (object) {
            if (!jc_string(c))
                return 0;
            jc_ws(c);
            if (c->p >= c->end || *c->p++ != ':')
                return 0;
        }
        if (!jc_value(c))
            return 0;
        jc_ws(c);
        if (c->p >= c->end)
            return 0;
        if (*c->p == ',') {
            c->p++;
            continue;
        }
        if (*c->p++ != close)
            return 0;
        c->depth--;
        return 1;
    }
}

static int jc_value(struct jc *c)
{
    jc_ws(c);
    if (c->p >= c->end)
        return 0;
    switch (*c->p) {
    case '{': return jc_container(c, '}', 1);
    case '[': return jc_container(c, ']', 0);
    case '"': return jc_string(c);
    case 't': return jc_lit(c, "true");
    case 'f': return jc_lit(c, "false");
    case 'n': return jc_lit(c, "null");
    default: return jc_number(c);
    }
}

/* Returns 1 if s[0..n) is exactly one valid JSON value in valid UTF-8. */
static int json_valid(const char *s, size_t n)
{
    struct jc c = { (const unsigned char *)s, (const unsigned char *)s + n, 0 };
    if (!jc_value(&c))
        return 0;
    jc_ws(&c);
    return c.p == c.end;
}

#endif
