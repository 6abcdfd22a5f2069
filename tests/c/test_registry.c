/*
** test_registry.c — native tests of the registry layer: the status table,
** its JSON and the query reader, under ASan and UBSan; every query input sits
** right before a guard page. Links core + registry only.
*/
#include "test.h"

#include "../fuzz/json_check.h"
#include "core/hs.h"
#include "registry/frameworks.h"
#include "registry/query.h"
#include "registry/registry.h"

static char out[256 * 1024];

/* Runs hs_query on a guarded copy of a literal; returns the count. */
static int q(const char *lit, int *codes, int *kind)
{
    return hs_query(guarded(lit, strlen(lit)), strlen(lit), codes, HS_QUERY_MAX_MATCHES, kind);
}

static void test_table(void)
{
    int known = 0, outside = 0, inconsistent = 0, textless = 0, phrase_apart = 0;
    for (int code = -5; code < 1005; code++) {
        int id = hs_registry_id(code);
        if ((code < 100 || code > 599) && id != HS_ID_NONE)
            outside++;
        /* phrase.c's own table says what the row says, and "" / 0 for no code */
        if (strcmp(hs_registry_phrase(code), id ? hs_registry_row(id)->phrase : "") != 0 ||
            hs_registry_flags(code) != (id ? hs_registry_row(id)->flags : 0u))
            phrase_apart++;
        if (id) {
            const struct hs_status_row *r = hs_registry_row(id);
            known++;
            if (r->code != code || !r->primary || !*r->phrase)
                inconsistent++;
        }
    }
    for (int id = 1; id < HS_ID_COUNT; id++) {
        const struct hs_status_text *t = hs_registry_text(id);
        if (!*t->title_ko || !*t->en || !*t->ko) {
            printf("#   %s has no title or description\n", hs_registry_row(id)->name);
            textless++;
        }
    }
    is_int(outside, 0, "no code outside 100-599 has an id");
    is_int(phrase_apart, 0, "hs_registry_phrase and hs_registry_flags agree with the rows for every int");
    is_int(inconsistent, 0, "every code maps to its own primary row");
    is_int(textless, 0, "every row has a Korean title and descriptions in both languages");
    is_int(known, hs_registry_count(), "every primary row is reachable by its code");
    ok(hs_registry_count() >= 64 + 31, "the table has the 64 IANA codes and the unofficial ones (%d)", hs_registry_count());
    is_int(hs_registry_id(404), HS_ID_NOT_FOUND, "404 -> NOT_FOUND");
    is_int(HS_STATUS_NOT_FOUND, 404, "enum hs_status carries the number");
    ok(hs_registry_row(-1) == hs_registry_row(0) && hs_registry_row(100000) == hs_registry_row(0),
       "ids out of range clamp to the catch-all row");
}

static void test_lookup_json(void)
{
    int bad = 0;
    for (int code = 100; code <= 599; code++) {
        int n = hs_registry_json(code, out, sizeof out);
        if (n <= 0 || !json_valid(out, (size_t)n))
            bad++;
    }
    is_int(bad, 0, "hs_registry_json writes valid JSON for every code 100-599");
    is_int(hs_registry_json(99, out, sizeof out), HS_ERANGE, "99 is out of range");
    is_int(hs_registry_json(600, out, sizeof out), HS_ERANGE, "600 is out of range");
    {
        int n = hs_registry_json(405, out, sizeof out);
        ok(contains(out, n, "\"requiredFields\":[{\"field\":\"Allow\",\"level\":\"MUST\""), "405 requires Allow (MUST)");
        n = hs_registry_json(299, out, sizeof out);
        ok(contains(out, n, "\"registry\":\"unassigned\"") && contains(out, n, "\"treatedAs\":200"),
           "299 is unassigned and treated as 200");
        n = hs_registry_json(451, out, sizeof out);
        ok(contains(out, n, "\"otherMeanings\":[{\"name\":\"MS_REDIRECT\""), "451 keeps Microsoft's Redirect as another meaning");
    }
    for (size_t cap = 0; cap < 64; cap++)
        if (hs_registry_json(404, out, cap) != HS_ENOSPC)
            ok(0, "a %zu-byte buffer is reported as too small", cap);
    is_int(hs_registry_catalog_json(out, 10), HS_ENOSPC, "a small catalogue buffer is reported");
    {
        int n = hs_registry_catalog_json(out, sizeof out);
        ok(n > 0 && json_valid(out, (size_t)n), "the catalogue is valid JSON");
    }
}

/* FNV-1a of out[0..n): one number per lookup, to compare two tables by. */
static unsigned long long fnv(const char *p, int n)
{
    unsigned long long h = 1469598103934665603ull;
    for (int i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
    return h;
}

/* How many codes 100-599 look up differently from want[] (and fill want
** when fill is set). */
static int lookups_differ(unsigned long long *want, int fill)
{
    int differ = 0;
    for (int code = 100; code <= 599; code++) {
        int n = hs_registry_json(code, out, sizeof out);
        unsigned long long h = n > 0 ? fnv(out, n) : 0;
        if (fill)
            want[code - 100] = h;
        else if (h != want[code - 100])
            differ++;
    }
    return differ;
}

/* The blob of frameworks.bin: written from the compiled table, read back
** to the same lookups, and refused (nothing installed) when malformed. */
static void test_frameworks_blob(void)
{
    static unsigned char blob[64 * 1024], bad[64 * 1024];
    static unsigned long long want[500];
    int n = hs_frameworks_blob(blob, sizeof blob), small = 0;
    size_t nfw, nrows, rows_at;
    ok(n > 8 && memcmp(blob, HS_FW_MAGIC, 4) == 0, "the table is written as a blob (%d bytes)", n);
    if (n <= 8)
        return;
    for (int cap = 0; cap < n; cap += 97)
        small += hs_frameworks_blob(bad, (size_t)cap) != HS_ENOSPC;
    is_int(small, 0, "a buffer too small for the blob is HS_ENOSPC");
    is_int(hs_frameworks_blob(bad, (size_t)n - 1), HS_ENOSPC, "one byte short is HS_ENOSPC");
    nfw = (size_t)(blob[4] | blob[5] << 8);
    nrows = (size_t)(blob[6] | blob[7] << 8);
    rows_at = 8 + 10 * nfw;
    ok(nfw >= 9 && nrows >= 500, "the blob has every framework and row (%zu, %zu)", nfw, nrows);
    lookups_differ(want, 1);
    {
        /* each a copy of the blob with one thing wrong, loaded from before a guard page */
        struct { const char *what; size_t at; int value; size_t len; } cases[] = {
            { "another magic", 0, 'X', 0 },
            { "no framework", 4, 0, 0 },
            { "more frameworks than HS_FW_MAX", 4, HS_FW_MAX + 1, 0 },
            { "more rows than the bytes hold", 7, 0xff, 0 },
            { "a string area without its last NUL", (size_t)n - 1, 'x', 0 },
            { "a framework string past the area", 9, 0xff, 0 },
            { "a row of a framework that is not there", rows_at + 2, (int)nfw, 0 },
            { "a symbol kind that does not exist", rows_at + 3, 3, 0 },
            { "a phrase kind past 3", rows_at + 3, 0x10, 0 },
            { "a row's symbol past the area", rows_at + 5, 0xff, 0 },
            { "cut to the header", 0, -1, 8 },
        };
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
            size_t len = cases[i].len ? cases[i].len : (size_t)n;
            memcpy(bad, blob, (size_t)n);
            if (cases[i].value >= 0)
                bad[cases[i].at] = (unsigned char)cases[i].value;
            is_int(hs_frameworks_load((const unsigned char *)guarded(bad, len), len), HS_EINVAL, "refused: %s", cases[i].what);
        }
    }
    is_int(hs_frameworks_load(NULL, 0), HS_EINVAL, "refused: no blob");
    is_int(lookups_differ(want, 0), 0, "a refused blob leaves the table as it was");
    is_int(hs_frameworks_load(blob, (size_t)n), HS_OK, "the blob is installed");
    is_int(lookups_differ(want, 0), 0, "every lookup 100-599 reads the same from the blob as from the compiled table");
    {
        int k = hs_registry_json(413, out, sizeof out);
        ok(contains(out, k, "\"symbol\":\"http.StatusRequestEntityTooLarge\"") && contains(out, k, "\"phrase\":\"REQUEST ENTITY TOO LARGE\""),
           "413 from the blob: Go's prefixed constant, Werkzeug's phrase in capitals");
        k = hs_registry_json(299, out, sizeof out);
        ok(contains(out, k, "\"phrase\":\"status code 299\",\"listed\":false"), "299 from the blob: Go sends \"status code 299\"");
    }
}

static void test_query(void)
{
    int codes[HS_QUERY_MAX_MATCHES], kind, n;
    n = q("404", codes, &kind);
    ok(n == 1 && codes[0] == 404 && kind == HS_Q_CODE, "\"404\" is a code");
    n = q("  404\t", codes, &kind);
    ok(n == 1 && codes[0] == 404, "white space around a code is ignored");
    n = q("4xx", codes, &kind);
    ok(n > 30 && codes[0] == 400 && kind == HS_Q_RANGE, "\"4xx\" is the 4xx range (%d codes)", n);
    n = q("4**", codes, &kind);
    ok(n > 30 && codes[0] == 400, "\"4**\" too");
    n = q("40X", codes, &kind);
    ok(n == 10 && codes[9] == 409, "\"40X\" is 400-409");
    n = q("HTTP/1.1 503 Service Unavailable", codes, &kind);
    ok(n == 1 && codes[0] == 503 && kind == HS_Q_STATUS_LINE, "a status line gives its code");
    is_int(q("HTTP/1.1 banana", codes, &kind), HS_ESTATUSLINE, "a status line without a code is an error");
    n = q("Not Found", codes, &kind);
    ok(n >= 1 && codes[0] == 404 && kind == HS_Q_TEXT, "a phrase in any case finds its code first");
    n = q("request entity too large", codes, &kind);
    ok(n >= 1 && codes[0] == 413, "a legacy phrase finds 413");
    n = q("teapot", codes, &kind);
    ok(n >= 1 && codes[0] == 418, "a partial word finds 418");
    n = q("찾을 수 없음", codes, &kind);
    ok(n >= 1 && codes[0] == 404, "Korean finds 404");
    n = q("rfc 7725", codes, &kind);
    ok(n == 1 && codes[0] == 451 && kind == HS_Q_RFC, "an RFC finds its codes");
    is_int(q("", codes, &kind), HS_EEMPTY, "empty input");
    is_int(q(" \t\r\n", codes, &kind), HS_EEMPTY, "blank input");
    is_int(q("600", codes, &kind), HS_ERANGE, "600 is out of range");
    is_int(q("1234", codes, &kind), HS_ERANGE, "four digits are out of range");
    is_int(q("qzxqzx", codes, &kind), HS_ENOMATCH, "junk matches nothing");
    /* digits glued to a word are read apart only when the word is a filler
    ** or names that code (search-queries.tsv has the rows that are found) */
    is_int(q("x509", codes, &kind), HS_ENOMATCH, "x509 is a certificate, not 509");
    is_int(q("sha256", codes, &kind), HS_ENOMATCH, "sha256 is no code");
    is_int(q("404gone", codes, &kind), HS_ENOMATCH, "gone names 410, not 404");
    is_int(q("abc600", codes, &kind), HS_ENOMATCH, "no code, so no range error either");
    {
        char big[HS_QUERY_MAX + 1];
        memset(big, 'a', sizeof big);
        is_int(hs_query(guarded(big, sizeof big), sizeof big, codes, 8, &kind), HS_ETOOLONG, "over-long input");
        memset(big, ' ', sizeof big);
        big[3] = '4';
        big[4] = '0';
        big[5] = '4';
        n = hs_query(guarded(big, sizeof big), sizeof big, codes, 8, &kind);
        ok(n == 1 && codes[0] == 404, "padding that trims to a short query is fine");
    }
    {
        int all[HS_QUERY_MAX_MATCHES], m = q("not", all, &kind);
        n = hs_query(guarded("not", 3), 3, codes, 3, &kind);
        ok(m > 3 && n == 3 && memcmp(codes, all, 3 * sizeof *codes) == 0,
           "max bounds the number of codes: the first 3 of the %d \"not\" finds", m);
    }
    is_int(hs_query(guarded("404", 3), 3, codes, 0, &kind), HS_EINVAL, "max 0 is a misuse");
    {
        /* every single byte value, alone, must be handled */
        int bad = 0;
        for (int b = 0; b < 256; b++) {
            char c = (char)b;
            int m = hs_query_json(guarded(&c, 1), 1, out, sizeof out);
            if (m <= 0 || !json_valid(out, (size_t)m))
                bad++;
        }
        is_int(bad, 0, "each single byte gives valid JSON");
    }
}

int main(void)
{
    test_table();
    test_lookup_json();
    test_frameworks_blob();
    test_query();
    return done_testing();
}
