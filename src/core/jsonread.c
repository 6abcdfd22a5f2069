/*
** jsonread.c — the JSON reader declared in jsonread.h: one validating pass,
** then cheap walks over the validated text.
*/
#include "jsonread.h"

#include "json.h"

#include <string.h>

struct rd { const unsigned char *s; uint32_t n, pos; int depth; };

/* Skips JSON whitespace. */
static void ws(struct rd *r)
{
    while (r->pos < r->n && (r->s[r->pos] == ' ' || r->s[r->pos] == '\t' || r->s[r->pos] == '\n' || r->s[r->pos] == '\r'))
        r->pos++;
}

/* Returns the value of a hex digit, or -1. */
static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Reads 4 hex digits at p (the caller checked 4 bytes remain); -1 if not hex. */
static long hex4(const unsigned char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Validates a string at r->pos (which is '"'); returns 0 or -1. */
static int v_string(struct rd *r)
{
    r->pos++;
    while (r->pos < r->n) {
        unsigned char c = r->s[r->pos];
        if (c == '"') {
            r->pos++;
            return 0;
        }
        if (c < 0x20)
            return -1;
        if (c == '\\') {
            unsigned char e;
            if (r->n - r->pos < 2)
                return -1;
            e = r->s[r->pos + 1];
            if (e == 'u') {
                long u;
                if (r->n - r->pos < 6 || (u = hex4(r->s + r->pos + 2)) < 0)
                    return -1;
                r->pos += 6;
                if (u >= 0xDC00 && u <= 0xDFFF)
                    return r->pos -= 6, -1; /* a low surrogate with no high one */
                if (u >= 0xD800 && u <= 0xDBFF) {
                    long lo;
                    if (r->n - r->pos < 6 || r->s[r->pos] != '\\' || r->s[r->pos + 1] != 'u' ||
                        (lo = hex4(r->s + r->pos + 2)) < 0xDC00 || lo > 0xDFFF)
                        return -1; /* a high surrogate must be followed by a low one */
                    r->pos += 6;
                }
                continue;
            }
            if (!strchr("\"\\/bfnrt", e) || e == 0)
                return -1;
            r->pos += 2;
            continue;
        }
        if (c >= 0x80) {
            size_t k = hs_utf8_seq_len(r->s + r->pos, r->n - r->pos);
            if (!k)
                return -1;
            r->pos += (uint32_t)k;
            continue;
        }
        r->pos++;
    }
    return -1;
}

/* Returns 1 if r->pos is at a digit. */
static int is_digit(struct rd *r) { return r->pos < r->n && r->s[r->pos] >= '0' && r->s[r->pos] <= '9'; }

/* Validates a number at r->pos; returns 0 or -1. */
static int v_number(struct rd *r)
{
    if (r->pos < r->n && r->s[r->pos] == '-')
        r->pos++;
    if (!is_digit(r))
        return -1;
    if (r->s[r->pos] == '0')
        r->pos++;
    else
        while (is_digit(r))
            r->pos++;
    if (r->pos < r->n && r->s[r->pos] == '.') {
        r->pos++;
        if (!is_digit(r))
            return -1;
        while (is_digit(r))
            r->pos++;
    }
    if (r->pos < r->n && (r->s[r->pos] == 'e' || r->s[r->pos] == 'E')) {
        r->pos++;
        if (r->pos < r->n && (r->s[r->pos] == '+' || r->s[r->pos] == '-'))
            r->pos++;
        if (!is_digit(r))
            return -1;
        while (is_digit(r))
            r->pos++;
    }
    return 0;
}

/* Validates one value at r->pos and locates it in *v; returns 0 or -1. */
static int v_value(struct rd *r, struct hs_jval *v);

/* Validates an object (close is '}') or array at r->pos; returns 0 or -1. */
static int v_container(struct rd *r, unsigned char close)
{
    struct hs_jval dummy;
    if (++r->depth > HS_JREAD_MAX_DEPTH)
        return -1;
    r->pos++;
    ws(r);
    if (r->pos < r->n && r->s[r->pos] == close) {
        r->pos++;
        r->depth--;
        return 0;
    }
    for (;;) {
        ws(r);
        if (close == '}') {
            if (r->pos >= r->n || r->s[r->pos] != '"' || v_string(r) < 0)
                return -1;
            ws(r);
            if (r->pos >= r->n || r->s[r->pos] != ':')
                return -1;
            r->pos++;
        }
        if (v_value(r, &dummy) < 0)
            return -1;
        ws(r);
        if (r->pos >= r->n)
            return -1;
        if (r->s[r->pos] == ',') {
            r->pos++;
            continue;
        }
        if (r->s[r->pos] != close)
            return -1;
        r->pos++;
        r->depth--;
        return 0;
    }
}

/* Validates the literal lit at r->pos; returns 0 or -1. */
static int v_lit(struct rd *r, const char *lit)
{
    size_t k = strlen(lit);
    if (r->n - r->pos < k || memcmp(r->s + r->pos, lit, k) != 0)
        return -1;
    r->pos += (uint32_t)k;
    return 0;
}

/* Validates one value at r->pos and locates it in *v; returns 0 or -1. */
static int v_value(struct rd *r, struct hs_jval *v)
{
    int rc;
    ws(r);
    if (r->pos >= r->n)
        return -1;
    v->off = r->pos;
    switch (r->s[r->pos]) {
    case '{': v->type = HS_JOBJECT; rc = v_container(r, '}'); break;
    case '[': v->type = HS_JARRAY; rc = v_container(r, ']'); break;
    case '"': v->type = HS_JSTRING; rc = v_string(r); break;
    case 't': v->type = HS_JTRUE; rc = v_lit(r, "true"); break;
    case 'f': v->type = HS_JFALSE; rc = v_lit(r, "false"); break;
    case 'n': v->type = HS_JNULL; rc = v_lit(r, "null"); break;
    default: v->type = HS_JNUMBER; rc = v_number(r); break;
    }
    v->len = r->pos - v->off;
    return rc;
}

/* See jsonread.h. */
int hs_jread_doc(const char *s, size_t n, struct hs_jval *root, uint32_t *err_off)
{
    struct rd r = { (const unsigned char *)s, (uint32_t)n, 0, 0 };
    if (n >= UINT32_MAX || v_value(&r, root) < 0 || (ws(&r), r.pos != r.n)) {
        *err_off = r.pos;
        root->type = HS_JNONE;
        return -1;
    }
    return 0;
}

/* Returns the offset just past the value starting at pos in a validated
** document (s[pos] is not whitespace). */
static uint32_t skip(const unsigned char *s, uint32_t pos)
{
    int depth = 0;
    do {
        unsigned char c = s[pos];
        if (c == '"') {
            for (pos++; s[pos] != '"'; pos++)
                if (s[pos] == '\\')
                    pos++;
            pos++;
        } else if (c == '{' || c == '[') {
            depth++;
            pos++;
        } else if (c == '}' || c == ']') {
            depth--;
            pos++;
        } else if (depth == 0) {
            while (s[pos] == '-' || s[pos] == '+' || s[pos] == '.' || (s[pos] >= '0' && s[pos] <= '9') ||
                   (s[pos] >= 'a' && s[pos] <= 'z') || (s[pos] >= 'A' && s[pos] <= 'Z'))
                pos++;
        } else
            pos++;
    } while (depth > 0);
    return pos;
}

/* Returns the first offset at or after pos (below end) that is not whitespace. */
static uint32_t skip_ws(const unsigned char *s, uint32_t pos, uint32_t end)
{
    while (pos < end && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r'))
        pos++;
    return pos;
}

/* Returns the hs_jtype of the value starting with c (in a validated document). */
static int typeof_at(unsigned char c)
{
    switch (c) {
    case '{': return HS_JOBJECT;
    case '[': return HS_JARRAY;
    case '"': return HS_JSTRING;
    case 't': return HS_JTRUE;
    case 'f': return HS_JFALSE;
    case 'n': return HS_JNULL;
    default: return HS_JNUMBER;
    }
}

/* Reads the next value of a container, or returns 0 at its end. */
static int next(const char *str, const struct hs_jval *c, uint32_t *pos, struct hs_jval *key, struct hs_jval *val)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t end = c->off + c->len - 1, p = *pos ? *pos : c->off + 1;
    p = skip_ws(s, p, end);
    if (p < end && s[p] == ',')
        p = skip_ws(s, p + 1, end);
    if (p >= end)
        return 0;
    if (key) {
        key->type = HS_JSTRING;
        key->off = p;
        p = skip(s, p);
        key->len = p - key->off;
        p = skip_ws(s, p, end) + 1; /* the ':' */
        p = skip_ws(s, p, end);
    }
    val->type = typeof_at(s[p]);
    val->off = p;
    p = skip(s, p);
    val->len = p - val->off;
    *pos = p;
    return 1;
}

/* See jsonread.h. */
int hs_jread_member(const char *s, const struct hs_jval *obj, uint32_t *pos,
                    struct hs_jval *key, struct hs_jval *val)
{
    if (obj->type != HS_JOBJECT)
        return 0;
    return next(s, obj, pos, key, val);
}

/* See jsonread.h. */
int hs_jread_element(const char *s, const struct hs_jval *arr, uint32_t *pos, struct hs_jval *val)
{
    if (arr->type != HS_JARRAY)
        return 0;
    return next(s, arr, pos, NULL, val);
}

/* Appends the UTF-8 of code point u; returns the new length or -1. */
static int put_utf8(char *out, size_t cap, size_t o, unsigned long u)
{
    unsigned char b[4];
    size_t k;
    if (u < 0x80)
        b[0] = (unsigned char)u, k = 1;
    else if (u < 0x800)
        b[0] = (unsigned char)(0xC0 | u >> 6), b[1] = (unsigned char)(0x80 | (u & 63)), k = 2;
    else if (u < 0x10000)
        b[0] = (unsigned char)(0xE0 | u >> 12), b[1] = (unsigned char)(0x80 | (u >> 6 & 63)),
        b[2] = (unsigned char)(0x80 | (u & 63)), k = 3;
    else
        b[0] = (unsigned char)(0xF0 | u >> 18), b[1] = (unsigned char)(0x80 | (u >> 12 & 63)),
        b[2] = (unsigned char)(0x80 | (u >> 6 & 63)), b[3] = (unsigned char)(0x80 | (u & 63)), k = 4;
    if (o + k > cap)
        return -1;
    memcpy(out + o, b, k);
    return (int)(o + k);
}

/* See jsonread.h. */
int hs_jread_string(const char *str, const struct hs_jval *v, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t p = v->off + 1, end = v->off + v->len - 1;
    size_t o = 0;
    if (v->type != HS_JSTRING)
        return -1;
    while (p < end) {
        unsigned char c = s[p];
        if (c != '\\') {
            if (o >= cap)
                return -1;
            out[o++] = (char)c;
            p++;
            continue;
        }
        c = s[p + 1];
        if (c == 'u') {
            unsigned long u = (unsigned long)hex4(s + p + 2);
            int r;
            p += 6;
            if (u >= 0xD800 && u <= 0xDBFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + ((unsigned long)hex4(s + p + 2) - 0xDC00);
                p += 6;
            }
            if ((r = put_utf8(out, cap, o, u)) < 0)
                return -1;
            o = (size_t)r;
            continue;
        }
        if (o >= cap)
            return -1;
        switch (c) {
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 't': out[o++] = '\t'; break;
        default: out[o++] = (char)c; break; /* " \ / */
        }
        p += 2;
    }
    return (int)o;
}

/* See jsonread.h. */
int hs_jread_is(const char *s, const struct hs_jval *key, const char *name)
{
    char buf[64];
    int n = hs_jread_string(s, key, buf, sizeof buf);
    return n >= 0 && (size_t)n == strlen(name) && memcmp(buf, name, (size_t)n) == 0;
}

/* See jsonread.h. */
int hs_jread_int(const char *str, const struct hs_jval *v, int64_t *out)
{
    const char *s = str + v->off;
    uint32_t i = 0;
    int neg = 0;
    int64_t x = 0;
    if (v->type != HS_JNUMBER || v->len == 0)
        return -1;
    if (s[0] == '-')
        neg = 1, i = 1;
    if (i >= v->len)
        return -1;
    for (; i < v->len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        x = x * 10 + (s[i] - '0');
        if (x > ((int64_t)1 << 53))
            return -1;
    }
    *out = neg ? -x : x;
    return 0;
}
