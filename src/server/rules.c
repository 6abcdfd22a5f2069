/*
** rules.c — the server-wide rules of the simulated server, in the order a
** strict server applies them once a request is parsed (RFC 9110):
**
**   language   Accept-Language picks the language of messages (never fails)
**   method     a method the server does not implement: 501 (§9.1, §15.6.2)
**   expect     an expectation other than 100-continue: 417 (§10.1.1)
**   route      no resource at the path: 404 (§15.5.5)
**   allow      the resource does not support the method: 405 + Allow (§15.5.6)
**   auth       no or bad credentials: 401 + WWW-Authenticate; not enough: 403 (§11, RFC 6750)
**   negotiate  Accept excludes application/json: 406 (§12.5.1)
**   content    content needed but not framed: 411; not JSON: 415 (§15.5.12, §15.5.16)
**   rate-limit too many requests in the window: 429 + Retry-After (RFC 6585 §4)
**   maintenance  the app is down for maintenance: 503 + Retry-After (§15.6.4)
**   locate     the resource the path names is gone or absent: 410 / 404
**   conditions If-Match / If-Unmodified-Since / If-None-Match / If-Modified-Since:
**              412 or 304 (§13.2.2)
**   continue   Expect: 100-continue honoured: interim 100 (§10.1.1)
**   handler    the route's own answer
**
** Preconditions come last on purpose: RFC 9110 §13.2.1 says a server MUST
** ignore them when the request without them would not have been a 2xx, so
** every check that can fail before the method runs goes first. The 100
** (Continue) comes after every check that needs only the head, so a client
** that waits for it never uploads content that would be refused. OPTIONS
** skips authentication, negotiation, content and preconditions: it asks
** what the resource supports, which is public (and what CORS preflights rely on).
*/
#include "routes.h"
#include "core/hs.h"

#include "http/httpdate.h"
#include "core/json.h"

#include <string.h>

/* ---- media types (RFC 9110 §5.6.6, §8.3.1) --------------------------------------- */

/* Returns the end of the type/subtype at the start of v[0..n): the first
** ';' or OWS. */
static size_t type_end(const char *v, size_t n)
{
    size_t t = 0;
    while (t < n && v[t] != ';' && !hs_is_ows(v[t]))
        t++;
    return t;
}

/* Reads the next parameter of p[*i..n), the parameters after a media type:
** skips OWS and ';', then sets [*s, *e) to the parameter up to the next ';'
** without its trailing OWS, and *i past it. Returns 0 when none is left. */
static int next_param(const char *p, size_t n, size_t *i, size_t *s, size_t *e)
{
    size_t k = *i;
    while (k < n && (hs_is_ows(p[k]) || p[k] == ';'))
        k++;
    *i = k;
    if (k >= n)
        return 0;
    *s = k;
    while (k < n && p[k] != ';')
        k++;
    *i = *e = k;
    while (*e > *s && hs_is_ows(p[*e - 1]))
        (*e)--;
    return 1;
}

/* ---- weights (q-values) --------------------------------------------------- */

/* Reads the q parameter among the parameters p[0..n) (after the first ';');
** returns 0..1000, or -1 if a q is malformed (RFC 9110 §12.4.2). */
static int qvalue(const char *p, size_t n)
{
    size_t i = 0, s, e;
    while (next_param(p, n, &i, &s, &e)) {
        if (e - s >= 2 && hs_ascii_lower(p[s]) == 'q' && p[s + 1] == '=') {
            const char *v = p + s + 2;
            size_t k = e - s - 2, d;
            int q;
            if (k == 0 || (v[0] != '0' && v[0] != '1'))
                return -1;
            q = (v[0] - '0') * 1000;
            if (k > 1) {
                if (v[1] != '.' || k > 5)
                    return -1;
                for (d = 2; d < k; d++) {
                    static const int scale[] = { 100, 10, 1 };
                    if (v[d] < '0' || v[d] > '9' || (v[0] == '1' && v[d] != '0'))
                        return -1;
                    q += (v[d] - '0') * scale[d - 2];
                }
            }
            return q;
        }
    }
    return 1000;
}

/* ---- language ------------------------------------------------------------- */

/* Picks en or ko from Accept-Language (RFC 9110 §12.5.4; a range matches a
** language when its primary subtag is that language, or is "*"). The
** default is the caller's language; never an error (a server may ignore
** the field rather than send 406). */
static void step_language(struct hs_ctx *c)
{
    int line = -1, q[2] = { -1, -1 }, star = -1;
    size_t pos = 0, n;
    const char *el;
    static const char *const names[] = { "English", "Korean" };
    static const char *const names_ko[] = { "영어", "한국어" };
    if (!hs_field_count(c, "Accept-Language"))
        return;
    while (hs_field_next(c, "Accept-Language", &line, &pos, &el, &n)) {
        size_t tag = 0;
        int w;
        while (tag < n && el[tag] != ';' && !hs_is_ows(el[tag]))
            tag++;
        w = qvalue(el + tag, n - tag);
        if (w < 0)
            continue;
        if (tag == 1 && el[0] == '*')
            star = w > star ? w : star;
        else if (tag >= 2 && (tag == 2 || el[2] == '-')) {
            int which = hs_ieq(el, 2, "en") ? 0 : hs_ieq(el, 2, "ko") ? 1 : -1;
            if (which >= 0 && w > q[which])
                q[which] = w;
        }
    }
    for (int i = 0; i < 2; i++)
        if (q[i] < 0)
            q[i] = star < 0 ? 0 : star;
    c->lang_negotiated = 1;
    if (q[0] == 0 && q[1] == 0) {
        hs_trace(c, "language", "RFC 9110 §12.5.4", 0,
                 "Accept-Language names neither English nor Korean; rather than refuse (406), the server answers in its default language, {0}.",
                 KO(LANGUAGE_1),
                 HS_ARGS(hs_cstr(names[c->lang]), hs_cstr(names_ko[c->lang])));
        return;
    }
    if (q[0] != q[1])
        c->lang = q[1] > q[0] ? HS_LANG_KO : HS_LANG_EN;
    hs_trace(c, "language", "RFC 9110 §12.5.4", 0,
             "Accept-Language weighs English {0} and Korean {1}: messages are in {2}.",
             KO(LANGUAGE_2),
             HS_ARGS(hs_trace_num(c, q[0]), hs_trace_num(c, q[1]), hs_cstr(names[c->lang]), hs_cstr(names_ko[c->lang])));
}

/* ---- method ----------------------------------------------------------------- */

/* method: 501 for a method the server does not implement (CONNECT included). Returns 1 to go on. */
static int step_method(struct hs_ctx *c)
{
    struct hs_str m = hs_span_str(c, c->req->method);
    for (size_t i = 0; i < hs_method_count; i++)
        if (m.n == strlen(hs_methods[i].name) && memcmp(m.p, hs_methods[i].name, m.n) == 0)
            c->method = hs_methods[i].bit;
    c->head = c->method == M_HEAD;
    if (c->method == M_CONNECT) {
        hs_trace(c, "method", "RFC 9110 §9.3.6", 501,
                 "CONNECT asks for a tunnel, which only a proxy provides. This origin server does not implement it: 501.",
                 KO(METHOD_1), HS_NOARGS);
        hs_problem(c, 501, "This server does not implement CONNECT: it is not a proxy.",
                   KO(METHOD_2));
        return 0;
    }
    if (!c->method) {
        int lower_case = 0;
        for (size_t i = 0; i < hs_method_count; i++)
            lower_case |= hs_ieq(m.p, m.n, hs_methods[i].name);
        hs_trace(c, "method", "RFC 9110 §9.1", 501,
                 lower_case ? "{0} is not a method this server knows: method names are case-sensitive, so it is not GET or POST. An unknown method gets 501 before any route is looked at."
                            : "{0} is not a method this server knows. An unknown method gets 501 before any route is looked at, since no resource could support it.",
                 lower_case ? KO(METHOD_3)
                            : KO(METHOD_4),
                 HS_ARGS(m));
        hs_problem(c, 501, "The server does not implement this method.", KO(METHOD_5));
        return 0;
    }
    hs_trace(c, "method", "RFC 9110 §9.1", 0, "{0} is a method this server implements.",
             KO(METHOD_6), HS_ARGS(m));
    return 1;
}

/* ---- expectation ------------------------------------------------------------ */

/* expect: 417 for an expectation other than 100-continue; notes 100-continue. Returns 1 to go on. */
static int step_expect(struct hs_ctx *c)
{
    int line = -1;
    size_t pos = 0, n;
    const char *el;
    if (!hs_field_count(c, "Expect"))
        return 1;
    if (c->req->version_minor == 0 && c->req->version_major == 1) {
        hs_trace(c, "expect", "RFC 9110 §10.1.1", 0,
                 "An HTTP/1.0 client cannot receive 100 (Continue), so the server ignores its Expect field.",
                 KO(EXPECT_1), HS_NOARGS);
        return 1;
    }
    while (hs_field_next(c, "Expect", &line, &pos, &el, &n)) {
        if (n == 0)
            continue;
        if (hs_ieq(el, n, "100-continue")) {
            c->expect_continue = 1;
            continue;
        }
        hs_trace(c, "expect", "RFC 9110 §10.1.1", 417,
                 "The client expects \"{0}\", which this server cannot meet (it knows only 100-continue): 417.",
                 KO(EXPECT_2),
                 HS_ARGS(((struct hs_str){ el, n })));
        hs_problem(c, 417, "The only expectation this server supports is 100-continue.",
                   KO(EXPECT_3));
        return 0;
    }
    if (c->expect_continue)
        hs_trace(c, "expect", "RFC 9110 §10.1.1", 0,
                 "Expect: 100-continue: the client waits for a go-ahead before sending content. The server answers 100 once every check that needs only the head has passed.",
                 KO(EXPECT_4),
                 HS_NOARGS);
    return 1;
}

/* ---- route ------------------------------------------------------------------- */

/* Decodes the percent-encoded path into c->path; returns 0, or -1 if it is
** too long (no route is that long) or decodes to a NUL or a '/'. */
static int decode_path(struct hs_ctx *c)
{
    const char *p = c->in + c->req->path.off;
    size_t n = c->req->path.len, o = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = p[i];
        if (ch == '%' && i + 2 < n) {
            int hi = p[i + 1], lo = p[i + 2], v = 0;
            for (int k = 0; k < 2; k++) {
                int h = k ? lo : hi;
                v = v * 16 + (h >= '0' && h <= '9' ? h - '0' : (h | 32) - 'a' + 10);
            }
            if (v == 0 || v == '/')
                return -1; /* an encoded slash is data, not a separator: no route takes it */
            ch = (char)v;
            i += 2;
        }
        if (o >= sizeof c->path)
            return -1;
        c->path[o++] = ch;
    }
    c->path_len = o;
    return 0;
}

/* Reads a Flask-style int parameter: digits, no sign, no leading zero, 1..2^31-1. */
static int read_int(const char *s, size_t n, int64_t *v)
{
    *v = 0;
    if (n == 0 || n > 10 || (s[0] == '0'))
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        *v = *v * 10 + (s[i] - '0');
    }
    return *v <= 0x7fffffff ? 0 : -1;
}

/* Returns the route matching c->path (and sets c->param), or NULL. */
static const struct hs_route *match(struct hs_ctx *c)
{
    for (int i = 0; i < c->app->n_routes; i++) {
        const struct hs_route *r = &c->app->routes[i];
        const char *brace = strchr(r->pattern, '{');
        size_t lit = brace ? (size_t)(brace - r->pattern) : strlen(r->pattern);
        if (c->path_len < lit || memcmp(c->path, r->pattern, lit) != 0)
            continue;
        if (!brace) {
            if (c->path_len == lit)
                return r;
            continue;
        }
        if (r->flags & R_PARAM_TEXT) {
            if (c->path_len > lit && c->path_len - lit <= 128) {
                c->text = c->path + lit;
                c->text_len = c->path_len - lit;
                return r;
            }
        } else if (r->flags & R_PARAM_CODE) {
            int64_t v;
            if (c->path_len - lit == 3 && read_int(c->path + lit, 3, &v) == 0 && v >= 100 && v <= 599) {
                c->param = v;
                return r;
            }
        } else if (read_int(c->path + lit, c->path_len - lit, &c->param) == 0)
            return r;
    }
    return NULL;
}

/* route: finds the resource, or 404. Returns 1 to go on. */
static int step_route(struct hs_ctx *c)
{
    struct hs_str path = hs_span_str(c, c->req->path);
    if (c->req->form == HS_FORM_ASTERISK) {
        for (int i = 0; i < c->app->n_routes; i++)
            if (c->app->routes[i].flags & R_ASTERISK)
                c->route = &c->app->routes[i];
        hs_trace(c, "route", "RFC 9112 §3.2.4", 0,
                 "OPTIONS * asks about the server as a whole, not about one resource.",
                 KO(ROUTE_1), HS_NOARGS);
        return 1;
    }
    if (decode_path(c) == 0 && (c->route = match(c)) != NULL) {
        hs_trace(c, "route", "RFC 9110 §7.1", 0, "{0} is the resource {1}.", KO(ROUTE_2),
                 HS_ARGS(path, hs_cstr(c->route->pattern)));
        return 1;
    }
    if (path.n > 7 && memcmp(path.p, "/items/", 7) == 0)
        hs_trace(c, "route", "RFC 9110 §15.5.5", 404,
                 "{0} matches no route: /items/{id} takes a positive integer without leading zeros, as Flask's int converter, so anything else is simply not a resource here.",
                 KO(ROUTE_3),
                 HS_ARGS(path));
    else
        hs_trace(c, "route", "RFC 9110 §15.5.5", 404, "No resource lives at {0}: 404.",
                 KO(ROUTE_4), HS_ARGS(path));
    hs_problem(c, 404, "There is no resource at this path.", KO(ROUTE_5));
    return 0;
}

/* ---- method allowed ------------------------------------------------------------ */

/* allow: 405 with Allow when the resource does not support the method. Returns 1 to go on. */
static int step_allow(struct hs_ctx *c)
{
    char allow[96];
    size_t n = hs_allow(c->route->methods, allow, sizeof allow);
    unsigned m = c->route->methods | M_OPTIONS | ((c->route->methods & M_GET) ? M_HEAD : 0);
    if (m & (unsigned)c->method) {
        hs_trace(c, "allow", "RFC 9110 §9.1", 0, "{0} supports {1}.", KO(ALLOW_1),
                 HS_ARGS(hs_cstr(c->route->pattern), hs_span_str(c, c->req->method)));
        return 1;
    }
    if (c->method == M_TRACE)
        hs_trace(c, "allow", "RFC 9110 §9.3.8", 405,
                 "TRACE would echo the request, credentials included, back to the client; this server turns it off on every resource: 405 with Allow.",
                 KO(ALLOW_2),
                 HS_NOARGS);
    else
        hs_trace(c, "allow", "RFC 9110 §15.5.6", 405,
                 "{0} exists but does not support {1}: 405, and Allow lists what it does support ({2}).",
                 KO(ALLOW_3),
                 HS_ARGS(hs_cstr(c->route->pattern), hs_span_str(c, c->req->method), ((struct hs_str){ allow, n })));
    hs_response_field(c->res, "Allow", allow, n);
    hs_problem(c, 405, "This resource does not support this method; see Allow.",
               KO(ALLOW_4));
    return 0;
}

/* ---- authentication ---------------------------------------------------------------- */

/* auth: 401 with a challenge without valid credentials, 403 for a user on an admin resource. Returns 1 to go on. */
static int step_auth(struct hs_ctx *c)
{
    size_t n = 0, k = 0;
    const char *v;
    int admin_only = (c->route->flags & R_AUTH_ADMIN) != 0;
    struct hs_str token = { "", 0 };
    if (!(c->route->flags & (R_AUTH_USER | R_AUTH_ADMIN))) {
        hs_trace(c, "auth", "RFC 9110 §11", 0, "{0} is public: no credentials needed.", KO(AUTH_1),
                 HS_ARGS(hs_cstr(c->route->pattern)));
        return 1;
    }
    v = hs_field(c, "Authorization", &n);
    if (v) {
        while (k < n && v[k] != ' ')
            k++;
        if (hs_ieq(v, k, "bearer")) {
            size_t t = k;
            while (t < n && v[t] == ' ')
                t++;
            token = (struct hs_str){ v + t, n - t };
            if (token.n == 10 && memcmp(token.p, "user-token", 10) == 0)
                c->role = 1;
            else if (token.n == 11 && memcmp(token.p, "admin-token", 11) == 0)
                c->role = 2;
        }
    }
    if (!c->role) {
        const char *challenge = !v ? "Bearer realm=\"explorer\""
                              : hs_ieq(v, k, "bearer") ? "Bearer realm=\"explorer\", error=\"invalid_token\""
                                                       : "Bearer realm=\"explorer\"";
        if (!v)
            hs_trace(c, "auth", "RFC 9110 §11.6.1", 401,
                     "{0} needs credentials and the request has no Authorization field: 401, with a WWW-Authenticate challenge saying how to authenticate.",
                     KO(AUTH_2),
                     HS_ARGS(hs_cstr(c->route->pattern)));
        else if (hs_ieq(v, k, "bearer"))
            hs_trace(c, "auth", "RFC 6750 §3.1", 401,
                     "The bearer token is not valid here: 401 with error=\"invalid_token\". Valid tokens in this simulation are user-token and admin-token.",
                     KO(AUTH_3),
                     HS_NOARGS);
        else
            hs_trace(c, "auth", "RFC 9110 §11.6.2", 401,
                     "The Authorization field uses a scheme this resource does not accept; the challenge names the one it does (Bearer): 401.",
                     KO(AUTH_4),
                     HS_NOARGS);
        hs_response_field_str(c->res, "WWW-Authenticate", challenge);
        hs_problem(c, 401, "Authentication is required: send Authorization: Bearer <token>.",
                   KO(AUTH_5));
        return 0;
    }
    if (admin_only && c->role != 2) {
        hs_trace(c, "auth", "RFC 9110 §15.5.4", 403,
                 "The user is authenticated but is not an admin. New credentials of the same user would not help, so this is 403, not 401.",
                 KO(AUTH_6),
                 HS_NOARGS);
        hs_response_field_str(c->res, "WWW-Authenticate", "Bearer realm=\"explorer\", error=\"insufficient_scope\"");
        hs_problem(c, 403, "Admin rights are required.", KO(AUTH_7));
        return 0;
    }
    hs_trace(c, "auth", "RFC 9110 §11.4", 0, "The bearer token identifies {0}, which may use {1}.",
             KO(AUTH_8),
             HS_ARGS(hs_cstr(c->role == 2 ? "an admin" : "a user"), hs_cstr(c->route->pattern), hs_cstr(c->role == 2 ? KO(AUTH_9) : KO(AUTH_10))));
    return 1;
}

/* ---- content negotiation ------------------------------------------------------------ */

/* Returns the weight Accept gives application/json (RFC 9110 §12.5.1: the
** most specific matching range decides), 1000 without Accept, -1 when the
** field has no element this server can read (it is then ignored). */
static int json_weight(struct hs_ctx *c)
{
    int line = -1, best_spec = 0, weight = 0, readable = 0;
    size_t pos = 0, n;
    const char *el;
    if (!hs_field_count(c, "Accept"))
        return 1000;
    while (hs_field_next(c, "Accept", &line, &pos, &el, &n)) {
        size_t t = type_end(el, n), slash;
        int spec, q;
        for (slash = 0; slash < t && el[slash] != '/'; slash++)
            ;
        if (slash == 0 || slash >= t - 1 || (q = qvalue(el + t, n - t)) < 0)
            continue;
        readable = 1;
        if (hs_ieq(el, t, "application/json"))
            spec = 3;
        else if (hs_ieq(el, t, "application/*"))
            spec = 2;
        else if (hs_ieq(el, t, "*/*"))
            spec = 1;
        else
            continue;
        if (spec > best_spec || (spec == best_spec && q > weight)) {
            best_spec = spec;
            weight = q;
        }
    }
    return readable ? weight : -1;
}

/* negotiate: 406 when Accept rules out application/json. Returns 1 to go on. */
static int step_negotiate(struct hs_ctx *c)
{
    int w;
    if (!(c->route->flags & R_JSON_OUT)) {
        hs_trace(c, "negotiate", "RFC 9110 §12.1", 0, "{0} has a single way to answer; there is nothing to negotiate.",
                 KO(NEGOTIATE_1), HS_ARGS(hs_cstr(c->route->pattern)));
        return 1;
    }
    w = json_weight(c);
    if (w == 0) {
        size_t n;
        const char *v = hs_field(c, "Accept", &n);
        hs_trace(c, "negotiate", "RFC 9110 §12.5.1", 406,
                 "{0} only has an application/json representation and Accept ({1}) rules it out. A strict server says so with 406 instead of sending what the client refused.",
                 KO(NEGOTIATE_2),
                 HS_ARGS(hs_cstr(c->route->pattern), ((struct hs_str){ v, n })));
        hs_problem(c, 406, "This resource is only available as application/json.",
                   KO(NEGOTIATE_3));
        return 0;
    }
    if (w < 0)
        hs_trace(c, "negotiate", "RFC 9110 §12.5.1", 0,
                 "The Accept field has no media range the server can read, so it is treated as absent: any type is acceptable.",
                 KO(NEGOTIATE_4), HS_NOARGS);
    else if (hs_field_count(c, "Accept"))
        hs_trace(c, "negotiate", "RFC 9110 §12.5.1", 0, "Accept allows application/json (weight {0}/1000).",
                 KO(NEGOTIATE_5), HS_ARGS(hs_trace_num(c, w)));
    else
        hs_trace(c, "negotiate", "RFC 9110 §12.5.1", 0, "No Accept field: any media type will do, so application/json it is.",
                 KO(NEGOTIATE_6), HS_NOARGS);
    return 1;
}

/* ---- content ----------------------------------------------------------------------- */

/* Returns 1 if the Content-Type value v[0..n) is application/json with no
** charset or charset=utf-8 (RFC 8259 §8.1: JSON exchanged between systems
** is UTF-8). */
static int is_json_type(const char *v, size_t n)
{
    size_t t = type_end(v, n), s, e;
    if (!hs_ieq(v, t, "application/json"))
        return 0;
    while (next_param(v, n, &t, &s, &e)) {
        if (e - s >= 8 && hs_ieq(v + s, 8, "charset=")) {
            const char *cs = v + s + 8;
            size_t k = e - s - 8;
            if (k >= 2 && cs[0] == '"' && cs[k - 1] == '"')
                cs++, k -= 2;
            if (!hs_ieq(cs, k, "utf-8"))
                return 0;
        }
    }
    return 1;
}

/* content: 411 without framing, 400 for two Content-Types, 415 for anything but JSON. Returns 1 to go on. */
static int step_content(struct hs_ctx *c)
{
    size_t n = 0;
    const char *type;
    if (!(c->route->json_in & (unsigned)c->method)) {
        if (c->route->flags & R_ANY_CONTENT)
            hs_trace(c, "content", "RFC 9110 §6.4", 0, "{0} reads any content with any method: {1} bytes.",
                     KO(CONTENT_1),
                     HS_ARGS(hs_cstr(c->route->pattern), hs_trace_num(c, c->body_len)));
        else if (c->req->framing != HS_FRAMING_NONE && c->method != M_POST)
            hs_trace(c, "content", "RFC 9110 §9.3.1", 0, "{0} {1} does not use content; the {2} bytes sent are read and ignored.",
                     KO(CONTENT_2),
                     HS_ARGS(hs_span_str(c, c->req->method), hs_cstr(c->route->pattern), hs_trace_num(c, c->body_len)));
        return 1;
    }
    if (c->req->framing == HS_FRAMING_NONE) {
        hs_trace(c, "content", "RFC 9110 §15.5.12", 411,
                 "{0} {1} needs JSON content, but the request has neither Content-Length nor Transfer-Encoding, so it has no content at all. This server requires a length: 411.",
                 KO(CONTENT_3),
                 HS_ARGS(hs_span_str(c, c->req->method), hs_cstr(c->route->pattern)));
        hs_problem(c, 411, "Send the JSON content with a Content-Length.", KO(CONTENT_4));
        return 0;
    }
    if (hs_field_count(c, "Content-Type") > 1) {
        hs_trace(c, "content", "RFC 9110 §8.3", 400,
                 "Content-Type appears more than once; a representation has one media type, so the request is malformed: 400.",
                 KO(CONTENT_5), HS_NOARGS);
        hs_problem(c, 400, "Send exactly one Content-Type.", KO(CONTENT_6));
        return 0;
    }
    type = hs_field(c, "Content-Type", &n);
    if (!type || !is_json_type(type, n)) {
        hs_trace(c, "content", "RFC 9110 §15.5.16", 415,
                 type ? "The content is {0}, but {1} reads only application/json (UTF-8): 415, before the server even looks at the bytes."
                      : "The content has no Content-Type, so it counts as application/octet-stream; {1} reads only application/json: 415.",
                 type ? KO(CONTENT_7)
                      : KO(CONTENT_8),
                 HS_ARGS(((struct hs_str){ type ? type : "", n }), hs_cstr(c->route->pattern)));
        if (c->method == M_POST) /* RFC 9110 §15.5.16 suggests saying what would be accepted */
            hs_response_field_str(c->res, "Accept-Post", "application/json");
        hs_problem(c, 415, "Send the content as application/json.", KO(CONTENT_9));
        return 0;
    }
    hs_trace(c, "content", "RFC 9110 §8.3", 0, "The content is application/json, as {0} requires.",
             KO(CONTENT_10), HS_ARGS(hs_cstr(c->route->pattern)));
    return 1;
}

/* ---- rate limit and maintenance --------------------------------------------------------- */

/* rate-limit: counts the request in the fixed window, or 429 with Retry-After. Returns 1 to go on. */
static int step_rate(struct hs_ctx *c)
{
    struct hs_server_state *s = c->s;
    int64_t left;
    if (!s->rate_limit)
        return 1;
    if (s->clock >= s->rate_start + s->rate_window || s->clock < s->rate_start) {
        s->rate_start = s->clock;
        s->rate_used = 0;
    }
    left = s->rate_start + s->rate_window - s->clock;
    if (s->rate_used >= s->rate_limit) {
        hs_trace(c, "rate-limit", "RFC 6585 §4", 429,
                 "This client has used all {0} requests of its {1} s window; the window resets in {2} s: 429 with Retry-After: {2}.",
                 KO(RATE_1),
                 HS_ARGS(hs_trace_num(c, s->rate_limit), hs_trace_num(c, s->rate_window), hs_trace_num(c, left)));
        hs_response_field_int(c->res, "Retry-After", left);
        hs_problem(c, 429, "Too many requests; wait for Retry-After seconds.", KO(RATE_2));
        return 0;
    }
    s->rate_used++;
    hs_trace(c, "rate-limit", "RFC 6585 §4", 0, "Request {0} of {1} allowed in this {2} s window.",
             KO(RATE_3),
             HS_ARGS(hs_trace_num(c, s->rate_used), hs_trace_num(c, s->rate_limit), hs_trace_num(c, s->rate_window)));
    return 1;
}

/* maintenance: 503 with Retry-After while the app is down. Returns 1 to go on. */
static int step_maintenance(struct hs_ctx *c)
{
    struct hs_server_state *s = c->s;
    int64_t left = s->maintenance_until - s->clock;
    if (left <= 0) {
        hs_trace(c, "maintenance", "RFC 9110 §15.6.4", 0, "The application is up (no maintenance).",
                 KO(MAINTENANCE_1), HS_NOARGS);
        return 1;
    }
    hs_trace(c, "maintenance", "RFC 9110 §15.6.4", 503,
             "The application is down for maintenance for another {0} s: 503 with Retry-After: {0}, so clients know when to come back.",
             KO(MAINTENANCE_2),
             HS_ARGS(hs_trace_num(c, left)));
    hs_response_field_int(c->res, "Retry-After", left);
    hs_problem(c, 503, "The service is down for maintenance; retry after Retry-After seconds.",
               KO(MAINTENANCE_3));
    return 0;
}

/* ---- 100 (Continue) ------------------------------------------------------------------------ */

/* continue: sends 100 (Continue) when the client waits for it and there is content to wait for. */
static void step_continue(struct hs_ctx *c)
{
    if (!c->expect_continue)
        return;
    if (c->req->framing == HS_FRAMING_NONE || (c->req->framing == HS_FRAMING_LENGTH && c->req->content_length == 0)) {
        hs_trace(c, "continue", "RFC 9110 §10.1.1", 0,
                 "The request has no content to wait for, so the server goes straight to the final response without 100 (Continue).",
                 KO(CONTINUE_1), HS_NOARGS);
        return;
    }
    hs_interim(c, 100);
    hs_trace(c, "continue", "RFC 9110 §15.2.1", 100,
             "Every check that needs only the head passed: the server sends 100 (Continue) and the client uploads the content.",
             KO(CONTINUE_2), HS_NOARGS);
}

/* ---- preconditions (RFC 9110 §13) ----------------------------------------------------------- */

/* Compares two entity-tags (with quotes, maybe W/): strong comparison needs
** both strong and equal; weak compares the opaque parts (§8.8.3.2). */
static int etag_match(const char *a, size_t an, const char *b, size_t bn, int strong)
{
    int aw = an >= 2 && a[0] == 'W' && a[1] == '/', bw = bn >= 2 && b[0] == 'W' && b[1] == '/';
    if (strong && (aw || bw))
        return 0;
    if (aw)
        a += 2, an -= 2;
    if (bw)
        b += 2, bn -= 2;
    return an == bn && memcmp(a, b, an) == 0;
}

/* Returns 1 if the list field name ("*" or entity-tags) matches the current
** etag: "*" matches any current representation. */
static int list_matches(struct hs_ctx *c, const char *name, const struct hs_validators *v, int strong)
{
    int line = -1;
    size_t pos = 0, n;
    const char *el;
    while (hs_field_next(c, name, &line, &pos, &el, &n)) {
        if (n == 1 && el[0] == '*')
            return 1;
        if (v->etag && etag_match(el, n, v->etag, v->etag_len, strong))
            return 1;
    }
    return 0;
}

/* Reads the date of field name if there is exactly one valid one; -1 otherwise. */
static int64_t date_field(struct hs_ctx *c, const char *name)
{
    size_t n;
    const char *v = hs_field(c, name, &n);
    int64_t t;
    if (!v || hs_field_count(c, name) != 1 || hs_http_date_parse(v, n, c->s->clock, &t) < 0)
        return -1;
    return t;
}

/* Decides 412 with the trace text en/ko; returns 0. */
static int fail_412(struct hs_ctx *c, const char *en, const char *ko)
{
    hs_trace(c, "conditions", "RFC 9110 §13.2.2", 412, en, ko, HS_NOARGS);
    hs_problem(c, 412, "A precondition in the request does not hold for the current representation.",
               KO(FAIL_412_1));
    return 0;
}

/* Decides 304, with the ETag a 200 would have carried (RFC 9110 §15.4.5). */
static void not_modified(struct hs_ctx *c, const struct hs_validators *v)
{
    hs_status(c, 304);
    if (v->etag)
        hs_response_field(c->res, "ETag", v->etag, v->etag_len);
}

/* Evaluates the preconditions in the order of §13.2.2. Returns 1 to go on
** to the method, 0 when a 412 or 304 decided. */
static int step_conditions(struct hs_ctx *c, const struct hs_validators *v)
{
    int get = c->method == M_GET || c->method == M_HEAD, any = 0;
    int64_t t;
    if (hs_field_count(c, "If-Match")) {
        any = 1;
        if (!list_matches(c, "If-Match", v, 1))
            return fail_412(c, v->etag ? "If-Match names no entity-tag that matches the current one (strong comparison): 412, the method is not applied."
                                       : "If-Match is present but this resource has no entity-tag to match: 412.",
                            v->etag ? KO(CONDITIONS_1)
                                    : KO(CONDITIONS_2));
        hs_trace(c, "conditions", "RFC 9110 §13.1.1", 0, "If-Match holds: the client has the current representation.",
                 KO(CONDITIONS_3), HS_NOARGS);
    } else if (hs_field_count(c, "If-Unmodified-Since") && v->modified >= 0 && (t = date_field(c, "If-Unmodified-Since")) >= 0) {
        any = 1;
        if (v->modified > t)
            return fail_412(c, "The resource changed after the If-Unmodified-Since date: 412.",
                            KO(CONDITIONS_4));
        hs_trace(c, "conditions", "RFC 9110 §13.1.4", 0, "Not modified since the If-Unmodified-Since date: go on.",
                 KO(CONDITIONS_5), HS_NOARGS);
    }
    if (hs_field_count(c, "If-None-Match")) {
        any = 1;
        if (list_matches(c, "If-None-Match", v, 0)) {
            if (get) {
                hs_trace(c, "conditions", "RFC 9110 §13.1.2", 304,
                         "If-None-Match matches the current representation (weak comparison; * matches any): the client's copy is fresh, so 304 with no content, and with the ETag when the resource has one.",
                         KO(CONDITIONS_6),
                         HS_NOARGS);
                not_modified(c, v);
                return 0;
            }
            return fail_412(c, "If-None-Match matches the current representation and the method is not GET or HEAD: 412.",
                            KO(CONDITIONS_7));
        }
        hs_trace(c, "conditions", "RFC 9110 §13.1.2", 0, "If-None-Match does not match: the representation changed, go on.",
                 KO(CONDITIONS_8), HS_NOARGS);
    } else if (get && hs_field_count(c, "If-Modified-Since")) {
        any = 1;
        t = date_field(c, "If-Modified-Since");
        if (t < 0 || v->modified < 0)
            hs_trace(c, "conditions", "RFC 9110 §13.1.3", 0,
                     v->modified < 0 ? "This resource has no modification date, so If-Modified-Since is ignored."
                                     : "If-Modified-Since is not one valid HTTP-date, so it is ignored.",
                     v->modified < 0 ? KO(CONDITIONS_9)
                                     : KO(CONDITIONS_10),
                     HS_NOARGS);
        else if (v->modified <= t) {
            hs_trace(c, "conditions", "RFC 9110 §13.1.3", 304,
                     "Not modified since the If-Modified-Since date: 304 with no content.",
                     KO(CONDITIONS_11), HS_NOARGS);
            not_modified(c, v);
            return 0;
        } else
            hs_trace(c, "conditions", "RFC 9110 §13.1.3", 0, "Modified after the If-Modified-Since date: send it.",
                     KO(CONDITIONS_12), HS_NOARGS);
    }
    if (!any)
        hs_trace(c, "conditions", "RFC 9110 §13.2.2", 0, "No preconditions (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since): the method applies as is.",
                 KO(CONDITIONS_13), HS_NOARGS);
    return 1;
}

/* ---- the order ----------------------------------------------------------------------------- */

/* A step of the order: returns 1 to go on, 0 once it has decided the answer. */
typedef int step_fn(struct hs_ctx *c);

/* The order RFC 9110 implies, as tables. Called through these pointers, the
** steps also stay separate wasm functions instead of one inlined body. */
static step_fn *const request_steps[] = { step_method, step_expect, step_route, step_allow };
static step_fn *const client_steps[] = { step_auth, step_negotiate, step_content };
static step_fn *const server_steps[] = { step_rate, step_maintenance };

#define RUN(steps) run_steps(c, steps, sizeof steps / sizeof *steps)

/* Returns 1 if every step of steps[0..n) goes on, 0 at the first that decides. */
static int run_steps(struct hs_ctx *c, step_fn *const *steps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!steps[i](c))
            return 0;
    return 1;
}

/* See routes.h. */
void hs_decide(struct hs_ctx *c, const struct hs_app *app)
{
    const struct hs_route *r;
    struct hs_validators v = { NULL, 0, -1 };
    c->app = app;
    step_language(c);
    if (!RUN(request_steps))
        return;
    r = c->route;
    if (c->method == M_OPTIONS)
        hs_trace(c, "auth", "RFC 9110 §9.3.7", 0,
                 "OPTIONS asks what the resource supports, which is public: authentication, negotiation, content and preconditions do not apply.",
                 KO(HS_DECIDE_1), HS_NOARGS);
    else if (!RUN(client_steps))
        return;
    if (!RUN(server_steps))
        return;
    if (c->method != M_OPTIONS) {
        if (r->locate && r->locate(c, &v) != 0)
            return;
        if (r->flags & R_COND) {
            if (!step_conditions(c, &v))
                return;
        } else if (hs_field_count(c, "If-Match") || hs_field_count(c, "If-None-Match") || hs_field_count(c, "If-Modified-Since") ||
                   hs_field_count(c, "If-Unmodified-Since"))
            hs_trace(c, "conditions", "RFC 9110 §13.2.1", 0,
                     "This resource does not answer with a 2xx, so its preconditions are ignored.",
                     KO(HS_DECIDE_2), HS_NOARGS);
    }
    step_continue(c);
    if (c->body_missing)
        return; /* the content never arrives: the caller answers 408 */
    if (c->method == M_OPTIONS)
        app->options(c);
    else
        r->handler(c);
}
