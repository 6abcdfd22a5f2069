/*
** server.c — the simulated server's connection: reads pipelined requests
** one after another with the request parser, hands each to the rules
** (rules.c), decides whether the connection stays open, and writes every
** exchange as JSON. The entry points of server.h live here.
**
** Connection rules (RFC 9112 §9): HTTP/1.1 stays open unless either side
** sends "close"; HTTP/1.0 closes unless the client sends "keep-alive" and
** the server honours it (this one does). After a framing error (400, 413,
** 414, 431, 501, 505 from the parser) the rest of the stream cannot be
** trusted: the server answers, closes, and never reads those bytes as
** another request. A request that stops before it is complete gets 408 once
** the virtual request timeout passes, and the connection closes.
** The trace each exchange records is written by trace.c.
*/
#include "routes.h"

#include "core/hs.h"
#include "http/httpdate.h"
#include "core/json.h"

#include <string.h>

/* ---- one exchange -------------------------------------------------------- */

/* Returns 1 if buf[0..n) holds only CR and LF: an idle connection, not a request. */
static int only_eol(const char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (buf[i] != '\r' && buf[i] != '\n')
            return 0;
    return 1;
}

static const char *const framing_en[] = { "no content", "content framed by Content-Length", "chunked content" };
static const char *const framing_ko[] = { "본문 없음", "Content-Length로 구분한 본문", "chunked 본문" };

/* The parser rejected the request: answer its status and close. The trace
** names the offending byte by its offset in the whole input, as the
** request's JSON error does. */
static void parse_failed(struct hs_ctx *c, size_t len)
{
    const struct hs_request *r = c->req;
    c->x->length = (uint32_t)len;
    hs_trace(c, "parse", hs_request_reason_rule(r->reason), r->status,
             "{0} (at byte {1})", KO(PARSE_FAILED_1),
             HS_ARGS(hs_cstr(hs_request_reason_en(r->reason)), hs_trace_num(c, (long long)c->x->offset + r->error_offset),
                     hs_cstr(hs_request_reason_ko(r->reason))));
    hs_trace(c, "connection", "RFC 9112 §9.6", 0,
             "The server stopped reading this request part-way, so it cannot tell where a next request would start: it answers, closes the connection, and does not read the {0} bytes from the offending one on as another request.",
             KO(PARSE_FAILED_2),
             HS_ARGS(hs_trace_num(c, (long long)(len - r->error_offset))));
    c->close = 1;
    hs_problem(c, r->status, hs_request_reason_en(r->reason), hs_request_reason_ko(r->reason));
}

/* The request stopped before it was complete and nothing in the head
** decided otherwise: the server waited, then answers 408 and closes. */
static void timed_out(struct hs_ctx *c)
{
    struct hs_server_state *s = c->s;
    if (!c->srv->realtime)
        s->clock += s->request_timeout;
    c->x->timed_out = 1;
    hs_trace(c, "timeout", "RFC 9110 §15.5.9", 408,
             "The rest of the request never arrived. After waiting {0} s of virtual time the server gives up: 408, and it closes the connection (a half-read request leaves the stream unusable).",
             KO(TIMED_OUT_1),
             HS_ARGS(hs_trace_num(c, s->request_timeout)));
    c->close = 1;
    hs_problem(c, 408, "The request was not completed in time.", KO(TIMED_OUT_2));
}

/* Decides whether the connection persists after this request (RFC 9112 §9.3). */
static void persistence(struct hs_ctx *c)
{
    const struct hs_request *r = c->req;
    if (c->srv->closing) {
        c->close = 1;
        hs_trace(c, "connection", "RFC 9112 §9.6", 0,
                 "The server is shutting down: it answers this request, says Connection: close, and closes.",
                 KO(PERSISTENCE_1), HS_NOARGS);
    } else if (hs_field_has_token(c, "Connection", "close")) {
        c->close = 1;
        hs_trace(c, "connection", "RFC 9112 §9.6", 0,
                 "The client sent Connection: close: the server answers this request, then closes and reads nothing after it.",
                 KO(PERSISTENCE_2), HS_NOARGS);
    } else if (r->version_minor == 0) {
        if (hs_field_has_token(c, "Connection", "keep-alive")) {
            c->keep_alive_10 = 1;
            hs_trace(c, "connection", "RFC 9112 §9.3", 0,
                     "HTTP/1.0 with Connection: keep-alive: the server honours it and says so with Connection: keep-alive.",
                     KO(PERSISTENCE_3), HS_NOARGS);
        } else {
            c->close = 1;
            hs_trace(c, "connection", "RFC 9112 §9.3", 0,
                     "HTTP/1.0 without keep-alive: the connection closes after the response.",
                     KO(PERSISTENCE_4), HS_NOARGS);
        }
    }
}

/* The trace in both languages (the bits of hs_exchange.trace_langs). */
#define BOTH_LANGS ((1u << HS_LANG_EN) | (1u << HS_LANG_KO))

/* Starts the exchange of the request at in (offset bytes into the input):
** c becomes a fresh context over srv, srv->x is emptied and its final
** response is a 500 until something decides; the trace is written in the
** languages of trace_langs (bits 1 << HS_LANG_*). */
static void begin(struct hs_ctx *c, struct hs_server *srv, const char *in, uint32_t offset, int lang, unsigned trace_langs)
{
    struct hs_exchange *x = &srv->x;
    memset(c, 0, sizeof *c);
    c->srv = srv;
    c->s = &srv->s;
    c->x = x;
    c->res = &x->final;
    c->in = in;
    c->req = &srv->req;
    c->body = srv->body;
    c->lang = lang;
    x->offset = offset;
    x->n_interim = 0;
    x->n_trace = 0;
    x->expect_continue = 0;
    x->timed_out = 0;
    x->delay = 0;
    x->text_len = 0;
    x->trace_langs = trace_langs;
    x->text_missing = 0;
    x->connection = HS_CONN_KEEP_ALIVE;
    hs_response_init(&x->final, 500);
}

/* Traces what the parser read of a request whose head is complete; res is
** OK, or INCOMPLETE with the content still missing. */
static void head_trace(struct hs_ctx *c, int res)
{
    const struct hs_request *r = c->req;
    int fi = r->framing < 0 || r->framing > 2 ? 0 : r->framing;
    if (res == HS_PARSE_OK)
        hs_trace(c, "parse", "RFC 9112 §2", 0,
                 "A complete request: {0} {1} HTTP/{2}.{3}; field lines: {4}; {5} ({6} bytes).",
                 KO(HEAD_TRACE_1),
                 HS_ARGS(hs_span_str(c, r->method), hs_span_str(c, r->target), hs_trace_num(c, r->version_major),
                         hs_trace_num(c, r->version_minor), hs_trace_num(c, r->trailer_start),
                         hs_cstr(framing_en[fi]), hs_trace_num(c, r->body_len), hs_cstr(framing_ko[fi])));
    else
        hs_trace(c, "parse", hs_request_reason_rule(r->reason), 0,
                 "The request line and header fields are complete: {0} {1}. {2}",
                 KO(HEAD_TRACE_2),
                 HS_ARGS(hs_span_str(c, r->method), hs_span_str(c, r->target),
                         hs_cstr(hs_request_reason_en(r->reason)), hs_cstr(hs_request_reason_ko(r->reason))));
}

/* The head of the request is complete (res as for head_trace): decides
** persistence and runs the rules; content that never comes ends in 408, or
** in a close when the rules answered before it. */
static void head_read(struct hs_ctx *c, int res)
{
    head_trace(c, res);
    c->head_read = 1;
    persistence(c);
    c->body_missing = res != HS_PARSE_OK;
    hs_decide(c, &hs_app);
    c->x->expect_continue = c->expect_continue;
    if (c->body_missing && !c->decided)
        timed_out(c);
    else if (c->body_missing && !c->close) {
        c->close = 1;
        hs_trace(c, "connection", "RFC 9110 §10.1.1", 0,
                 "The server answered before the content arrived; since the rest of the content never comes, it closes the connection rather than wait to discard it.",
                 KO(HEAD_READ_1), HS_NOARGS);
    }
}

/* Sets how the connection goes on after the exchange and finishes its final
** and interim responses at the server's clock. */
static void finish(struct hs_ctx *c)
{
    struct hs_server *srv = c->srv;
    struct hs_exchange *x = c->x;
    if (c->upgraded)
        x->connection = HS_CONN_UPGRADE;
    else if (c->close)
        x->connection = HS_CONN_CLOSE;
    hs_response_finish(&x->final, srv->s.clock,
                       (c->head ? HS_RESP_HEAD : 0) | (c->close ? HS_RESP_CLOSE : 0) | (c->keep_alive_10 && !c->close ? HS_RESP_KEEP_ALIVE : 0));
    for (int i = 0; i < x->n_interim; i++)
        hs_response_finish(&x->interim[i], srv->s.clock, 0);
}

/* Reads one request from in[0..len) (total bytes of input from in on) and
** decides its exchange into srv->x, its trace in the languages of
** trace_langs. Returns 0, or 1 when the bytes are only an idle connection's
** line breaks. */
static int run_one(struct hs_server *srv, const char *in, size_t len, size_t total, uint32_t offset, int lang,
                   unsigned trace_langs)
{
    struct hs_ctx c;
    struct hs_request *r = &srv->req;
    int res;
    begin(&c, srv, in, offset, lang, trace_langs);
    res = hs_request_parse(in, len, total, &srv->s.limits, r, srv->body, sizeof srv->body);
    if (res == HS_PARSE_INCOMPLETE && only_eol(in, len))
        return 1;
    c.body_len = r->body_len;
    if (res == HS_PARSE_ERROR) {
        parse_failed(&c, len);
    } else {
        int head_done = res == HS_PARSE_OK || r->reason == HS_REQ_INCOMPLETE_BODY || r->reason == HS_REQ_INCOMPLETE_CHUNKED;
        srv->x.length = res == HS_PARSE_OK ? r->consumed : (uint32_t)len;
        if (head_done) {
            head_read(&c, res);
        } else {
            hs_trace(&c, "parse", hs_request_reason_rule(r->reason), 0, "{0}", "{1}",
                     HS_ARGS(hs_cstr(hs_request_reason_en(r->reason)), hs_cstr(hs_request_reason_ko(r->reason))));
            timed_out(&c);
        }
    }
    finish(&c);
    return 0;
}

/* ---- JSON ---------------------------------------------------------------- */

#define BODY_SHOWN 4096      /* request content bytes written to the JSON */
#define HEADERS_SHOWN 8192   /* request field bytes written to the JSON */

/* Writes the request of the exchange (srv->req, whose spans are relative to
** in, which starts at offset in the input): what was parsed, and the error. */
static void request_json(struct hs_server *srv, struct hs_json *j, const char *in, uint32_t offset)
{
    const struct hs_request *r = &srv->req;
    const struct hs_exchange *x = &srv->x;
    int head = r->result == HS_PARSE_OK || r->reason == HS_REQ_INCOMPLETE_BODY || r->reason == HS_REQ_INCOMPLETE_CHUNKED;
    size_t shown = 0;
    int lossy = 0;
    hs_json_obj(j);
    hs_json_key(j, "ok");
    hs_json_bool(j, r->result == HS_PARSE_OK);
    if (r->result == HS_PARSE_INCOMPLETE) {
        hs_json_key(j, "incomplete");
        hs_json_bool(j, 1);
    }
    hs_json_key(j, "offset");
    hs_json_int(j, offset);
    hs_json_key(j, "length");
    hs_json_int(j, x->length);
    if (head) {
        hs_json_key(j, "method");
        hs_json_strn(j, in + r->method.off, r->method.len);
        hs_json_key(j, "target");
        hs_json_strn(j, in + r->target.off, r->target.len);
        hs_json_key(j, "form");
        hs_json_str(j, hs_request_form_name(r->form));
        hs_json_key(j, "path");
        hs_json_strn(j, in + r->path.off, r->path.len);
        hs_json_key(j, "query");
        hs_json_strn(j, in + r->query.off, r->query.len);
        hs_json_key(j, "version");
        {
            char v[8] = { 'H', 'T', 'T', 'P', '/', (char)('0' + r->version_major % 10), '.', (char)('0' + r->version_minor % 10) };
            hs_json_strn(j, v, 8);
        }
        /* field lines are headers[0..n_headers), trailers follow them */
        for (int part = 0; part < 2; part++) {
            uint32_t from = part ? r->trailer_start : 0;
            uint32_t to = part ? r->trailer_start + r->n_trailers : r->n_headers;
            hs_json_key(j, part ? "trailers" : "headers");
            hs_json_arr(j);
            for (uint32_t i = from; i < to && i < HS_REQUEST_MAX_HEADERS && shown < HEADERS_SHOWN; i++) {
                const struct hs_header *h = &r->headers[i];
                hs_json_arr(j);
                hs_json_strn(j, in + h->name.off, h->name.len);
                /* names are tokens; a value may hold obs-text, which shows as U+FFFD */
                lossy |= !part && hs_json_strn(j, in + h->value.off, h->value.len) != 0;
                hs_json_arr_end(j);
                shown += h->name.len + h->value.len;
            }
            hs_json_arr_end(j);
        }
        if (shown >= HEADERS_SHOWN) {
            hs_json_key(j, "headersTruncated");
            hs_json_bool(j, 1);
        }
        if (lossy) {
            hs_json_key(j, "headersNotUtf8");
            hs_json_bool(j, 1);
        }
        hs_json_key(j, "framing");
        hs_json_str(j, hs_request_framing_name(r->framing));
        hs_json_key(j, "body");
        hs_json_strn(j, srv->body, r->body_len < BODY_SHOWN ? r->body_len : BODY_SHOWN);
        hs_json_key(j, "bodyLength");
        hs_json_int(j, r->body_len);
        if (r->body_len > BODY_SHOWN) {
            hs_json_key(j, "bodyTruncated");
            hs_json_bool(j, 1);
        }
    }
    if (r->result != HS_PARSE_OK) {
        hs_json_key(j, "error");
        hs_json_obj(j);
        hs_json_key(j, "status");
        hs_json_int(j, r->status);
        hs_json_key(j, "name");
        hs_json_str(j, hs_request_reason_name(r->reason));
        hs_json_key(j, "reason");
        hs_json_i18n(j, hs_request_reason_en(r->reason), hs_request_reason_ko(r->reason));
        hs_json_key(j, "rule");
        hs_json_str(j, hs_request_reason_rule(r->reason));
        hs_json_key(j, "offset");
        hs_json_int(j, (long long)offset + r->error_offset);
        hs_json_obj_end(j);
    }
    hs_json_obj_end(j);
}

/* Writes a response as { status, phrase, headers, body, raw, rawBase64? }. */
static void response_json(struct hs_server *srv, struct hs_json *j, const struct hs_response *res)
{
    int n = hs_response_serialize(res, srv->raw, sizeof srv->raw);
    size_t raw_len = n < 0 ? 0 : (size_t)n;
    hs_json_obj(j);
    hs_json_key(j, "status");
    hs_json_int(j, res->status);
    hs_json_key(j, "phrase");
    hs_json_str(j, hs_response_phrase(res->status));
    hs_json_key(j, "headers");
    hs_json_arr(j);
    for (int i = 0; i < res->n_fields; i++) {
        size_t vn;
        const char *v = hs_response_value(res, i, &vn);
        hs_json_arr(j);
        hs_json_str(j, res->fields[i].name);
        hs_json_strn(j, v, vn);
        hs_json_arr_end(j);
    }
    hs_json_arr_end(j);
    hs_json_key(j, "body");
    hs_json_strn(j, res->body, (res->flags & HS_RESP_HEAD) ? 0 : res->body_len);
    hs_json_key(j, "raw");
    /* raw is text, so a byte that is not UTF-8 (in a /bytes body, or binary
    ** content POST / echoes) shows there as U+FFFD: the exact bytes follow,
    ** for whoever lints or counts them */
    if (hs_json_strn(j, srv->raw, raw_len) != 0) {
        hs_json_key(j, "rawBase64");
        hs_json_base64(j, srv->raw, raw_len);
    }
    hs_json_obj_end(j);
}

const char *hs_server_connection_name(int c)
{
    static const char *const names[HS_CONN_COUNT] = { "keep-alive", "close", "upgrade" };
    return names[c];
}

const char *hs_server_action_name(int a)
{
    static const char *const names[HS_SERVE_ACTION_COUNT] = { "more", "continue", "respond" };
    return names[a];
}

/* Writes srv->x as one exchange; in is the start of its request. Each trace
** step's detail holds lang's text, or both languages with both set. */
static void exchange_json(struct hs_server *srv, struct hs_json *j, const char *in, int lang, int both)
{
    const struct hs_exchange *x = &srv->x;
    hs_json_obj(j);
    hs_json_key(j, "request");
    request_json(srv, j, in, x->offset);
    hs_json_key(j, "interim");
    hs_json_arr(j);
    for (int i = 0; i < x->n_interim; i++)
        response_json(srv, j, &x->interim[i]);
    hs_json_arr_end(j);
    hs_json_key(j, "response");
    response_json(srv, j, &x->final);
    hs_json_key(j, "connection");
    hs_json_str(j, hs_server_connection_name(x->connection));
    hs_json_key(j, "trace");
    hs_json_arr(j);
    for (int i = 0; i < x->n_trace; i++) {
        const struct hs_trace_step *t = &x->trace[i];
        hs_json_obj(j);
        hs_json_key(j, "step");
        hs_json_str(j, t->step);
        hs_json_key(j, "detail");
        hs_json_obj(j);
        if (both || lang == HS_LANG_EN) {
            hs_json_key(j, "en");
            hs_json_strn(j, x->text + t->en_off, t->en_len);
        }
        if (both || lang == HS_LANG_KO) {
            hs_json_key(j, "ko");
            hs_json_strn(j, x->text + t->ko_off, t->ko_len);
        }
        hs_json_obj_end(j);
        hs_json_key(j, "rule");
        hs_json_str(j, t->rule);
        if (t->outcome) {
            hs_json_key(j, "status");
            hs_json_int(j, t->outcome);
        }
        hs_json_obj_end(j);
    }
    hs_json_arr_end(j);
    hs_json_obj_end(j);
}

/* ---- entry points ---------------------------------------------------------- */

/* See server.h. */
void hs_server_init(struct hs_server *srv)
{
    srv->closing = 0;
    srv->realtime = 0;
    hs_state_init(&srv->s);
}

/* See server.h. */
void hs_server_reset(struct hs_server *srv)
{
    hs_state_init(&srv->s);
}

/* Why the server stopped reading the input before its end. */
enum { REST_NONE, REST_CLOSED, REST_UPGRADED, REST_LIMIT, REST_OUTPUT };

/* Writes why the input was not read to its end, or null. */
static void rest_json(struct hs_json *j, int why, size_t pos, size_t len, size_t total)
{
    static const char *const names[] = { "", "closed", "upgraded", "limit", "output" };
    static const char *const en[] = {
        "",
        "The connection closed after the last exchange; these bytes were never read as a request.",
        "The connection switched protocols; these bytes belong to the new protocol, not to HTTP/1.1.",
        "The simulator answers at most 64 exchanges per input; these bytes were not read.",
        "The simulator's output buffer is full; these bytes were not read and did not change the state.",
    };
    static const char *const ko[] = {
        "",
        "마지막 응답 뒤 연결이 닫혔다. 이 바이트들은 요청으로 읽히지 않았다.",
        "연결이 다른 프로토콜로 바뀌었다. 이 바이트들은 HTTP/1.1이 아니라 새 프로토콜의 것이다.",
        "시뮬레이터는 입력 하나에서 요청·응답을 최대 64개까지만 처리한다. 이 바이트들은 읽지 않았다.",
        "시뮬레이터의 출력 버퍼가 가득 찼다. 이 바이트들은 읽지 않았고 상태도 바꾸지 않았다.",
    };
    if (why == REST_NONE || (pos >= len && total <= len)) {
        hs_json_null(j);
        return;
    }
    hs_json_obj(j);
    hs_json_key(j, "offset");
    hs_json_int(j, (long long)pos);
    hs_json_key(j, "bytes");
    hs_json_int(j, (long long)(total - pos));
    hs_json_key(j, "why");
    hs_json_str(j, names[why]);
    hs_json_key(j, "detail");
    hs_json_i18n(j, en[why], ko[why]);
    hs_json_obj_end(j);
}

/* Returns 1 when the state differs from the one the call began with
** (srv->before) in more than the meters every exchange moves: the clock,
** the exchange count and the rate-limit window's count. Both are copies of
** one struct, padding included, so padding can only make this say
** "changed", never hide a change. */
static int state_changed(struct hs_server *srv)
{
    struct hs_server_state *s = &srv->s;
    const struct hs_server_state *b = &srv->before;
    int64_t clock = s->clock, rate_start = s->rate_start;
    uint32_t exchanges = s->exchanges, rate_used = s->rate_used;
    int changed;
    s->clock = b->clock, s->rate_start = b->rate_start;
    s->exchanges = b->exchanges, s->rate_used = b->rate_used;
    changed = memcmp(s, b, sizeof *s) != 0;
    s->clock = clock, s->rate_start = rate_start;
    s->exchanges = exchanges, s->rate_used = rate_used;
    return changed;
}

/* See server.h. */
int hs_server_exchange(struct hs_server *srv, const char *buf, size_t len, size_t total,
                       int lang, unsigned flags, char *out, size_t cap)
{
    struct hs_json j, saved_json;
    size_t pos = 0, reserve = cap >= 65536 ? 24576 : cap / 2;
    int n = 0, why = REST_NONE;
    unsigned langs;
    if (!buf)
        len = 0;
    if (total < len)
        total = len;
    lang = lang == HS_LANG_KO ? HS_LANG_KO : HS_LANG_EN;
    langs = (flags & HS_SIM_BOTH_LANGS) ? BOTH_LANGS : 1u << lang;
    srv->before = srv->s;
    hs_json_init(&j, out, cap - reserve);
    hs_json_obj(&j);
    hs_json_key(&j, "exchanges");
    hs_json_arr(&j);
    while (pos < len) {
        if (n == HS_SERVER_MAX_EXCHANGES) {
            why = REST_LIMIT;
            break;
        }
        srv->saved = srv->s;
        saved_json = j;
        if (run_one(srv, buf + pos, len - pos, total - pos, (uint32_t)pos, lang, langs))
            break;
        if (srv->x.text_missing) {
            srv->s = srv->before; /* refused: as if nothing had been sent */
            return HS_ENOTEXT;
        }
        exchange_json(srv, &j, buf + pos, lang, (flags & HS_SIM_BOTH_LANGS) != 0);
        if (j.overflow) {
            srv->s = srv->saved;
            j = saved_json;
            why = REST_OUTPUT;
            break;
        }
        srv->s.exchanges++;
        srv->s.clock += 1; /* each exchange takes a virtual second */
        n++;
        pos += srv->x.length;
        if (srv->x.connection != HS_CONN_KEEP_ALIVE) {
            why = srv->x.connection == HS_CONN_UPGRADE ? REST_UPGRADED : REST_CLOSED;
            break;
        }
    }
    hs_json_arr_end(&j);
    j.cap = cap;
    hs_json_key(&j, "rest");
    rest_json(&j, why, pos, len, total);
    if ((flags & HS_SIM_STATE) || state_changed(srv)) {
        hs_json_key(&j, "state");
        hs_state_write(&srv->s, &j);
    }
    hs_json_obj_end(&j);
    return hs_json_end(&j);
}

/* See server.h. */
int hs_server_state_json(const struct hs_server *srv, char *out, size_t cap)
{
    struct hs_json j;
    hs_json_init(&j, out, cap);
    hs_state_write(&srv->s, &j);
    return hs_json_end(&j);
}

/* See server.h. */
int hs_server_set_json(struct hs_server *srv, const char *in, size_t len, char *out, size_t cap)
{
    struct hs_json j;
    struct hs_state_error e;
    hs_json_init(&j, out, cap);
    if (hs_state_apply(&srv->s, in ? in : "", in ? len : 0, &e) < 0) {
        hs_json_obj(&j);
        hs_json_key(&j, "error");
        hs_json_obj(&j);
        hs_json_key(&j, "key");
        if (*e.key)
            hs_json_str(&j, e.key);
        else
            hs_json_strn(&j, in + e.key_off, e.key_len);
        hs_json_key(&j, "message");
        hs_json_i18n(&j, e.en, e.ko);
        hs_json_obj_end(&j);
        hs_json_obj_end(&j);
    } else
        hs_state_write(&srv->s, &j);
    return hs_json_end(&j);
}

/* ---- a real connection ----------------------------------------------------- */

/* Returns the step that decided the final status: the last one that
** decided any status of 200 and up, else the last step. */
static const char *deciding_step(const struct hs_exchange *x)
{
    for (int i = x->n_trace - 1; i >= 0; i--)
        if (x->trace[i].outcome >= 200)
            return x->trace[i].step;
    return x->n_trace ? x->trace[x->n_trace - 1].step : "";
}

/* Appends response res, serialized, to out[*o..cap); returns 0 or HS_ENOSPC. */
static int put_response(const struct hs_response *res, char *out, size_t cap, size_t *o)
{
    int n = hs_response_serialize(res, out + *o, cap - *o);
    if (n < 0)
        return HS_ENOSPC;
    *o += (size_t)n;
    return 0;
}

/* See server.h. */
int hs_server_serve(struct hs_server *srv, const char *buf, size_t len, size_t total, int64_t now,
                    unsigned flags, int lang, char *out, size_t cap, struct hs_serve_result *r)
{
    const struct hs_exchange *x = &srv->x;
    const struct hs_request *req = &srv->req;
    const char *step;
    size_t o = 0, n;
    memset(r, 0, sizeof *r);
    r->action = HS_SERVE_MORE;
    if (!buf || !out)
        return 0;
    if (total < len)
        total = len;
    lang = lang == HS_LANG_KO ? HS_LANG_KO : HS_LANG_EN;
    srv->before = srv->s;
    if (now > 0)
        srv->s.clock = now;
    srv->saved = srv->s;
    srv->realtime = 1;
    n = len == 0 ? 1 : (size_t)run_one(srv, buf, len, total, 0, lang, BOTH_LANGS);
    srv->realtime = 0;
    if (!n && x->text_missing) {
        srv->s = srv->before; /* refused: the state is unchanged, clock included */
        return HS_ENOTEXT;
    }
    if (n)
        return 0; /* nothing, or only the line breaks an idle connection may send */
    if (req->result == HS_PARSE_INCOMPLETE && !(flags & HS_SERVE_TIMED_OUT)) {
        int head_done = req->reason == HS_REQ_INCOMPLETE_BODY || req->reason == HS_REQ_INCOMPLETE_CHUNKED;
        r->head = head_done;
        if (!head_done || !x->expect_continue || (x->timed_out && (flags & HS_SERVE_CONTINUED))) {
            srv->s = srv->saved; /* keep waiting: the content is on its way */
            return 0;
        }
        if (x->timed_out) {
            /* the head passed every check: 100 (Continue) now, the rest later */
            srv->s = srv->saved;
            if (x->n_interim < 1 || x->interim[0].status != 100 || put_response(&x->interim[0], out, cap, &o) < 0)
                return 0;
            r->action = HS_SERVE_CONTINUE;
            r->status = 100;
            r->bytes = (uint32_t)o;
            return (int)o;
        }
        /* else the head alone decided a final status: answer it now (and close) */
    }
    r->action = HS_SERVE_RESPOND;
    r->head = req->result == HS_PARSE_OK || req->reason == HS_REQ_INCOMPLETE_BODY || req->reason == HS_REQ_INCOMPLETE_CHUNKED;
    r->status = x->final.status;
    r->connection = x->connection;
    r->consumed = x->length;
    r->delay = x->delay;
    if (r->head) {
        r->method = req->method;
        r->target = req->target;
    }
    for (int i = 0; i < x->n_interim; i++)
        if (!(x->interim[i].status == 100 && (flags & HS_SERVE_CONTINUED)) && put_response(&x->interim[i], out, cap, &o) < 0)
            goto full;
    if (put_response(&x->final, out, cap, &o) < 0)
        goto full;
    r->bytes = (uint32_t)o;
    step = deciding_step(x);
    n = strlen(step);
    if (cap - o < n)
        goto full;
    memcpy(out + o, step, n);
    r->step_off = (uint32_t)o;
    r->step_len = (uint32_t)n;
    o += n;
    if (flags & HS_SERVE_TRACE) {
        struct hs_json j;
        hs_json_init(&j, out + o, cap - o);
        exchange_json(srv, &j, buf, lang, 1);
        if (hs_json_end(&j) < 0)
            goto full;
        r->json_off = (uint32_t)o;
        r->json_len = (uint32_t)hs_json_end(&j);
    }
    srv->s.exchanges++;
    return (int)r->bytes;
full:
    srv->s = srv->saved;
    memset(r, 0, sizeof *r);
    return HS_ENOSPC;
}
