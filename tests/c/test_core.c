/*
** test_core.c — native tests of the core layer: the shared helpers of hs.h
** (hs_decimal, status-code digits, the ASCII case fold, the {0} expander
** with its Korean particles), the JSON writer and reader, SHA-1 and
** base64, under ASan and UBSan. Inputs read by the engine sit right before a
** guard page. Links core only.
*/
#include "test.h"

#include "../fuzz/json_check.h"
#include "core/digest.h"
#include "core/hs.h"
#include "core/json.h"
#include "core/jsonread.h"
#include "core/korean.h"

#include <limits.h>

static void test_decimal(void)
{
    char d[HS_DECIMAL_MAX];
    size_t n;
    n = hs_decimal(0, d);
    ok(n == 1 && d[0] == '0', "0 is one digit");
    n = hs_decimal(-7, d);
    ok(n == 2 && !memcmp(d, "-7", 2), "-7 carries its sign");
    n = hs_decimal(1234567890, d);
    ok(n == 10 && !memcmp(d, "1234567890", 10), "1234567890");
    n = hs_decimal(LLONG_MAX, d);
    ok(n == 19 && !memcmp(d, "9223372036854775807", 19), "LLONG_MAX");
    n = hs_decimal(LLONG_MIN, d);
    ok(n == HS_DECIMAL_MAX && !memcmp(d, "-9223372036854775808", 20), "LLONG_MIN fills HS_DECIMAL_MAX bytes");
}

static void test_status_digits(void)
{
    char d[3];
    hs_status_digits(404, d);
    ok(!memcmp(d, "404", 3), "404");
    hs_status_digits(100, d);
    ok(!memcmp(d, "100", 3), "100 keeps its zeros");
    hs_status_digits(1234, d);
    ok(!memcmp(d, "234", 3), "a larger value keeps its last three digits");
}

static void test_expand(void)
{
    char out[64];
    const struct hs_str args[2] = { { "404", 3 }, { "\xea\xb0\x80\xeb\x82\x98", 6 } };
    static const char want[] = "404 and \xea\xb0\x80\xeb\x82\x98, 404 again; {2} and {x} stay";
    size_t n = hs_expand(out, sizeof out, "{0} and {1}, {0} again; {2} and {x} stay", args, 2, 160);
    ok(n == sizeof want - 1 && !memcmp(out, want, n),
       "{0} {1} are filled, a placeholder past nargs and {x} are copied");
    n = hs_expand(out, sizeof out, "<{1}>", args, 2, 4);
    ok(n == 8 && !memcmp(out, "<\xea\xb0\x80\xe2\x80\xa6>", n), "an argument over arg_max is cut on a UTF-8 boundary and marked");
    n = hs_expand(out, 5, "{0} and more", args, 2, 160);
    ok(n == 5 && !memcmp(out, "404 a", 5), "output is cut at cap");
    ok(hs_expand(out, 0, "x{0}", args, 2, 160) == 0, "cap 0 writes nothing");
}

/* ---- Korean particles ----------------------------------------------------- */

/* The final sounds hs_expand reads for a {N:은} marker, held to the table that
** tests/korean.test.mjs also holds web/korean.js to. */
static void test_korean_finals(void)
{
    static const char *const names[] = { "vowel", "consonant", "rieul" };
    char line[256];
    int rows = 0, bad = 0;
    FILE *f = fopen("tests/data/korean-finals.tsv", "r");
    ok(f != NULL, "tests/data/korean-finals.tsv opens (run from the repository root)");
    if (!f)
        return;
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        int got;
        if (line[0] == '#' || !tab)
            continue;
        *tab = 0;
        tab[1 + strcspn(tab + 1, "\r\n")] = 0;
        rows++;
        got = hs_ko_final_sound(line, strlen(line));
        if (got < 0 || got > 2 || strcmp(names[got], tab + 1) != 0) {
            bad++;
            ok(0, "%s ends in a %s, not %s", line, tab + 1, got >= 0 && got <= 2 ? names[got] : "?");
        }
    }
    fclose(f);
    ok(rows >= 60, "%d rows in the table", rows);
    is_int(bad, 0, "every value of korean-finals.tsv ends as the table says");
}

/* {N:은} markers: the particle form fits the argument as it is read. */
static void test_expand_particles(void)
{
    static const struct { const char *value, *marker, *want; } cases[] = {
        { "404", "{0:은}", "404는" }, { "503", "{0:는}", "503은" }, { "404", "{0:과}", "404와" },
        { "58", "{0:와}", "58과" }, { "8", "{0:와}", "8과" }, { "4", "{0:과}", "4와" },
        { "503", "{0:로}", "503으로" }, { "201", "{0:으로}", "201로" }, { "/success", "{0:으로}", "/success로" },
        { "/", "{0:으로}", "/로" }, { "GET", "{0:를}", "GET을" }, { "POST", "{0:을}", "POST를" },
        { "URL", "{0:으로}", "URL로" }, { "API", "{0:은}", "API는" }, { "서버", "{0:이}", "서버가" },
        { "사람", "{0:가}", "사람이" }, { "\"pen\"", "{0:라는}", "\"pen\"이라는" }, { "404", "{0:이다}", "404다" },
        { "/items/3", "{0:는}", "/items/3은" }, { "/items/2", "{0:은}", "/items/2는" },
    };
    char out[64];
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const struct hs_str a = { cases[i].value, strlen(cases[i].value) };
        size_t n = hs_expand(out, sizeof out, cases[i].marker, &a, 1, 160);
        if (n != strlen(cases[i].want) || memcmp(out, cases[i].want, n) != 0) {
            bad++;
            ok(0, "%s with %s gives %.*s, not %s", cases[i].marker, cases[i].value, (int)n, out, cases[i].want);
        }
    }
    is_int(bad, 0, "every {0:particle} marker takes the form that fits its value");
    {
        const struct hs_str a = { "404", 3 };
        size_t n = hs_expand(out, sizeof out, "{0:에서} {0:은", &a, 1, 160);
        ok(n == strlen("{0:에서} {0:은") && !memcmp(out, "{0:에서} {0:은", n), "a marker that names no varying particle, or is not closed, is copied");
        n = hs_expand(out, sizeof out, "{1:은}", &a, 1, 160);
        ok(n == strlen("{1:은}") && !memcmp(out, "{1:은}", n), "a marker past nargs is copied");
    }
    {
        const struct hs_str none = { NULL, 0 };
        size_t n = hs_expand(out, sizeof out, "<{0}{0:은}>", &none, 1, 160);
        ok(n == 5 && !memcmp(out, "<\xeb\x8a\x94>", n), "an empty argument (NULL, 0) writes nothing but the particle");
    }
}

static void test_ascii_case(void)
{
    int bad = 0;
    for (int ch = 0; ch < 256; ch++) {
        int want = ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
        if ((unsigned char)hs_ascii_lower((char)ch) != want)
            bad++;
    }
    is_int(bad, 0, "hs_ascii_lower folds A-Z only, every other byte (incl. @ [ and bytes >= 0x80) stays");
    ok(hs_ascii_ieq(G("Content-LENGTH"), "content-length", 14), "letters compare without case");
    ok(!hs_ascii_ieq(G("content-length"), "content-lengt", 13), "lengths must match");
    ok(!hs_ascii_ieq(G("@"), "`", 1) && !hs_ascii_ieq(G("["), "{", 1), "@ [ are not ` { (no | 0x20 folding)");
    ok(!hs_ascii_ieq(G("\xc0"), "\xe0", 1), "bytes >= 0x80 are not folded");
    ok(hs_ascii_ieq(G(""), "", 0), "two empty strings are equal");
}

static void test_json_writer(void)
{
    struct hs_json j;
    char buf[64];
    hs_json_init(&j, buf, sizeof buf);
    hs_json_obj(&j);
    hs_json_key(&j, "a");
    hs_json_strn(&j, "\x01\"\\\xff\xc3\xa9\xed\xa0\x80", 9);
    hs_json_key(&j, "b");
    hs_json_arr(&j);
    hs_json_int(&j, -12);
    hs_json_bool(&j, 1);
    hs_json_null(&j);
    hs_json_arr_end(&j);
    hs_json_obj_end(&j);
    {
        const char want[] = "{\"a\":\"\\u0001\\\"\\\\\xef\xbf\xbd\xc3\xa9\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\",\"b\":[-12,true,null]}";
        int n = hs_json_end(&j);
        ok(n == (int)sizeof want - 1 && memcmp(buf, want, (size_t)n) == 0,
           "escapes controls, quotes and backslashes; replaces invalid UTF-8 (incl. surrogates) with U+FFFD");
        ok(json_valid(buf, (size_t)n), "and the result is valid JSON");
    }
    hs_json_init(&j, buf, 4);
    hs_json_str(&j, "hello");
    is_int(hs_json_end(&j), HS_JSON_ENOSPC, "a full buffer is reported, not overrun");
    is_int(hs_utf8_valid_prefix((const unsigned char *)"ab\xe0\x80", 4), 2, "an overlong sequence ends the valid prefix");
    is_int(hs_utf8_valid_prefix((const unsigned char *)"\xf4\x90\x80\x80", 4), 0, "above U+10FFFF is invalid");
    /* hs_json_base64 writes in pieces of 48 bytes: each length around a piece's end is one whole base64 */
    for (size_t n = 0; n <= 100; n++) {
        char bytes[100], big[160], want[150];
        int w;
        for (size_t i = 0; i < n; i++)
            bytes[i] = (char)(i * 37 + 200);
        hs_json_init(&j, big, sizeof big);
        hs_json_arr(&j);
        hs_json_base64(&j, bytes, n);
        hs_json_int(&j, 1);
        hs_json_arr_end(&j);
        want[0] = '[';
        want[1] = '"';
        w = hs_base64_encode((const uint8_t *)bytes, n, want + 2, sizeof want - 2);
        memcpy(want + 2 + w, "\",1]", 5);
        if (hs_json_end(&j) != w + 6 || memcmp(big, want, (size_t)w + 6) != 0) {
            ok(0, "hs_json_base64 of %zu bytes is their base64 as one string", n);
            return;
        }
    }
    ok(1, "hs_json_base64 of 0 to 100 bytes is their base64 as one string, followed by a comma");
}

static void test_digest(void)
{
    uint8_t d[20], raw[32];
    char b[64], accept[HS_WS_ACCEPT_LEN];
    static const char *const vec[][2] = { /* RFC 4648 §10 */
        { "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
        { "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
    };
    hs_sha1("abc", 3, d);
    ok(!memcmp(d, "\xa9\x99\x3e\x36\x47\x06\x81\x6a\xba\x3e\x25\x71\x78\x50\xc2\x6c\x9c\xd0\xd8\x9d", 20), "SHA-1(\"abc\") (RFC 3174 test 1)");
    hs_sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, d);
    ok(!memcmp(d, "\x84\x98\x3e\x44\x1c\x3b\xd2\x6e\xba\xae\x4a\xa1\xf9\x51\x29\xe5\xe5\x46\x70\xf1", 20), "SHA-1 of 56 bytes: padding spills into a second block");
    for (size_t i = 0; i < sizeof vec / sizeof *vec; i++) {
        int n = hs_base64_encode((const uint8_t *)vec[i][0], strlen(vec[i][0]), b, sizeof b);
        ok(n == (int)strlen(vec[i][1]) && !memcmp(b, vec[i][1], (size_t)n), "base64(\"%s\") = \"%s\"", vec[i][0], vec[i][1]);
        n = hs_base64_decode(guarded(vec[i][1], strlen(vec[i][1])), strlen(vec[i][1]), raw, sizeof raw);
        ok(n == (int)strlen(vec[i][0]) && !memcmp(raw, vec[i][0], (size_t)n), "decode(\"%s\")", vec[i][1]);
    }
    is_int(hs_base64_decode(G("Zh=="), raw, sizeof raw), -1, "non-zero pad bits are not canonical");
    is_int(hs_base64_decode(G("Zm9"), raw, sizeof raw), -1, "length not a multiple of 4");
    is_int(hs_base64_decode(G("Zm=v"), raw, sizeof raw), -1, "'=' before the end");
    is_int(hs_base64_decode(G("Zm9v!A=="), raw, sizeof raw), -1, "a character outside the alphabet");
    is_int(hs_base64_decode(G("dGhlIHNhbXBsZSBub25jZQ=="), raw, sizeof raw), 16, "the RFC 6455 sample key is 16 bytes");
    hs_ws_accept("dGhlIHNhbXBsZSBub25jZQ==", 24, accept);
    ok(!memcmp(accept, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", 28), "Sec-WebSocket-Accept of the RFC 6455 §1.3 sample: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
}

static void test_jsonread(void)
{
    struct hs_jval root, k, v;
    uint32_t err, pos = 0;
    char s[64];
    int n, members = 0;
    static const char text[] = "{\"a\": [1, {\"b\": \"x\"}], \"name\" : \"d\\u00e9sk\\ud83d\\ude00\\n\", \"n\": -12}";
    const char *doc = guarded(text, sizeof text - 1);
    ok(hs_jread_doc(doc, sizeof text - 1, &root, &err) == 0 && root.type == HS_JOBJECT, "a valid document");
    while (hs_jread_member(doc, &root, &pos, &k, &v)) {
        members++;
        if (hs_jread_is(doc, &k, "name")) {
            n = hs_jread_string(doc, &v, s, sizeof s);
            ok(n == 10 && !memcmp(s, "d\xc3\xa9sk\xf0\x9f\x98\x80\n", 10), "escapes and a surrogate pair decode to UTF-8");
        }
        if (hs_jread_is(doc, &k, "n")) {
            int64_t x;
            ok(hs_jread_int(doc, &v, &x) == 0 && x == -12, "an integer");
        }
    }
    is_int(members, 3, "three members, nested ones skipped");
    is_int(hs_jread_doc(G("{\"a\":1,}"), &root, &err), -1, "a trailing comma");
    is_int(hs_jread_doc(G("{\"a\":\"\\ud800\"}"), &root, &err), -1, "a lone high surrogate (RFC 7493)");
    is_int(hs_jread_doc(G("{\"a\":\"\\udc00\"}"), &root, &err), -1, "a lone low surrogate");
    is_int(hs_jread_doc(G("\"\xc0\xaf\""), &root, &err), -1, "an overlong UTF-8 sequence");
    is_int(hs_jread_doc(G("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"), &root, &err), -1, "nesting deeper than 32");
    is_int(hs_jread_doc(G("01"), &root, &err), -1, "a leading zero");
    is_int(hs_jread_doc(G(" true "), &root, &err), 0, "a literal with whitespace");
    is_int(hs_jread_doc(G(""), &root, &err), -1, "nothing");
    is_int(hs_jread_doc(G("{\"a\":1} x"), &root, &err), -1, "bytes after the value");
}

int main(void)
{
    test_decimal();
    test_ascii_case();
    test_status_digits();
    test_expand();
    test_expand_particles();
    test_korean_finals();
    test_json_writer();
    test_digest();
    test_jsonread();
    return done_testing();
}
