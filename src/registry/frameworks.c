/*
** frameworks.c — the framework table (frameworks.def) as data: one row per
** framework and code, the symbol and the phrase stored only where they
** differ from status.def's NAME and phrase. See frameworks.h.
*/
#include "frameworks.h"

#include "core/hs.h"
#include "core/json.h"
#include "registry.h"

#include <stdint.h>
#include <string.h>

enum {
#define HS_FRAMEWORK(id, key, name, prefix, unknown, source) FW_##id,
#include "frameworks.def"
    FW_COUNT
};

/* Marker of frameworks.def for a framework that sends an empty phrase for a
** code it does not list (distinct bytes: never merged with "") */
static const char empty_marker[] = "\x02";
#define EMPTY empty_marker

static const struct framework {
    const char *key, *name, *prefix, *unknown, *source;
} frameworks[FW_COUNT] = {
#define HS_FRAMEWORK(id, key, name, prefix, unknown, source) { key, name, prefix, unknown, source },
#include "frameworks.def"
};

#undef EMPTY

/* Markers of frameworks.def: NULL stands for status.def's own value, "" for none. */
static const char upper_marker[] = "\x01"; /* distinct bytes: never merged with "" */
#define NAME NULL
#define SAME NULL
#define NONE ""
#define UPPER upper_marker

static const struct fw_row {
    uint16_t code;
    uint8_t fw;
    const char *symbol, *phrase;
} rows[] = {
#define HS_FW(id, code, symbol, phrase) { code, FW_##id, symbol, phrase },
#include "frameworks.def"
};

#undef NAME
#undef SAME
#undef NONE
#undef UPPER

/* Returns the row of framework fw for code, or NULL when it does not list it. */
static const struct fw_row *row_of(int fw, int code)
{
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        if (rows[i].fw == fw && rows[i].code == code)
            return &rows[i];
    return NULL;
}

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
    if (f->unknown == empty_marker) {
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

/* See frameworks.h. */
void hs_frameworks_json(struct hs_json *j, int code)
{
    const struct hs_status_row *reg = hs_registry_row(hs_registry_id(code));
    hs_json_arr(j);
    for (int fw = 0; fw < FW_COUNT; fw++) {
        const struct framework *f = &frameworks[fw];
        const struct fw_row *r = row_of(fw, code);
        hs_json_obj(j);
        hs_json_key(j, "id");
        hs_json_str(j, f->key);
        hs_json_key(j, "name");
        hs_json_str(j, f->name);
        hs_json_key(j, "symbol");
        if (r && (!r->symbol || *r->symbol))
            str2_json(j, f->prefix, r->symbol ? r->symbol : reg->name);
        else
            hs_json_null(j);
        hs_json_key(j, "phrase");
        if (!r)
            unknown_json(j, f, code);
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
        hs_json_str(j, f->source);
        hs_json_obj_end(j);
    }
    hs_json_arr_end(j);
}
