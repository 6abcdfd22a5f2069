/*
** response_parse.c — the response parser of the linter (RFC 9112 §4-§7).
**
** One pass over buf[start..len), left to right. Unlike the request parser,
** which answers the first error with a status, this one reads on: each
** deviation becomes a defect (a lint rule and the bytes it is about) and the
** parse recovers the way the grammar makes obvious (a line without a colon
** is skipped, whitespace before a colon is dropped, a bare LF ends a line).
** Only a start that is not "HTTP/", or a status code that is not three
** digits, leaves nothing to read (HS_RESPONSE_UNREADABLE).
**
** Framing follows RFC 9112 §6.3 for a response: none for HEAD, 1xx, 204 and
** 304; Transfer-Encoding with chunked last, then Content-Length, else the
** content runs to the end of the input (the connection's close). The
** Transfer-Encoding list, the Content-Length values and chunked content are
** read by the request parser's own code (body.c), through its parse state:
** a reason it gives becomes the defect's reason.
*/
#include "response_parse.h"

#include "lint.h"
#include "request_internal.h"

#include <stddef.h>
#include <string.h>

struct pctx {
    const unsigned char *b;
    size_t len;
    struct hs_parsed_response *r;
    int bare_lf; /* a bare LF was seen (reported once) */
};

/* Records a defect (rule, the bytes [off, off + n), a request-parser reason
** or 0), clamped to the input; drops it when the list is full. */
static void defect(struct pctx *c, int rule, size_t off, size_t n, int reason)
{
    struct hs_parsed_response *r = c->r;
    if (off > c->len)
        off = c->len;
    if (n > c->len - off)
        n = c->len - off;
    if (r->n_defects >= HS_RESPONSE_PARSE_MAX_DEFECTS) {
        r->defects_dropped = 1;
        return;
    }
    r->defects[r->n_defects].rule = (uint16_t)rule;
    r->defects[r->n_defects].reason = (uint16_t)reason;
    r->defects[r->n_defects].off = (uint32_t)off;
    r->defects[r->n_defects].len = (uint32_t)n;
    r->n_defects++;
}

/* Finds the line that starts at p: returns the index after its terminator
** (LF) or len, and stores in *le the end of its content (before CR LF, or
** LF alone, which is reported once as bare-lf). A CR that is not before LF
** stays in the content, where the character checks find it. */
static size_t line_end(struct pctx *c, size_t p, size_t *le)
{
    const unsigned char *nl = memchr(c->b + p, '\n', c->len - p);
    size_t q;
    if (!nl) {
        *le = c->len;
        return c->len;
    }
    q = (size_t)(nl - c->b);
    if (q > p && c->b[q - 1] == '\r') {
        *le = q - 1;
    } else {
        *le = q;
        if (!c->bare_lf)
            defect(c, HS_LINT_BARE_LF, q, 1, 0);
        c->bare_lf = 1;
    }
    return q + 1;
}

/* Returns the first index in [p, e) whose byte is not of class cl, or e. */
static size_t span_class(const unsigned char *b, size_t p, size_t e, unsigned cl)
{
    while (p < e && IS(b[p], cl))
        p++;
    return p;
}

/* Reads the status line at p (RFC 9112 §4). Returns the index after it, or
** FAIL when there is no status to lint (r->error_rule set). */
static size_t status_line(struct pctx *c, size_t p)
{
    const unsigned char *b = c->b;
    struct hs_parsed_response *r = c->r;
    size_t le, next = line_end(c, p, &le), q, s, ws;

    r->line.off = (uint32_t)p;
    r->line.len = (uint32_t)(le - p);
    if (le - p < 5 || memcmp(b + p, "HTTP/", 5) != 0) {
        r->error_rule = HS_LINT_STATUS_LINE;
        r->error_offset = (uint32_t)p;
        return FAIL;
    }
    /* HTTP-version = "HTTP/" DIGIT "." DIGIT */
    for (q = p + 5; q < le && b[q] != ' ' && b[q] != '\t'; q++)
        ;
    r->version.off = (uint32_t)p;
    r->version.len = (uint32_t)(q - p);
    if (q - p == 8 && IS_DIGIT(b[p + 5]) && b[p + 6] == '.' && IS_DIGIT(b[p + 7])) {
        r->version_major = b[p + 5] - '0';
        r->version_minor = b[p + 7] - '0';
    } else {
        defect(c, HS_LINT_VERSION, p, q - p, 0);
    }
    /* SP status-code */
    for (ws = q; q < le && (b[q] == ' ' || b[q] == '\t'); q++)
        ;
    if (q - ws != 1 || b[ws] != ' ')
        defect(c, HS_LINT_STATUS_LINE_SPACE, ws, q - ws ? q - ws : 1, 0);
    s = q;
    while (q < le && IS_DIGIT(b[q]))
        q++;
    r->code.off = (uint32_t)s;
    r->code.len = (uint32_t)(q - s);
    if (q - s != 3) {
        r->error_rule = HS_LINT_STATUS_CODE_DIGITS;
        r->error_offset = (uint32_t)s;
        return FAIL;
    }
    r->status = (b[s] - '0') * 100 + (b[s + 1] - '0') * 10 + (b[s + 2] - '0');
    if (r->status < 100)
        defect(c, HS_LINT_STATUS_CODE_RANGE, s, 3, 0);
    /* SP [ reason-phrase ]: the SP is there even when the phrase is empty */
    if (q < le && b[q] == ' ') {
        q++;
    } else if (q < le && b[q] == '\t') {
        defect(c, HS_LINT_STATUS_LINE_SPACE, q, 1, 0);
        q++;
    } else if (q >= le) {
        defect(c, HS_LINT_STATUS_LINE_SPACE, q, 0, 0);
    } else {
        defect(c, HS_LINT_STATUS_CODE_DIGITS, s, q + 1 - s, 0); /* "200OK" */
    }
    r->phrase.off = (uint32_t)q;
    r->phrase.len = (uint32_t)(le - q);
    s = span_class(b, q, le, C_VALUE);
    if (s < le)
        defect(c, HS_LINT_REASON_PHRASE_CHARS, s, 1, 0);
    return next;
}

/* Reads one field line [p, le) into r->fields (when there is room) or
** records why it is not one. */
static void field_line(struct pctx *c, size_t p, size_t le)
{
    const unsigned char *b = c->b;
    struct hs_parsed_response *r = c->r;
    size_t q = span_class(b, p, le, C_TCHAR), colon = q, vs, ve, bad, w;
    struct hs_header *h;

    if (q >= le || b[q] != ':' || q == p) {
        const unsigned char *k = memchr(b + p, ':', le - p);
        if (!k) {
            defect(c, HS_LINT_FIELD_NO_COLON, p, le - p, 0);
            return;
        }
        colon = (size_t)(k - b);
        for (w = q; w < colon && (b[w] == ' ' || b[w] == '\t'); w++)
            ;
        if (q > p && q < colon && w == colon) {
            defect(c, HS_LINT_FIELD_WS_BEFORE_COLON, q, colon - q, 0); /* the name is [p, q) */
        } else {
            defect(c, HS_LINT_FIELD_NAME_TOKEN, q, 1, 0);
            q = colon;
        }
    }
    if (r->n_fields >= HS_REQUEST_MAX_HEADERS) {
        if (r->n_fields == HS_REQUEST_MAX_HEADERS)
            defect(c, HS_LINT_TOO_MANY_FIELDS, p, le - p, 0);
        r->n_fields = HS_REQUEST_MAX_HEADERS + 1; /* reported; clamped after the section */
        return;
    }
    for (vs = colon + 1; vs < le && (b[vs] == ' ' || b[vs] == '\t'); vs++)
        ;
    for (ve = le; ve > vs && (b[ve - 1] == ' ' || b[ve - 1] == '\t'); ve--)
        ;
    bad = span_class(b, vs, ve, C_VALUE);
    if (bad < ve)
        defect(c, HS_LINT_FIELD_VALUE_CTL, bad, 1, 0);
    h = &r->fields[r->n_fields++];
    h->name.off = (uint32_t)p;
    h->name.len = (uint32_t)(q - p);
    h->value.off = (uint32_t)vs;
    h->value.len = (uint32_t)(ve - vs);
}

/* Reads field lines from p through the empty line (RFC 9112 §5). Returns the
** index after the empty line, or len when the section never ends. */
static size_t field_section(struct pctx *c, size_t p)
{
    const unsigned char *b = c->b;
    for (;;) {
        size_t le, next;
        if (p >= c->len) {
            defect(c, HS_LINT_HEAD_INCOMPLETE, c->len, 0, 0);
            break;
        }
        next = line_end(c, p, &le);
        if (le == p) {
            if (next == c->len && b[c->len - 1] != '\n') /* a lone CR at the very end */
                defect(c, HS_LINT_HEAD_INCOMPLETE, c->len, 0, 0);
            p = next;
            break;
        }
        if (next == c->len && b[c->len - 1] != '\n') {
            /* the last line has no terminator: read it, then say so */
            if (b[p] == ' ' || b[p] == '\t')
                defect(c, HS_LINT_OBS_FOLD, p, le - p, 0);
            else
                field_line(c, p, le);
            defect(c, HS_LINT_HEAD_INCOMPLETE, c->len, 0, 0);
            p = c->len;
            break;
        }
        if (b[p] == ' ' || b[p] == '\t')
            defect(c, HS_LINT_OBS_FOLD, p, le - p, 0);
        else
            field_line(c, p, le);
        p = next;
    }
    if (c->r->n_fields > HS_REQUEST_MAX_HEADERS)
        c->r->n_fields = HS_REQUEST_MAX_HEADERS;
    return p;
}

/* Decides framing and reads the content after the head (RFC 9112 §6.3),
** with the request parser's Transfer-Encoding, Content-Length and chunked
** readers (body.c). */
static void content(struct pctx *c, int flags, char *body, size_t body_cap)
{
    struct hs_parsed_response *r = c->r;
    struct hs_request scratch;
    struct hs_request_limits lim = hs_request_default_limits();
    struct ctx bc;
    size_t p = r->head_end;
    int te = -1, cl = -1;

    r->content.off = (uint32_t)p;
    r->end = (uint32_t)p;
    if ((flags & HS_RPARSE_HEAD) || (r->status >= 100 && r->status < 200) || r->status == 204 ||
        r->status == 304) {
        r->framing = HS_RFRAME_NONE;
        return;
    }
    te = hs_response_parse_find((const char *)c->b, r, "transfer-encoding", 0);
    cl = hs_response_parse_find((const char *)c->b, r, "content-length", 0);

    r->framing = HS_RFRAME_CLOSE;
    if (te < 0 && cl < 0) {
        r->end = (uint32_t)c->len;
        r->content.len = r->end - r->content.off;
        return;
    }
    /* body.c reads the request parser's state: the fields it looks at, the
    ** scalars it sets */
    memcpy(scratch.headers, r->fields, r->n_fields * sizeof *r->fields);
    scratch.n_headers = r->n_fields;
    scratch.version_major = scratch.version_minor = 1;
    scratch.result = HS_PARSE_OK;
    scratch.reason = HS_REQ_NONE;
    scratch.status = 0;
    scratch.error_offset = 0;
    scratch.missing = -1;
    scratch.framing = HS_FRAMING_NONE;
    scratch.content_length = 0;
    scratch.body_len = 0;
    scratch.trailer_start = scratch.n_trailers = 0;
    lim.max_headers = HS_REQUEST_MAX_HEADERS;
    lim.max_body = 0x7fffffff;
    lim.lenient = c->bare_lf ? HS_LENIENT_BARE_LF : 0;
    memset(&bc, 0, sizeof bc);
    bc.b = c->b;
    bc.len = bc.total = c->len;
    bc.lim = &lim;
    bc.req = &scratch;
    bc.trailers_as_is = 1; /* the request parser's trailer refusals are a server's policy */

    r->framing = HS_RFRAME_CLOSE;
    if (te >= 0) {
        bc.te_n = 1;
        bc.te1 = (uint32_t)te;
        if (cl >= 0)
            defect(c, HS_LINT_CL_AND_TE, r->fields[cl].name.off,
                   r->fields[cl].value.off + r->fields[cl].value.len - r->fields[cl].name.off, 0);
        if (body_framing(&bc) != FAIL || scratch.reason == HS_REQ_TE_NOT_IMPLEMENTED ||
            scratch.reason == HS_REQ_TE_UNKNOWN) {
            r->framing = HS_RFRAME_CHUNKED; /* a response may use any coding before chunked */
        } else if (scratch.reason != HS_REQ_TE_NOT_CHUNKED_FINAL) {
            defect(c, HS_LINT_TRANSFER_CODING_INVALID, scratch.error_offset, 1, scratch.reason);
        }
    } else if (cl >= 0) {
        bc.cl_n = 1;
        bc.cl1 = (uint32_t)cl;
        if (body_framing(&bc) != FAIL || scratch.reason == HS_REQ_BODY_TOO_LARGE) {
            r->framing = HS_RFRAME_LENGTH;
            r->content_length = scratch.content_length;
            r->content_length_ok = 1;
        } else {
            defect(c, scratch.reason == HS_REQ_CL_CONFLICT ? HS_LINT_CONTENT_LENGTH_CONFLICT
                                                           : HS_LINT_CONTENT_LENGTH_INVALID,
                   scratch.error_offset, 1, scratch.reason);
        }
    }

    if (r->framing == HS_RFRAME_LENGTH) {
        uint64_t avail = c->len - p;
        r->end = (uint32_t)(p + (r->content_length < avail ? r->content_length : avail));
    } else if (r->framing == HS_RFRAME_CHUNKED) {
        size_t q;
        scratch.framing = HS_FRAMING_CHUNKED;
        scratch.result = HS_PARSE_OK;
        bc.body = body;
        bc.body_cap = body ? body_cap : 0;
        q = body_read(&bc, p);
        if (q == FAIL && scratch.reason == HS_REQ_BODY_TOO_LARGE && body) {
            /* the decoded content does not fit: check it without copying */
            r->body_cut = 1;
            scratch.result = HS_PARSE_OK;
            scratch.n_headers = r->n_fields;
            bc.body = NULL;
            bc.body_cap = 0;
            q = body_read(&bc, p);
        }
        if (q == FAIL) {
            defect(c, HS_LINT_CHUNKED_MALFORMED, scratch.error_offset, 1, scratch.reason);
            r->end = (uint32_t)c->len;
        } else {
            uint32_t room = HS_REQUEST_MAX_HEADERS - r->n_fields, n = scratch.n_trailers;
            if (n > room)
                n = room;
            memcpy(r->fields + r->n_fields, scratch.headers + scratch.trailer_start, n * sizeof *r->fields);
            r->n_trailers = n;
            r->end = (uint32_t)q;
        }
        r->body_len = scratch.body_len;
        if (!body && r->body_len > 0)
            r->body_cut = 1;
    } else {
        r->end = (uint32_t)c->len;
    }
    r->content.len = r->end - r->content.off;
}

/* See response_parse.h. */
int hs_response_parse(const char *buf, size_t len, size_t start, int flags,
                      struct hs_parsed_response *r, char *body, size_t body_cap)
{
    struct pctx c;
    size_t p;

    if (!buf)
        len = 0;
    if (len > 0x7fffffff)
        len = 0x7fffffff;
    if (start > len)
        start = len;
    memset(r, 0, offsetof(struct hs_parsed_response, defects));
    r->start = r->end = r->head_end = (uint32_t)start;
    r->content.off = (uint32_t)start;
    r->version_major = r->version_minor = -1;
    r->status = -1;
    c.b = (const unsigned char *)buf;
    c.len = len;
    c.r = r;
    c.bare_lf = 0;

    p = status_line(&c, start);
    if (p == FAIL) {
        r->result = HS_RESPONSE_UNREADABLE;
        r->end = (uint32_t)len;
        return r->result;
    }
    r->head_end = (uint32_t)field_section(&c, p);
    content(&c, flags, body, body_cap);
    return r->result;
}

/* See response_parse.h. */
int hs_response_parse_find(const char *buf, const struct hs_parsed_response *r,
                           const char *name, uint32_t from)
{
    return hs_header_find(buf, r->fields, r->n_fields, name, from);
}
