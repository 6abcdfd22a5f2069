/*
** test_lint.c — native tests of the response parser (src/http/response_parse.c)
** and the linter (src/http/lint.c), linked with the http layer and below
** only. Every input goes through guarded(), so a read past len crashes;
** every prefix of each response is linted too.
*/
#include "test.h"

#include "../fuzz/json_check.h"
#include "core/hs.h"
#include "http/lint.h"

static struct hs_lint L;
static struct hs_parsed_response R;
static char body[4096], out[1 << 18];
static const char *in;

/* Lints s[0..n) (guarded) with the request req (a C string or NULL). */
static int lint_n(const char *s, size_t n, const char *req)
{
    in = guarded(s, n);
    return hs_lint_run(in, n, req, req ? strlen(req) : 0, &L, body, sizeof body);
}

#define LINT(lit, req) lint_n((lit), sizeof(lit) - 1, (req))

/* Returns the index of the first finding of rule, or -1. */
static int found(int rule)
{
    for (uint32_t i = 0; i < L.n_findings; i++)
        if (L.findings[i].rule == rule)
            return (int)i;
    return -1;
}

/* True if finding i covers exactly the C string s of the last input. */
static int covers(int i, const char *s)
{
    return i >= 0 && L.findings[i].len == strlen(s) && memcmp(in + L.findings[i].off, s, strlen(s)) == 0;
}

#define D "Date: Wed, 01 Jan 2025 00:00:00 GMT\r\n"

static void test_parser(void)
{
    static const char chunked[] = "HTTP/1.1 200 OK\r\n" D "Transfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                                  "2\r\nhi\r\n3;x=y\r\n!!!\r\n0\r\nX-T: 1\r\n\r\n";
    const char *g = guarded(chunked, sizeof chunked - 1);
    is_int(hs_response_parse(g, sizeof chunked - 1, 0, 0, &R, body, sizeof body), HS_RESPONSE_READ, "reads a chunked response");
    is_int(R.status, 200, "  status");
    is_int(R.framing, HS_RFRAME_CHUNKED, "  framing chunked");
    is_int(R.body_len, 5, "  decoded 5 bytes");
    ok(memcmp(body, "hi!!!", 5) == 0, "  decoded by body.c");
    is_int(R.n_fields, 3, "  3 fields");
    is_int(R.n_trailers, 1, "  1 trailer");
    is_int(R.end, sizeof chunked - 1, "  ends at the end");
    is_int(R.n_defects, 0, "  no defect");

    is_int(hs_response_parse(G("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"), 0, 0, &R, NULL, 0), HS_RESPONSE_READ, "Content-Length");
    is_int(R.framing, HS_RFRAME_LENGTH, "  framing length");
    is_int(R.content.len, 2, "  2 bytes");
    is_int(hs_response_parse(G("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"), 0, 0, &R, NULL, 0), HS_RESPONSE_READ, "interim");
    is_int(R.end, 25, "  a 1xx ends at its empty line");
    is_int(hs_response_parse(G("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"), 0, HS_RPARSE_HEAD, &R, NULL, 0), HS_RESPONSE_READ, "HEAD");
    is_int(R.framing, HS_RFRAME_NONE, "  no content for HEAD");
    is_int(hs_response_parse(G("GET / HTTP/1.1\r\n\r\n"), 0, 0, &R, NULL, 0), HS_RESPONSE_UNREADABLE, "a request is not a response");
    is_int(R.error_rule, HS_LINT_STATUS_LINE, "  status-line");
    is_int(hs_response_parse(G("HTTP/1.1 2000 OK\r\n\r\n"), 0, 0, &R, NULL, 0), HS_RESPONSE_UNREADABLE, "four digits");
    is_int(R.error_rule, HS_LINT_STATUS_CODE_DIGITS, "  status-code-digits");
    is_int(R.error_offset, 9, "  at the code");
    is_int(hs_response_parse(G(""), 0, 0, &R, NULL, 0), HS_RESPONSE_UNREADABLE, "nothing");
}

static void test_rules(void)
{
    int i;
    LINT("HTTP/1.1 405 Method Not Allowed\r\n" D "Content-Length: 0\r\n\r\n", "DELETE / HTTP/1.1\r\nHost: a\r\n\r\n");
    i = found(HS_LINT_REQUIRED_FIELD);
    ok(i >= 0 && L.findings[i].level == HS_LINT_LEVEL_ERROR, "405 without Allow is an error");
    ok(covers(i, "405"), "  at the code");
    ok(!strcmp(L.findings[i].section, "15.5.6"), "  cites the registry's section");

    LINT("HTTP/1.1 100 Continue\r\nContent-Length: 0\r\n\r\n", NULL);
    ok(found(HS_LINT_INTERIM_FINAL) >= 0, "100 as the final answer");
    ok(covers(found(HS_LINT_CONTENT_LENGTH_FORBIDDEN), "Content-Length: 0"), "  Content-Length in a 1xx, at its line");

    LINT("HTTP/1.1 204 No Content\r\n" D "\r\n{}", NULL);
    ok(covers(found(HS_LINT_CONTENT_FORBIDDEN), "{}"), "204 with content: at the content");

    LINT("HTTP/1.1 200 OK\r\n" D "X-A : 1\r\nContent-Length: 0\r\n\r\n", NULL);
    ok(covers(found(HS_LINT_FIELD_WS_BEFORE_COLON), " "), "whitespace before the colon");

    LINT("HTTP/1.1 200 OK\r\n" D "Transfer-Encoding: chunked\r\nContent-Type: a/b\r\n\r\n3\r\nhi\r\n0\r\n\r\n", NULL);
    i = found(HS_LINT_CHUNKED_MALFORMED);
    ok(i >= 0 && L.findings[i].n_args == 1, "malformed chunked content, with the parser's reason");

    LINT("HTTP/1.1 200 OK\r\n" D "Cache-Control: no-store\r\nContent-Type: a/b\r\nContent-Length: 2\r\n\r\nhi", NULL);
    is_int(L.n_findings, 0, "a clean response has no finding");

    LINT("HTTP/1.1 299 \r\n" D "Cache-Control: no-store\r\nContent-Length: 0\r\n\r\n", NULL);
    i = found(HS_LINT_STATUS_UNASSIGNED);
    ok(i >= 0 && L.findings[i].level == HS_LINT_LEVEL_INFO, "an unassigned code is info");
    is_int(hs_lint_json(&L, out, sizeof out) > 0, 1, "  JSON written");
    ok(contains(out, hs_lint_json(&L, out, sizeof out), "treats it as 200."), "  {1} filled with the x00 code");
}

/* Every prefix of each response is linted under the guard page; the JSON is
** valid at every size of the output buffer that holds it, HS_ENOSPC below. */
static void test_prefixes(void)
{
    static const char *const inputs[] = {
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n" D "Transfer-Encoding: gzip, chunked\r\nContent-Type: a/b\r\n\r\n2\r\nhi\r\n0\r\nT: 1\r\n\r\n",
        "HTTP/1.1 206 Partial Content\r\n" D "Content-Range: bytes 0-1/5\r\nContent-Length: 2\r\nSet-Cookie: a=b\r\n\r\nhi",
        "HTTP/1.0  404\tOK\x01\nX(a) : 1\n fold\nnone\nDate: x\nContent-Length: 1, 2\n\nab\xff",
    };
    int bad = 0, json_bad = 0;
    for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
        size_t n = strlen(inputs[k]);
        for (size_t p = 0; p <= n; p++) {
            int m;
            lint_n(inputs[k], p, k == 1 ? "GET / HTTP/1.1\r\nHost: a\r\nRange: bytes=0-1\r\n\r\n" : NULL);
            for (uint32_t i = 0; i < L.n_findings; i++)
                if (L.findings[i].off + L.findings[i].len > p)
                    bad++;
            m = hs_lint_json(&L, out, sizeof out);
            if (m < 0 || !json_valid(out, (size_t)m))
                json_bad++;
            if (hs_lint_json(&L, out, (size_t)m - 1) != HS_ENOSPC)
                json_bad++;
        }
    }
    is_int(bad, 0, "every finding lies inside every prefix");
    is_int(json_bad, 0, "valid JSON for every prefix, HS_ENOSPC one byte short");
    is_int(hs_lint_rules_json(out, sizeof out) > 0 && json_valid(out, (size_t)hs_lint_rules_json(out, sizeof out)), 1, "the rules as JSON");
}

int main(void)
{
    test_parser();
    test_rules();
    test_prefixes();
    return done_testing();
}
