/*
** exchange.c — the toolkit every step and handler of the simulated server
** uses: reading the request's fields, setting the status, interim
** responses, problem details, and the methods the server knows.
*/
#include "exchange.h"
#include "core/hs.h"

#include "core/json.h"

#include <string.h>

/* See exchange.h (a thin wrapper on core/hs.h's hs_ascii_ieq for literals). */
int hs_ieq(const char *s, size_t n, const char *lit)
{
    return hs_ascii_ieq(s, n, lit, strlen(lit));
}

/* See exchange.h. */
const char *hs_field(const struct hs_ctx *c, const char *name, size_t *n)
{
    int i = hs_request_find_header(c->in, c->req, name, 0);
    if (i < 0 || (uint32_t)i >= c->req->trailer_start)
        return NULL;
    *n = c->req->headers[i].value.len;
    return c->in + c->req->headers[i].value.off;
}

/* See exchange.h. */
int hs_field_count(const struct hs_ctx *c, const char *name)
{
    int n = 0;
    for (int i = hs_request_find_header(c->in, c->req, name, 0); i >= 0 && (uint32_t)i < c->req->trailer_start;
         i = hs_request_find_header(c->in, c->req, name, (uint32_t)i + 1))
        n++;
    return n;
}

/* Returns 1 for optional whitespace (SP, HTAB). */
int hs_is_ows(char ch) { return ch == ' ' || ch == '\t'; }

/* See exchange.h. */
int hs_field_next(const struct hs_ctx *c, const char *name, int *line, size_t *pos, const char **el, size_t *n)
{
    for (;;) {
        const struct hs_header *h;
        const char *v;
        size_t len, p, start, end;
        if (*line < 0 || *pos == (size_t)-1) {
            *line = hs_request_find_header(c->in, c->req, name, *line < 0 ? 0 : (uint32_t)*line + 1);
            *pos = 0;
            if (*line < 0 || (uint32_t)*line >= c->req->trailer_start)
                return *line = (int)c->req->n_headers + 1, *pos = 0, 0;
        }
        if ((uint32_t)*line > c->req->n_headers)
            return 0;
        h = &c->req->headers[*line];
        v = c->in + h->value.off;
        len = h->value.len;
        p = *pos;
        if (p > len) {
            *pos = (size_t)-1;
            continue;
        }
        /* an element ends at a comma outside a quoted string */
        start = p;
        for (int quoted = 0; p < len && (quoted || v[p] != ','); p++) {
            if (v[p] == '"')
                quoted = !quoted;
            else if (quoted && v[p] == '\\' && p + 1 < len)
                p++;
        }
        end = p;
        *pos = p < len ? p + 1 : len + 1;
        while (start < end && hs_is_ows(v[start]))
            start++;
        while (end > start && hs_is_ows(v[end - 1]))
            end--;
        *el = v + start;
        *n = end - start;
        return 1;
    }
}

/* See exchange.h. */
int hs_field_has_token(const struct hs_ctx *c, const char *name, const char *tok)
{
    int line = -1;
    size_t pos = 0, n;
    const char *el;
    while (hs_field_next(c, name, &line, &pos, &el, &n))
        if (hs_ieq(el, n, tok))
            return 1;
    return 0;
}

/* See exchange.h. */
void hs_status(struct hs_ctx *c, int status)
{
    c->res->status = status;
    c->decided = 1;
}

/* See exchange.h. */
struct hs_response *hs_interim(struct hs_ctx *c, int status)
{
    struct hs_response *r;
    if (c->req->version_minor == 0 || c->x->n_interim >= HS_SERVER_INTERIM_MAX)
        return NULL;
    r = &c->x->interim[c->x->n_interim++];
    hs_response_init(r, status);
    return r;
}

/* See exchange.h. */
void hs_content_language(struct hs_ctx *c)
{
    hs_response_set(c->res, "Content-Language", c->lang == HS_LANG_KO ? "ko" : "en", 2);
    if (c->head_read)
        hs_response_set(c->res, "Vary", "Accept-Language", 15);
}

/* See exchange.h. */
void hs_problem(struct hs_ctx *c, int status, const char *en, const char *ko)
{
    struct hs_json j;
    hs_status(c, status);
    hs_response_json_begin(c->res, &j);
    hs_json_obj(&j);
    hs_json_key(&j, "type");
    hs_json_str(&j, "about:blank");
    hs_json_key(&j, "title");
    hs_json_str(&j, hs_response_phrase(status));
    hs_json_key(&j, "status");
    hs_json_int(&j, status);
    hs_json_key(&j, "detail");
    hs_json_str(&j, hs_text_of(c, en, ko));
    hs_json_obj_end(&j);
    hs_response_json_end(c->res, &j, "application/problem+json");
    hs_content_language(c);
}

/* See exchange.h. */
struct hs_str hs_cstr(const char *s) { return s ? (struct hs_str){ s, strlen(s) } : HS_S(""); }

/* See exchange.h. */
const char *hs_text_of(struct hs_ctx *c, const char *en, const char *ko)
{
    const char *t = c->lang == HS_LANG_KO ? ko : en;
    return t ? t : hs_text_missing(c);
}

/* See exchange.h. */
struct hs_str hs_span_str(const struct hs_ctx *c, struct hs_span s)
{
    return (struct hs_str){ c->in + s.off, s.len };
}

/* ---- methods ----------------------------------------------------------------- */

const struct hs_method_name hs_methods[] = {
    { "GET", M_GET }, { "HEAD", M_HEAD }, { "POST", M_POST }, { "PUT", M_PUT }, { "DELETE", M_DELETE },
    { "CONNECT", M_CONNECT }, { "OPTIONS", M_OPTIONS }, { "TRACE", M_TRACE }, { "PATCH", M_PATCH },
};
const size_t hs_method_count = sizeof hs_methods / sizeof hs_methods[0];

/* See exchange.h. */
size_t hs_allow(unsigned m, char *buf, size_t cap)
{
    size_t o = 0;
    if (m & M_GET)
        m |= M_HEAD;
    m |= M_OPTIONS;
    for (size_t i = 0; i < hs_method_count; i++) {
        size_t k = strlen(hs_methods[i].name);
        if (!(m & (unsigned)hs_methods[i].bit))
            continue;
        if (o && o + 2 <= cap) {
            memcpy(buf + o, ", ", 2);
            o += 2;
        }
        if (o + k <= cap) {
            memcpy(buf + o, hs_methods[i].name, k);
            o += k;
        }
    }
    return o;
}

