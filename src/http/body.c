/*
** body.c — the second half of the request parser: framing and content
** (RFC 9112 §6, §7). Decides the framing from Transfer-Encoding and
** Content-Length once the header section is complete, then reads the
** content: Content-Length bytes as they are, or chunked content decoded into
** the caller's body buffer, with its chunk extensions and trailer section.
**
** The choices it makes (strict and lenient) are listed in request.c's essay;
** it shares request.c's parse state and helpers through request_internal.h.
*/
#include "request_internal.h"

#include <string.h>

/* Skips OWS in b[q..e); returns the first index that is not SP or HTAB. */
static size_t skip_ws(const unsigned char *b, size_t q, size_t e)
{
    while (q < e && IS_WS(b[q]))
        q++;
    return q;
}

/* b[q] == '"'. Returns the index after the closing quote of the
** quoted-string (RFC 9110 §5.6.4) in b[q..e), or FAIL: then *bad is the
** offset of a byte that cannot be there, or NONE if e came first. */
static size_t skip_quoted(const unsigned char *b, size_t q, size_t e, size_t *bad)
{
    *bad = NONE;
    for (q++; q < e; q++) {
        if (b[q] == '"')
            return q + 1;
        if (b[q] == '\\') {
            if (++q >= e)
                return FAIL;
            if (!IS(b[q], C_VALUE)) {
                *bad = q;
                return FAIL;
            }
        } else if (!IS(b[q], C_QDTEXT)) {
            *bad = q;
            return FAIL;
        }
    }
    return FAIL;
}

/* Returns the value of a hex digit (the caller checked C_HEX). */
static unsigned hexval(unsigned char ch)
{
    return IS_DIGIT(ch) ? (unsigned)(ch - '0') : (unsigned)((ch | 0x20) - 'a' + 10);
}

/* ---- Transfer-Encoding -------------------------------------------------- */

/* What the codings of every Transfer-Encoding line say so far: offsets of
** the last coding, of a second chunked and of the first other coding (NONE
** until seen). */
struct codings {
    size_t last, twice, other;
    int other_known, chunked, last_chunked;
};

/* Returns 1 if b[0..n) names a registered coding this parser does not
** implement (gzip, x-gzip, deflate, compress, x-compress), else 0. */
static int known_coding(const unsigned char *b, size_t n)
{
    static const char *const known[] = { "gzip", "x-gzip", "deflate", "compress", "x-compress" };
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (hs_ascii_ieq((const char *)b, n, known[i], strlen(known[i])))
            return 1;
    return 0;
}

/* Reads the parameters after a transfer-coding name that ends at q:
** *( OWS ";" OWS token BWS "=" BWS ( token / quoted-string ) ) (RFC 9112 §7),
** in b[q..e). Sets *params to 1 if there is one. Returns the index after the
** parameters and the OWS that follows them, or FAIL (400). */
static size_t te_params(struct ctx *c, size_t q, size_t e, int *params)
{
    const unsigned char *b = c->b;
    for (;;) {
        size_t s, bad;
        q = skip_ws(b, q, e);
        if (q >= e || b[q] != ';')
            return q;
        q = skip_ws(b, q + 1, e);
        s = q;
        while (q < e && IS(b[q], C_TCHAR))
            q++;
        if (q == s)
            return req_fail(c, HS_REQ_TE_INVALID, q);
        q = skip_ws(b, q, e);
        if (q >= e || b[q] != '=')
            return req_fail(c, HS_REQ_TE_INVALID, q);
        q = skip_ws(b, q + 1, e);
        if (q < e && b[q] == '"') {
            q = skip_quoted(b, q, e, &bad);
            if (q == FAIL)
                return req_fail(c, HS_REQ_TE_INVALID, bad != NONE ? bad : e);
        } else {
            s = q;
            while (q < e && IS(b[q], C_TCHAR))
                q++;
            if (q == s)
                return req_fail(c, HS_REQ_TE_INVALID, q);
        }
        *params = 1;
    }
}

/* Notes the coding b[ts..ts+n) (with parameters when params) in k.
** Returns 0, or FAIL (400) for chunked with parameters, which it defines none. */
static size_t te_note(struct ctx *c, struct codings *k, size_t ts, size_t n, int params)
{
    k->last = ts;
    if (NAME_IS(c->b + ts, n, "chunked")) {
        if (params)
            return req_fail(c, HS_REQ_TE_INVALID, ts);
        if (k->chunked && k->twice == NONE)
            k->twice = ts;
        k->chunked = k->last_chunked = 1;
    } else {
        k->last_chunked = 0;
        if (k->other == NONE) {
            k->other = ts;
            k->other_known = known_coding(c->b + ts, n);
        }
    }
    return 0;
}

/* Reads one Transfer-Encoding field value b[q..e), a list of transfer-coding
** whose empty elements are ignored (RFC 9110 §5.6.1), into k. Returns 0 or
** FAIL (400). */
static size_t te_list(struct ctx *c, size_t q, size_t e, struct codings *k)
{
    const unsigned char *b = c->b;
    for (;;) {
        size_t ts, n;
        int params = 0;
        while (q < e && (IS_WS(b[q]) || b[q] == ','))
            q++;
        if (q >= e)
            return 0;
        for (ts = q; q < e && IS(b[q], C_TCHAR); q++)
            ;
        if (q == ts)
            return req_fail(c, HS_REQ_TE_INVALID, q);
        n = q - ts;
        q = te_params(c, q, e, &params);
        if (q == FAIL)
            return FAIL;
        if (q < e && b[q] != ',')
            return req_fail(c, HS_REQ_TE_INVALID, q);
        if (te_note(c, k, ts, n, params) == FAIL)
            return FAIL;
    }
}

/* Reads the Transfer-Encoding field lines (RFC 9112 §6.1, §6.3, §7).
** Returns 0 when the final coding is chunked and nothing else is applied,
** else FAIL with 400 or 501. */
static size_t check_te(struct ctx *c)
{
    const struct hs_request *r = c->req;
    struct codings k = { NONE, NONE, NONE, 0, 0, 0 };

    for (uint32_t i = c->te1; i < r->n_headers; i++) {
        const struct hs_header *h = &r->headers[i];
        if (!NAME_IS(c->b + h->name.off, h->name.len, "transfer-encoding"))
            continue;
        if (te_list(c, h->value.off, (size_t)h->value.off + h->value.len, &k) == FAIL)
            return FAIL;
    }
    if (k.last == NONE)
        return req_fail(c, HS_REQ_TE_INVALID, r->headers[c->te1].value.off);
    if (!k.last_chunked)
        return req_fail(c, HS_REQ_TE_NOT_CHUNKED_FINAL, k.last);
    if (k.twice != NONE)
        return req_fail(c, HS_REQ_TE_CHUNKED_TWICE, k.twice);
    if (k.other != NONE)
        return req_fail(c, k.other_known ? HS_REQ_TE_NOT_IMPLEMENTED : HS_REQ_TE_UNKNOWN, k.other);
    return 0;
}

/* ---- Content-Length ----------------------------------------------------- */

/* See request_internal.h (RFC 9112 §6.3, RFC 9110 §8.6). */
size_t body_cl_line(struct ctx *c, uint32_t i)
{
    const unsigned char *b = c->b;
    const struct hs_header *h = &c->req->headers[i];
    size_t q = h->value.off, e = q + h->value.len;

    for (;;) {
        size_t s = q;
        uint64_t v = 0;
        if (q >= e)
            return req_fail(c, HS_REQ_CL_INVALID, q);
        if (b[q] == '-')
            return req_fail(c, HS_REQ_CL_NEGATIVE, q);
        if (!IS_DIGIT(b[q]))
            return req_fail(c, HS_REQ_CL_INVALID, q);
        for (; q < e && IS_DIGIT(b[q]); q++) {
            unsigned d = (unsigned)(b[q] - '0');
            if (v > (UINT64_C(0x7fffffffffffffff) - d) / 10)
                return req_fail(c, HS_REQ_CL_OVERFLOW, s);
            v = v * 10 + d;
        }
        if (c->cl_read && v != c->cl_value)
            return req_fail(c, HS_REQ_CL_CONFLICT, s);
        c->cl_value = v;
        c->cl_read = 1;
        q = skip_ws(b, q, e);
        if (q >= e)
            return 0;
        if (b[q] != ',')
            return req_fail(c, HS_REQ_CL_INVALID, q);
        q = skip_ws(b, q + 1, e);
    }
}

/* Reads every Content-Length field line not read yet (the response parser
** reads none as they come) into req->content_length. Returns 0 or FAIL (400). */
static size_t check_cl(struct ctx *c)
{
    struct hs_request *r = c->req;
    if (!c->cl_read) {
        for (uint32_t i = c->cl1; i < r->n_headers; i++)
            if (NAME_IS(c->b + r->headers[i].name.off, r->headers[i].name.len, "content-length") &&
                body_cl_line(c, i) == FAIL)
                return FAIL;
    }
    r->content_length = c->cl_value;
    return 0;
}

/* ---- chunked content ---------------------------------------------------- */

/* The chunked content ran out at len. Returns FAIL after recording
** INCOMPLETE (or 413 when the input goes on past the buffer). */
static size_t chunked_short(struct ctx *c)
{
    return req_run_out(c, HS_REQ_INCOMPLETE_CHUNKED, HS_REQ_BODY_BEYOND_BUFFER, -1);
}

/* Reads the chunk-size at q (1*HEXDIG) into *size; got bytes were decoded
** before it and max is the most the body may hold. A size that does not fit
** in 64 bits is 400 (RFC 9112 §7.1: recipients guard against overflow), one
** that fits but passes max is 413 at the digit where it passed; which of
** the two is known when the digits end, at most 16 significant ones later.
** Returns the index after the digits, or FAIL. */
static size_t chunk_size(struct ctx *c, size_t q, uint64_t got, uint64_t max, uint64_t *size)
{
    const unsigned char *b = c->b;
    size_t s = q, over = NONE;
    uint64_t v = 0;
    if (q >= c->len)
        return chunked_short(c);
    if (!IS(b[q], C_HEX))
        return req_fail(c, HS_REQ_CHUNK_SIZE_INVALID, q);
    for (; q < c->len && IS(b[q], C_HEX); q++) {
        if (v > UINT64_MAX >> 4)
            return req_fail(c, HS_REQ_CHUNK_SIZE_OVERFLOW, s);
        v = v * 16 + hexval(b[q]);
        if (over == NONE && v > max - got)
            over = q;
    }
    if (over != NONE)
        return q < c->len ? req_fail(c, HS_REQ_BODY_TOO_LARGE, over) : chunked_short(c);
    *size = v;
    return q;
}

/* The scan of a chunk extension stopped at e without a decision: past the
** extensions' limit when e is beyond elim, the last byte they may take
** (413), else out of bytes. Returns FAIL. */
static size_t ext_short(struct ctx *c, size_t e, size_t elim)
{
    return e > elim ? req_fail(c, HS_REQ_CHUNK_EXT_TOO_LONG, elim) : chunked_short(c);
}

/* Reads one chunk extension after its ";" at q, in b[q..e):
** BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] (RFC 9112 §7.1.1).
** e is the input's end or, before it, the byte after elim (see ext_short).
** Returns the index after it, or FAIL. */
static size_t chunk_ext_one(struct ctx *c, size_t q, size_t e, size_t elim)
{
    const unsigned char *b = c->b;
    size_t s, bad;
    for (; q < e && IS_WS(b[q]); q++)
        ;
    for (s = q; q < e && IS(b[q], C_TCHAR); q++)
        ;
    if (q >= e)
        return ext_short(c, e, elim);
    if (q == s)
        return req_fail(c, HS_REQ_CHUNK_EXT_INVALID, q);
    for (s = q; q < e && IS_WS(b[q]); q++)
        ;
    if (q >= e)
        return ext_short(c, e, elim);
    if (b[q] != '=')
        return s;
    for (q++; q < e && IS_WS(b[q]); q++)
        ;
    if (q >= e)
        return ext_short(c, e, elim);
    if (b[q] == '"') {
        q = skip_quoted(b, q, e, &bad);
        if (q == FAIL && bad != NONE)
            return req_fail(c, HS_REQ_CHUNK_EXT_INVALID, bad);
        if (q == FAIL || q >= e)
            return ext_short(c, e, elim);
        return q;
    }
    for (s = q; q < e && IS(b[q], C_TCHAR); q++)
        ;
    if (q >= e)
        return ext_short(c, e, elim);
    if (q == s)
        return req_fail(c, HS_REQ_CHUNK_EXT_INVALID, q);
    return q;
}

/* Reads the chunk extensions after the chunk-size that ends at q:
** *( BWS ";" BWS name [ BWS "=" BWS value ] ), with no whitespace before the
** line terminator, which must come at elim at the latest: the extension
** bytes are counted as they are scanned, so a long one is 413 at the byte
** that passes the limit however much of it has arrived. Returns the index
** of that CR or LF, or FAIL. */
static size_t chunk_ext(struct ctx *c, size_t q, size_t elim)
{
    const unsigned char *b = c->b;
    size_t e = elim < c->len ? elim + 1 : c->len;
    int ext = 0;
    for (;;) {
        size_t s = q;
        while (q < e && IS_WS(b[q]))
            q++;
        if (q >= e)
            return ext_short(c, e, elim);
        if (b[q] != ';') {
            if (q != s && IS_EOL(b[q]))
                return req_fail(c, HS_REQ_CHUNK_EXT_INVALID, s);
            if (!IS_EOL(b[q]))
                return req_fail(c, ext || q != s ? HS_REQ_CHUNK_EXT_INVALID : HS_REQ_CHUNK_SIZE_INVALID, q);
            return q;
        }
        ext = 1;
        q = chunk_ext_one(c, q + 1, e, elim);
        if (q == FAIL)
            return FAIL;
    }
}

/* Reads size bytes of chunk-data at q and the CRLF after them, copying the
** data to the body buffer (if any) after the *got bytes already there; adds
** size to *got and req->body_len. The caller checked got + size against the
** body's limit. Returns the index after the CRLF, or FAIL. */
static size_t chunk_data(struct ctx *c, size_t q, uint64_t size, uint64_t *got)
{
    const unsigned char *b = c->b;
    if (c->len - q < size)
        return chunked_short(c);
    if (c->body)
        memcpy(c->body + *got, b + q, (size_t)size);
    *got += size;
    c->req->body_len = (uint32_t)*got;
    q += (size_t)size;
    if (q >= c->len)
        return chunked_short(c);
    if (b[q] == LF && !(c->lim->lenient & HS_LENIENT_BARE_LF))
        /* "...\r" then LF: the size was wrong, more likely than a bare LF */
        return req_fail(c, b[q - 1] == CR ? HS_REQ_CHUNK_DATA_CRLF : HS_REQ_BARE_LF, q);
    if (!IS_EOL(b[q]))
        return req_fail(c, HS_REQ_CHUNK_DATA_CRLF, q);
    if (b[q] == CR && q + 1 < c->len && b[q + 1] != LF)
        return req_fail(c, HS_REQ_CHUNK_DATA_CRLF, q + 1);
    return req_eol(c, q, HS_REQ_INCOMPLETE_CHUNKED, HS_REQ_BODY_BEYOND_BUFFER);
}

/* Reads the trailer section at q, after the last-chunk, into the field lines
** after the header section; got is the decoded content length. Returns the
** index after its empty line, or FAIL. */
static size_t chunk_trailers(struct ctx *c, size_t q, uint64_t got)
{
    struct hs_request *r = c->req;
    uint32_t first = r->n_headers, n = 0, max_n = c->lim->max_headers;
    if (max_n > HS_REQUEST_MAX_HEADERS - first)
        max_n = HS_REQUEST_MAX_HEADERS - first;
    r->trailer_start = first;
    q = req_fields(c, q, first, max_n, 1, &n);
    r->n_trailers = n;
    r->body_len = (uint32_t)got;
    return q;
}

/* Reads chunked content from p (RFC 9112 §7.1) into the body buffer, then
** the trailer section. Chunk extensions over the whole content count against
** max_header_section (413 past it, found while they are scanned). Returns
** the index after the last CRLF, or FAIL. */
static size_t parse_chunked(struct ctx *c, size_t p)
{
    uint64_t max = c->lim->max_body, got = 0, size = 0;
    size_t ext_bytes = 0; /* all chunk extensions so far, limited like a field section */

    if (c->body && c->body_cap < max)
        max = c->body_cap;
    for (;;) {
        size_t q = chunk_size(c, p, got, max, &size), s0, room;
        if (q == FAIL)
            return FAIL;
        s0 = q;
        room = c->lim->max_header_section - ext_bytes;
        q = chunk_ext(c, q, room < c->len - s0 ? s0 + room : c->len);
        if (q == FAIL)
            return FAIL;
        ext_bytes += q - s0;
        q = req_eol(c, q, HS_REQ_INCOMPLETE_CHUNKED, HS_REQ_BODY_BEYOND_BUFFER);
        if (q == FAIL)
            return FAIL;
        if (size == 0)
            return chunk_trailers(c, q, got);
        p = chunk_data(c, q, size, &got);
        if (p == FAIL)
            return FAIL;
    }
}

/* ---- entry points from request.c ---------------------------------------- */

/* See request_internal.h. Transfer-Encoding wins over Content-Length but
** both together are rejected; the checks run in the order of request.c's
** essay (HTTP/1.0, with Content-Length, codings; then Content-Length). */
size_t body_framing(struct ctx *c)
{
    struct hs_request *r = c->req;
    if (c->te_n) {
        if (r->version_minor < 1)
            return req_fail(c, HS_REQ_TE_HTTP10, r->headers[c->te1].name.off);
        if (c->cl_n)
            return req_fail(c, HS_REQ_TE_AND_CL, r->headers[c->te1 > c->cl1 ? c->te1 : c->cl1].name.off);
        if (check_te(c) == FAIL)
            return FAIL;
        r->framing = HS_FRAMING_CHUNKED;
    } else if (c->cl_n) {
        if (check_cl(c) == FAIL)
            return FAIL;
        r->framing = HS_FRAMING_LENGTH;
        if (r->content_length > c->lim->max_body || (c->body && r->content_length > c->body_cap))
            return req_fail(c, HS_REQ_BODY_TOO_LARGE, r->headers[c->cl1].value.off);
    }
    return 0;
}

/* See request_internal.h. */
size_t body_read(struct ctx *c, size_t p)
{
    struct hs_request *r = c->req;
    if (r->framing == HS_FRAMING_CHUNKED)
        return parse_chunked(c, p);
    if (r->framing == HS_FRAMING_LENGTH) {
        uint64_t cl = r->content_length;
        if (cl > c->len - p)
            return req_run_out(c, HS_REQ_INCOMPLETE_BODY, HS_REQ_BODY_BEYOND_BUFFER, (int64_t)(cl - (c->len - p)));
        if (c->body)
            memcpy(c->body, c->b + p, (size_t)cl);
        r->body_len = (uint32_t)cl;
        p += (size_t)cl;
    }
    return p;
}
