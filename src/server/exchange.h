/*
** exchange.h — inside the simulated server (not a public API): the context
** one exchange is decided in and the toolkit every step and handler uses
** (exchange.c: fields, tokens, status, interim, problem details, methods),
** the trace (trace.c) and the state and item store (state.c). Shared by
** server.c (the connection), rules.c (the server-wide rules, in RFC 9110
** order) and app.c (routes and handlers).
*/
#ifndef HS_EXCHANGE_H
#define HS_EXCHANGE_H

#include <stddef.h>
#include <stdint.h>

#include "core/hs.h"
#include "server.h"

/* Methods this server knows (RFC 9110 §9, RFC 5789), as bits. */
enum {
    M_GET = 1 << 0, M_HEAD = 1 << 1, M_POST = 1 << 2, M_PUT = 1 << 3, M_DELETE = 1 << 4,
    M_CONNECT = 1 << 5, M_OPTIONS = 1 << 6, M_TRACE = 1 << 7, M_PATCH = 1 << 8
};

/* struct hs_str (core/hs.h) carries every byte string here: a literal, or a
** slice of the input. */

struct hs_app;
struct hs_route;

struct hs_ctx {
    struct hs_server *srv;
    struct hs_server_state *s;
    struct hs_exchange *x;
    struct hs_response *res;        /* &x->final */
    const char *in;                 /* the request's bytes: the parser's offsets are relative to it */
    const struct hs_request *req;
    const char *body;               /* decoded content */
    uint32_t body_len;
    int lang;                       /* enum hs_lang of the app's messages */
    int lang_negotiated;            /* Accept-Language chose it */
    int method;                     /* M_* bit, 0 for an unknown method */
    int head;                       /* HEAD: answered as GET, without content */
    int close;                      /* the connection closes after this exchange */
    int keep_alive_10;              /* HTTP/1.0 keep-alive honoured */
    int role;                       /* 0 none, 1 user, 2 admin */
    int expect_continue;            /* Expect: 100-continue to honour */
    int head_read;                  /* the request line and fields were parsed */
    int body_missing;               /* the head is complete, the content never arrived */
    int decided;                    /* a final status is set: later steps do not run */
    int upgraded;                   /* 101: the connection now speaks another protocol */
    int64_t param;                  /* {id} or {code} */
    const char *text;               /* a text parameter (R_PARAM_TEXT): the rest of the decoded path */
    size_t text_len;
    char scratch[72];               /* a handler's small string that must outlive the rules (an ETag) */
    const struct hs_app *app;       /* the routes being served (routes.h) */
    const struct hs_route *route;   /* the matched route */
    char path[256];                 /* decoded path (for matching) */
    size_t path_len;
};

/* ---- the server's Korean texts (texts.c, korean.def) ---- */

enum hs_ko_id {
#define HS_KO(name, text) HS_KO_##name,
#include "korean.def"
#undef HS_KO
    HS_KO_COUNT
};

/* Returns Korean text id (enum hs_ko_id): compiled in, or, built with
** HS_SERVER_TEXT_EXTERNAL (http.wasm), from the blob hs_server_texts_load
** installed, else NULL. Every sink that writes a Korean text (hs_trace,
** hs_problem, a handler's message) treats NULL as "needed and missing" and
** marks the exchange (hs_text_missing), which is then refused. An id out of
** range gives NULL too. */
const char *hs_ko(int id);
#define KO(name) hs_ko(HS_KO_##name)

/* Marks c's exchange as needing a text that is not installed; returns "" so
** a sink can write on (the exchange is refused after it, server.c). */
const char *hs_text_missing(struct hs_ctx *c);

/* A blob of texts (examples.bin, server-LANG.bin) is: 4 magic bytes, two
** u16 little-endian values the reader checks (counts, a language), then
** exactly n NUL-terminated texts, the last ending the blob. */
#define HS_TEXT_BLOB_HEAD 8
/* Points at[0..n) at the n texts of blob b[0..len) when its magic and
** values are these; returns HS_OK, or HS_EINVAL leaving at unchanged. The
** caller keeps b unchanged while at is used. */
int hs_text_blob_split(const unsigned char *b, size_t len, const char *magic, unsigned v1,
                       unsigned v2, const char **at, size_t n);
/* Writes the blob of texts s[0..n) (each NUL-terminated) with magic, v1, v2
** into out[0..cap); returns its length, or HS_ENOSPC when it needs more. */
int hs_text_blob_write(unsigned char *out, size_t cap, const char *magic, unsigned v1, unsigned v2,
                       const char *const *s, size_t n);

/* ---- trace (trace.c) ---- */

/* Appends a trace step. en and ko may hold {0}..{9}: replaced by args[k]
** (each cut at 160 bytes). outcome is 0 for a step passed, else the status
** it decided. Only the languages in the exchange's trace_langs are written
** (the other is left empty): the JSON shows no other. A NULL template of
** a language written marks the exchange (hs_text_missing). */
void hs_trace(struct hs_ctx *c, const char *step, const char *rule, int outcome,
              const char *en, const char *ko, const struct hs_str *args, int nargs);
/* Returns an hs_str of the decimal digits of v, kept in the trace arena. */
struct hs_str hs_trace_num(struct hs_ctx *c, long long v);

#define HS_S(lit) ((struct hs_str){ (lit), sizeof(lit) - 1 })
#define HS_ARGS(...) ((const struct hs_str[]){ __VA_ARGS__ }), (int)(sizeof((const struct hs_str[]){ __VA_ARGS__ }) / sizeof(struct hs_str))
#define HS_NOARGS NULL, 0

/* ---- request helpers (exchange.c) ---- */

/* Returns the value of the first field named name (case-insensitive) in the
** header section and stores its length; NULL if absent. */
const char *hs_field(const struct hs_ctx *c, const char *name, size_t *n);
/* Returns how many field lines named name the header section holds. */
int hs_field_count(const struct hs_ctx *c, const char *name);
/* Walks the comma-separated elements of every line of field name: *line is
** the header index to resume from (start at -1), *pos within its value.
** Returns 1 with the element (OWS trimmed, may be empty) or 0 at the end. */
int hs_field_next(const struct hs_ctx *c, const char *name, int *line, size_t *pos, const char **el, size_t *n);
/* Returns 1 if the comma-separated field name (all lines) holds token tok (case-insensitive). */
int hs_field_has_token(const struct hs_ctx *c, const char *name, const char *tok);
/* Returns 1 if s[0..n) equals the literal lit ignoring ASCII case (core's
** hs_ascii_ieq with the literal's length). */
int hs_ieq(const char *s, size_t n, const char *lit);
/* Returns 1 for optional whitespace (SP, HTAB: RFC 9110 §5.6.3). */
int hs_is_ows(char ch);
/* Returns the C string s as an hs_str; NULL (a text not installed, whose
** template is then missing too) gives the empty string. */
struct hs_str hs_cstr(const char *s);
/* Returns the bytes of span s of the request. */
struct hs_str hs_span_str(const struct hs_ctx *c, struct hs_span s);

/* Sets the final status (and marks the exchange decided). */
void hs_status(struct hs_ctx *c, int status);
/* Adds an interim response (unless the client speaks HTTP/1.0, which must
** never get one: RFC 9110 §15.2); returns it, or NULL. */
struct hs_response *hs_interim(struct hs_ctx *c, int status);
/* Returns en or ko, the one in c->lang; a NULL one marks the exchange
** (hs_text_missing) and gives "". */
const char *hs_text_of(struct hs_ctx *c, const char *en, const char *ko);
/* Writes an RFC 9457 problem-details body with the app's message in c->lang. */
void hs_problem(struct hs_ctx *c, int status, const char *en, const char *ko);
/* Adds Content-Language and Vary for a body in c->lang. */
void hs_content_language(struct hs_ctx *c);

/* ---- methods (exchange.c) ---- */

struct hs_method_name { const char *name; int bit; };
/* Every method this server knows, with its M_* bit. */
extern const struct hs_method_name hs_methods[];
extern const size_t hs_method_count;
/* Writes the Allow value for route methods (GET implies HEAD; OPTIONS is
** always allowed) into buf of cap bytes; returns its length. */
size_t hs_allow(unsigned methods, char *buf, size_t cap);

/* ---- the item store (state.c) ---- */

struct hs_item;
/* The ETag of an item: "\"<id>.<version>\"". Writes into buf (>= 32); returns length. */
size_t hs_item_etag(const struct hs_item *it, char *buf);
/* Returns the item with id, or NULL. */
struct hs_item *hs_item_find(struct hs_server_state *s, uint32_t id);

/* ---- state (state.c) ---- */

/* Writes the state as a JSON value with j. */
struct hs_json;
void hs_state_write(const struct hs_server_state *s, struct hs_json *j);
/* Resets s. */
void hs_state_init(struct hs_server_state *s);
/* The first problem hs_state_apply found. */
struct hs_state_error {
    const char *key;           /* the member at fault ("" when key_len says it) */
    uint32_t key_off, key_len; /* an unknown member's name in the input (raw JSON string bytes) */
    const char *en, *ko;
};
/* Applies a JSON object to s ("reset": true first, then every member in
** order, then "maintenance": true/false, which wins over a disagreeing
** "maintenanceUntil"); returns 0, or -1 and fills *e. Leaves s unchanged
** on error. */
int hs_state_apply(struct hs_server_state *s, const char *in, size_t len, struct hs_state_error *e);

#endif
