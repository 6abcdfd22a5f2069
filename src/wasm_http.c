/*
** wasm_http.c — the exports of the second module, http.wasm: the request
** parser and the simulated server. The glue loads it the first time one of
** them is used. The linter is the third module (wasm_lint.c). See wasm_io.h.
*/
#include "wasm_io.h"

#include "core/hs.h"
#include "core/json.h"
#include "http/request.h"

/* ---- request parser ----------------------------------------------------- */

/* hs_wasm_parse_request writes scalars, not JSON: 32-bit words at
** hs_wasm_request_words(), so the glue reads numbers and slices its own
** string. Spans are byte offsets from the start of the parsed request
** (hs_in_buf + start). The words, in order (hs_wasm_request_layout gives the
** glue their indexes by these names, so no index is written twice):
**   result (enum hs_parse_result), consumed, missing (0xffffffff: unknown),
**   status, reason, errorOffset, method/methodLen, target/targetLen,
**   path/pathLen, query/queryLen, form, versionMajor, versionMinor, framing,
**   bodyLen, nHeaders, trailerStart, nTrailers, contentLengthLow/High
**   then from word 32, 4 per field line i: name off, name len, value off, value len
** Header section fields are i < nHeaders; trailers are trailerStart + i.
** The decoded body (bodyLen bytes) is at hs_out_buf. */
#define HS_REQ_WORD_NAMES(X)                                                     \
    X(result) X(consumed) X(missing) X(status) X(reason) X(errorOffset)          \
    X(method) X(methodLen) X(target) X(targetLen) X(path) X(pathLen)             \
    X(query) X(queryLen) X(form) X(versionMajor) X(versionMinor) X(framing)      \
    X(bodyLen) X(nHeaders) X(trailerStart) X(nTrailers)                          \
    X(contentLengthLow) X(contentLengthHigh)

enum req_word {
#define X(name) W_##name,
    HS_REQ_WORD_NAMES(X)
#undef X
    W_COUNT
};

#define HS_REQ_OUT_HEADERS 32
#define HS_REQ_FIELD_WORDS 4
#define HS_REQ_WORDS (HS_REQ_OUT_HEADERS + HS_REQ_FIELD_WORDS * HS_REQUEST_MAX_HEADERS)
#define HS_REQ_MISSING_UNKNOWN 0xffffffffu
_Static_assert(W_COUNT <= HS_REQ_OUT_HEADERS, "the scalar words run into the field lines");

static struct hs_request parsed;
static uint32_t req_words[HS_REQ_WORDS];

/* Returns the address of the words hs_wasm_parse_request writes. */
HS_EXPORT uint32_t *hs_wasm_request_words(void) { return req_words; }

/* Returns the limit v, or dflt when v < 0. */
static uint32_t limit_or(int v, uint32_t dflt) { return v < 0 ? dflt : (uint32_t)v; }

/* Parses hs_in_buf[start..len) as one request; total_len is the size of the
** whole input (> len when it did not fit the input buffer). A negative limit
** means the default; lenient is HS_LENIENT_* bits. Writes the words above
** and returns the result (0 OK, 1 INCOMPLETE, 2 ERROR). */
HS_EXPORT int hs_wasm_parse_request(int start, int len, int total_len, int max_request_line,
                                    int max_target, int max_header_section, int max_headers,
                                    int max_body, int lenient)
{
    struct hs_request_limits lim = hs_request_default_limits();
    struct hs_request *r = &parsed;
    uint32_t *w = req_words;
    size_t n, total;
    uint32_t i, k;

    len = hs_wasm_clamp(len);
    start = start < 0 ? 0 : start > len ? len : start;
    n = (size_t)(len - start);
    total = total_len > len ? (size_t)(total_len - start) : n;
    lim.max_request_line = limit_or(max_request_line, lim.max_request_line);
    lim.max_target = limit_or(max_target, lim.max_target);
    lim.max_header_section = limit_or(max_header_section, lim.max_header_section);
    lim.max_headers = limit_or(max_headers, lim.max_headers);
    lim.max_body = limit_or(max_body, lim.max_body);
    lim.lenient = (uint32_t)lenient;

    hs_request_parse((const char *)hs_in_buf + start, n, total, &lim, r, hs_out_buf, HS_OUT_CAP);
    w[W_result] = (uint32_t)r->result;
    w[W_consumed] = r->consumed;
    w[W_missing] = r->missing < 0 ? HS_REQ_MISSING_UNKNOWN : r->missing > 0x7fffffff ? 0x7fffffffu : (uint32_t)r->missing;
    w[W_status] = (uint32_t)r->status;
    w[W_reason] = (uint32_t)r->reason;
    w[W_errorOffset] = r->error_offset;
    w[W_method] = r->method.off, w[W_methodLen] = r->method.len;
    w[W_target] = r->target.off, w[W_targetLen] = r->target.len;
    w[W_path] = r->path.off, w[W_pathLen] = r->path.len;
    w[W_query] = r->query.off, w[W_queryLen] = r->query.len;
    w[W_form] = (uint32_t)r->form;
    w[W_versionMajor] = (uint32_t)r->version_major;
    w[W_versionMinor] = (uint32_t)r->version_minor;
    w[W_framing] = (uint32_t)r->framing;
    w[W_bodyLen] = r->body_len;
    w[W_nHeaders] = r->n_headers;
    w[W_trailerStart] = r->trailer_start;
    w[W_nTrailers] = r->n_trailers;
    w[W_contentLengthLow] = (uint32_t)r->content_length;
    w[W_contentLengthHigh] = (uint32_t)(r->content_length >> 32);
    k = r->trailer_start + r->n_trailers;
    if (r->result != HS_PARSE_OK)
        k = 0;
    for (i = 0; i < k && i < HS_REQUEST_MAX_HEADERS; i++) {
        uint32_t *h = w + HS_REQ_OUT_HEADERS + HS_REQ_FIELD_WORDS * i;
        h[0] = r->headers[i].name.off, h[1] = r->headers[i].name.len;
        h[2] = r->headers[i].value.off, h[3] = r->headers[i].value.len;
    }
    return r->result;
}

/* Writes the JSON array of every parser reason, indexed by reason id:
** [{ name, status, rule, en, ko }]; returns its length. */
HS_EXPORT int hs_wasm_request_reasons(void)
{
    struct hs_json j;
    hs_json_init(&j, hs_out_buf, HS_OUT_CAP);
    hs_json_arr(&j);
    for (int r = 0; r < HS_REQ_COUNT; r++) {
        hs_json_obj(&j);
        hs_json_key(&j, "name");
        hs_json_str(&j, hs_request_reason_name(r));
        hs_json_key(&j, "status");
        hs_json_int(&j, hs_request_reason_status(r));
        hs_json_key(&j, "rule");
        hs_json_str(&j, hs_request_reason_rule(r));
        hs_json_key(&j, "en");
        hs_json_str(&j, hs_request_reason_en(r));
        hs_json_key(&j, "ko");
        hs_json_str(&j, hs_request_reason_ko(r));
        hs_json_obj_end(&j);
    }
    hs_json_arr_end(&j);
    return hs_json_end(&j);
}

/* Writes key: [name(0), ..., name(count - 1)] into j. */
/* Writes "key": v. */
static void key_int(struct hs_json *j, const char *key, long long v)
{
    hs_json_key(j, key);
    hs_json_int(j, v);
}

static void name_list(struct hs_json *j, const char *key, const char *(*name)(int), int count)
{
    hs_json_key(j, key);
    hs_json_arr(j);
    for (int i = 0; i < count; i++)
        hs_json_str(j, name(i));
    hs_json_arr_end(j);
}

/* Writes what the glue needs to read the words and pass the arguments,
** so it mirrors no number by hand (SQLite's enum_json):
** { words, fieldsAt, fieldWords, missingUnknown, word: { name: index },
**   result: { ok, incomplete, error }, forms: [], framing: [],
**   limits: [the limit arguments of hs_wasm_parse_request in order],
**   lenient: { bareLF } }. Returns its length. */
HS_EXPORT int hs_wasm_request_layout(void)
{
    static const char *const limits[] = { "maxRequestLine", "maxTarget", "maxHeaderSection", "maxHeaders", "maxBody" };
    struct hs_json j;
    hs_json_init(&j, hs_out_buf, HS_OUT_CAP);
    hs_json_obj(&j);
    key_int(&j, "words", HS_REQ_WORDS);
    key_int(&j, "fieldsAt", HS_REQ_OUT_HEADERS);
    key_int(&j, "fieldWords", HS_REQ_FIELD_WORDS);
    key_int(&j, "missingUnknown", HS_REQ_MISSING_UNKNOWN);
    hs_json_key(&j, "word");
    hs_json_obj(&j);
#define X(name) key_int(&j, #name, W_##name);
    HS_REQ_WORD_NAMES(X)
#undef X
    hs_json_obj_end(&j);
    hs_json_key(&j, "result");
    hs_json_obj(&j);
    key_int(&j, "ok", HS_PARSE_OK);
    key_int(&j, "incomplete", HS_PARSE_INCOMPLETE);
    key_int(&j, "error", HS_PARSE_ERROR);
    hs_json_obj_end(&j);
    name_list(&j, "forms", hs_request_form_name, HS_FORM_COUNT);
    name_list(&j, "framing", hs_request_framing_name, HS_FRAMING_COUNT);
    hs_json_key(&j, "limits");
    hs_json_arr(&j);
    for (size_t i = 0; i < sizeof limits / sizeof *limits; i++)
        hs_json_str(&j, limits[i]);
    hs_json_arr_end(&j);
    hs_json_key(&j, "lenient");
    hs_json_obj(&j);
    key_int(&j, "bareLF", HS_LENIENT_BARE_LF);
    hs_json_obj_end(&j);
    hs_json_obj_end(&j);
    return hs_json_end(&j);
}


/* ---- simulated server --------------------------------------------------- */
/*
** The server's state is the one piece of mutable global state the engine
** has (DESIGN.md): a static struct, set up on first use, reset from JS.
** Requests are read from hs_in_buf; JSON goes to hs_out_buf.
*/
#include "server/server.h"

static struct hs_server server;
static int server_ready;

static struct hs_server *the_server(void)
{
    if (!server_ready) {
        hs_server_init(&server);
        server_ready = 1;
    }
    return &server;
}

/* Answers hs_in_buf[0..len) as one connection (total: the input's full size
** when it did not fit; lang 0 English, 1 Korean; flags HS_SIM_* bits, see
** hs_server_exchange); writes { exchanges, rest, state? } and returns its
** length, or HS_ENOTEXT (nothing changed) when an exchange needs the
** Korean texts before hs_wasm_server_ko_load installed them. */
HS_EXPORT int hs_wasm_simulate(int len, int total, int lang, int flags)
{
    size_t n = (size_t)hs_wasm_clamp(len);
    size_t t = total > len ? (size_t)total : n;
    return hs_server_exchange(the_server(), (const char *)hs_in_buf, n, t, lang, (unsigned)flags, hs_out_buf, HS_OUT_CAP);
}

/* Writes the server state as JSON; returns its length. */
HS_EXPORT int hs_wasm_server_state(void) { return hs_server_state_json(the_server(), hs_out_buf, HS_OUT_CAP); }

/* Applies the JSON object hs_in_buf[0..len) to the state; writes the new state,
** or {"error": ...} leaving the state unchanged; returns the length. */
HS_EXPORT int hs_wasm_server_set(int len)
{
    return hs_server_set_json(the_server(), (const char *)hs_in_buf, (size_t)hs_wasm_clamp(len), hs_out_buf, HS_OUT_CAP);
}

/* Puts the server back in its initial state; writes that state. */
HS_EXPORT int hs_wasm_server_reset(void)
{
    hs_server_reset(the_server());
    return hs_server_state_json(&server, hs_out_buf, HS_OUT_CAP);
}

/* Writes the example request for code; HS_ERANGE outside 100-599. */
HS_EXPORT int hs_wasm_server_example(int code) { return hs_server_example_json(code, hs_out_buf, HS_OUT_CAP); }

/* Writes [{ code, final }] for every code the server sends for a real reason. */
HS_EXPORT int hs_wasm_server_examples(void) { return hs_server_examples_json(hs_out_buf, HS_OUT_CAP); }

/* Writes the sentences of a client's next step, { name: { en, ko } }. */
HS_EXPORT int hs_wasm_server_followup_texts(void) { return hs_server_followup_texts_json(hs_out_buf, HS_OUT_CAP); }

/* Writes the Flask handler notes for one of the article's codes, with its
** example run on a fresh server (the live state is untouched);
** HS_ENOMATCH for another code, HS_ENOTEXT before the Korean texts when
** lang is Korean. */
HS_EXPORT int hs_wasm_server_handler(int code, int lang)
{
    return hs_server_handler_json(the_server(), code, lang, hs_out_buf, HS_OUT_CAP);
}

/* ---- a real connection (bin/serve.js) ----------------------------------- */

/* hs_wasm_serve writes scalars at hs_wasm_serve_words(), in this order
** (hs_wasm_serve_layout gives the glue their indexes by these names):
**   action (enum hs_serve_action), status, connection (enum hs_connection),
**   consumed, delay, bytes (the response bytes at hs_out_buf),
**   stepOff/stepLen, jsonOff/jsonLen (in hs_out_buf),
**   methodOff/methodLen, targetOff/targetLen (in hs_in_buf), head (read). */
#define HS_SERVE_WORD_NAMES(X)                                                   \
    X(action) X(status) X(connection) X(consumed) X(delay) X(bytes)              \
    X(stepOff) X(stepLen) X(jsonOff) X(jsonLen)                                  \
    X(methodOff) X(methodLen) X(targetOff) X(targetLen) X(head)
enum {
#define X(name) SW_##name,
    HS_SERVE_WORD_NAMES(X)
#undef X
    HS_SERVE_WORDS
};
static uint32_t serve_words[HS_SERVE_WORDS];

/* Returns the address of the words hs_wasm_serve writes. */
HS_EXPORT uint32_t *hs_wasm_serve_words(void) { return serve_words; }

/* Writes what the glue needs to read hs_wasm_serve's words and pass its
** and hs_wasm_simulate's flags: { words, word: { name: index }, actions: [],
** connections: [], flags: { timedOut, continued, trace },
** simulate: { bothLangs, state } }. Returns its length. */
HS_EXPORT int hs_wasm_serve_layout(void)
{
    struct hs_json j;
    hs_json_init(&j, hs_out_buf, HS_OUT_CAP);
    hs_json_obj(&j);
    key_int(&j, "words", HS_SERVE_WORDS);
    hs_json_key(&j, "word");
    hs_json_obj(&j);
#define X(name) key_int(&j, #name, SW_##name);
    HS_SERVE_WORD_NAMES(X)
#undef X
    hs_json_obj_end(&j);
    name_list(&j, "actions", hs_server_action_name, HS_SERVE_ACTION_COUNT);
    name_list(&j, "connections", hs_server_connection_name, HS_CONN_COUNT);
    hs_json_key(&j, "flags");
    hs_json_obj(&j);
    key_int(&j, "timedOut", HS_SERVE_TIMED_OUT);
    key_int(&j, "continued", HS_SERVE_CONTINUED);
    key_int(&j, "trace", HS_SERVE_TRACE);
    hs_json_obj_end(&j);
    hs_json_key(&j, "simulate");
    hs_json_obj(&j);
    key_int(&j, "bothLangs", HS_SIM_BOTH_LANGS);
    key_int(&j, "state", HS_SIM_STATE);
    hs_json_obj_end(&j);
    hs_json_obj_end(&j);
    return hs_json_end(&j);
}

/* Decides what a real connection does with hs_in_buf[0..len) (total: the
** bytes it holds) at now (seconds since 1970, as a double so it needs no
** BigInt), flags HS_SERVE_*, lang 0 English, 1 Korean. Writes the words
** above and the response bytes at hs_out_buf; returns their length, or a
** negative HS_E* code. */
HS_EXPORT int hs_wasm_serve(int len, int total, double now, int flags, int lang)
{
    struct hs_serve_result r;
    size_t n = (size_t)hs_wasm_clamp(len);
    size_t t = total > len ? (size_t)total : n;
    int rc = hs_server_serve(the_server(), (const char *)hs_in_buf, n, t, (int64_t)now, (unsigned)flags, lang,
                             hs_out_buf, HS_OUT_CAP, &r);
    uint32_t *w = serve_words;
    w[SW_action] = (uint32_t)r.action, w[SW_status] = (uint32_t)r.status, w[SW_connection] = (uint32_t)r.connection;
    w[SW_consumed] = r.consumed, w[SW_delay] = r.delay, w[SW_bytes] = r.bytes;
    w[SW_stepOff] = r.step_off, w[SW_stepLen] = r.step_len, w[SW_jsonOff] = r.json_off, w[SW_jsonLen] = r.json_len;
    w[SW_methodOff] = r.method.off, w[SW_methodLen] = r.method.len;
    w[SW_targetOff] = r.target.off, w[SW_targetLen] = r.target.len;
    w[SW_head] = (uint32_t)r.head;
    return rc;
}

/* Sets whether the server is shutting down (every connection then closes
** after its exchange); returns the value set. */
HS_EXPORT int hs_wasm_server_closing(int on)
{
    the_server()->closing = on != 0;
    return the_server()->closing;
}

/* ---- the examples' texts ------------------------------------------------ */

/* The examples' and handlers' texts (examples.bin), written by the glue,
** installed by hs_wasm_examples_load, never changed after that. */
#define HS_EX_CAP (48 * 1024)
static unsigned char examples_buf[HS_EX_CAP];

/* Returns the address where the glue writes examples.bin. */
HS_EXPORT unsigned char *hs_wasm_examples_buf(void) { return examples_buf; }

/* Returns the size of that buffer. */
HS_EXPORT int hs_wasm_examples_cap(void) { return HS_EX_CAP; }

/* Installs the len bytes at hs_wasm_examples_buf() as the texts of
** example() and handler() (null before); returns HS_OK, or HS_EINVAL
** (nothing installed) for a blob that is not well formed, not of this
** build's rows, or longer than the buffer. */
HS_EXPORT int hs_wasm_examples_load(int len)
{
    if (len < 0 || len > HS_EX_CAP)
        return HS_EINVAL;
    return hs_server_examples_load(examples_buf, (size_t)len);
}

/* ---- the server's Korean texts ------------------------------------------- */

/* The server's Korean texts (server-ko.bin), written by the glue, installed
** by hs_wasm_server_ko_load, never changed after that. */
#define HS_KO_CAP (32 * 1024)
static unsigned char server_ko_buf[HS_KO_CAP];

/* Returns the address where the glue writes server-ko.bin. */
HS_EXPORT unsigned char *hs_wasm_server_ko_buf(void) { return server_ko_buf; }

/* Returns the size of that buffer. */
HS_EXPORT int hs_wasm_server_ko_cap(void) { return HS_KO_CAP; }

/* Installs the len bytes at hs_wasm_server_ko_buf() as the server's Korean
** texts (before, an exchange that needs them is refused with HS_ENOTEXT);
** returns HS_OK, or HS_EINVAL (nothing installed) for a blob that is not
** well formed, not of this build's texts, or longer than the buffer. */
HS_EXPORT int hs_wasm_server_ko_load(int len)
{
    if (len < 0 || len > HS_KO_CAP)
        return HS_EINVAL;
    return hs_server_texts_load(HS_LANG_KO, server_ko_buf, (size_t)len);
}
