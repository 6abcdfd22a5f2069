/*
** frameworks.c — the framework table (frameworks.def) as data: one row per
** framework and code, the symbol and the phrase stored only where they
** differ from status.def's NAME and phrase; compiled in, or read from the
** blob hs_frameworks_load installs (the format is in frameworks.h), and
** written as that blob for the builds that leave the table out. See
** frameworks.h.
*/
#include "frameworks.h"

#include "core/hs.h"
#include "core/json.h"
#include "registry.h"

#include <stdint.h>
#include <string.h>

/* One framework, and one row of the table. symbol is NULL for status.def's
** NAME and "" for none; phrase is NULL for status.def's phrase,
** upper_marker for that phrase in capitals and "" for none. */
struct framework {
    const char *key, *name, *prefix, *unknown, *source;
};
struct fw_row {
    uint16_t code;
    uint8_t fw;
    const char *symbol, *phrase;
};

static const char upper_marker[] = "\x01"; /* distinct bytes: never merged with "" */
/* The unknown phrase of a framework that sends an empty phrase for a code it
** does not list (EMPTY in frameworks.def); compared by content, so the blob
** carries it as this string. */
static const char empty_marker[] = "\x02";

#ifndef HS_FRAMEWORKS_EXTERNAL
enum {
#define HS_FRAMEWORK(id, key, name, prefix, unknown, source) FW_##id,
#include "frameworks.def"
    FW_COUNT
};
_Static_assert(FW_COUNT >= 1 && FW_COUNT <= HS_FW_MAX, "frameworks.def: 1 to HS_FW_MAX frameworks");

static const struct framework frameworks[FW_COUNT] = {
#define EMPTY empty_marker
#define HS_FRAMEWORK(id, key, name, prefix, unknown, source) { key, name, prefix, unknown, source },
#include "frameworks.def"
};

#undef EMPTY

/* Markers of frameworks.def. */
#define NAME NULL
#define SAME NULL
#define NONE ""
#define UPPER upper_marker

static const struct fw_row rows[] = {
#define HS_FW(id, code, symbol, phrase) { code, FW_##id, symbol, phrase },
#include "frameworks.def"
};

#undef NAME
#undef SAME
#undef NONE
#undef UPPER

#define COMPILED_FW ((size_t)FW_COUNT)
#define COMPILED_ROWS (sizeof rows / sizeof *rows)
#else
#define COMPILED_FW ((size_t)0)
#define COMPILED_ROWS ((size_t)0)
#endif

/* ---- the blob ------------------------------------------------------------ */

#define FW_HEAD 8
#define FW_REC 10 /* five u16 per framework */
#define ROW_REC 8
#define AREA_MAX 65536

/* The installed blob: its framework and row records and its string area;
** area is NULL when none is installed. */
static struct {
    const unsigned char *fws, *rows, *area;
    size_t nfw, nrows;
} blob;

/* Reads the little-endian u16 at p. */
static size_t u16le(const unsigned char *p)
{
    return (size_t)p[0] | (size_t)p[1] << 8;
}

/* See frameworks.h. */
int hs_frameworks_load(const unsigned char *b, size_t len)
{
    size_t nfw, nrows, head, area;
    if (!b || len < FW_HEAD || memcmp(b, HS_FW_MAGIC, 4) != 0)
        return HS_EINVAL;
    nfw = u16le(b + 4);
    nrows = u16le(b + 6);
    head = FW_HEAD + FW_REC * nfw + ROW_REC * nrows;
    if (nfw < 1 || nfw > HS_FW_MAX || len <= head || len - head > AREA_MAX || b[len - 1] != 0)
        return HS_EINVAL;
    area = len - head;
    /* every offset inside the area, whose last byte is NUL: each names a
    ** string that ends inside it */
    for (size_t i = 0; i < 5 * nfw; i++)
        if (u16le(b + FW_HEAD + 2 * i) >= area)
            return HS_EINVAL;
    for (size_t i = 0; i < nrows; i++) {
        const unsigned char *r = b + FW_HEAD + FW_REC * nfw + ROW_REC * i;
        if (r[2] >= nfw || (r[3] & 3) > 2 || r[3] >> 2 > 3 || u16le(r + 4) >= area || u16le(r + 6) >= area)
            return HS_EINVAL;
    }
    blob.fws = b + FW_HEAD;
    blob.rows = b + FW_HEAD + FW_REC * nfw;
    blob.area = b + head;
    blob.nfw = nfw;
    blob.nrows = nrows;
    return HS_OK;
}

/* ---- the table in use: the blob when installed, else the compiled one ---- */

/* Returns the number of frameworks (0: no table here yet). */
static size_t fw_count(void)
{
    return blob.area ? blob.nfw : COMPILED_FW;
}

/* Returns the number of rows. */
static size_t row_count(void)
{
    return blob.area ? blob.nrows : COMPILED_ROWS;
}

/* Returns the string at offset off of the blob's area (checked at load). */
static const char *area_str(size_t off)
{
    return (const char *)blob.area + off;
}

/* Returns framework i; the caller guarantees i < fw_count(). */
static struct framework framework_at(size_t i)
{
    if (blob.area) {
        const unsigned char *f = blob.fws + FW_REC * i;
        struct framework fw = { area_str(u16le(f)), area_str(u16le(f + 2)), area_str(u16le(f + 4)),
                                area_str(u16le(f + 6)), area_str(u16le(f + 8)) };
        return fw;
    }
#ifndef HS_FRAMEWORKS_EXTERNAL
    return frameworks[i];
#else
    return (struct framework) { "", "", "", "", "" }; /* not reached: fw_count() is 0 */
#endif
}

/* Returns row i; the caller guarantees i < row_count(). */
static struct fw_row row_at(size_t i)
{
    if (blob.area) {
        const unsigned char *r = blob.rows + ROW_REC * i;
        static const char *const symbols[3] = { NULL, "", NULL };
        static const char *const phrases[4] = { NULL, upper_marker, "", NULL };
        struct fw_row row = { (uint16_t)u16le(r), r[2], symbols[r[3] & 3], phrases[r[3] >> 2] };
        if ((r[3] & 3) == 2)
            row.symbol = area_str(u16le(r + 4));
        if (r[3] >> 2 == 3)
            row.phrase = area_str(u16le(r + 6));
        return row;
    }
#ifndef HS_FRAMEWORKS_EXTERNAL
    return rows[i];
#else
    return (struct fw_row) { 0, 0, NULL, NULL }; /* not reached: row_count() is 0 */
#endif
}

/* ---- JSON ------------------------------------------------------------------ */

/* Writes a + b as one JSON string, cut to 127 bytes. */
static void str2_json(struct hs_json *j, const char *a, const char *b)
{
    char s[128];
    size_t an = strlen(a), bn = strlen(b);
    if (an > sizeof s)
        an = sizeof s;
    if (bn > sizeof s - an)
        bn = sizeof s - an;
    memcpy(s, a, an);
    memcpy(s + an, b, bn);
    hs_json_strn(j, s, an + bn);
}

/* Writes phrase in capitals (Werkzeug's status line). */
static void upper_json(struct hs_json *j, const char *phrase)
{
    char s[128];
    size_t n = 0;
    for (; phrase[n] && n < sizeof s; n++)
        s[n] = phrase[n] >= 'a' && phrase[n] <= 'z' ? (char)(phrase[n] - ('a' - 'A')) : phrase[n];
    hs_json_strn(j, s, n);
}

/* Writes what framework f sends for a code it does not list: its unknown
** phrase, the code after it when it ends in a space, "" for EMPTY, or null. */
static void unknown_json(struct hs_json *j, const struct framework *f, int code)
{
    char digits[HS_DECIMAL_MAX + 1];
    size_t n = strlen(f->unknown);
    if (strcmp(f->unknown, empty_marker) == 0) {
        hs_json_str(j, "");
        return;
    }
    if (n == 0) {
        hs_json_null(j);
        return;
    }
    digits[0] = 0;
    if (f->unknown[n - 1] == ' ')
        digits[hs_decimal(code, digits)] = 0; /* "status code " + 299 */
    str2_json(j, f->unknown, digits);
}

/* Writes the framework table's array for code (the table is installed:
** fw_count() > 0). Apart from hs_frameworks_json so that a lookup made
** before the table arrives never compiles it (wasm compiles a function on
** its first call). */
static void table_json(struct hs_json *j, int code)
{
    const struct hs_status_row *reg = hs_registry_row(hs_registry_id(code));
    struct fw_row found[HS_FW_MAX];
    unsigned char listed[HS_FW_MAX] = { 0 };
    size_t nfw = fw_count(), nrows = row_count();
    /* the first row of each framework for code */
    for (size_t i = 0; i < nrows; i++) {
        struct fw_row r = row_at(i);
        if (r.code == code && !listed[r.fw]) {
            found[r.fw] = r;
            listed[r.fw] = 1;
        }
    }
    hs_json_arr(j);
    for (size_t fw = 0; fw < nfw; fw++) {
        const struct framework f = framework_at(fw);
        const struct fw_row *r = listed[fw] ? &found[fw] : NULL;
        hs_json_obj(j);
        hs_json_key(j, "id");
        hs_json_str(j, f.key);
        hs_json_key(j, "name");
        hs_json_str(j, f.name);
        hs_json_key(j, "symbol");
        if (r && (!r->symbol || *r->symbol))
            str2_json(j, f.prefix, r->symbol ? r->symbol : reg->name);
        else
            hs_json_null(j);
        hs_json_key(j, "phrase");
        if (!r)
            unknown_json(j, &f, code);
        else if (r->phrase == upper_marker)
            upper_json(j, reg->phrase);
        else if (!r->phrase)
            hs_json_str(j, reg->phrase);
        else if (*r->phrase)
            hs_json_str(j, r->phrase);
        else
            hs_json_null(j);
        hs_json_key(j, "listed");
        hs_json_bool(j, r != NULL);
        hs_json_key(j, "source");
        hs_json_str(j, f.source);
        hs_json_obj_end(j);
    }
    hs_json_arr_end(j);
}

/* See frameworks.h. */
void hs_frameworks_json(struct hs_json *j, int code)
{
    if (fw_count() == 0)
        hs_json_null(j);
    else
        table_json(j, code);
}

/* ---- writing the blob ------------------------------------------------------ */

#ifndef HS_FRAMEWORKS_EXTERNAL
/* Writes v as a little-endian u16 at p. */
static void put16(unsigned char *p, size_t v)
{
    p[0] = (unsigned char)(v & 0xff);
    p[1] = (unsigned char)(v >> 8 & 0xff);
}

/* Appends s (with its NUL) to the string area that starts at out + head and
** ends at out + *n, and writes its offset at p: 0, the area's first byte
** (NUL), for "". Returns 0, or -1 when out (cap bytes) or the area is full. */
static int put_str(unsigned char *out, size_t cap, size_t head, size_t *n, unsigned char *p, const char *s)
{
    size_t len = strlen(s) + 1;
    if (!*s) {
        put16(p, 0);
        return 0;
    }
    if (len > cap - *n || *n - head + len > AREA_MAX)
        return -1;
    memcpy(out + *n, s, len);
    put16(p, *n - head);
    *n += len;
    return 0;
}

/* See frameworks.h. */
int hs_frameworks_blob(unsigned char *out, size_t cap)
{
    size_t head = FW_HEAD + FW_REC * COMPILED_FW + ROW_REC * COMPILED_ROWS, n = head + 1;
    _Static_assert(COMPILED_ROWS <= 0xffff, "frameworks.def: at most 65535 rows");
    if (cap < n)
        return HS_ENOSPC;
    memcpy(out, HS_FW_MAGIC, 4);
    put16(out + 4, COMPILED_FW);
    put16(out + 6, COMPILED_ROWS);
    out[head] = 0; /* offset 0: "" */
    for (size_t i = 0; i < COMPILED_FW; i++) {
        const struct framework *f = &frameworks[i];
        const char *s[5] = { f->key, f->name, f->prefix, f->unknown, f->source };
        for (size_t k = 0; k < 5; k++)
            if (put_str(out, cap, head, &n, out + FW_HEAD + FW_REC * i + 2 * k, s[k]) < 0)
                return HS_ENOSPC;
    }
    for (size_t i = 0; i < COMPILED_ROWS; i++) {
        const struct fw_row *r = &rows[i];
        unsigned char *p = out + FW_HEAD + FW_REC * COMPILED_FW + ROW_REC * i;
        unsigned sym = !r->symbol ? 0 : !*r->symbol ? 1 : 2;
        unsigned ph = !r->phrase ? 0 : r->phrase == upper_marker ? 1 : !*r->phrase ? 2 : 3;
        put16(p, r->code);
        p[2] = r->fw;
        p[3] = (unsigned char)(sym | ph << 2);
        put16(p + 4, 0);
        put16(p + 6, 0);
        if ((sym == 2 && put_str(out, cap, head, &n, p + 4, r->symbol) < 0) ||
            (ph == 3 && put_str(out, cap, head, &n, p + 6, r->phrase) < 0))
            return HS_ENOSPC;
    }
    return (int)n;
}
#endif
