/*
** test_http.c — native tests of the http layer: the request parser
** (request.c, body.c), HTTP dates and the response builder, under ASan and
** UBSan. Every input goes through guarded(), so a read past len crashes.
** Links core + registry + http only.
*/
#include "test.h"

#include "http/httpdate.h"
#include "http/request.h"
#include "http/response.h"
#include "../fuzz/response_check.h"

static struct hs_request req;
static char body[1 << 17];
static const char *in; /* the guarded copy of the last input */

/* Parses s[0..n) with limits (NULL: defaults); returns the result. */
static int parse_with(const char *s, size_t n, size_t total, const struct hs_request_limits *lim)
{
    memset(&req, 0xA5, sizeof req);
    in = guarded(s, n);
    return hs_request_parse(in, n, total, lim, &req, body, sizeof body);
}

#define PARSE(lit) parse_with((lit), sizeof(lit) - 1, sizeof(lit) - 1, NULL)
#define LENIENT(lit) parse_with((lit), sizeof(lit) - 1, sizeof(lit) - 1, &lenient)

static struct hs_request_limits lenient;

/* True if span sp of the last input equals the C string s. */
static int span_is(struct hs_span sp, const char *s)
{
    return sp.len == strlen(s) && memcmp(in + sp.off, s, sp.len) == 0;
}

/* Checks that the last parse rejected with status and reason at offset. */
#define REJECT(lit, st, rsn, off)                                                          \
    do {                                                                                    \
        int rc_ = PARSE(lit);                                                               \
        is_int(rc_, HS_PARSE_ERROR, "rejects %s", #lit);                                    \
        is_int(req.status, st, "  status %d (%s)", st, hs_request_reason_name(req.reason)); \
        is_int(req.reason, rsn, "  reason %s", #rsn);                                       \
        is_int(req.error_offset, off, "  offset %d", off);                                  \
    } while (0)

#define ACCEPT(lit)                                                                         \
    do {                                                                                    \
        int rc_ = PARSE(lit);                                                               \
        is_int(rc_, HS_PARSE_OK, "accepts %s", #lit);                                       \
        if (rc_ != HS_PARSE_OK)                                                             \
            printf("#   %s at %u\n", hs_request_reason_name(req.reason), req.error_offset); \
        is_int(req.consumed, sizeof(lit) - 1, "  consumes all of it");                     \
    } while (0)

#define INCOMPLETE(lit, rsn, miss)                                                          \
    do {                                                                                    \
        int rc_ = PARSE(lit);                                                               \
        is_int(rc_, HS_PARSE_INCOMPLETE, "incomplete %s", #lit);                            \
        if (rc_ == HS_PARSE_ERROR)                                                          \
            printf("#   %s at %u\n", hs_request_reason_name(req.reason), req.error_offset); \
        is_int(req.reason, rsn, "  reason %s", #rsn);                                       \
        is_int(req.missing, miss, "  missing %d", miss);                                    \
    } while (0)

static void test_request_line(void)
{
    ACCEPT("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(span_is(req.method, "GET") && span_is(req.target, "/") && span_is(req.path, "/"), "GET / parts");
    is_int(req.query.len, 0, "no query");
    is_int(req.version_major * 10 + req.version_minor, 11, "version 1.1");
    is_int(req.form, HS_FORM_ORIGIN, "origin-form");
    is_int(req.framing, HS_FRAMING_NONE, "no body");

    ACCEPT("GET /a/b?x=1&y=%20?z HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(span_is(req.path, "/a/b") && span_is(req.query, "x=1&y=%20?z"), "path and query");
    ACCEPT("GET /? HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(span_is(req.path, "/") && req.query.len == 0, "empty query");
    ACCEPT("GET / HTTP/1.0\r\n\r\n");
    is_int(req.version_minor, 0, "HTTP/1.0 needs no Host");
    ACCEPT("get / HTTP/1.1\r\nHost: a\r\n\r\n");
    ACCEPT("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n");
    is_int(req.form, HS_FORM_ASTERISK, "asterisk-form");
    ACCEPT("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
    is_int(req.form, HS_FORM_AUTHORITY, "authority-form");
    ACCEPT("CONNECT [::1]:8080 HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n");
    ACCEPT("GET http://example.com/x?y HTTP/1.1\r\nHost: other\r\n\r\n");
    is_int(req.form, HS_FORM_ABSOLUTE, "absolute-form");
    ok(span_is(req.path, "/x") && span_is(req.query, "y"), "absolute-form path and query");
    ACCEPT("GET HTTPS://example.com:8443 HTTP/1.1\r\nHost: x\r\n\r\n");
    is_int(req.path.len, 0, "absolute-form with empty path");
    ACCEPT("GET / HTTP/1.2\r\nHost: a\r\n\r\n");
    is_int(req.version_minor, 2, "HTTP/1.2 read as 1.x");
    ACCEPT("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(span_is(req.method, "GET"), "leading empty lines skipped");

    REJECT("GET / http/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_BAD_VERSION, 6);
    REJECT("GET / HTTP/1.10\r\nHost: a\r\n\r\n", 400, HS_REQ_BAD_VERSION, 14);
    REJECT("GET / HTTP/1\r\nHost: a\r\n\r\n", 400, HS_REQ_BAD_VERSION, 12);
    REJECT("GET / HTTP/0.9\r\n\r\n", 505, HS_REQ_VERSION_NOT_SUPPORTED, 11);
    REJECT("GET /a#f HTTP/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_TARGET_FRAGMENT, 6);
    REJECT("GET /%2 HTTP/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_BAD_PERCENT, 5);
    REJECT("GET /a%00b HTTP/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_TARGET_PCT_NUL, 6);
    ACCEPT("GET /a%0b%0E%20%01%d0%a0 HTTP/1.1\r\nHost: a\r\n\r\n");
    REJECT("GET /a%0d HTTP/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_TARGET_PCT_CRLF, 6);
    REJECT("GET /a%0A HTTP/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_TARGET_PCT_CRLF, 6);
    REJECT("GET /[x] HTTP/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_BAD_TARGET_CHAR, 5);
    REJECT("GET foo HTTP/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_BAD_TARGET_FORM, 4);
    REJECT("CONNECT example.com:99999 HTTP/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_BAD_AUTHORITY, 20);
    REJECT("CONNECT u@example.com:1 HTTP/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_BAD_AUTHORITY, 9);
    REJECT("GET http://u:p@example.com/ HTTP/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_TARGET_USERINFO, 14);
    REJECT("GET http:///x HTTP/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_TARGET_EMPTY_HOST, 11);
    REJECT("GET http:/x HTTP/1.1\r\nHost: a\r\n\r\n", 400, HS_REQ_BAD_TARGET_FORM, 9);
}

static void test_fields(void)
{
    ACCEPT("GET / HTTP/1.1\r\nHost: a\r\nX-A:  v  w \t\r\nX-B:\r\nX-C: \xc3\xa9\xff\r\n\r\n");
    is_int(req.n_headers, 4, "4 fields");
    ok(span_is(req.headers[1].name, "X-A") && span_is(req.headers[1].value, "v  w"), "OWS trimmed");
    is_int(req.headers[2].value.len, 0, "empty value");
    ok(span_is(req.headers[3].value, "\xc3\xa9\xff"), "obs-text kept");
    is_int(hs_request_find_header(in, &req, "x-b", 0), 2, "find_header ignores case");
    is_int(hs_request_find_header(in, &req, "nope", 0), -1, "find_header misses");

    REJECT("GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400, HS_REQ_WS_BEFORE_COLON, 20);
    REJECT("GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n 2\r\n\r\n", 400, HS_REQ_OBS_FOLD, 31);
    REJECT("GET / HTTP/1.1\r\nHost: a\r\n: v\r\n\r\n", 400, HS_REQ_FIELD_NAME_EMPTY, 25);
    REJECT("GET / HTTP/1.1\r\nHost: a\r\nX(Y: v\r\n\r\n", 400, HS_REQ_BAD_FIELD_NAME, 26);
    REJECT("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400, HS_REQ_FIELD_NO_COLON, 32);
    REJECT("GET / HTTP/1.1\r\nHost: a\r\nX: a\0b\r\n\r\n", 400, HS_REQ_FIELD_NUL, 29);
    REJECT("GET / HTTP/1.1\r\nHost: a\r\nX: a\x01" "b\r\n\r\n", 400, HS_REQ_FIELD_CTL, 29);
    REJECT("GET / HTTP/1.1\r\nHost: a\r\nX: a\x7f" "b\r\n\r\n", 400, HS_REQ_FIELD_CTL, 29);
    REJECT("GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", 400, HS_REQ_BARE_CR, 29);
    REJECT("GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n", 400, HS_REQ_BARE_LF, 23);

    is_int(LENIENT("GET / HTTP/1.1\nHost: a\nX: b\n\n"), HS_PARSE_OK, "lenient: bare LF accepted");
    is_int(req.consumed, 29, "  consumed");
    ok(span_is(req.headers[1].value, "b"), "  value");
    is_int(LENIENT("GET / HTTP/1.1\nHost: a\rX: b\n\n"), HS_PARSE_ERROR, "lenient: bare CR still rejected");
}

static void test_host(void)
{
    REJECT("GET / HTTP/1.0\r\nHost: a\r\nhost: b\r\n\r\n", 400, HS_REQ_HOST_DUPLICATE, 25);
    REJECT("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400, HS_REQ_HOST_INVALID, 23);
    REJECT("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400, HS_REQ_HOST_INVALID, 23);
    REJECT("GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", 400, HS_REQ_HOST_INVALID, 23);
    REJECT("GET / HTTP/1.1\r\nHost: a:80x\r\n\r\n", 400, HS_REQ_HOST_INVALID, 26);
    REJECT("GET http://a/ HTTP/1.1\r\n\r\n", 400, HS_REQ_HOST_MISSING, 24);
    REJECT("OPTIONS * HTTP/1.1\r\nHost: \r\n\r\n", 400, HS_REQ_HOST_EMPTY, 26);
    ACCEPT("GET http://a/ HTTP/1.1\r\nHost:\r\n\r\n");
    ACCEPT("CONNECT a:443 HTTP/1.1\r\nHost:\r\n\r\n");
    REJECT("GET / HTTP/1.1\r\nHost: a,b\r\n\r\n", 400, HS_REQ_HOST_INVALID, 23);
    ACCEPT("GET / HTTP/1.1\r\nHOST: [2001:db8::1]:8080\r\n\r\n");
    ACCEPT("GET / HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n");
    ACCEPT("GET / HTTP/1.1\r\nHost: xn--bcher-kva.example\r\n\r\n");
}

static void test_length(void)
{
    ACCEPT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello");
    is_int(req.framing, HS_FRAMING_LENGTH, "length framing");
    is_int(req.body_len, 5, "body_len");
    ok(memcmp(body, "hello", 5) == 0, "body copied");
    ACCEPT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n");
    ACCEPT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 005\r\n\r\nhello");
    ACCEPT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nhello");
    ACCEPT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello");
    is_int(req.content_length, 5, "identical duplicates read as one");

    REJECT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\nhello!", 400, HS_REQ_CL_CONFLICT, 45);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400,
           HS_REQ_CL_CONFLICT, 61);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400, HS_REQ_CL_NEGATIVE, 42);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +1\r\n\r\n", 400, HS_REQ_CL_INVALID, 42);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n", 400, HS_REQ_CL_INVALID, 43);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x10\r\n\r\n", 400, HS_REQ_CL_INVALID, 43);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1 2\r\n\r\n", 400, HS_REQ_CL_INVALID, 44);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n", 400, HS_REQ_CL_INVALID, 41);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5,\r\n\r\nhello", 400, HS_REQ_CL_INVALID, 44);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", 400,
           HS_REQ_CL_OVERFLOW, 42);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9223372036854775807\r\n\r\n", 413,
           HS_REQ_BODY_TOO_LARGE, 42);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\n\r\n", 413, HS_REQ_BODY_TOO_LARGE, 42);

    INCOMPLETE("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhel", HS_REQ_INCOMPLETE_BODY, 7);
    is_int(req.error_offset, 51, "  offset is len");

    /* pipelining: the second request starts at consumed */
    {
        static const char two[] = "POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhiGET /b HTTP/1.1\r\nHost: a\r\n\r\n";
        size_t n = sizeof two - 1;
        is_int(parse_with(two, n, n, NULL), HS_PARSE_OK, "pipelined: first");
        is_int(req.consumed, 50, "  consumed up to the body's end");
        is_int(parse_with(two + 50, n - 50, n - 50, NULL), HS_PARSE_OK, "pipelined: second");
        ok(span_is(req.target, "/b"), "  second target");
    }
}

static void test_chunked(void)
{
    ACCEPT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
           "5\r\nhello\r\n6;name=val;q=\"a b\\\"c\"\r\n world\r\n0\r\n\r\n");
    is_int(req.framing, HS_FRAMING_CHUNKED, "chunked framing");
    is_int(req.body_len, 11, "decoded length");
    ok(memcmp(body, "hello world", 11) == 0, "decoded body");
    is_int(req.n_trailers, 0, "no trailers");

    ACCEPT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
           "A ; x = y\r\n0123456789\r\n000\r\nX-Sum: 1\r\nX-T: 2\r\n\r\n");
    is_int(req.body_len, 10, "hex size A");
    is_int(req.n_trailers, 2, "two trailers");
    is_int(req.trailer_start, 2, "trailers after the headers");
    ok(span_is(req.headers[req.trailer_start + 1].value, "2"), "trailer value");
    is_int(req.n_headers, 2, "n_headers counts the header section only");

    ACCEPT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    is_int(req.body_len, 0, "zero-length chunked content");
    ACCEPT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ,chunked,\r\n\r\n0\r\n\r\n");

    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", 400,
           HS_REQ_TE_AND_CL, 54);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 400, HS_REQ_TE_NOT_CHUNKED_FINAL, 45);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400,
           HS_REQ_TE_NOT_CHUNKED_FINAL, 54);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 400,
           HS_REQ_TE_CHUNKED_TWICE, 73);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501,
           HS_REQ_TE_NOT_IMPLEMENTED, 45);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: foo, chunked\r\n\r\n", 501, HS_REQ_TE_UNKNOWN, 45);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked;x=1\r\n\r\n", 400, HS_REQ_TE_INVALID, 45);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n\r\n", 400, HS_REQ_TE_INVALID, 44);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \"chunked\"\r\n\r\n", 400, HS_REQ_TE_INVALID, 45);

    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nx\r\n", 400,
           HS_REQ_CHUNK_SIZE_INVALID, 56);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n0\r\n\r\n", 400,
           HS_REQ_CHUNK_EXT_INVALID, 57);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;\r\nhello\r\n0\r\n\r\n", 400,
           HS_REQ_CHUNK_EXT_INVALID, 58);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n0\r\n\r\n", 400,
           HS_REQ_CHUNK_DATA_CRLF, 64);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n", 400,
           HS_REQ_CHUNK_SIZE_INVALID, 56);
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n", 413,
           HS_REQ_BODY_TOO_LARGE, 60); /* body_cap 128 KiB: the 5th digit passes it */
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n", 400,
           HS_REQ_CHUNK_SIZE_OVERFLOW, 56); /* past 64 bits: not a size at all */
    ACCEPT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n00000000000000000000000001\r\nx\r\n0\r\n\r\n");
    /* leading zeros: a size of 1, however many */
    REJECT("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX : y\r\n\r\n", 400,
           HS_REQ_WS_BEFORE_COLON, 60);

    {
        struct hs_request_limits l = hs_request_default_limits();
        static const char s[] = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "1;aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\nx\r\n1;aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\ny\r\n0\r\n\r\n";
        l.max_header_section = 40; /* the header section is 39 bytes; the extensions are 31 + 31 */
        is_int(parse_with(s, sizeof s - 1, sizeof s - 1, &l), HS_PARSE_ERROR, "chunk extensions over the limit");
        is_int(req.reason, HS_REQ_CHUNK_EXT_TOO_LONG, "  chunk-ext-too-long");
        is_int(req.status, 413, "  413");
        is_int(req.error_offset, 94 + 9, "  at the first byte past 40 extension bytes");
        l.max_header_section = 62;
        is_int(parse_with(s, sizeof s - 1, sizeof s - 1, &l), HS_PARSE_OK, "62 extension bytes allowed");
    }
    INCOMPLETE("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel",
               HS_REQ_INCOMPLETE_CHUNKED, -1);
    INCOMPLETE("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;a=\"x",
               HS_REQ_INCOMPLETE_CHUNKED, -1);
    INCOMPLETE("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r",
               HS_REQ_INCOMPLETE_CHUNKED, -1);
}

static void test_limits(void)
{
    struct hs_request_limits l = hs_request_default_limits();
    static char big[70000];
    size_t n;

    /* an 8 KiB request line is accepted; one byte more is 414 */
    memset(big, 'a', sizeof big);
    memcpy(big, "GET /", 5);
    memcpy(big + 8192 - 9, " HTTP/1.1\r\nHost: a\r\n\r\n", 22);
    n = 8192 - 9 + 22;
    is_int(parse_with(big, n, n, NULL), HS_PARSE_OK, "8192-byte request line");
    memset(big, 'a', sizeof big);
    memcpy(big, "GET /", 5);
    memcpy(big + 8192 - 8, " HTTP/1.1\r\nHost: a\r\n\r\n", 22);
    n = 8192 - 8 + 22;
    is_int(parse_with(big, n, n, NULL), HS_PARSE_ERROR, "8193-byte request line");
    is_int(req.status, 414, "  414");
    is_int(req.reason, HS_REQ_LINE_TOO_LONG, "  line too long");
    is_int(req.error_offset, 8192, "  at byte 8192");

    l.max_target = 100;
    memset(big, 'a', sizeof big);
    memcpy(big, "GET /", 5);
    memcpy(big + 105, " HTTP/1.1\r\nHost: a\r\n\r\n", 22);
    is_int(parse_with(big, 127, 127, &l), HS_PARSE_ERROR, "101-byte target with max_target 100");
    is_int(req.reason, HS_REQ_TARGET_TOO_LONG, "  target too long");
    is_int(req.error_offset, 104, "  at the first byte past the limit");
    is_int(parse_with(big, 60, 60, &l), HS_PARSE_INCOMPLETE, "prefix under the limit: incomplete");
    is_int(parse_with(big, 110, 110, &l), HS_PARSE_ERROR, "prefix over the limit: 414 already");
    is_int(req.status, 414, "  414");

    /* a %XX escape that steps over the target limit (found by fuzz_request) */
    l.max_target = 24;
    l.max_request_line = 40;
    is_int(parse_with("G HT/:/Ex+mplco7:m/890a0%2b", 27, 27, &l), HS_PARSE_ERROR, "escape across the target limit");
    is_int(req.reason, HS_REQ_TARGET_TOO_LONG, "  target too long");
    is_int(req.error_offset, 26, "  at the limit");

    l = hs_request_default_limits();
    l.max_request_line = 20;
    is_int(parse_with("GET /abcdefgh HTTP/1.1\r\nHost: a\r\n\r\n", 35, 35, &l), HS_PARSE_ERROR, "line limit 20");
    is_int(req.reason, HS_REQ_LINE_TOO_LONG, "  line too long");
    is_int(req.error_offset, 20, "  offset 20");
    is_int(parse_with("ABCDEFGHIJKLMNOPQRSTUVWXYZ / HTTP/1.1\r\n\r\n", 40, 40, &l), HS_PARSE_ERROR, "method fills the line");
    is_int(req.status, 501, "  501");
    is_int(req.reason, HS_REQ_METHOD_TOO_LONG, "  method too long");
    is_int(req.error_offset, 0, "  at the method");
    l.max_request_line = 22;
    is_int(parse_with("GET /abcdefgh HTTP/1.1\r\nHost: a\r\n\r\n", 35, 35, &l), HS_PARSE_OK, "line of exactly 22");

    /* header section: 16 KiB by default; a single 8 KiB field line is fine */
    memset(big, 'v', sizeof big);
    memcpy(big, "GET / HTTP/1.1\r\nHost: a\r\nX: ", 28);
    memcpy(big + 28 + 8190, "\r\n\r\n", 4);
    n = 28 + 8190 + 4;
    is_int(parse_with(big, n, n, NULL), HS_PARSE_OK, "8 KiB field line");
    memset(big + 28, 'v', 17000);
    memcpy(big + 28 + 17000, "\r\n\r\n", 4);
    n = 28 + 17000 + 4;
    is_int(parse_with(big, n, n, NULL), HS_PARSE_ERROR, "17 KB field line");
    is_int(req.status, 431, "  431");
    is_int(req.error_offset, 16 + 16384, "  at the limit");

    l = hs_request_default_limits();
    l.max_headers = 2;
    is_int(parse_with("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n", 39, 39, &l), HS_PARSE_ERROR,
           "three fields with max 2");
    is_int(req.reason, HS_REQ_TOO_MANY_FIELDS, "  too many fields");
    is_int(req.error_offset, 31, "  at the third");

    l = hs_request_default_limits();
    l.max_body = 4;
    is_int(parse_with("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello", 53, 53, &l), HS_PARSE_ERROR,
           "body over max_body");
    is_int(req.status, 413, "  413");

    /* total_len > len: decide from what is there */
    is_int(parse_with("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhel", 52, 100000, NULL), HS_PARSE_ERROR,
           "body beyond the buffer");
    is_int(req.reason, HS_REQ_BODY_BEYOND_BUFFER, "  body beyond buffer");
    is_int(parse_with("GET / HTTP/1.1\r\nHost: a\r\nX: 1", 29, 100000, NULL), HS_PARSE_ERROR,
           "header section beyond the buffer");
    is_int(req.status, 431, "  431");
    is_int(parse_with("GET /aaaa", 9, 100000, NULL), HS_PARSE_ERROR, "request line beyond the buffer");
    is_int(req.status, 414, "  414");
    is_int(parse_with("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /aaa", 35, 100000, NULL), HS_PARSE_OK,
           "a whole first request inside the buffer");
    is_int(req.consumed, 27, "  consumed");
}

static void test_incomplete(void)
{
    static const char full[] = "POST /p?q HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc";
    size_t n = sizeof full - 1;
    int bad = 0;
    INCOMPLETE("", HS_REQ_INCOMPLETE_EMPTY, -1);
    INCOMPLETE("\r\n", HS_REQ_INCOMPLETE_LINE, -1);
    INCOMPLETE("GET / HTTP/1.1\r\nHost: a\r\n", HS_REQ_INCOMPLETE_HEADERS, -1);
    INCOMPLETE("GET / HTTP/2.0", HS_REQ_INCOMPLETE_LINE, -1);
    /* every proper prefix of a good request is incomplete */
    for (size_t k = 0; k < n; k++) {
        if (parse_with(full, k, k, NULL) != HS_PARSE_INCOMPLETE) {
            printf("# prefix %zu: result %d %s\n", k, req.result, hs_request_reason_name(req.reason));
            bad++;
        }
        if (req.error_offset != k)
            bad++;
    }
    is_int(bad, 0, "every prefix of a good request is incomplete at its end");
    is_int(parse_with(full, n, n, NULL), HS_PARSE_OK, "the whole request is OK");
}

static void test_reasons(void)
{
    int bad = 0;
    for (int r = 0; r < HS_REQ_COUNT; r++) {
        if (!*hs_request_reason_en(r) || !*hs_request_reason_ko(r) || !*hs_request_reason_name(r))
            bad++;
        /* a rule cites an RFC, or is "" for this server's policy, and then the sentence says so */
        if (r && strncmp(hs_request_reason_rule(r), "RFC ", 4) != 0
            && !(!*hs_request_reason_rule(r) && strstr(hs_request_reason_en(r), "server's own policy")))
            bad++;
        /* Korean sentences end in the 한다체 "다." */
        if (!contains(hs_request_reason_ko(r), (int)strlen(hs_request_reason_ko(r)), "\xeb\x8b\xa4."))
            bad++;
    }
    is_int(bad, 0, "every reason has en, ko, name and rule");
    ok(strcmp(hs_request_reason_name(-5), "none") == 0, "an out-of-range reason is 'none'");
    ok(strcmp(hs_request_reason_name(HS_REQ_COUNT), "none") == 0, "HS_REQ_COUNT is 'none'");
}

/* ---- the vectors both suites read (tests/data/request-rejections.txt) ---- */

/* Returns the value of the hex digit ch, or -1. */
static int hexdigit(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* Decodes the escapes of the NUL-terminated s (the file's format) into out,
** which has room for strlen(s) bytes. Returns the length, or -1 for an
** escape the format does not have. */
static long unescape(const char *s, char *out)
{
    long n = 0;
    for (; *s; s++) {
        if (*s != '\\') {
            out[n++] = *s;
            continue;
        }
        switch (*++s) {
        case 'r': out[n++] = '\r'; break;
        case 'n': out[n++] = '\n'; break;
        case 't': out[n++] = '\t'; break;
        case '0': out[n++] = '\0'; break;
        case '\\': out[n++] = '\\'; break;
        case 'x':
            if (hexdigit(s[1]) < 0 || hexdigit(s[2]) < 0)
                return -1;
            out[n++] = (char)(hexdigit(s[1]) * 16 + hexdigit(s[2]));
            s += 2;
            break;
        default:
            return -1;
        }
    }
    return n;
}

/* Returns the reason whose short name is name, or -1. */
static int reason_named(const char *name)
{
    for (int r = 0; r < HS_REQ_COUNT; r++)
        if (strcmp(hs_request_reason_name(r), name) == 0)
            return r;
    return -1;
}

/* Checks one line "STATUS REASON OFFSET INPUT"; lineno names it. */
static void shared_vector(const char *line, int lineno)
{
    static char input[32768];
    char name[64];
    int status, off, used = 0, reason;
    long n;
    if (sscanf(line, "%d %63s %d%n", &status, name, &off, &used) != 3 || line[used] != ' ' ||
        strlen(line + used + 1) >= sizeof input || (n = unescape(line + used + 1, input)) < 0) {
        ok(0, "request-rejections.txt:%d is a vector line", lineno);
        return;
    }
    reason = reason_named(name);
    ok(reason > 0, "request-rejections.txt:%d names a reason (%s)", lineno, name);
    is_int(parse_with(input, (size_t)n, (size_t)n, NULL), HS_PARSE_ERROR, "rejects line %d: %s", lineno, line + used + 1);
    is_int(req.status, status, "  status %d", status);
    is_int(req.reason, reason, "  reason %s (got %s)", name, hs_request_reason_name(req.reason));
    is_int(req.error_offset, off, "  offset %d", off);
}

/* Reads the shared rejection vectors from path and checks each one. */
static void test_shared_rejections(const char *path)
{
    static char file[1 << 16];
    FILE *f = fopen(path, "rb");
    size_t len;
    int lineno = 0, count = 0;
    char *line, *next;
    if (!f) {
        ok(0, "%s can be read", path);
        return;
    }
    len = fread(file, 1, sizeof file - 1, f);
    fclose(f);
    file[len] = 0;
    for (line = file; *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = 0;
        else
            next = line + strlen(line);
        lineno++;
        if (*line == 0 || *line == '#')
            continue;
        shared_vector(line, lineno);
        count++;
    }
    ok(count >= 26, "%d shared vectors read from %s", count, path);
}

static char out[1 << 16];

static void test_dates(void)
{
    char d[HS_HTTP_DATE_LEN];
    int64_t t = 0, now = 1735689600;
    hs_http_date_format(784111777, d);
    ok(!memcmp(d, "Sun, 06 Nov 1994 08:49:37 GMT", 29), "IMF-fixdate of RFC 9110's example");
    hs_http_date_format(1735689600, d);
    ok(!memcmp(d, "Wed, 01 Jan 2025 00:00:00 GMT", 29), "the virtual epoch");
    hs_http_date_format(951782400, d);
    ok(!memcmp(d, "Tue, 29 Feb 2000 00:00:00 GMT", 29), "a leap day");
    ok(hs_http_date_parse(G("Sun, 06 Nov 1994 08:49:37 GMT"), now, &t) == 0 && t == 784111777, "parse IMF-fixdate");
    ok(hs_http_date_parse(G("Sunday, 06-Nov-94 08:49:37 GMT"), now, &t) == 0 && t == 784111777, "parse the obsolete RFC 850 form");
    ok(hs_http_date_parse(G("Sun Nov  6 08:49:37 1994"), now, &t) == 0 && t == 784111777, "parse asctime");
    is_int(hs_http_date_parse(G("Mon, 06 Nov 1994 08:49:37 GMT"), now, &t), -1, "a weekday that does not match the date");
    is_int(hs_http_date_parse(G("Sun, 06 Nov 1994 08:49:37 UTC"), now, &t), -1, "a zone other than GMT");
    is_int(hs_http_date_parse(G("Thu, 31 Feb 2000 00:00:00 GMT"), now, &t), -1, "31 February");
    is_int(hs_http_date_parse(G("Sun, 06 Nov 1994 08:49:37 GMT "), now, &t), -1, "trailing bytes");
    is_int(hs_http_date_parse(G("Sun, 06 Nov 1994 08:49"), now, &t), -1, "cut short");
    is_int(hs_http_date_parse(G(""), now, &t), -1, "empty");
}

static void test_response(void)
{
    static struct hs_response r;
    int n;
    hs_response_init(&r, 200);
    hs_response_content(&r, "text/plain", "hello", 5);
    hs_response_finish(&r, 784111777, 0);
    n = hs_response_serialize(&r, out, sizeof out);
    ok(n > 0 && contains(out, n, "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n") &&
       contains(out, n, "Content-Length: 5\r\n\r\nhello"), "Date first, exact Content-Length, then content");
    ok(check_raw(out, (size_t)n, 0, 0, 200) == NULL, "well framed");
    hs_response_init(&r, 204);
    hs_response_content(&r, "text/plain", "x", 1);
    hs_response_finish(&r, 0, HS_RESP_CLOSE);
    n = hs_response_serialize(&r, out, sizeof out);
    ok(!contains(out, n, "Content-Length") && !contains(out, n, "Content-Type") && contains(out, n, "Connection: close\r\n\r\n") &&
       out[n - 1] == '\n', "204: no content, no Content-Length, Connection: close");
    hs_response_init(&r, 200);
    hs_response_content(&r, "text/plain", "hello", 5);
    hs_response_finish(&r, 0, HS_RESP_HEAD);
    n = hs_response_serialize(&r, out, sizeof out);
    ok(contains(out, n, "Content-Length: 5\r\n\r\n") && !contains(out, n, "hello"), "HEAD: the GET's Content-Length, no content");
    ok(check_raw(out, (size_t)n, 1, 0, 200) == NULL, "HEAD framing");
    hs_response_init(&r, 100);
    hs_response_finish(&r, 0, 0);
    n = hs_response_serialize(&r, out, sizeof out);
    ok(n == 25 && !memcmp(out, "HTTP/1.1 100 Continue\r\n\r\n", 25), "100 Continue is just the status line");
    hs_response_init(&r, 405);
    ok(hs_response_missing(&r, HS_LEVEL_MUST) && !strcmp(hs_response_missing(&r, HS_LEVEL_MUST), "Allow"), "405 without Allow is caught");
    hs_response_init(&r, 299);
    hs_response_finish(&r, 0, 0);
    n = hs_response_serialize(&r, out, sizeof out);
    ok(contains(out, n, "HTTP/1.1 299 \r\n"), "an unassigned code gets an empty reason phrase");
    is_int(hs_response_serialize(&r, out, 10), -1, "too small a buffer is an error, not a cut");
}

int main(int argc, char **argv)
{
    lenient = hs_request_default_limits();
    lenient.lenient = HS_LENIENT_BARE_LF;
    test_request_line();
    test_fields();
    test_host();
    test_length();
    test_chunked();
    test_limits();
    test_incomplete();
    test_reasons();
    test_shared_rejections(argc > 1 ? argv[1] : "tests/data/request-rejections.txt");
    test_dates();
    test_response();
    /* NULL body: framed and counted, not copied */
    {
        struct hs_request r;
        static const char s[] = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        const char *g = guarded(s, sizeof s - 1);
        is_int(hs_request_parse(g, sizeof s - 1, sizeof s - 1, NULL, &r, NULL, 0), HS_PARSE_OK, "NULL body");
        is_int(r.body_len, 3, "  body_len counted");
    }
    return done_testing();
}
