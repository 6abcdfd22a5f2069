/*
** endpoints.c — the routes people expect of an HTTP test server, done the
** way RFC 9110 says: echoes (/anything, /headers, /cookies, /cookie,
** /echo), redirects (/redirect/{n}, /absolute-redirect/{n}), time
** (/delay/{s}), bytes (/bytes/{n}), validators (/etag/{etag}, /cache),
** credentials (/basic-auth/{user}/{pass}, /bearer) and fields chosen by
** the client (/response-headers?Name=value).
**
** Choices where httpbin is loose and the RFCs are not:
**  - Echoes list fields as [name, value] pairs in the order received, so a
**    repeated field is shown as sent, never merged into one value.
**  - /etag/{etag} and /cache evaluate preconditions with the server-wide
**    rules (RFC 9110 §13.2.2): 304 only for a matching If-None-Match (or an
**    If-Modified-Since not older than Last-Modified), 412 for a failed
**    If-Match; httpbin answers 304 to any If-None-Match at all.
**  - /basic-auth and /bearer answer 401 with a challenge (RFC 9110 §11.6.1);
**    a Bearer field that is not a token68 is 400 with error="invalid_request"
**    (RFC 6750 §3.1).
**  - /response-headers refuses (400) the fields the server itself writes to
**    frame and route the message (Content-Length, Transfer-Encoding,
**    Connection, Date, ...): a client choosing them would corrupt the
**    exchange, not test it.
**  - /delay/{s} says how long to wait (x->delay) and moves the clock: the
**    page's virtual clock jumps, `http-status serve` waits for real.
*/
#include "endpoints.h"

#include "core/digest.h"
#include "core/hs.h"
#include "core/json.h"
#include "http/httpdate.h"

#include <string.h>

#define DELAY_MAX 10    /* seconds /delay/{s} waits at most */
#define BYTES_MAX 4096  /* bytes /bytes/{n} sends at most */
#define SET_MAX 8       /* fields /response-headers sets at most */

/* ---- shared pieces ---------------------------------------------------------- */

/* Writes the member "headers": the request's header fields as [name, value]
** pairs, in order, while the JSON stays under budget bytes; then
** "headersTruncated": true if some were left out. */
static void fields_json(struct hs_ctx *c, struct hs_json *j, size_t budget)
{
    uint32_t i;
    hs_json_key(j, "headers");
    hs_json_arr(j);
    for (i = 0; i < c->req->n_headers && j->len < budget; i++) {
        hs_json_arr(j);
        hs_json_strn(j, c->in + c->req->headers[i].name.off, c->req->headers[i].name.len);
        hs_json_strn(j, c->in + c->req->headers[i].value.off, c->req->headers[i].value.len);
        hs_json_arr_end(j);
    }
    hs_json_arr_end(j);
    if (i < c->req->n_headers) {
        hs_json_key(j, "headersTruncated");
        hs_json_bool(j, 1);
    }
}

/* Calls pair(c, ctx, name, nn, value, vn) for every cookie-pair of every
** Cookie field line (RFC 6265 §4.2.1: pairs separated by ";"; whitespace
** around pairs and around "=" trimmed as a user agent does, §5.2); a piece
** without "=" or with an empty name is skipped. Returns the pairs seen. */
static int each_cookie(struct hs_ctx *c, void (*pair)(struct hs_ctx *, void *, const char *, size_t, const char *, size_t), void *ctx)
{
    int count = 0;
    for (int i = hs_request_find_header(c->in, c->req, "Cookie", 0); i >= 0 && (uint32_t)i < c->req->n_headers;
         i = hs_request_find_header(c->in, c->req, "Cookie", (uint32_t)i + 1)) {
        const char *v = c->in + c->req->headers[i].value.off;
        size_t n = c->req->headers[i].value.len, p = 0;
        while (p < n) {
            size_t s = p, e, eq;
            while (p < n && v[p] != ';')
                p++;
            e = p++;
            while (s < e && hs_is_ows(v[s]))
                s++;
            while (e > s && hs_is_ows(v[e - 1]))
                e--;
            for (eq = s; eq < e && v[eq] != '='; eq++)
                ;
            {
                size_t ne = eq, vs = eq + 1; /* whitespace around "=" is dropped (RFC 6265 §5.2 step 4-5) */
                while (ne > s && hs_is_ows(v[ne - 1]))
                    ne--;
                while (vs < e && hs_is_ows(v[vs]))
                    vs++;
                if (eq == e || ne == s)
                    continue;
                pair(c, ctx, v + s, ne - s, v + vs, e > vs ? e - vs : 0);
            }
            count++;
        }
    }
    return count;
}

static void cookie_json(struct hs_ctx *c, void *ctx, const char *name, size_t nn, const char *value, size_t vn)
{
    struct hs_json *j = ctx;
    (void)c;
    if (j->len > HS_RESPONSE_BODY - 512)
        return;
    hs_json_arr(j);
    hs_json_strn(j, name, nn);
    hs_json_strn(j, value, vn);
    hs_json_arr_end(j);
}

/* Text content built in c->res->body: appends s[0..n), cut at the end. */
/* Appends s[0..n) to the text content, which is declared charset=utf-8: a
** byte that is not part of valid UTF-8 goes out as U+FFFD, and what does not
** fit is cut between sequences, never inside one. */
static void text_append(struct hs_ctx *c, const char *s, size_t n)
{
    static const char replacement[3] = { '\xEF', '\xBF', '\xBD' };
    struct hs_response *r = c->res;
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t k = hs_utf8_valid_prefix(u + i, n - i), room = HS_RESPONSE_BODY - r->body_len;
        int full = k > room;
        if (full)
            for (k = room; k > 0 && (u[i + k] & 0xC0) == 0x80; k--)
                ;
        memcpy(r->body + r->body_len, s + i, k);
        r->body_len += (uint32_t)k;
        i += k;
        if (full || i == n)
            return;
        if (HS_RESPONSE_BODY - r->body_len < sizeof replacement)
            return;
        memcpy(r->body + r->body_len, replacement, sizeof replacement);
        r->body_len += sizeof replacement;
        i++;
    }
}

static void cookie_line(struct hs_ctx *c, void *ctx, const char *name, size_t nn, const char *value, size_t vn)
{
    (void)ctx;
    text_append(c, name, nn);
    text_append(c, "=", 1);
    text_append(c, value, vn);
    text_append(c, "\n", 1);
}

/* Finishes text content of c->res->body as text/plain. */
static void text_done(struct hs_ctx *c)
{
    hs_response_field_str(c->res, "Content-Type", "text/plain; charset=utf-8");
}

/* Writes the method, target and version members of the request. */
static void request_line_json(struct hs_ctx *c, struct hs_json *j)
{
    char v[8] = { 'H', 'T', 'T', 'P', '/', '1', '.', (char)('0' + (c->req->version_minor ? 1 : 0)) };
    hs_json_key(j, "method");
    hs_json_strn(j, c->in + c->req->method.off, c->req->method.len);
    hs_json_key(j, "target");
    hs_json_strn(j, c->in + c->req->target.off, c->req->target.len);
    hs_json_key(j, "version");
    hs_json_strn(j, v, sizeof v);
}

/* ---- echoes ------------------------------------------------------------------ */

/* See endpoints.h. */
void hs_ep_anything(struct hs_ctx *c)
{
    struct hs_json j;
    size_t room, shown;
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    request_line_json(c, &j);
    hs_json_key(&j, "path");
    hs_json_strn(&j, c->in + c->req->path.off, c->req->path.len);
    hs_json_key(&j, "query");
    hs_json_strn(&j, c->in + c->req->query.off, c->req->query.len);
    fields_json(c, &j, HS_RESPONSE_BODY / 2);
    /* an escaped byte takes at most 6 bytes (\u00XX): show what surely fits */
    room = j.len + 256 < HS_RESPONSE_BODY ? (HS_RESPONSE_BODY - j.len - 256) / 6 : 0;
    shown = c->body_len < room ? c->body_len : room;
    hs_json_key(&j, "body");
    hs_json_strn(&j, c->body, shown);
    hs_json_key(&j, "bodyLength");
    hs_json_int(&j, c->body_len);
    if (shown < c->body_len) {
        hs_json_key(&j, "bodyTruncated");
        hs_json_bool(&j, 1);
    }
    hs_json_obj_end(&j);
    hs_response_json_end(c->res, &j, NULL);
    hs_trace(c, "handler", "RFC 9110 §9.3", 200,
             "/anything answers every method with the request it received, as JSON: the request line, {0} field lines in the order sent, and {1} bytes of content.",
             KO(HS_EP_ANYTHING_1),
             HS_ARGS(hs_trace_num(c, c->req->n_headers), hs_trace_num(c, c->body_len)));
}

/* See endpoints.h. */
void hs_ep_headers(struct hs_ctx *c)
{
    struct hs_json j;
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    fields_json(c, &j, HS_RESPONSE_BODY - 1024);
    hs_json_obj_end(&j);
    hs_response_json_end(c->res, &j, NULL);
    hs_trace(c, "handler", "RFC 9110 §5.3", 200,
             "The {0} header field lines as [name, value] pairs in the order they came: a repeated field stays repeated, as RFC 9110 §5.3 lets a recipient see it.",
             KO(HS_EP_HEADERS_1),
             HS_ARGS(hs_trace_num(c, c->req->n_headers)));
}

/* See endpoints.h. */
void hs_ep_cookies(struct hs_ctx *c)
{
    struct hs_json j;
    int n;
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "cookies");
    hs_json_arr(&j);
    n = each_cookie(c, cookie_json, &j);
    hs_json_arr_end(&j);
    hs_json_obj_end(&j);
    hs_response_json_end(c->res, &j, NULL);
    hs_trace(c, "handler", "RFC 6265 §4.2.1", 200,
             "The Cookie field holds {0} name=value pairs, listed in order (a name may repeat: cookies with different paths share it).",
             KO(HS_EP_COOKIES_1),
             HS_ARGS(hs_trace_num(c, n)));
}

/* See endpoints.h. */
void hs_ep_cookie(struct hs_ctx *c)
{
    int n;
    hs_status(c, 200);
    n = each_cookie(c, cookie_line, NULL);
    text_done(c);
    hs_trace(c, "handler", "RFC 6265 §4.2.1", 200, "The {0} cookie pairs, one name=value per line, as text.",
             KO(HS_EP_COOKIE_1), HS_ARGS(hs_trace_num(c, n)));
}

/* See endpoints.h. */
void hs_ep_echo(struct hs_ctx *c)
{
    hs_status(c, 200);
    for (uint32_t i = 0; i < c->req->n_headers; i++) {
        text_append(c, c->in + c->req->headers[i].name.off, c->req->headers[i].name.len);
        text_append(c, ": ", 2);
        text_append(c, c->in + c->req->headers[i].value.off, c->req->headers[i].value.len);
        text_append(c, "\n", 1);
    }
    text_done(c);
    hs_trace(c, "handler", "RFC 9110 §5", 200, "The {0} header field lines, one Name: Value per line, as text.",
             KO(HS_EP_ECHO_1), HS_ARGS(hs_trace_num(c, c->req->n_headers)));
}

/* ---- redirects ------------------------------------------------------------------ */

/* Answers 302 to prefix + (n-1), or to /anything after the last hop;
** host (may be NULL) makes the Location absolute. */
static void hop(struct hs_ctx *c, const char *prefix, const char *host, size_t hn)
{
    char loc[320];
    size_t o = 0, pn = strlen(prefix);
    int64_t n = c->param;
    if (host) {
        memcpy(loc, "http://", 7);
        memcpy(loc + 7, host, hn);
        o = 7 + hn;
    }
    if (n > 1) {
        memcpy(loc + o, prefix, pn);
        o += pn;
        o += hs_decimal(n - 1, loc + o);
    } else {
        memcpy(loc + o, "/anything", 9);
        o += 9;
    }
    hs_status(c, 302);
    hs_response_field(c->res, "Location", loc, o);
    hs_response_content(c->res, NULL, "", 0);
    hs_trace(c, "handler", "RFC 9110 §15.4.3", 302,
             n > 1 ? "{0} hops to go: 302 with Location: {1}. A client that follows redirects comes back {2} more times before it lands on /anything."
                   : "The last hop: 302 with Location: {1}, which answers 200.",
             n > 1 ? KO(HOP_1)
                   : KO(HOP_2),
             HS_ARGS(hs_trace_num(c, n), ((struct hs_str){ loc, o }), hs_trace_num(c, n - 1)));
}

/* See endpoints.h. */
void hs_ep_redirect(struct hs_ctx *c)
{
    hop(c, "/redirect/", NULL, 0);
}

/* See endpoints.h. */
void hs_ep_absolute_redirect(struct hs_ctx *c)
{
    size_t hn = 0;
    const char *host = hs_field(c, "Host", &hn);
    if (!host || hn == 0 || hn > 255) {
        hs_trace(c, "handler", "RFC 9110 §7.2", 400,
                 "An absolute redirect names this server's authority, which comes from Host; the request has none (an HTTP/1.0 client may omit it): 400.",
                 KO(HS_EP_ABSOLUTE_REDIRECT_1),
                 HS_NOARGS);
        hs_problem(c, 400, "An absolute redirect needs the Host field.", KO(HS_EP_ABSOLUTE_REDIRECT_2));
        return;
    }
    hop(c, "/absolute-redirect/", host, hn);
}

/* ---- time and bytes ---------------------------------------------------------------- */

/* See endpoints.h. */
void hs_ep_delay(struct hs_ctx *c)
{
    struct hs_json j;
    int64_t s = c->param;
    if (s > DELAY_MAX) {
        hs_trace(c, "handler", "RFC 9110 §15.5.1", 400,
                 "/delay waits at most 10 s, and {0} s was asked: 400 (a test server that waits as long as asked is one request away from holding every connection).",
                 KO(HS_EP_DELAY_1),
                 HS_ARGS(hs_trace_num(c, s)));
        hs_problem(c, 400, "The delay is at most 10 seconds.", KO(HS_EP_DELAY_2));
        return;
    }
    c->x->delay = (uint32_t)s;
    c->s->clock += s;
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "delay");
    hs_json_int(&j, s);
    hs_json_obj_end(&j);
    hs_response_json_end(c->res, &j, NULL);
    hs_trace(c, "handler", "RFC 9110 §6.6.1", 200,
             "The handler waits {0} s before it answers 200: virtual seconds in the simulator, real ones in http-status serve. Date is the time after the wait.",
             KO(HS_EP_DELAY_3),
             HS_ARGS(hs_trace_num(c, s)));
}

/* Reads the decimal value of query parameter name (exact name, digits only, < 2^31); returns 0 or -1. */
static int query_int(const struct hs_ctx *c, const char *name, uint32_t *v)
{
    const char *q = c->in + c->req->query.off;
    size_t n = c->req->query.len, k = strlen(name), i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && q[e] != '&')
            e++;
        if (e - i > k + 1 && memcmp(q + i, name, k) == 0 && q[i + k] == '=' && e - i - k - 1 <= 9) {
            uint32_t x = 0;
            size_t d;
            for (d = i + k + 1; d < e && q[d] >= '0' && q[d] <= '9'; d++)
                x = x * 10 + (uint32_t)(q[d] - '0');
            if (d == e) {
                *v = x;
                return 0;
            }
        }
        i = e + 1;
    }
    return -1;
}

/* See endpoints.h. */
void hs_ep_bytes(struct hs_ctx *c)
{
    char buf[BYTES_MAX];
    int64_t n = c->param;
    uint32_t x = (uint32_t)n;
    if (n > BYTES_MAX) {
        hs_trace(c, "handler", "RFC 9110 §15.5.1", 400, "/bytes sends at most 4096 bytes, and {0} were asked: 400.",
                 KO(HS_EP_BYTES_1), HS_ARGS(hs_trace_num(c, n)));
        hs_problem(c, 400, "At most 4096 bytes.", KO(HS_EP_BYTES_2));
        return;
    }
    query_int(c, "seed", &x);
    x = x ? x : 1;
    for (int64_t i = 0; i < n; i++) { /* xorshift32: the same n and seed give the same bytes */
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        buf[i] = (char)(x >> 24);
    }
    hs_status(c, 200);
    hs_response_content(c->res, "application/octet-stream", buf, (size_t)n);
    hs_trace(c, "handler", "RFC 9110 §8.3", 200,
             "{0} pseudo-random bytes as application/octet-stream (the same n and ?seed= always give the same bytes).",
             KO(HS_EP_BYTES_3),
             HS_ARGS(hs_trace_num(c, n)));
}

/* ---- validators -------------------------------------------------------------------- */

/* Returns 1 for an etagc byte (RFC 9110 §8.8.3; obs-text left out). */
static int etagc(unsigned char ch)
{
    return ch == 0x21 || (ch >= 0x23 && ch <= 0x7e);
}

/* See endpoints.h. */
int hs_ep_etag_locate(struct hs_ctx *c, struct hs_validators *v)
{
    size_t n = c->text_len;
    int ok = n >= 1 && n + 2 <= sizeof c->scratch;
    for (size_t i = 0; ok && i < n; i++)
        ok = etagc((unsigned char)c->text[i]);
    if (!ok) {
        hs_trace(c, "locate", "RFC 9110 §8.8.3", 404,
                 "An entity-tag is 1 to 64 visible characters without a double quote; this path names none, so there is no such resource: 404.",
                 KO(HS_EP_ETAG_LOCATE_1),
                 HS_NOARGS);
        hs_problem(c, 404, "There is no resource at this path.", KO(HS_EP_ETAG_LOCATE_2));
        return 404;
    }
    c->scratch[0] = '"';
    memcpy(c->scratch + 1, c->text, n);
    c->scratch[n + 1] = '"';
    v->etag = c->scratch;
    v->etag_len = n + 2;
    return 0;
}

/* See endpoints.h. */
void hs_ep_etag(struct hs_ctx *c)
{
    struct hs_json j;
    size_t n = c->text_len + 2;
    hs_status(c, 200);
    hs_response_field(c->res, "ETag", c->scratch, n);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "etag");
    hs_json_strn(&j, c->scratch, n);
    hs_json_obj_end(&j);
    hs_response_json_end(c->res, &j, NULL);
    hs_trace(c, "handler", "RFC 9110 §8.8.3", 200,
             "The representation's entity-tag is {0}: 200 with ETag: {0}. Send it back in If-None-Match for a 304, or another one in If-Match for a 412.",
             KO(HS_EP_ETAG_1),
             HS_ARGS(((struct hs_str){ c->scratch, n })));
}

#define CACHE_ETAG "\"cache-1\""
#define CACHE_MODIFIED (HS_SERVER_EPOCH - 86400) /* a fixed time: the representation never changes */

/* See endpoints.h. */
int hs_ep_cache_locate(struct hs_ctx *c, struct hs_validators *v)
{
    (void)c;
    v->etag = CACHE_ETAG;
    v->etag_len = sizeof CACHE_ETAG - 1;
    v->modified = CACHE_MODIFIED;
    return 0;
}

/* See endpoints.h. */
void hs_ep_cache(struct hs_ctx *c)
{
    struct hs_json j;
    char date[HS_HTTP_DATE_LEN];
    hs_status(c, 200);
    hs_response_field_str(c->res, "ETag", CACHE_ETAG);
    hs_http_date_format(CACHE_MODIFIED, date);
    hs_response_field(c->res, "Last-Modified", date, sizeof date);
    hs_response_field_str(c->res, "Cache-Control", "public, max-age=60");
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "cached");
    hs_json_bool(&j, 1);
    hs_json_obj_end(&j);
    hs_response_json_end(c->res, &j, NULL);
    hs_trace(c, "handler", "RFC 9111 §5.2.2.1", 200,
             "200 with ETag, Last-Modified and Cache-Control: max-age=60: a cache may reuse it for a minute, then revalidate with If-None-Match or If-Modified-Since and get 304.",
             KO(HS_EP_CACHE_1),
             HS_NOARGS);
}

/* ---- credentials --------------------------------------------------------------------- */

/* Returns the credentials of an Authorization field of scheme (case-insensitive)
** and stores their length: the bytes after the scheme and one or more spaces.
** NULL without such a field; *other is set when a field of another scheme is there. */
static const char *credentials(struct hs_ctx *c, const char *scheme, size_t *n, int *other)
{
    size_t vn = 0, k = strlen(scheme), p;
    const char *v = hs_field(c, "Authorization", &vn);
    *other = 0;
    if (!v)
        return NULL;
    if (vn <= k || !hs_ascii_ieq(v, k, scheme, k) || v[k] != ' ') {
        *other = 1;
        return NULL;
    }
    for (p = k; p < vn && v[p] == ' '; p++)
        ;
    *n = vn - p;
    return v + p;
}

/* Decides 401 with the challenge of scheme; en/ko say why. */
static void challenge(struct hs_ctx *c, const char *rule, const char *value, const char *en, const char *ko)
{
    hs_trace(c, "handler", rule, 401, en, ko, HS_ARGS(hs_cstr(value)));
    hs_response_field_str(c->res, "WWW-Authenticate", value);
    hs_problem(c, 401, "Send the credentials this resource asks for in WWW-Authenticate.",
               KO(CHALLENGE_1));
}

/* See endpoints.h. */
int hs_ep_basic_auth_locate(struct hs_ctx *c, struct hs_validators *v)
{
    const char *slash = memchr(c->text, '/', c->text_len);
    size_t un = slash ? (size_t)(slash - c->text) : 0;
    (void)v;
    if (slash && un > 0 && un + 1 < c->text_len && !memchr(c->text, ':', un) && !memchr(slash + 1, '/', c->text_len - un - 1))
        return 0;
    hs_trace(c, "locate", "RFC 7617 §2", 404,
             "/basic-auth/{user}/{pass} needs a user (without a colon) and a password, one path segment each: no such resource, 404.",
             KO(HS_EP_BASIC_AUTH_LOCATE_1),
             HS_NOARGS);
    hs_problem(c, 404, "There is no resource at this path.", KO(HS_EP_BASIC_AUTH_LOCATE_2));
    return 404;
}

/* See endpoints.h. */
void hs_ep_basic_auth(struct hs_ctx *c)
{
    const char *slash = memchr(c->text, '/', c->text_len), *cred;
    size_t un = (size_t)(slash - c->text), pn = c->text_len - un - 1, n = 0;
    uint8_t plain[200];
    int other, got;
    struct hs_json j;
    static const char value[] = "Basic realm=\"basic-auth\", charset=\"UTF-8\"";
    cred = credentials(c, "Basic", &n, &other);
    got = cred ? hs_base64_decode(cred, n, plain, sizeof plain) : -1;
    if (got < 0 || (size_t)got != un + 1 + pn || memcmp(plain, c->text, un) != 0 || plain[un] != ':' ||
        memcmp(plain + un + 1, slash + 1, pn) != 0) {
        challenge(c, "RFC 7617 §2", value,
                  !cred ? (other ? "The Authorization field uses another scheme; this resource takes Basic: 401 with WWW-Authenticate: {0}."
                                 : "No credentials: 401 with WWW-Authenticate: {0}, which tells the client how to authenticate.")
                        : got < 0 ? "The Basic credentials are not canonical base64: 401 with WWW-Authenticate: {0}."
                                  : "The Basic credentials decode to another user or password: 401 with WWW-Authenticate: {0}.",
                  !cred ? (other ? KO(HS_EP_BASIC_AUTH_1)
                                 : KO(HS_EP_BASIC_AUTH_2))
                        : got < 0 ? KO(HS_EP_BASIC_AUTH_3)
                                  : KO(HS_EP_BASIC_AUTH_4));
        return;
    }
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "authenticated");
    hs_json_bool(&j, 1);
    hs_json_key(&j, "user");
    hs_json_strn(&j, c->text, un);
    hs_json_obj_end(&j);
    hs_response_json_end(c->res, &j, NULL);
    hs_trace(c, "handler", "RFC 7617 §2", 200, "The Basic credentials decode to {0} and the expected password: 200.",
             KO(HS_EP_BASIC_AUTH_5), HS_ARGS(((struct hs_str){ c->text, un })));
}

/* Returns 1 if s[0..n) is a token68 (RFC 9110 §11.2). */
static int token68(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
                     s[i] == '-' || s[i] == '.' || s[i] == '_' || s[i] == '~' || s[i] == '+' || s[i] == '/'))
        i++;
    if (i == 0)
        return 0;
    while (i < n && s[i] == '=')
        i++;
    return i == n;
}

/* See endpoints.h. */
void hs_ep_bearer(struct hs_ctx *c)
{
    size_t n = 0;
    int other;
    const char *tok = credentials(c, "Bearer", &n, &other);
    struct hs_json j;
    if (!tok) {
        challenge(c, "RFC 6750 §3", "Bearer realm=\"bearer\"",
                  other ? "The Authorization field uses another scheme; this resource takes a Bearer token: 401 with WWW-Authenticate: {0}."
                        : "No token: 401 with WWW-Authenticate: {0} (without an error code, as RFC 6750 §3.1 says for a request that sent none).",
                  other ? KO(HS_EP_BEARER_1)
                        : KO(HS_EP_BEARER_2));
        return;
    }
    if (!token68(tok, n)) {
        hs_trace(c, "handler", "RFC 6750 §3.1", 400,
                 "The Bearer credentials are not a token68: the request is malformed, 400 with error=\"invalid_request\".",
                 KO(HS_EP_BEARER_3), HS_NOARGS);
        hs_response_field_str(c->res, "WWW-Authenticate", "Bearer realm=\"bearer\", error=\"invalid_request\"");
        hs_problem(c, 400, "The Bearer token is malformed.", KO(HS_EP_BEARER_4));
        return;
    }
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "authenticated");
    hs_json_bool(&j, 1);
    hs_json_key(&j, "token");
    hs_json_strn(&j, tok, n);
    hs_json_obj_end(&j);
    hs_response_json_end(c->res, &j, NULL);
    hs_trace(c, "handler", "RFC 6750 §2.1", 200, "A Bearer token in the Authorization field; this resource accepts any well-formed one: 200.",
             KO(HS_EP_BEARER_5), HS_NOARGS);
}

/* ---- fields chosen by the client ---------------------------------------------------------- */

/* Fields the server writes itself to frame, date and route the message. */
static const char *const reserved_fields[] = {
    "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "Trailer",
    "TE", "Date", "Proxy-Connection", "Content-Encoding",
};

/* Returns 1 for a tchar (RFC 9110 §5.6.2). */
static int tchar(unsigned char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch && strchr("!#$%&'*+-.^_`|~", ch));
}

/* Percent-decodes s[0..n) into out (cap bytes); returns the length, or -1
** for a bad escape, a result that does not fit, or one holding a CTL other
** than HTAB (no CR, LF or NUL may reach a field line). */
static int unescape(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '%') {
            int v = 0;
            for (int k = 1; k <= 2; k++) {
                char h = i + (size_t)k < n ? s[i + (size_t)k] : 0;
                int d = h >= '0' && h <= '9' ? h - '0' : (h | 32) >= 'a' && (h | 32) <= 'f' ? (h | 32) - 'a' + 10 : -1;
                if (d < 0)
                    return -1;
                v = v * 16 + d;
            }
            ch = (unsigned char)v;
            i += 2;
        }
        if ((ch < 0x20 && ch != '\t') || ch == 0x7f || o >= cap)
            return -1;
        out[o++] = (char)ch;
    }
    return (int)o;
}

/* Decides 400 for /response-headers with the reason en/ko about field name[0..n). */
static void refuse_field(struct hs_ctx *c, const char *name, size_t n, const char *en, const char *ko)
{
    hs_trace(c, "handler", "RFC 9110 §5", 400, en, ko, HS_ARGS(((struct hs_str){ name, n })));
    hs_problem(c, 400, "A field in the query cannot be sent.", KO(REFUSE_FIELD_1));
}

/* See endpoints.h. */
void hs_ep_response_headers(struct hs_ctx *c)
{
    const char *q = c->in + c->req->query.off;
    size_t qn = c->req->query.len, i = 0;
    char names[SET_MAX][64], values[SET_MAX][256];
    int nl[SET_MAX], vl[SET_MAX], count = 0;
    struct hs_json j;
    while (i < qn) {
        size_t e = i, eq;
        while (e < qn && q[e] != '&')
            e++;
        for (eq = i; eq < e && q[eq] != '='; eq++)
            ;
        if (e > i) {
            if (count == SET_MAX)
                {
                refuse_field(c, q + i, eq - i, "More than 8 fields are asked for; {0} is one too many: 400.",
                                    KO(HS_EP_RESPONSE_HEADERS_1));
                return;
            }
            nl[count] = unescape(q + i, eq - i, names[count], sizeof names[count]);
            vl[count] = eq < e ? unescape(q + eq + 1, e - eq - 1, values[count], sizeof values[count]) : 0;
            if (nl[count] <= 0 || vl[count] < 0)
                {
                refuse_field(c, q + i, eq - i,
                                    "{0} is not a field this server can send: a name needs 1 to 64 bytes, a value at most 256, and neither may hold CR, LF, NUL or another control character: 400.",
                                    KO(HS_EP_RESPONSE_HEADERS_2));
                return;
            }
            for (int k = 0; k < nl[count]; k++)
                if (!tchar((unsigned char)names[count][k]))
                    {
                refuse_field(c, names[count], (size_t)nl[count], "{0} is not a token, so it cannot be a field name (RFC 9110 §5.1): 400.",
                                        KO(HS_EP_RESPONSE_HEADERS_3));
                return;
            }
            for (size_t k = 0; k < sizeof reserved_fields / sizeof *reserved_fields; k++)
                if (hs_ieq(names[count], (size_t)nl[count], reserved_fields[k]))
                    {
                refuse_field(c, names[count], (size_t)nl[count],
                                        "{0} is written by the server itself to frame, date or route the message; a client choosing it would corrupt the exchange: 400.",
                                        KO(HS_EP_RESPONSE_HEADERS_4));
                return;
            }
            count++;
        }
        i = e + 1;
    }
    hs_status(c, 200);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "headers");
    hs_json_arr(&j);
    for (int k = 0; k < count; k++) {
        hs_json_arr(&j);
        hs_json_strn(&j, names[k], (size_t)nl[k]);
        hs_json_strn(&j, values[k], (size_t)vl[k]);
        hs_json_arr_end(&j);
    }
    hs_json_arr_end(&j);
    hs_json_obj_end(&j);
    hs_response_json_end(c->res, &j, NULL);
    for (int k = 0; k < count; k++) {
        if (hs_ieq(names[k], (size_t)nl[k], "Content-Type"))
            hs_response_set(c->res, "Content-Type", values[k], (size_t)vl[k]); /* replaces application/json */
        else
            hs_response_field_named(c->res, names[k], (size_t)nl[k], values[k], (size_t)vl[k]);
    }
    hs_trace(c, "handler", "RFC 9110 §5", 200, "200 with the {0} fields the query names, each after the server's own.",
             KO(HS_EP_RESPONSE_HEADERS_5), HS_ARGS(hs_trace_num(c, count)));
}
