/*
** texts.c — the server's per-language texts: the Korean of every trace step
** and body (korean.def), compiled in, or, built with HS_SERVER_TEXT_EXTERNAL
** (http.wasm), read from server-ko.bin when the glue installs it; and the
** reader and writer of the text blobs this layer uses (server-ko.bin and
** examples.bin share one shape, exchange.h).
*/
#include "exchange.h"

#include "core/hs.h"

#include <string.h>

#ifndef HS_SERVER_TEXT_EXTERNAL
static const char *const compiled_ko[HS_KO_COUNT] = {
#define HS_KO(name, text) text,
#include "korean.def"
#undef HS_KO
};
#endif

/* The installed blob's texts (pointers into it), or all NULL. */
static const char *installed_ko[HS_KO_COUNT];

/* See exchange.h. */
const char *hs_ko(int id)
{
    if (id < 0 || id >= HS_KO_COUNT)
        return NULL;
    if (installed_ko[id])
        return installed_ko[id];
#ifndef HS_SERVER_TEXT_EXTERNAL
    return compiled_ko[id];
#else
    return NULL;
#endif
}

/* See exchange.h. */
const char *hs_text_missing(struct hs_ctx *c)
{
    c->x->text_missing = 1;
    return "";
}

/* Reads the little-endian u16 at p. */
static unsigned u16le(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* See exchange.h. */
int hs_text_blob_split(const unsigned char *b, size_t len, const char *magic, unsigned v1,
                       unsigned v2, const char **at, size_t n)
{
    size_t p = HS_TEXT_BLOB_HEAD, i = 0;
    if (!b || len <= HS_TEXT_BLOB_HEAD || memcmp(b, magic, 4) != 0 || u16le(b + 4) != v1 ||
        u16le(b + 6) != v2 || b[len - 1] != 0)
        return HS_EINVAL;
    /* first count: exactly n NUL-terminated strings, the last ending the blob */
    while (p < len && i < n) {
        const unsigned char *end = memchr(b + p, 0, len - p);
        p = (size_t)(end - b) + 1;
        i++;
    }
    if (i != n || p != len)
        return HS_EINVAL;
    for (p = HS_TEXT_BLOB_HEAD, i = 0; i < n; i++) {
        at[i] = (const char *)b + p;
        p += strlen(at[i]) + 1;
    }
    return HS_OK;
}

/* See exchange.h. */
int hs_text_blob_write(unsigned char *out, size_t cap, const char *magic, unsigned v1, unsigned v2,
                       const char *const *s, size_t n)
{
    size_t o = HS_TEXT_BLOB_HEAD;
    if (cap < o)
        return HS_ENOSPC;
    memcpy(out, magic, 4);
    out[4] = (unsigned char)(v1 & 0xff), out[5] = (unsigned char)(v1 >> 8);
    out[6] = (unsigned char)(v2 & 0xff), out[7] = (unsigned char)(v2 >> 8);
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(s[i]) + 1;
        if (k > cap - o)
            return HS_ENOSPC;
        memcpy(out + o, s[i], k);
        o += k;
    }
    return (int)o;
}

/* See server.h. */
int hs_server_texts_load(int lang, const unsigned char *b, size_t len)
{
    if (lang != HS_LANG_KO)
        return HS_EINVAL;
    return hs_text_blob_split(b, len, HS_SERVER_TEXT_MAGIC, HS_KO_COUNT, (unsigned)lang, installed_ko, HS_KO_COUNT);
}

#ifndef HS_SERVER_TEXT_EXTERNAL
/* See server.h. */
int hs_server_texts_blob(int lang, unsigned char *out, size_t cap)
{
    if (lang != HS_LANG_KO)
        return HS_EINVAL;
    return hs_text_blob_write(out, cap, HS_SERVER_TEXT_MAGIC, HS_KO_COUNT, (unsigned)lang, compiled_ko, HS_KO_COUNT);
}
#endif
