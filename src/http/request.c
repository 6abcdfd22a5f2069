/*
** request.c — a strict HTTP/1.1 request parser (RFC 9112): request line,
** field lines, Host, framing (Content-Length, chunked), limits. This file
** reads the request line and the field lines; body.c decides the framing and
** reads the content, under the same rules (request_internal.h joins them).
**
** One pass over (buf, len), left to right, no allocation, no state kept
** between calls. Every loop advances through buf or through req->headers, so
** work is bounded by len. Each byte is checked when it is first read, so a
** prefix that already contains an error is rejected at once; a prefix with no
** error is INCOMPLETE. Checks that need a whole element (the form of the
** request-target, Host, Content-Length, Transfer-Encoding) run once that
** element is complete.
**
** Where RFC 9112 / RFC 9110 give a recipient a choice, this is what we do:
**
**  Strict choices (all are what a security-minded origin server does)
**  - Exactly one SP between the parts of the request line; no other
**    whitespace (RFC 9112 §3 MAY parse on whitespace: we do not).
**  - The request-target is checked against RFC 3986: only unreserved,
**    sub-delims, ":", "@", "/", "?" and %HH; "[" "]" only in an IP-literal
**    host; "#" (a fragment) and every other byte are rejected (400).
**  - The absolute-form is accepted for http and https only, with a non-empty
**    host and no userinfo (RFC 9110 §4.2.1, §4.2.4); another scheme is 400.
**  - The authority-form (CONNECT) needs a port of 1-5 digits, at most 65535.
**  - Bare LF as a line terminator is rejected (400) unless the caller sets
**    HS_LENIENT_BARE_LF (RFC 9112 §2.2 MAY); bare CR is always rejected.
**  - obs-fold (a field line starting with SP or HTAB) is rejected (400,
**    §5.2); so is whitespace before the first field line (§2.2).
**  - Transfer-Encoding in HTTP/1.0 is faulty framing: 400 (§6.1).
**  - Transfer-Encoding with Content-Length: 400 (§6.3 allows it; we reject
**    because that is the request-smuggling shape).
**  - Only the chunked coding is implemented. A final coding other than
**    chunked is 400 (§6.3); chunked twice is 400 (§6.1); another coding
**    before chunked is 501, with a different reason for registered codings
**    (gzip, x-gzip, deflate, compress, x-compress) and unknown ones. chunked
**    with parameters is 400 (it defines none).
**  - Chunk extensions follow §7.1.1 exactly: BWS only around ";" and "=",
**    none between the size or an extension and CRLF.
**  - Content-Length is 1*DIGIT; a value above 2^63 - 1 is 400. Each
**    Content-Length line is read as soon as it is complete, so an invalid
**    or conflicting value is 400 at that line, before the header section
**    ends (a server can answer without waiting for the rest).
**  - A chunk-size that does not fit in 64 bits is 400 (RFC 9112 §7.1 asks
**    recipients to guard against overflow; like an overflowing
**    Content-Length), decided when its digits end; one that fits but is
**    larger than the body limit is 413.
**  - Content-Type twice with different media types (type/subtype without
**    case, RFC 9110 §8.3.1; parameters byte for byte) is
**    400: it is a singleton field (RFC 9110 §8.3, §5.3), and recipients that
**    pick one of the values disagree. The same value twice is read as one,
**    as with Content-Length.
**  - A trailer field that decides framing, routing, authentication or the
**    content's format is 400 (RFC 9110 §6.5.1 forbids sending them; RFC 9112
**    §7.1.2 lets a recipient discard trailers, and refusing is the stricter
**    choice, so they are never used): Content-Length, Transfer-Encoding,
**    Trailer, Host, Authorization, Proxy-Authorization, Content-Type,
**    Content-Encoding, Content-Range. Other trailer fields are kept apart
**    from the header section (trailer_start), never merged into it, and
**    never looked up by hs_request_find_header.
**  - Host: a comma is rejected (a sub-delim in reg-name, but in this
**    singleton field it is a list); an empty Host is rejected with
**    origin- and asterisk-form, whose target URI takes its host from Host
**    (RFC 9112 §3.3, RFC 9110 §4.2.1); it is allowed with absolute- and
**    authority-form, where Host is not used.
**  - A percent-encoded NUL (%00) in the request-target is 400. This is this
**    server's own policy, not an RFC rule (RFC 3986 allows %00): decoded, a
**    NUL can cut a path short in C-string code behind the server. So is a
**    percent-encoded CR or LF (%0D, %0A, either case), the same policy:
**    decoded, it can split a header or log line in code that writes it out.
**  - A request line whose last part is a good HTTP-version after more than
**    two SPs ("GET /a b HTTP/1.1") is whitespace inside the request-target
**    (RFC 9112 §3.2), not a bad version. We answer 400, never autocorrect
**    (§3 SHOULD NOT).
**  - A method that reaches the request-line limit is 501 (RFC 9112 §3:
**    longer than any method implemented).
**  - Chunk extensions count against max_header_section over the whole
**    content (RFC 9112 §7.1.1 "ought to limit"); past it, 413, found while
**    an extension is scanned (at the byte that passes the limit, even when
**    the extension goes on past the end of the buffer).
**
**  Leniencies (each one the RFC allows)
**  - Empty lines (CRLF) before the request line are skipped (§2.2 SHOULD)
**    and counted in consumed.
**  - Content-Length given several times with the same value, in one field
**    line ("5, 5") or several, is read as that value (RFC 9110 §8.6 MAY);
**    differing values are 400.
**  - Empty list elements in Transfer-Encoding are ignored (RFC 9110 §5.6.1).
**  - Any minor version of HTTP/1 is accepted and handled as HTTP/1.1 (RFC
**    9110 §2.5: a higher minor version is processed as the highest one the
**    recipient implements); version_minor keeps the number received. A
**    well-formed version with another major number is 505.
**  - An IP-literal host ("[...]") is checked for its characters only
**    (hex digits, ".", ":", and IPvFuture's unreserved / sub-delims), not
**    for the full IPv6 grammar.
**  - Bytes >= 0x80 are accepted in field values (obs-text, §5.5).
**
**  Limits (struct hs_request_limits) decide 414, 431 and 413 as soon as the
**  bytes seen exceed them, complete or not. When total_len > len (the input
**  goes on past the engine's buffer) and a decision needs bytes past len,
**  the answer is what a server with that buffer sends: 414 for a request
**  line, 431 for a field section, 413 for content.
**
**  Order of checks: as each field line completes, Content-Length (syntax,
**  conflict) and Content-Type (conflict); once the header section is
**  complete, Host (duplicate, missing in HTTP/1.1, invalid value), then
**  Transfer-Encoding (HTTP/1.0, with Content-Length, codings), then
**  Content-Length against the body limit (413).
*/
#include "request_internal.h"

#include <string.h>

/* Inputs longer than this are read as if only this much was available. */
#define MAX_INPUT ((size_t)0x7fffffff)

/* See request_internal.h. */
const unsigned char req_cls[256] = {
     0,  0,  0,  0,  0,  0,  0,  0,  0, 34,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    34, 55,  2, 35, 55, 35, 55, 55, 54, 54, 55, 55, 54, 55, 55, 38,
    63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 38, 54, 34, 54, 34, 34,
    38, 63, 63, 63, 63, 63, 63, 55, 55, 55, 55, 55, 55, 55, 55, 55,
    55, 55, 55, 55, 55, 55, 55, 55, 55, 55, 55, 34,  2, 34, 35, 55,
    35, 63, 63, 63, 63, 63, 63, 55, 55, 55, 55, 55, 55, 55, 55, 55,
    55, 55, 55, 55, 55, 55, 55, 55, 55, 55, 55, 34, 35, 34, 55,  0,
    34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34,
    34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34,
    34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34,
    34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34,
    34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34,
    34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34,
    34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34,
    34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34, 34,
};

/* ---- reasons ------------------------------------------------------------ */

/* One row per reason of request_reason.def: the status a server answers, the
** rule it cites, its short name and the sentences in English and Korean. */
static const struct reason {
    unsigned short status;
    const char *rule, *name, *en, *ko;
} reasons[HS_REQ_COUNT] = {
#define HS_REASON(name, status, rule, id, en, ko) { status, rule, id, en, ko },
#include "request_reason.def"
#undef HS_REASON
};

/* Returns reason clamped into the table (any int is safe). */
static int reason_index(int reason)
{
    return reason < 0 || reason >= HS_REQ_COUNT ? HS_REQ_NONE : reason;
}

/* Return the strings of a reason; never NULL, any int accepted. */
const char *hs_request_reason_en(int reason) { return reasons[reason_index(reason)].en; }
const char *hs_request_reason_ko(int reason) { return reasons[reason_index(reason)].ko; }
const char *hs_request_reason_rule(int reason) { return reasons[reason_index(reason)].rule; }
const char *hs_request_reason_name(int reason) { return reasons[reason_index(reason)].name; }
int hs_request_reason_status(int reason) { return reasons[reason_index(reason)].status; }

const char *hs_request_form_name(int form)
{
    static const char *const names[HS_FORM_COUNT] = { "origin", "absolute", "authority", "asterisk" };
    return form >= 0 && form < HS_FORM_COUNT ? names[form] : "";
}

const char *hs_request_framing_name(int framing)
{
    static const char *const names[HS_FRAMING_COUNT] = { "none", "length", "chunked" };
    return framing >= 0 && framing < HS_FRAMING_COUNT ? names[framing] : "";
}

/* Returns the default limits (see request.h). */
struct hs_request_limits hs_request_default_limits(void)
{
    struct hs_request_limits l;
    l.max_request_line = 8192;
    l.max_target = 8192;
    l.max_header_section = 16384;
    l.max_headers = 100;
    l.max_body = 1024 * 1024;
    l.lenient = 0;
    return l;
}

/* ---- parse state (struct ctx: request_internal.h) ---------------------- */

/* Returns a + b, or SIZE_MAX when that does not fit. */
static size_t sat_add(size_t a, uint64_t b)
{
    return b > (uint64_t)(MAX_INPUT * 2) - a ? (size_t)(MAX_INPUT * 2) : a + (size_t)b;
}

/* See request_internal.h. */
size_t req_fail(struct ctx *c, int reason, size_t off)
{
    c->req->result = HS_PARSE_ERROR;
    c->req->reason = reason;
    c->req->status = reasons[reason].status;
    c->req->error_offset = (uint32_t)(off > c->len ? c->len : off);
    return FAIL;
}

/* See request_internal.h. */
size_t req_run_out(struct ctx *c, int incomplete, int beyond, int64_t missing)
{
    if (c->total > c->len)
        return req_fail(c, beyond, c->len);
    c->req->result = HS_PARSE_INCOMPLETE;
    c->req->reason = incomplete;
    c->req->status = reasons[incomplete].status;
    c->req->error_offset = (uint32_t)c->len;
    c->req->missing = missing;
    return FAIL;
}

/* See request_internal.h. */
size_t req_eol(struct ctx *c, size_t p, int incomplete, int beyond)
{
    if (c->b[p] == LF)
        return (c->lim->lenient & HS_LENIENT_BARE_LF) ? p + 1 : req_fail(c, HS_REQ_BARE_LF, p);
    if (p + 1 >= c->len)
        return req_run_out(c, incomplete, beyond, -1);
    if (c->b[p + 1] != LF)
        return req_fail(c, HS_REQ_BARE_CR, p);
    return p + 2;
}

/* Returns the first index in b[q..end) that is not a field-value byte
** (C_VALUE). Eight bytes at a time while none of them is a control byte or
** DEL: a byte below 0x20 (tab included, which the byte loop then accepts)
** or 0x7F stops the wide step. */
static size_t scan_value(const unsigned char *b, size_t q, size_t end)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    while (q + 8 <= end) {
        uint64_t x, y;
        memcpy(&x, b + q, 8);
        y = x ^ (ones * 0x7f);
        if (((x - ones * 0x20) & ~x & high) | ((y - ones) & ~y & high))
            break;
        q += 8;
    }
    while (q < end && IS(b[q], C_VALUE))
        q++;
    return q;
}

/* Returns the first index in b[q..end) whose byte is not in class c; four
** bytes a step while all four are. q may be past end (a %XX escape can
** step over a limit): then q is returned as it is. */
static size_t scan_class(const unsigned char *b, size_t q, size_t end, unsigned c)
{
    while (q + 4 <= end && (req_cls[b[q]] & req_cls[b[q + 1]] & req_cls[b[q + 2]] & req_cls[b[q + 3]] & c))
        q += 4;
    while (q < end && (req_cls[b[q]] & c))
        q++;
    return q;
}

/* ---- authority ---------------------------------------------------------- */

/* Checks b[s..e) as uri-host [":" port] (RFC 3986 §3.2.2-3), port required
** when need_port, port at most 65535. Returns NONE if it is one, else the
** offset of the first byte that breaks it. *host_len gets the host's length.
** The caller guarantees s <= e <= len. */
static size_t bad_authority(const unsigned char *b, size_t s, size_t e, int need_port, size_t *host_len)
{
    size_t q = s;
    if (q < e && b[q] == '[') {
        size_t in = ++q;
        while (q < e && (IS(b[q], C_REG) || b[q] == ':'))
            q++;
        if (q == in || q >= e || b[q] != ']')
            return q;
        q++;
    } else {
        while (q < e) {
            if (IS(b[q], C_REG))
                q++;
            else if (b[q] == '%' && q + 2 < e && IS(b[q + 1], C_HEX) && IS(b[q + 2], C_HEX))
                q += 3;
            else
                break;
        }
    }
    *host_len = q - s;
    if (q < e && b[q] == ':') {
        size_t ps = ++q;
        uint32_t port = 0;
        while (q < e && IS_DIGIT(b[q]) && q - ps < 5)
            port = port * 10 + (uint32_t)(b[q++] - '0');
        if (port > 65535 || (q < e && IS_DIGIT(b[q])))
            return ps;
        if (need_port && q == ps)
            return q;
    } else if (need_port) {
        return q;
    }
    return q == e ? NONE : q;
}

/* ---- request line ------------------------------------------------------- */

/* The request line scan stopped at q == min(lim, len) without a decision;
** lim is the first byte past the line limit. may_end says a terminator could
** come at q. Returns FAIL after recording 414 or running out. */
static size_t line_short(struct ctx *c, size_t q, size_t lim, int may_end)
{
    if (q >= lim && (q < c->len || !may_end))
        return req_fail(c, HS_REQ_LINE_TOO_LONG, lim);
    return req_run_out(c, HS_REQ_INCOMPLETE_LINE, HS_REQ_LINE_BEYOND_BUFFER, -1);
}

/* Checks the form of the complete request-target b[ts..te) for the method
** already in req (RFC 9112 §3.2) and fills form, path and query. qmark is the
** first '?' and bracket the first '[' or ']' (NONE if absent). Returns 0 or
** FAIL. */
static size_t check_target(struct ctx *c, size_t ts, size_t te, size_t qmark, size_t bracket)
{
    const unsigned char *b = c->b;
    struct hs_request *r = c->req;
    int connect = r->method.len == 7 && memcmp(b + r->method.off, "CONNECT", 7) == 0;
    size_t ps = ts, hl, bad;

    if (connect) {
        /* authority-form = uri-host ":" port, and nothing else */
        if (b[ts] == '/' || (te - ts == 1 && b[ts] == '*'))
            return req_fail(c, HS_REQ_CONNECT_NEEDS_AUTHORITY, ts);
        bad = bad_authority(b, ts, te, 1, &hl);
        if (bad != NONE || hl == 0)
            return req_fail(c, HS_REQ_BAD_AUTHORITY, bad == NONE ? ts : bad);
        r->form = HS_FORM_AUTHORITY;
        r->path.off = r->query.off = (uint32_t)te;
        return 0;
    }
    if (te - ts == 1 && b[ts] == '*') {
        if (!(r->method.len == 7 && memcmp(b + r->method.off, "OPTIONS", 7) == 0))
            return req_fail(c, HS_REQ_ASTERISK_NOT_OPTIONS, ts);
        r->form = HS_FORM_ASTERISK;
        r->path.off = (uint32_t)ts;
        r->path.len = 1;
        r->query.off = (uint32_t)te;
        return 0;
    }
    if (b[ts] == '/') {
        r->form = HS_FORM_ORIGIN;
    } else {
        /* absolute-form: "http" / "https" "://" authority path-abempty [ "?" query ] */
        size_t q = ts, as, ae;
        if (!((b[q] | 0x20) >= 'a' && (b[q] | 0x20) <= 'z'))
            return req_fail(c, HS_REQ_BAD_TARGET_FORM, ts);
        /* scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) */
        while (q < te && ((IS(b[q], C_TCHAR) && ((b[q] | 0x20) >= 'a' && (b[q] | 0x20) <= 'z')) ||
                          IS_DIGIT(b[q]) || b[q] == '+' || b[q] == '-' || b[q] == '.'))
            q++;
        if (q >= te || b[q] != ':')
            return req_fail(c, HS_REQ_BAD_TARGET_FORM, ts);
        if (!NAME_IS(b + ts, q - ts, "http") && !NAME_IS(b + ts, q - ts, "https"))
            return req_fail(c, HS_REQ_TARGET_SCHEME, ts);
        if (te - q < 3 || b[q + 1] != '/' || b[q + 2] != '/')
            return req_fail(c, HS_REQ_BAD_TARGET_FORM, q + 1);
        as = ae = q + 3;
        while (ae < te && b[ae] != '/' && b[ae] != '?')
            ae++;
        for (q = as; q < ae; q++)
            if (b[q] == '@')
                return req_fail(c, HS_REQ_TARGET_USERINFO, q);
        bad = bad_authority(b, as, ae, 0, &hl);
        if (bad != NONE)
            return req_fail(c, b[bad] == '[' || b[bad] == ']' ? HS_REQ_BAD_TARGET_CHAR : HS_REQ_BAD_AUTHORITY, bad);
        if (hl == 0)
            return req_fail(c, HS_REQ_TARGET_EMPTY_HOST, as);
        r->form = HS_FORM_ABSOLUTE;
        ps = ae;
    }
    /* brackets belong in an IP-literal host only */
    if (bracket != NONE) {
        for (size_t q = ps; q < te; q++)
            if (b[q] == '[' || b[q] == ']')
                return req_fail(c, HS_REQ_BAD_TARGET_CHAR, q);
    }
    if (qmark != NONE && qmark >= ps) {
        r->path.off = (uint32_t)ps;
        r->path.len = (uint32_t)(qmark - ps);
        r->query.off = (uint32_t)(qmark + 1);
        r->query.len = (uint32_t)(te - qmark - 1);
    } else {
        r->path.off = (uint32_t)ps;
        r->path.len = (uint32_t)(te - ps);
        r->query.off = (uint32_t)te;
    }
    return 0;
}

/* Scans the request-target from ts (RFC 9112 §3.2, RFC 3986 bytes). Stops at
** the SP after it and returns that index, or FAIL. lim is the first byte past
** the request-line limit. */
static size_t scan_target(struct ctx *c, size_t ts, size_t lim, size_t *qmark, size_t *bracket)
{
    const unsigned char *b = c->b;
    size_t tlim = sat_add(ts, c->lim->max_target);
    size_t tend = tlim < lim ? tlim : lim;
    size_t q = ts;
    if (tend > c->len)
        tend = c->len;
    for (;;) {
        q = scan_class(b, q, tend, C_URI);
        if (q >= tend)
            break;
        if (b[q] == '%') {
            if ((q + 1 < c->len && !IS(b[q + 1], C_HEX)) || (q + 2 < c->len && !IS(b[q + 2], C_HEX)))
                return req_fail(c, HS_REQ_BAD_PERCENT, q);
            if (q + 2 < c->len && b[q + 1] == '0' && b[q + 2] == '0')
                return req_fail(c, HS_REQ_TARGET_PCT_NUL, q);
            if (q + 2 < c->len && b[q + 1] == '0' && ((b[q + 2] | 0x20) == 'd' || (b[q + 2] | 0x20) == 'a'))
                return req_fail(c, HS_REQ_TARGET_PCT_CRLF, q);
            q = q + 3 < c->len ? q + 3 : c->len;
        } else if (b[q] == '?') {
            if (*qmark == NONE)
                *qmark = q;
            q++;
        } else if (b[q] == '[' || b[q] == ']') {
            if (*bracket == NONE)
                *bracket = q;
            q++;
        } else {
            break;
        }
    }
    if (q > tlim || (q == tlim && q < c->len && b[q] != ' '))
        return req_fail(c, HS_REQ_TARGET_TOO_LONG, tlim);
    if (q >= c->len)
        return line_short(c, q, lim, 0);
    if (q >= lim)
        return req_fail(c, HS_REQ_LINE_TOO_LONG, lim);
    switch (b[q]) {
    case ' ':
        if (q == ts)
            return req_fail(c, HS_REQ_REQUEST_LINE_SPACE, q);
        return q;
    case '#':
        return req_fail(c, HS_REQ_TARGET_FRAGMENT, q);
    case '\t':
        return req_fail(c, HS_REQ_REQUEST_LINE_SPACE, q);
    case CR:
    case LF:
        return req_fail(c, q == ts ? HS_REQ_REQUEST_LINE_SPACE : HS_REQ_REQUEST_LINE_PARTS, q);
    default:
        return req_fail(c, HS_REQ_BAD_TARGET_CHAR, q);
    }
}

/* Returns 1 if the line from vs (after the SP that ended the request-target)
** ends, before end, with a further SP and a well-formed HTTP-version: then the
** earlier SP was whitespace inside the request-target (RFC 9112 §3.2). The
** caller guarantees vs <= end <= the input's length. */
static int version_ends_line(const unsigned char *b, size_t vs, size_t end)
{
    size_t e = vs;
    const unsigned char *v;
    while (e < end && !IS_EOL(b[e]))
        e++;
    if (e >= end || e - vs < 9)
        return 0;
    v = b + e - 8;
    return v[-1] == ' ' && memcmp(v, "HTTP/", 5) == 0 && IS_DIGIT(v[5]) && v[6] == '.' && IS_DIGIT(v[7]);
}

/* Parses the request line that starts at p (RFC 9112 §3). Returns the index
** after its CRLF, or FAIL. */
static size_t parse_request_line(struct ctx *c, size_t p)
{
    const unsigned char *b = c->b;
    struct hs_request *r = c->req;
    size_t lim = sat_add(p, c->lim->max_request_line);
    size_t end = lim < c->len ? lim : c->len;
    size_t q = p, te, vs, qmark = NONE, bracket = NONE;
    static const char http[] = "HTTP/";

    /* method = token; one that fills the line limit is longer than any implemented */
    q = scan_class(b, q, end, C_TCHAR);
    if (q >= end && !(q < c->len && IS_EOL(b[q]))) {
        if (q >= lim && q < c->len && IS(b[q], C_TCHAR))
            return req_fail(c, HS_REQ_METHOD_TOO_LONG, p);
        return line_short(c, q, lim, 0);
    }
    if (b[q] != ' ' || q == p) {
        if (IS_WS(b[q]))
            return req_fail(c, HS_REQ_REQUEST_LINE_SPACE, q);
        if (IS_EOL(b[q]))
            return req_fail(c, q == p ? HS_REQ_BAD_METHOD : HS_REQ_REQUEST_LINE_PARTS, q);
        return req_fail(c, HS_REQ_BAD_METHOD, q);
    }
    r->method.off = (uint32_t)p;
    r->method.len = (uint32_t)(q - p);

    te = scan_target(c, q + 1, lim, &qmark, &bracket);
    if (te == FAIL)
        return FAIL;

    /* HTTP-version = "HTTP" "/" DIGIT "." DIGIT, then CRLF */
    vs = te + 1;
    for (size_t i = 0; i < 8; i++) {
        q = vs + i;
        if (q >= c->len || q >= lim)
            return line_short(c, q, lim, 0);
        if (i < 5 ? b[q] == (unsigned char)http[i] : i == 6 ? b[q] == '.' : IS_DIGIT(b[q]))
            continue;
        if (i == 0 && IS_WS(b[q]))
            return req_fail(c, HS_REQ_REQUEST_LINE_SPACE, q);
        if (i == 0 && IS_EOL(b[q]))
            return req_fail(c, HS_REQ_REQUEST_LINE_PARTS, q);
        if (version_ends_line(b, vs, end))
            return req_fail(c, HS_REQ_TARGET_SPACE, te);
        return req_fail(c, HS_REQ_BAD_VERSION, q);
    }
    q = vs + 8;
    if (q >= c->len)
        return line_short(c, q, lim, 1);
    if (!IS_EOL(b[q]))
        return req_fail(c, IS_WS(b[q]) ? HS_REQ_REQUEST_LINE_SPACE : HS_REQ_BAD_VERSION, q);
    q = req_eol(c, q, HS_REQ_INCOMPLETE_LINE, HS_REQ_LINE_BEYOND_BUFFER);
    if (q == FAIL)
        return FAIL;
    r->version_major = b[vs + 5] - '0';
    r->version_minor = b[vs + 7] - '0';
    if (r->version_major != 1)
        return req_fail(c, HS_REQ_VERSION_NOT_SUPPORTED, vs + 5);

    r->target.off = (uint32_t)(p + r->method.len + 1);
    r->target.len = (uint32_t)(te - r->target.off);
    if (check_target(c, r->target.off, te, qmark, bracket) == FAIL)
        return FAIL;
    return q;
}

/* ---- field lines -------------------------------------------------------- */

/* The field scan stopped at q == min(lim, len) without a decision. Returns
** FAIL after recording 431 (past the limit) or running out. */
static size_t fields_short(struct ctx *c, size_t q, size_t lim, int trailer)
{
    if (q >= lim && q < c->len)
        return req_fail(c, HS_REQ_HEADERS_TOO_LARGE, lim);
    return req_run_out(c, trailer ? HS_REQ_INCOMPLETE_CHUNKED : HS_REQ_INCOMPLETE_HEADERS,
                   trailer ? HS_REQ_BODY_BEYOND_BUFFER : HS_REQ_HEADERS_BEYOND_BUFFER, -1);
}

/* Returns 1 when Content-Type values a[0..an) and b[0..bn) name the same
** media type: type/subtype compared without case (RFC 9110 §8.3.1), the
** parameters that follow byte for byte (a parameter's value may be
** case-sensitive, RFC 9110 §5.6.6). The caller guarantees both spans are
** readable. */
static int same_media_type(const unsigned char *a, size_t an, const unsigned char *b, size_t bn)
{
    size_t ta = 0, tb = 0;
    while (ta < an && a[ta] != ';' && a[ta] != ' ' && a[ta] != '\t')
        ta++;
    while (tb < bn && b[tb] != ';' && b[tb] != ' ' && b[tb] != '\t')
        tb++;
    return hs_ascii_ieq((const char *)a, ta, (const char *)b, tb) && an - ta == bn - tb && memcmp(a + ta, b + tb, an - ta) == 0;
}

/* Notes a header-section field whose framing, routing or content format
** matters, once its line req->headers[i] is complete: a Content-Length value
** is read at once (an invalid or conflicting one is 400 before the section
** ends), and a Content-Type that names another media type than the first
** one (same_media_type) is 400 (RFC 9110 §8.3: a singleton field; §5.3). Returns 0 or
** FAIL. */
static size_t note_field(struct ctx *c, const unsigned char *name, size_t n, uint32_t i)
{
    const struct hs_header *h = c->req->headers;
    switch (n) {
    case 4:
        if (NAME_IS(name, n, "host")) {
            if (c->host_n == 0)
                c->host1 = i;
            else if (c->host_n == 1)
                c->host2 = i;
            c->host_n++;
        }
        break;
    case 12:
        if (NAME_IS(name, n, "content-type")) {
            if (c->ct_n++ == 0)
                c->ct1 = i;
            else if (!same_media_type(c->b + h[i].value.off, h[i].value.len,
                                      c->b + h[c->ct1].value.off, h[c->ct1].value.len))
                return req_fail(c, HS_REQ_CONTENT_TYPE_CONFLICT, h[i].value.off);
        }
        break;
    case 14:
        if (NAME_IS(name, n, "content-length")) {
            if (c->cl_n++ == 0)
                c->cl1 = i;
            return body_cl_line(c, i);
        }
        break;
    case 17:
        if (NAME_IS(name, n, "transfer-encoding")) {
            if (c->te_n++ == 0)
                c->te1 = i;
        }
        break;
    default:
        break;
    }
    return 0;
}

/* See request.h. */
int hs_request_trailer_refused(const char *name, size_t n)
{
    static const char *const refused[] = {
        "content-length", "transfer-encoding", "trailer", "host", "authorization",
        "proxy-authorization", "content-type", "content-encoding", "content-range",
    };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
        if (hs_ascii_ieq(name, n, refused[i], strlen(refused[i])))
            return 1;
    return 0;
}

/* See request_internal.h (field lines of the header section, and of the
** trailer section for body.c). */
size_t req_fields(struct ctx *c, size_t p, uint32_t first, uint32_t max, int trailer, uint32_t *count)
{
    const unsigned char *b = c->b;
    struct hs_header *h = c->req->headers + first;
    size_t lim = sat_add(p, c->lim->max_header_section);
    size_t end = lim < c->len ? lim : c->len;
    int incomplete = trailer ? HS_REQ_INCOMPLETE_CHUNKED : HS_REQ_INCOMPLETE_HEADERS;
    int beyond = trailer ? HS_REQ_BODY_BEYOND_BUFFER : HS_REQ_HEADERS_BEYOND_BUFFER;
    uint32_t n = 0;

    *count = 0;
    for (;;) {
        size_t q = p, vs, ve;
        if (p >= c->len)
            return req_run_out(c, incomplete, beyond, -1);
        if (IS_EOL(b[p]))
            return req_eol(c, p, incomplete, beyond);
        if (p >= lim)
            return req_fail(c, HS_REQ_HEADERS_TOO_LARGE, lim);
        if (IS_WS(b[p]))
            return req_fail(c, n == 0 && !trailer ? HS_REQ_WS_AFTER_START_LINE : HS_REQ_OBS_FOLD, p);
        if (n >= max)
            return req_fail(c, HS_REQ_TOO_MANY_FIELDS, p);

        /* field-name ":" */
        q = scan_class(b, q, end, C_TCHAR);
        if (q >= end)
            return fields_short(c, q, lim, trailer);
        if (b[q] != ':') {
            if (IS_WS(b[q]))
                return req_fail(c, HS_REQ_WS_BEFORE_COLON, q);
            return req_fail(c, IS_EOL(b[q]) ? HS_REQ_FIELD_NO_COLON : HS_REQ_BAD_FIELD_NAME, q);
        }
        if (q == p)
            return req_fail(c, HS_REQ_FIELD_NAME_EMPTY, p);
        if (trailer && !c->trailers_as_is && hs_request_trailer_refused((const char *)b + p, q - p))
            return req_fail(c, HS_REQ_TRAILER_REFUSED, p);
        h[n].name.off = (uint32_t)p;
        h[n].name.len = (uint32_t)(q - p);

        /* OWS field-value OWS */
        q++;
        while (q < end && IS_WS(b[q]))
            q++;
        vs = q;
        q = scan_value(b, q, end);
        if (q >= end && !(q < c->len && IS_EOL(b[q])))
            return fields_short(c, q, lim, trailer);
        if (!IS_EOL(b[q]))
            return req_fail(c, b[q] == 0 ? HS_REQ_FIELD_NUL : HS_REQ_FIELD_CTL, q);
        ve = q;
        while (ve > vs && IS_WS(b[ve - 1]))
            ve--;
        h[n].value.off = (uint32_t)vs;
        h[n].value.len = (uint32_t)(ve - vs);
        q = req_eol(c, q, incomplete, beyond);
        if (q == FAIL)
            return FAIL;
        *count = ++n;
        if (!trailer && note_field(c, b + p, h[n - 1].name.len, first + n - 1) == FAIL)
            return FAIL;
        p = q;
    }
}

/* Decides Host and framing once the header section is complete; blank is
** the offset of the empty line that ends it. Returns 0 or FAIL. */
static size_t check_section(struct ctx *c, size_t blank)
{
    const unsigned char *b = c->b;
    struct hs_request *r = c->req;
    int v11 = r->version_minor >= 1;
    size_t hl, bad;

    /* Host (RFC 9112 §3.2) */
    if (c->host_n > 1)
        return req_fail(c, HS_REQ_HOST_DUPLICATE, r->headers[c->host2].name.off);
    if (c->host_n == 0 && v11)
        return req_fail(c, HS_REQ_HOST_MISSING, blank);
    if (c->host_n == 1) {
        const struct hs_header *h = &r->headers[c->host1];
        size_t e = (size_t)h->value.off + h->value.len;
        /* a comma is a sub-delim, but in this singleton field it means a list */
        for (size_t q = h->value.off; q < e; q++)
            if (b[q] == ',')
                return req_fail(c, HS_REQ_HOST_INVALID, q);
        bad = bad_authority(b, h->value.off, e, 0, &hl);
        if (bad != NONE)
            return req_fail(c, HS_REQ_HOST_INVALID, bad);
        /* origin- and asterisk-form take the host from Host (RFC 9112 §3.3) */
        if (hl == 0 && (r->form == HS_FORM_ORIGIN || r->form == HS_FORM_ASTERISK))
            return req_fail(c, HS_REQ_HOST_EMPTY, h->value.off);
    }

    /* framing (RFC 9112 §6.1, §6.3): body.c */
    return body_framing(c);
}

/* ---- entry points ------------------------------------------------------- */

/* See request.h. */
int hs_request_parse(const char *buf, size_t len, size_t total_len,
                     const struct hs_request_limits *limits,
                     struct hs_request *req, char *body, size_t body_cap)
{
    struct hs_request_limits lim = limits ? *limits : hs_request_default_limits();
    struct ctx c;
    size_t p = 0, q;
    uint32_t n;

    if (lim.max_headers > HS_REQUEST_MAX_HEADERS)
        lim.max_headers = HS_REQUEST_MAX_HEADERS;
    if (!buf)
        len = 0;
    if (len > MAX_INPUT)
        len = MAX_INPUT;
    if (total_len < len)
        total_len = len;

    memset(&c, 0, sizeof c);
    c.b = (const unsigned char *)buf;
    c.len = len;
    c.total = total_len;
    c.lim = &lim;
    c.req = req;
    c.body = body;
    c.body_cap = body_cap;

    req->result = HS_PARSE_OK;
    req->consumed = 0;
    req->missing = -1;
    req->method.off = req->method.len = 0;
    req->target = req->path = req->query = req->method;
    req->form = HS_FORM_ORIGIN;
    req->version_major = req->version_minor = 0;
    req->n_headers = 0;
    req->framing = HS_FRAMING_NONE;
    req->content_length = 0;
    req->body_len = 0;
    req->trailer_start = req->n_trailers = 0;
    req->status = 0;
    req->reason = HS_REQ_NONE;
    req->error_offset = 0;

    /* empty lines before the request line (RFC 9112 §2.2) */
    while (p < len && IS_EOL(c.b[p])) {
        p = req_eol(&c, p, HS_REQ_INCOMPLETE_LINE, HS_REQ_LINE_BEYOND_BUFFER);
        if (p == FAIL)
            return req->result;
    }
    if (p >= len) {
        req_run_out(&c, p == 0 ? HS_REQ_INCOMPLETE_EMPTY : HS_REQ_INCOMPLETE_LINE, HS_REQ_LINE_BEYOND_BUFFER, -1);
        return req->result;
    }

    p = parse_request_line(&c, p);
    if (p == FAIL)
        return req->result;
    q = req_fields(&c, p, 0, lim.max_headers, 0, &n);
    req->n_headers = n;
    if (q == FAIL)
        return req->result;
    req->trailer_start = n;
    if (check_section(&c, q - (c.b[q - 2] == CR ? 2 : 1)) == FAIL)
        return req->result;

    q = body_read(&c, q);
    if (q == FAIL)
        return req->result;
    req->consumed = (uint32_t)q;
    return req->result;
}

/* See request.h. */
int hs_header_find(const char *buf, const struct hs_header *h, uint32_t n_headers,
                   const char *name, uint32_t from)
{
    size_t n = strlen(name);
    for (uint32_t i = from; i < n_headers && i < HS_REQUEST_MAX_HEADERS; i++)
        if (hs_ascii_ieq(buf + h[i].name.off, h[i].name.len, name, n))
            return (int)i;
    return -1;
}

/* See request.h. */
int hs_request_find_header(const char *buf, const struct hs_request *req,
                           const char *name, uint32_t from)
{
    return hs_header_find(buf, req->headers, req->n_headers, name, from);
}
