/*
** lint.c — the response linter. The rules are the rows of lint.def; this
** file decides when each applies. It reads the response with
** response_parse.c (interim responses first, then the final one), turns the
** parser's defects into findings, then checks the status code, the fields
** the registry requires for it (status.def HS_FIELD rows, through
** response.c), what the request implies, content and framing, field syntax
** and caching, in that order.
**
** Facts about codes come from the registry, never from this file: whether
** a code is assigned or unofficial (and who uses it), its phrase and
** aliases, whether it has content (1xx, 204, 304 and HS_F_NO_CONTENT), and
** whether it is heuristically cacheable (HS_F_CACHEABLE). A few conditions
** the registry's "when" text describes in words are decided here: 300's
** Location is advice (a preferred choice may not exist), 304's ETag is
** certain only when the request sent If-None-Match, 206's Content-Range is
** not needed for multipart/byteranges, 451's Link must say rel="blocked-by",
** the Connection of 101 and 426 must carry "upgrade".
*/
#include "lint.h"

#include "core/hs.h"
#include "core/json.h"
#include "http/httpdate.h"
#include "http/request.h"
#include "http/response.h"
#include "registry/registry.h"

#include <stddef.h>
#include <string.h>

/* ---- the rule table ------------------------------------------------------ */

static const struct rule {
    const char *id;
    uint8_t level;
    const char *doc, *section, *en, *ko, *fix_en, *fix_ko;
} rules[HS_LINT_COUNT] = {
#define HS_LINT(name, id, level, doc, sec, en, ko, fix_en, fix_ko) \
    { id, HS_LINT_LEVEL_##level, doc, sec, en, ko, fix_en, fix_ko },
#include "lint.def"
};

static const char *const level_names[] = { "error", "warning", "info", "field" };

/* See lint.h. */
const char *hs_lint_rule_id(int rule)
{
    return rule < 0 || rule >= HS_LINT_COUNT ? "" : rules[rule].id;
}

/* ---- findings ------------------------------------------------------------ */

/* Adds a finding of rule about [off, off + len) (has_span 0: about the
** message) at level (rules[rule].level unless it is FIELD). Returns it, or
** NULL when the list is full. */
static struct hs_lint_finding *add(struct hs_lint *L, int rule, int level, int has_span, size_t off, size_t len)
{
    struct hs_lint_finding *f;
    if (L->n_findings >= HS_LINT_MAX_FINDINGS) {
        L->findings_dropped = 1;
        return NULL;
    }
    f = &L->findings[L->n_findings++];
    memset(f, 0, sizeof *f);
    f->rule = (uint16_t)rule;
    f->level = (uint8_t)(rules[rule].level == HS_LINT_LEVEL_FIELD ? level : rules[rule].level);
    f->has_span = has_span;
    if (off > L->len)
        off = L->len;
    if (len > L->len - off)
        len = L->len - off;
    f->off = (uint32_t)off;
    f->len = (uint32_t)len;
    f->doc = rules[rule].doc;
    f->section = rules[rule].section;
    L->count[f->level]++;
    return f;
}

#define FIND(L, rule, off, len) add((L), (rule), 0, 1, (off), (len))

/* Appends a filler: the same bytes in both languages, or en / ko apart. */
static void arg2(struct hs_lint_finding *f, const char *en, size_t en_len, const char *ko, size_t ko_len)
{
    if (!f || f->n_args >= HS_LINT_MAX_ARGS)
        return;
    f->args[f->n_args].en = en;
    f->args[f->n_args].en_len = (uint32_t)en_len;
    f->args[f->n_args].ko = ko;
    f->args[f->n_args].ko_len = (uint32_t)ko_len;
    f->n_args++;
}

static void arg(struct hs_lint_finding *f, const char *s, size_t n) { arg2(f, s, n, s, n); }
static void arg_str(struct hs_lint_finding *f, const char *s) { arg(f, s, strlen(s)); }

/* Appends a number as a filler (two per finding at most). */
static void arg_num(struct hs_lint_finding *f, long long v)
{
    int slot;
    if (!f)
        return;
    slot = f->num[0][0] ? 1 : 0;
    if (f->num[slot][0])
        return;
    arg(f, f->num[slot], hs_decimal(v, f->num[slot]));
}

/* ---- reading fields ------------------------------------------------------ */

/* The span of a field line: from its name to the end of its value. */
static uint32_t line_len(const struct hs_header *h) { return h->value.off + h->value.len - h->name.off; }

/* Returns the index of field name in message m, or -1. */
static int field(const struct hs_lint *L, const struct hs_parsed_response *m, const char *name)
{
    return hs_response_parse_find(L->buf, m, name, 0);
}

/* Returns 1 if the comma-separated list s[0..n) has an element whose first
** token (up to "=", ";" or whitespace) is tok; ASCII case is ignored unless
** exact. */
static int list_has(const char *s, size_t n, const char *tok, int exact)
{
    size_t tn = strlen(tok), i = 0;
    while (i < n) {
        size_t a, e;
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == ','))
            i++;
        for (a = i; i < n && s[i] != ',' && s[i] != '=' && s[i] != ';' && s[i] != ' ' && s[i] != '\t'; i++)
            ;
        e = i;
        if (e - a == tn && (exact ? memcmp(s + a, tok, tn) == 0 : hs_ascii_ieq(s + a, tn, tok, tn)))
            return 1;
        while (i < n && s[i] != ',')
            i++;
    }
    return 0;
}

/* Returns 1 if field name of message m has list element tok (see list_has). */
static int field_has(const struct hs_lint *L, const struct hs_parsed_response *m, const char *name, const char *tok)
{
    for (int i = field(L, m, name); i >= 0; i = hs_response_parse_find(L->buf, m, name, (uint32_t)i + 1))
        if (list_has(L->buf + m->fields[i].value.off, m->fields[i].value.len, tok, 0))
            return 1;
    return 0;
}

/* Returns 1 if the request has field name. */
static int req_has(const struct hs_lint *L, const char *name)
{
    return hs_request_find_header(L->req_buf, &L->req, name, 0) >= 0;
}

/* Returns 1 if s[0..n) contains lit, ASCII case ignored. */
static int contains_ci(const char *s, size_t n, const char *lit)
{
    size_t ln = strlen(lit);
    for (size_t i = 0; i + ln <= n; i++)
        if (hs_ascii_ieq(s + i, ln, lit, ln))
            return 1;
    return 0;
}

/* Returns 1 if s[0..n) is an IMF-fixdate (RFC 9110 §5.6.7) of a real day. */
static int imf_fixdate(const char *s, size_t n)
{
    int64_t t;
    return n == HS_HTTP_DATE_LEN && memcmp(s + 25, " GMT", 4) == 0 && s[3] == ',' &&
           hs_http_date_parse(s, n, 0, &t) == 0;
}

/* Returns 1 if s[0..n) is 1*DIGIT. */
static int digits(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* Reads 1*DIGIT at s[*i..n) and advances *i; returns 0 if there is none. */
static int take_digits(const char *s, size_t n, size_t *i, uint64_t *v)
{
    size_t a = *i;
    *v = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9' && *i - a < 18)
        *v = *v * 10 + (uint64_t)(s[(*i)++] - '0');
    return *i > a && !(*i < n && s[*i] >= '0' && s[*i] <= '9');
}

/* Returns 1 if the Content-Range value s[0..n) is, for a 206, "bytes
** first-last/length" (or "/" then an asterisk) with first <= last < length,
** or, for a 416, "bytes", an asterisk, "/length" (RFC 9110 §14.4). Another
** range unit is not checked (1). */
static int content_range_ok(const char *s, size_t n, int status)
{
    size_t i = 6;
    uint64_t a, b, len;
    if (n < 6 || !hs_ascii_ieq(s, 6, "bytes ", 6))
        return !(n >= 5 && hs_ascii_ieq(s, 5, "bytes", 5));
    if (status == 416) {
        if (i >= n || s[i++] != '*' || i >= n || s[i++] != '/')
            return 0;
        return take_digits(s, n, &i, &len) && i == n;
    }
    if (!take_digits(s, n, &i, &a) || i >= n || s[i++] != '-' || !take_digits(s, n, &i, &b) || a > b)
        return 0;
    if (i >= n || s[i++] != '/')
        return 0;
    if (i < n && s[i] == '*')
        return i + 1 == n;
    return take_digits(s, n, &i, &len) && i == n && b < len;
}

/* ---- the checks ---------------------------------------------------------- */

/* The parser's defects of m become findings; a request-parser reason, when
** there is one, fills {0}. */
static void defects(struct hs_lint *L, const struct hs_parsed_response *m)
{
    for (uint32_t i = 0; i < m->n_defects; i++) {
        const struct hs_response_defect *d = &m->defects[i];
        struct hs_lint_finding *f = FIND(L, d->rule, d->off, d->len);
        if (d->reason)
            arg2(f, hs_request_reason_en(d->reason), strlen(hs_request_reason_en(d->reason)),
                 hs_request_reason_ko(d->reason), strlen(hs_request_reason_ko(d->reason)));
    }
}

/* The status code: registration, reserved and deprecated codes, the phrase. */
static void status_code(struct hs_lint *L, const struct hs_parsed_response *m)
{
    int code = m->status, id = hs_registry_id(code);
    const struct hs_status_row *row = hs_registry_row(id);
    const char *ph = L->buf + m->phrase.off;
    size_t pn = m->phrase.len;
    struct hs_lint_finding *f;

    if (code < 100 || code > 599)
        return;
    if (id == 0) {
        f = FIND(L, HS_LINT_STATUS_UNASSIGNED, m->code.off, 3);
        arg(f, L->buf + m->code.off, 3);
        arg_num(f, code / 100 * 100);
        return;
    }
    if (row->registry == HS_REG_UNOFFICIAL) {
        f = FIND(L, HS_LINT_STATUS_UNOFFICIAL, m->code.off, 3);
        arg(f, L->buf + m->code.off, 3);
        arg_str(f, row->origin);
        arg_num(f, code / 100 * 100);
    } else if (code == 306) {
        FIND(L, HS_LINT_STATUS_306, m->code.off, 3);
    } else if (code == 418) {
        FIND(L, HS_LINT_STATUS_418, m->code.off, 3);
    } else if (row->flags & HS_F_DEPRECATED) {
        FIND(L, HS_LINT_STATUS_305, m->code.off, 3);
    }

    /* the phrase: the registry's, one of its aliases, or none */
    while (pn > 0 && (ph[pn - 1] == ' ' || ph[pn - 1] == '\t'))
        pn--;
    while (pn > 0 && (*ph == ' ' || *ph == '\t'))
        ph++, pn--;
    if (pn == 0 || hs_ascii_ieq(ph, pn, row->phrase, strlen(row->phrase)))
        return;
    for (const char *a = row->aliases; *a;) {
        const char *e = strchr(a, '|');
        size_t an = e ? (size_t)(e - a) : strlen(a);
        if (hs_ascii_ieq(ph, pn, a, an))
            return;
        a += an + (e ? 1 : 0);
    }
    f = FIND(L, HS_LINT_PHRASE_MISMATCH, m->phrase.off, m->phrase.len);
    arg(f, L->buf + m->code.off, 3);
    arg_str(f, row->phrase);
}

/* Returns 1 if the registry lists field among those code requires (then
** required-field reports it, not a rule of this file). */
static int requires(int code, const char *field)
{
    const struct hs_required_field *rf;
    for (int k = 0; (rf = hs_response_required_row(code, k)) != NULL; k++)
        if (hs_ascii_ieq(rf->field, strlen(rf->field), field, strlen(field)))
            return 1;
    return 0;
}

/* Interim responses and 101: final or not, asked for or not, Upgrade. */
static void interim(struct hs_lint *L, const struct hs_parsed_response *m, int last)
{
    int code = m->status, up = field(L, m, "upgrade");

    if (code >= 100 && code < 200) {
        if (last && code != 101)
            FIND(L, HS_LINT_INTERIM_FINAL, m->line.off, m->line.len);
        if (L->has_request && L->req.version_minor == 0)
            FIND(L, HS_LINT_INTERIM_HTTP10, m->code.off, 3);
    }
    if (L->has_request && code == 100) {
        int e = hs_request_find_header(L->req_buf, &L->req, "expect", 0);
        if (e < 0 || !list_has(L->req_buf + L->req.headers[e].value.off, L->req.headers[e].value.len, "100-continue", 0))
            FIND(L, HS_LINT_CONTINUE_WITHOUT_EXPECT, m->code.off, 3);
    }
    if (L->has_request && code == 101 && !req_has(L, "upgrade"))
        FIND(L, HS_LINT_SWITCH_WITHOUT_UPGRADE, m->code.off, 3);
    if (up >= 0 && !field_has(L, m, "connection", "upgrade") && !requires(code, "Connection"))
        FIND(L, HS_LINT_UPGRADE_WITHOUT_CONNECTION, m->fields[up].name.off, line_len(&m->fields[up]));
}

/* Returns 1 if m carries what HS_FIELD row rf asks for. */
static int has_required(const struct hs_lint *L, const struct hs_parsed_response *m, const struct hs_required_field *rf)
{
    int i = field(L, m, rf->field);
    if (i < 0)
        return 0;
    if (m->status == 451) { /* RFC 7725 §4: a Link with rel="blocked-by" */
        for (; i >= 0; i = hs_response_parse_find(L->buf, m, rf->field, (uint32_t)i + 1))
            if (contains_ci(L->buf + m->fields[i].value.off, m->fields[i].value.len, "blocked-by"))
                return 1;
        return 0;
    }
    if (hs_ascii_ieq(rf->field, strlen(rf->field), "Connection", 10)) /* 101, 426: with "upgrade" (RFC 9110 §7.8) */
        return field_has(L, m, "connection", "upgrade");
    return 1;
}

/* The fields the registry requires for the status, at its level. */
static void required_fields(struct hs_lint *L, const struct hs_parsed_response *m)
{
    static const int levels[] = { HS_LINT_LEVEL_ERROR, HS_LINT_LEVEL_WARNING, HS_LINT_LEVEL_INFO };
    static const char *const names[] = { "MUST", "SHOULD", "MAY" };
    const struct hs_required_field *rf;
    const char *ct = NULL;
    int cti = field(L, m, "content-type");

    if (cti >= 0)
        ct = L->buf + m->fields[cti].value.off;
    for (int k = 0; (rf = hs_response_required_row(m->status, k)) != NULL; k++) {
        int level = levels[rf->level <= HS_LEVEL_MAY ? rf->level : HS_LEVEL_MAY];
        struct hs_lint_finding *f;
        if (has_required(L, m, rf))
            continue;
        if (m->status == 206 && ct && contains_ci(ct, m->fields[cti].value.len, "multipart/byteranges"))
            continue;
        if (m->status == 300)
            level = HS_LINT_LEVEL_INFO; /* only when the server has a preferred choice */
        if (m->status == 304 && !(L->has_request && req_has(L, "if-none-match")))
            level = HS_LINT_LEVEL_WARNING; /* certain only when the client sent an entity tag */
        f = add(L, HS_LINT_REQUIRED_FIELD, level, 1, m->code.off, 3);
        if (!f)
            return;
        f->doc = rf->doc;
        f->section = rf->section;
        arg(f, L->buf + m->code.off, 3);
        arg_str(f, rf->field);
        arg2(f, rf->when_en, strlen(rf->when_en), rf->when_ko, strlen(rf->when_ko));
        arg_str(f, names[rf->level <= HS_LEVEL_MAY ? rf->level : HS_LEVEL_MAY]);
    }
}

/* What the fields present say about themselves: Allow, Content-Range, Retry-After. */
static void field_values(struct hs_lint *L, const struct hs_parsed_response *m)
{
    int i;
    if (m->status == 405 && L->has_request && (i = field(L, m, "allow")) >= 0) {
        const struct hs_header *h = &m->fields[i];
        const struct hs_span *meth = &L->req.method;
        char tok[32];
        if (meth->len < sizeof tok) {
            memcpy(tok, L->req_buf + meth->off, meth->len);
            tok[meth->len] = 0;
            if (list_has(L->buf + h->value.off, h->value.len, tok, 1)) {
                struct hs_lint_finding *f = FIND(L, HS_LINT_ALLOW_LISTS_METHOD, h->name.off, line_len(h));
                arg(f, L->req_buf + meth->off, meth->len);
            }
        }
    }
    if ((m->status == 206 || m->status == 416) && (i = field(L, m, "content-range")) >= 0) {
        const struct hs_header *h = &m->fields[i];
        if (!content_range_ok(L->buf + h->value.off, h->value.len, m->status)) {
            struct hs_lint_finding *f = FIND(L, HS_LINT_CONTENT_RANGE_SYNTAX, h->name.off, line_len(h));
            arg_str(f, m->status == 416 ? "bytes */length" : "bytes first-last/length");
        }
    }
    if ((i = field(L, m, "retry-after")) >= 0) {
        const struct hs_header *h = &m->fields[i];
        const char *v = L->buf + h->value.off;
        if (!digits(v, h->value.len) && !imf_fixdate(v, h->value.len))
            FIND(L, HS_LINT_RETRY_AFTER_SYNTAX, h->name.off, line_len(h));
    }
}

/* What the request implies: 206, 304, 412, 416, 417 answer something it sent. */
static void request_implies(struct hs_lint *L, const struct hs_parsed_response *m)
{
    int rule = -1;
    if (!L->has_request)
        return;
    switch (m->status) {
    case 206:
        if (!req_has(L, "range"))
            rule = HS_LINT_PARTIAL_WITHOUT_RANGE;
        break;
    case 304:
        if (!req_has(L, "if-none-match") && !req_has(L, "if-modified-since"))
            rule = HS_LINT_NOT_MODIFIED_UNCONDITIONAL;
        break;
    case 412:
        if (!req_has(L, "if-match") && !req_has(L, "if-unmodified-since") && !req_has(L, "if-none-match") &&
            !req_has(L, "if-modified-since"))
            rule = HS_LINT_PRECONDITION_UNCONDITIONAL;
        break;
    case 416:
        if (!req_has(L, "range"))
            rule = HS_LINT_RANGE_WITHOUT_RANGE;
        break;
    case 417:
        if (!req_has(L, "expect"))
            rule = HS_LINT_EXPECTATION_WITHOUT_EXPECT;
        break;
    default:
        break;
    }
    if (rule >= 0)
        FIND(L, rule, m->code.off, 3);
}

/* Returns 1 if a response with this status never has content. */
static int no_content_status(int code)
{
    return (code >= 100 && code < 200) || (hs_registry_row(hs_registry_id(code))->flags & HS_F_NO_CONTENT);
}

/* Content and framing: where none is allowed, Content-Length against the
** bytes, Content-Type, a length known only at close. last: m is the final
** response, whose content runs to the end of the input. */
static void content_checks(struct hs_lint *L, const struct hs_parsed_response *m, int last)
{
    int code = m->status, head = L->has_request && L->req.method.len == 4 &&
                                  memcmp(L->req_buf + L->req.method.off, "HEAD", 4) == 0;
    int cl = field(L, m, "content-length"), te = field(L, m, "transfer-encoding");
    size_t after = L->len - m->head_end;
    struct hs_lint_finding *f;

    if ((code >= 100 && code < 200) || code == 204) {
        if (cl >= 0) {
            f = FIND(L, HS_LINT_CONTENT_LENGTH_FORBIDDEN, m->fields[cl].name.off, line_len(&m->fields[cl]));
            arg(f, L->buf + m->code.off, 3);
        }
        if (te >= 0) {
            f = FIND(L, HS_LINT_TRANSFER_ENCODING_FORBIDDEN, m->fields[te].name.off, line_len(&m->fields[te]));
            arg(f, L->buf + m->code.off, 3);
        }
    }
    if (!last)
        return;
    if (no_content_status(code) || head) {
        /* 205 is framed as usual but its content must be empty (RFC 9110 §15.3.6) */
        size_t bytes = m->framing == HS_RFRAME_NONE ? after : m->framing == HS_RFRAME_CHUNKED ? m->body_len : m->content.len;
        if (bytes > 0 && code != 101) {
            f = FIND(L, HS_LINT_CONTENT_FORBIDDEN, m->framing == HS_RFRAME_NONE ? m->head_end : m->content.off,
                     m->framing == HS_RFRAME_NONE ? after : m->content.len);
            if (head && !no_content_status(code))
                arg2(f, "response to HEAD", 16, "HEAD 요청에 대한", strlen("HEAD 요청에 대한"));
            else
                arg(f, L->buf + m->code.off, 3);
        }
        return;
    }
    if (m->framing == HS_RFRAME_LENGTH && m->content_length != after) {
        const struct hs_header *h = &m->fields[cl];
        f = m->content_length > after ? FIND(L, HS_LINT_CONTENT_LENGTH_MISMATCH, h->name.off, line_len(h))
                                      : FIND(L, HS_LINT_CONTENT_LENGTH_MISMATCH, m->end, L->len - m->end);
        arg_num(f, (long long)(m->content_length > 0x7fffffffffffLL ? 0x7fffffffffffLL : m->content_length));
        arg_num(f, (long long)after);
    }
    if (m->framing == HS_RFRAME_CLOSE && code >= 200)
        FIND(L, HS_LINT_LENGTH_BY_CLOSE, m->line.off, m->line.len);
    if ((m->framing == HS_RFRAME_CHUNKED ? m->body_len > 0 : m->content.len > 0) &&
        field(L, m, "content-type") < 0)
        FIND(L, HS_LINT_CONTENT_TYPE_MISSING, m->content.off, m->content.len);
}

/* Field syntax the parser cannot see alone: singletons given twice, fields
** no trailer may carry, dates. */
static void field_syntax(struct hs_lint *L, const struct hs_parsed_response *m)
{
    static const char *const singletons[] = { "Content-Type", "Location", "Date", "ETag", "Last-Modified",
                                              "Expires", "Retry-After", "Content-Range", "Age",
                                              "Content-Location" };
    static const char *const dates[] = { "Date", "Last-Modified", "Expires" };
    for (size_t k = 0; k < sizeof singletons / sizeof *singletons; k++) {
        int i = field(L, m, singletons[k]), j;
        if (i >= 0 && (j = hs_response_parse_find(L->buf, m, singletons[k], (uint32_t)i + 1)) >= 0) {
            struct hs_lint_finding *f = FIND(L, HS_LINT_FIELD_DUPLICATE, m->fields[j].name.off, line_len(&m->fields[j]));
            arg_str(f, singletons[k]);
        }
    }
    for (uint32_t i = m->n_fields; i < m->n_fields + m->n_trailers; i++) {
        const struct hs_header *t = &m->fields[i];
        if (hs_request_trailer_refused(L->buf + t->name.off, t->name.len)) {
            struct hs_lint_finding *f = FIND(L, HS_LINT_TRAILER_FIELD, t->name.off, line_len(t));
            arg(f, L->buf + t->name.off, t->name.len);
        }
    }
    for (size_t k = 0; k < sizeof dates / sizeof *dates; k++) {
        int i = field(L, m, dates[k]);
        if (i >= 0 && !imf_fixdate(L->buf + m->fields[i].value.off, m->fields[i].value.len)) {
            struct hs_lint_finding *f = FIND(L, HS_LINT_HTTP_DATE, m->fields[i].name.off, line_len(&m->fields[i]));
            arg_str(f, dates[k]);
        }
    }
}

/* Date, and what caches may do with the final response. */
static void caching(struct hs_lint *L, const struct hs_parsed_response *m)
{
    int code = m->status, cc = field(L, m, "cache-control"), exp = field(L, m, "expires");
    int cacheable = hs_registry_row(hs_registry_id(code))->flags & HS_F_CACHEABLE;
    int sc = field(L, m, "set-cookie");

    if (code >= 200 && code < 500 && field(L, m, "date") < 0)
        FIND(L, HS_LINT_DATE_MISSING, m->line.off, m->line.len);
    if (cacheable && cc < 0 && exp < 0) {
        struct hs_lint_finding *f = FIND(L, HS_LINT_HEURISTIC_CACHE, m->code.off, 3);
        arg(f, L->buf + m->code.off, 3);
    }
    if (sc >= 0 && !field_has(L, m, "cache-control", "private") && !field_has(L, m, "cache-control", "no-store") &&
        (field_has(L, m, "cache-control", "public") || field_has(L, m, "cache-control", "s-maxage") ||
         field_has(L, m, "cache-control", "max-age") || exp >= 0 || (cacheable && cc < 0)))
        FIND(L, HS_LINT_SET_COOKIE_SHARED, m->fields[sc].name.off, line_len(&m->fields[sc]));
}

/* ---- entry points ---------------------------------------------------------- */

/* Reads the request the response answers; a request that cannot be read is
** a finding, and the checks that need it are skipped. Returns HS_RPARSE_*
** flags for the response parser. */
static int read_request(struct hs_lint *L, const char *req, size_t req_len)
{
    struct hs_lint_finding *f;
    int reason;
    if (!req || req_len == 0)
        return 0;
    L->req_buf = req;
    if (hs_request_parse(req, req_len, req_len, NULL, &L->req, NULL, 0) == HS_PARSE_OK) {
        L->has_request = 1;
        return L->req.method.len == 4 && memcmp(req + L->req.method.off, "HEAD", 4) == 0 ? HS_RPARSE_HEAD : 0;
    }
    reason = L->req.reason;
    f = add(L, HS_LINT_REQUEST_UNPARSED, 0, 0, 0, 0);
    arg2(f, hs_request_reason_en(reason), strlen(hs_request_reason_en(reason)), hs_request_reason_ko(reason),
         strlen(hs_request_reason_ko(reason)));
    return 0;
}

/* See lint.h. */
int hs_lint_run(const char *buf, size_t len, const char *req, size_t req_len,
                struct hs_lint *L, char *body, size_t body_cap)
{
    size_t p = 0;
    int flags;

    memset(L, 0, offsetof(struct hs_lint, findings));
    if (!buf)
        len = 0;
    if (len > 0x7fffffff)
        len = 0x7fffffff;
    L->buf = buf;
    L->len = len;
    L->body = body;
    flags = read_request(L, req, req_len);

    /* interim responses, then the final one */
    for (;;) {
        struct hs_parsed_response *m = &L->msgs[L->n_messages++];
        hs_response_parse(buf, len, p, flags, m, body, body_cap);
        defects(L, m);
        if (m->result == HS_RESPONSE_UNREADABLE) {
            FIND(L, m->error_rule, m->error_offset, m->line.off + m->line.len - m->error_offset);
            L->unreadable = 1;
            break;
        }
        if (!(m->status >= 100 && m->status < 200 && m->status != 101) || m->end >= len ||
            L->n_messages == HS_LINT_MAX_MESSAGES)
            break;
        p = m->end;
    }

    for (int i = 0; i < L->n_messages; i++) {
        const struct hs_parsed_response *m = &L->msgs[i];
        int last = i == L->n_messages - 1;
        if (m->result == HS_RESPONSE_UNREADABLE)
            break;
        status_code(L, m);
        interim(L, m, last);
        content_checks(L, m, last);
        field_syntax(L, m);
        if (!last)
            continue;
        required_fields(L, m);
        field_values(L, m);
        request_implies(L, m);
        caching(L, m);
    }
    return (int)L->n_findings;
}

/* See lint.h. */
int hs_lint_too_long(struct hs_lint *L, size_t cap)
{
    memset(L, 0, offsetof(struct hs_lint, findings));
    memset(&L->msgs[0], 0, offsetof(struct hs_parsed_response, defects));
    L->buf = "";
    L->n_messages = 1;
    L->unreadable = 1;
    L->msgs[0].result = HS_RESPONSE_UNREADABLE;
    L->msgs[0].error_rule = HS_LINT_INPUT_TOO_LONG;
    L->msgs[0].error_offset = (uint32_t)cap;
    add(L, HS_LINT_INPUT_TOO_LONG, 0, 0, 0, 0);
    return 1;
}

/* ---- JSON ---------------------------------------------------------------- */

/* Writes template t with the fillers of f for one language as a JSON string
** (through hs_expand, so a Korean {0:은} takes the particle that fits; a
** {0}..{3} without a filler writes nothing; at most 1024 bytes). */
static void expand_json(struct hs_json *j, const char *t, const struct hs_lint_finding *f, int ko)
{
    char out[1024];
    struct hs_str args[HS_LINT_MAX_ARGS] = { { "", 0 } };
    for (int k = 0; k < f->n_args && k < HS_LINT_MAX_ARGS; k++)
        args[k] = ko ? (struct hs_str){ f->args[k].ko, f->args[k].ko_len } : (struct hs_str){ f->args[k].en, f->args[k].en_len };
    hs_json_strn(j, out, hs_expand(out, sizeof out, t, args, HS_LINT_MAX_ARGS, sizeof out));
}

/* Writes "RFC 9110 §15.5.6" and the url of doc and section. */
static void section_json(struct hs_json *j, const char *doc, const char *section)
{
    char text[96], url[160];
    size_t n = 0, dn = strlen(doc), sn = strlen(section), un;
    if (dn + sn + 8 < sizeof text) {
        if (strncmp(doc, "RFC", 3) == 0 && dn > 3) {
            memcpy(text, "RFC ", 4);
            memcpy(text + 4, doc + 3, dn - 3);
            n = dn + 1;
        } else {
            memcpy(text, doc, dn);
            n = dn;
        }
        if (sn) {
            memcpy(text + n, " \xC2\xA7", 3);
            memcpy(text + n + 3, section, sn);
            n += 3 + sn;
        }
    }
    un = hs_registry_reference_url(doc, section, url, sizeof url);
    hs_json_key(j, "section");
    hs_json_strn(j, text, n);
    hs_json_key(j, "url");
    hs_json_strn(j, url, un);
}

/* Writes key: { en, ko } from the templates en and ko with the fillers of f. */
static void pair_json(struct hs_json *j, const char *key, const char *en, const char *ko, const struct hs_lint_finding *f)
{
    hs_json_key(j, key);
    hs_json_obj(j);
    hs_json_key(j, "en");
    expand_json(j, en, f, 0);
    hs_json_key(j, "ko");
    expand_json(j, ko, f, 1);
    hs_json_obj_end(j);
}

/* Writes { message, fix } of rule r with the fillers of f. */
static void texts_json(struct hs_json *j, const struct rule *r, const struct hs_lint_finding *f)
{
    pair_json(j, "message", r->en, r->ko, f);
    pair_json(j, "fix", r->fix_en, r->fix_ko, f);
}

/* Writes the final response as read: { status, phrase, version, headers,
** body, framing }, or { error } when it has no status line. */
static void response_json(struct hs_json *j, const struct hs_lint *L)
{
    static const char *const framing[] = { "none", "length", "chunked", "close" };
    const struct hs_parsed_response *m = &L->msgs[L->n_messages - 1];
    hs_json_key(j, "response");
    hs_json_obj(j);
    if (L->unreadable) {
        const struct rule *r = &rules[m->error_rule];
        hs_json_key(j, "error");
        hs_json_obj(j);
        hs_json_key(j, "rule");
        hs_json_str(j, r->id);
        hs_json_key(j, "offset");
        hs_json_int(j, m->error_offset);
        hs_json_key(j, "message");
        hs_json_i18n(j, r->en, r->ko);
        hs_json_obj_end(j);
        hs_json_obj_end(j);
        return;
    }
    hs_json_key(j, "status");
    hs_json_int(j, m->status);
    hs_json_key(j, "phrase");
    hs_json_strn(j, L->buf + m->phrase.off, m->phrase.len);
    hs_json_key(j, "version");
    hs_json_strn(j, L->buf + m->version.off, m->version.len);
    hs_json_key(j, "headers");
    hs_json_arr(j);
    for (uint32_t i = 0; i < m->n_fields; i++) {
        hs_json_arr(j);
        hs_json_strn(j, L->buf + m->fields[i].name.off, m->fields[i].name.len);
        hs_json_strn(j, L->buf + m->fields[i].value.off, m->fields[i].value.len);
        hs_json_arr_end(j);
    }
    hs_json_arr_end(j);
    hs_json_key(j, "body");
    if (m->framing == HS_RFRAME_CHUNKED)
        hs_json_strn(j, m->body_cut || !L->body ? "" : L->body, m->body_cut || !L->body ? 0 : m->body_len);
    else
        hs_json_strn(j, L->buf + m->content.off, m->content.len);
    hs_json_key(j, "framing");
    hs_json_str(j, framing[m->framing]);
    hs_json_obj_end(j);
}

/* See lint.h. */
int hs_lint_json(const struct hs_lint *L, char *out, size_t cap)
{
    struct hs_json j;
    hs_json_init(&j, out, cap);
    hs_json_obj(&j);
    response_json(&j, L);
    hs_json_key(&j, "findings");
    hs_json_arr(&j);
    for (uint32_t i = 0; i < L->n_findings; i++) {
        const struct hs_lint_finding *f = &L->findings[i];
        const struct rule *r = &rules[f->rule];
        hs_json_obj(&j);
        hs_json_key(&j, "level");
        hs_json_str(&j, level_names[f->level]);
        hs_json_key(&j, "rule");
        hs_json_str(&j, r->id);
        texts_json(&j, r, f);
        section_json(&j, f->doc, f->section);
        if (f->has_span) {
            hs_json_key(&j, "offset");
            hs_json_int(&j, f->off);
            hs_json_key(&j, "length");
            hs_json_int(&j, f->len);
        }
        hs_json_obj_end(&j);
    }
    hs_json_arr_end(&j);
    hs_json_obj_end(&j);
    return hs_json_end(&j) < 0 ? HS_ENOSPC : hs_json_end(&j);
}

/* See lint.h. */
int hs_lint_rules_json(char *out, size_t cap)
{
    struct hs_json j;
    struct hs_lint_finding none;
    memset(&none, 0, sizeof none);
    hs_json_init(&j, out, cap);
    hs_json_arr(&j);
    for (int i = 0; i < HS_LINT_COUNT; i++) {
        hs_json_obj(&j);
        hs_json_key(&j, "rule");
        hs_json_str(&j, rules[i].id);
        hs_json_key(&j, "level");
        hs_json_str(&j, level_names[rules[i].level]);
        section_json(&j, rules[i].doc, rules[i].section);
        texts_json(&j, &rules[i], &none);
        hs_json_obj_end(&j);
    }
    hs_json_arr_end(&j);
    return hs_json_end(&j) < 0 ? HS_ENOSPC : hs_json_end(&j);
}
