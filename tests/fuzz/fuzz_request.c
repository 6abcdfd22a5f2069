/*
** fuzz_request.c — libFuzzer target for the request parser: arbitrary bytes
** into hs_request_parse under five configurations (strict defaults, lenient,
** small limits, input cut off by the buffer, no / tiny body buffer), checking
** the invariants every caller relies on. Any violation aborts.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/request.h"

static struct hs_request req, req2;
static char body[1 << 16];

/* Aborts unless span sp lies inside [0, end). */
static void span_in(struct hs_span sp, size_t end)
{
    if (sp.off > end || sp.len > end - sp.off)
        abort();
}

/* Parses buf[0..n) and checks what every result must satisfy; returns the result. */
static int check(const char *buf, size_t n, size_t total, const struct hs_request_limits *lim,
                 struct hs_request *r, char *bp, size_t cap)
{
    int rc = hs_request_parse(buf, n, total, lim, r, bp, cap);
    uint32_t max_headers = lim->max_headers < HS_REQUEST_MAX_HEADERS ? lim->max_headers : HS_REQUEST_MAX_HEADERS;

    if (rc != r->result || r->reason < 0 || r->reason >= HS_REQ_COUNT)
        abort();
    if (r->status != hs_request_reason_status(r->reason))
        abort();
    switch (rc) {
    case HS_PARSE_OK:
        if (r->consumed == 0 || r->consumed > n || r->reason != HS_REQ_NONE)
            abort();
        span_in(r->method, r->consumed);
        span_in(r->target, r->consumed);
        span_in(r->path, r->consumed);
        span_in(r->query, r->consumed);
        if (r->method.len == 0 || r->target.len == 0 || r->version_major != 1)
            abort();
        if (r->n_headers > max_headers || r->trailer_start != r->n_headers ||
            r->n_trailers > HS_REQUEST_MAX_HEADERS - r->trailer_start)
            abort();
        for (uint32_t i = 0; i < r->n_headers + r->n_trailers; i++) {
            span_in(r->headers[i].name, r->consumed);
            span_in(r->headers[i].value, r->consumed);
            if (r->headers[i].name.len == 0)
                abort();
        }
        if (r->body_len > lim->max_body || (bp && r->body_len > cap))
            abort();
        if (r->framing == HS_FRAMING_LENGTH && r->content_length != r->body_len)
            abort();
        if (r->framing == HS_FRAMING_NONE && r->body_len != 0)
            abort();
        if (r->framing == HS_FRAMING_LENGTH && bp &&
            memcmp(bp, buf + r->consumed - r->body_len, r->body_len) != 0)
            abort();
        break;
    case HS_PARSE_INCOMPLETE:
        if (total > n || r->error_offset != n || r->status != 408)
            abort();
        if (r->missing < -1 || r->missing == 0)
            abort();
        break;
    case HS_PARSE_ERROR:
        if (r->error_offset > n || r->reason == HS_REQ_NONE)
            abort();
        if (r->status != 400 && r->status != 413 && r->status != 414 && r->status != 431 && r->status != 501 &&
            r->status != 505)
            abort();
        break;
    default:
        abort();
    }
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* an exact-size copy, so ASan sees any read past the end */
    char *buf = malloc(size ? size : 1);
    struct hs_request_limits def = hs_request_default_limits(), len = def, small = def;
    int rc;

    if (!buf)
        return 0;
    memcpy(buf, data, size);
    len.lenient = HS_LENIENT_BARE_LF;
    small.max_request_line = 40;
    small.max_target = 24;
    small.max_header_section = 96;
    small.max_headers = 3;
    small.max_body = 16;

    rc = check(buf, size, size, &def, &req, body, sizeof body);
    if (rc == HS_PARSE_OK) {
        uint32_t c = req.consumed;
        /* the same request with more input after it, or cut by the buffer, reads the same */
        if (check(buf, size, size + 100, &def, &req2, body, sizeof body) != HS_PARSE_OK || req2.consumed != c)
            abort();
        /* lenient accepts a superset, identically */
        if (check(buf, size, size, &len, &req2, body, sizeof body) != HS_PARSE_OK || req2.consumed != c)
            abort();
        /* every proper prefix of a good request is a correct prefix */
        if (check(buf, c - 1, c - 1, &def, &req2, body, sizeof body) != HS_PARSE_INCOMPLETE)
            abort();
        if (check(buf, c / 2, c / 2, &def, &req2, body, sizeof body) != HS_PARSE_INCOMPLETE)
            abort();
        /* without a body buffer: the same framing, nothing written */
        if (check(buf, size, size, &def, &req2, NULL, 0) != HS_PARSE_OK || req2.consumed != c ||
            req2.body_len != req.body_len)
            abort();
    } else if (rc == HS_PARSE_ERROR) {
        /* an error stays an error when more bytes follow */
        if (check(buf, size, size + 100, &def, &req2, body, sizeof body) != HS_PARSE_ERROR)
            abort();
    } else {
        check(buf, size, size + 100, &def, &req2, body, sizeof body);
    }
    check(buf, size, size, &len, &req2, body, sizeof body);
    check(buf, size, size, &small, &req2, body, sizeof body);
    check(buf, size, size, &def, &req2, body, 8);
    free(buf);
    return 0;
}
