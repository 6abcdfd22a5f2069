/*
** server.h — the simulated server: a strict virtual HTTP/1.1 origin server
** that runs the article's application, done right, on a virtual clock.
**
** Raw request bytes in (possibly several pipelined requests), JSON out:
**   { "exchanges": [ { request, interim: [...], response, connection, trace } ],
**     "rest": null | { offset, bytes, why, detail },
**     "state": { ... } }
** Every decision is a trace step citing the rule it follows, in the order a
** server makes them (RFC 9110): parse, method, expectation, route, method
** allowed, authentication, negotiation, content, rate limit, maintenance,
** preconditions, handler.
**
** All state lives in one struct hs_server (the only mutable global of the
** engine is the one wasm.c keeps); no real time, no network, no allocation.
** The same state and the same bytes always give the same output.
*/
#ifndef HS_SERVER_H
#define HS_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include "http/request.h"
#include "http/response.h"

#define HS_SERVER_EPOCH 1735689600   /* 2025-01-01T00:00:00Z: where the virtual clock starts */
#define HS_SERVER_ITEMS 16           /* capacity of the item store */
#define HS_SERVER_NAME_MAX 64        /* bytes of an item name */
#define HS_SERVER_GONE 16            /* deleted ids remembered for 410 */
#define HS_SERVER_JOBS 8             /* jobs remembered by the status monitor */
#define HS_SERVER_JOB_SECONDS 5      /* virtual seconds a job runs */
#define HS_SERVER_BODY_CAP 65536     /* decoded request content the server reads */
#define HS_SERVER_MAX_EXCHANGES 64   /* exchanges one call answers; the rest is reported */
#define HS_SERVER_TRACE_MAX 24
#define HS_SERVER_TRACE_TEXT 8192
#define HS_SERVER_INTERIM_MAX 2

enum hs_upstream { HS_UPSTREAM_HEALTHY, HS_UPSTREAM_GARBAGE, HS_UPSTREAM_SLOW };
enum hs_lang { HS_LANG_EN, HS_LANG_KO };
enum hs_connection { HS_CONN_KEEP_ALIVE, HS_CONN_CLOSE, HS_CONN_UPGRADE, HS_CONN_COUNT };

struct hs_item {
    uint32_t id;         /* 0: a free slot */
    uint32_t version;    /* bumped by every PUT: part of the ETag */
    int64_t modified;    /* virtual time of the last change: Last-Modified */
    uint32_t name_len;
    char name[HS_SERVER_NAME_MAX];
};

struct hs_job {
    uint32_t id;         /* 0: a free slot */
    int64_t started;     /* virtual time; done HS_SERVER_JOB_SECONDS later */
};

/* Everything the server remembers between exchanges. JS reads it with
** hs_server_state_json and changes it with hs_server_set_json. */
struct hs_server_state {
    int64_t clock;              /* virtual seconds since the epoch; +1 per exchange */
    uint32_t exchanges;         /* exchanges answered since the last reset */
    uint32_t next_id;           /* id the next created item gets */
    uint32_t capacity;          /* items the store accepts (<= HS_SERVER_ITEMS) */
    struct hs_item items[HS_SERVER_ITEMS];
    uint32_t gone[HS_SERVER_GONE]; /* deleted ids, oldest first; 0 = empty */
    uint32_t next_job;
    struct hs_job jobs[HS_SERVER_JOBS];
    /* rate limit: a fixed window of rate_window seconds, rate_limit requests */
    uint32_t rate_limit, rate_window, rate_used;
    int64_t rate_start;
    int64_t maintenance_until;  /* 503 while clock < this; 0 = off */
    int upstream;               /* enum hs_upstream, behind GET /proxy */
    uint32_t request_timeout;   /* seconds the server waits for the rest of a request (408) */
    uint32_t gateway_timeout;   /* seconds /proxy waits for the upstream (504) */
    struct hs_request_limits limits;
};

/* One step of the decision trace. Texts live in the exchange's arena. */
struct hs_trace_step {
    const char *step, *rule;    /* literals */
    uint32_t en_off, ko_off;
    uint16_t en_len, ko_len;
    int outcome;                /* 0 = passed, else the status it decided */
};

/* What one exchange produced (scratch, rewritten for every exchange). */
struct hs_exchange {
    uint32_t offset, length;    /* the bytes of input this exchange read */
    int n_interim;
    int connection;             /* enum hs_connection */
    int n_trace;
    int expect_continue;        /* the request waits for 100 (Continue) */
    int timed_out;              /* the request never completed: 408 after the request timeout */
    uint32_t delay;             /* seconds the handler waits before answering (GET /delay/{s}) */
    uint32_t text_len;
    unsigned trace_langs;       /* the languages the trace is written in: bit 1 << HS_LANG_* */
    int text_missing;           /* a text it needed is not installed (HS_SERVER_TEXT_EXTERNAL): refused */
    struct hs_response interim[HS_SERVER_INTERIM_MAX];
    struct hs_response final;
    struct hs_trace_step trace[HS_SERVER_TRACE_MAX];
    char text[HS_SERVER_TRACE_TEXT];
};

struct hs_server {
    struct hs_server_state s;   /* the state */
    int closing;                /* the server is shutting down: every connection closes after its exchange */
    int realtime;               /* inside hs_server_serve: the clock is real, waits already happened */
    /* scratch: reused by every call, never read across calls */
    struct hs_request req;
    struct hs_exchange x;
    struct hs_server_state saved;
    struct hs_server_state before; /* the state when hs_server_exchange or hs_server_serve began */
    char body[HS_SERVER_BODY_CAP];
    char raw[HS_RESPONSE_BODY + HS_RESPONSE_VALUES + 1024]; /* one serialized response */
};

/* Puts srv in its initial state (items 1-3, clock at HS_SERVER_EPOCH, rate
** limit 60 per 60 s, no maintenance, healthy upstream, default limits). */
void hs_server_init(struct hs_server *srv);
/* Same as hs_server_init: the state JS gets back after a reset. */
void hs_server_reset(struct hs_server *srv);

/* Answers the raw input buf[0..len) as one connection: every pipelined
** request in order until the input ends or the connection closes. total is
** the full size of the input when only its first len bytes are available
** (pass len otherwise). lang (enum hs_lang) is the language of the app's
** messages when the request has no Accept-Language, and of the trace.
** flags (HS_SIM_*) say what else is written: without HS_SIM_BOTH_LANGS each
** trace step's detail holds lang's text only; without HS_SIM_STATE "state"
** is written only when the exchanges changed more than the meters each
** exchange moves (clock, exchange count, rate-limit count). Writes the JSON above
** into out and returns its length, or HS_ENOSPC if cap cannot hold even the
** state (at least 64 KiB always can), or HS_ENOTEXT (the state unchanged)
** when an exchange needs a Korean text that is not installed (below). The output is valid JSON for any
** bytes; the state changes by exactly the exchanges the output shows. */
int hs_server_exchange(struct hs_server *srv, const char *buf, size_t len, size_t total,
                       int lang, unsigned flags, char *out, size_t cap);

/* Bits of hs_server_exchange's flags. */
enum {
    HS_SIM_BOTH_LANGS = 1, /* trace details in English and Korean */
    HS_SIM_STATE = 2       /* the state, changed or not */
};
#define HS_SIM_FULL (HS_SIM_BOTH_LANGS | HS_SIM_STATE)

/* ---- a real connection (bin/serve.js) ---------------------------------- */

/* What hs_server_serve asks the caller to do next. */
enum hs_serve_action {
    HS_SERVE_MORE,       /* wait for more bytes (nothing was answered, the state is unchanged) */
    HS_SERVE_CONTINUE,   /* send out[0..bytes) (100 Continue), then wait for the content */
    HS_SERVE_RESPOND,    /* wait delay seconds, send out[0..bytes), drop consumed bytes */
    HS_SERVE_ACTION_COUNT
};

/* Returns the name of connection c (enum hs_connection) as the exchange
** JSON writes it ("keep-alive", "close", "upgrade"); c must be below HS_CONN_COUNT. */
const char *hs_server_connection_name(int c);

/* Returns the name of action a (enum hs_serve_action): "more", "continue",
** "respond"; a must be below HS_SERVE_ACTION_COUNT. */
const char *hs_server_action_name(int a);

/* Flags of hs_server_serve. */
#define HS_SERVE_TIMED_OUT 0x1  /* the caller's timeout for this request ran out: answer what there is */
#define HS_SERVE_CONTINUED 0x2  /* 100 (Continue) was already sent for this request */
#define HS_SERVE_TRACE 0x4      /* also write the exchange as JSON (the shape of one element of "exchanges") */

struct hs_serve_result {
    int action;                  /* enum hs_serve_action */
    int status;                  /* the final status (RESPOND), 100 (CONTINUE) */
    int connection;              /* enum hs_connection once the response is sent */
    int head;                    /* the request line and header section were read (MORE: the content is awaited) */
    uint32_t consumed;           /* input bytes this exchange read (RESPOND) */
    uint32_t delay;              /* seconds to wait before sending (RESPOND) */
    uint32_t bytes;              /* response bytes at out[0..bytes): interim responses, then the final one */
    uint32_t step_off, step_len; /* in out: the trace step that decided the status */
    uint32_t json_off, json_len; /* in out: the exchange as JSON (HS_SERVE_TRACE), else 0 */
    struct hs_span method, target; /* in the input; len 0 when the request line was not read */
};

/* Decides what a server on a real connection does with the bytes it holds,
** buf[0..len) (total: the size the caller holds when only the first len
** bytes are passed), at the real time now (seconds since 1970; the clock is
** set to it first). flags are HS_SERVE_*. A request that is not complete
** gives MORE, unless its head asked for 100 (Continue) and passed every
** check that needs only the head (CONTINUE), or the head already decided a
** final status (RESPOND, and the connection closes), or the caller's
** timeout ran out (RESPOND 408). MORE and CONTINUE leave the state as it
** was; RESPOND commits the exchange. Fills *r and returns r->bytes, or
** HS_ENOSPC when cap (>= 256 KiB always suffices) cannot hold the output,
** or HS_ENOTEXT (the state unchanged) when the Korean texts are needed (a
** served trace is in both languages) and not installed. */
int hs_server_serve(struct hs_server *srv, const char *buf, size_t len, size_t total, int64_t now,
                    unsigned flags, int lang, char *out, size_t cap, struct hs_serve_result *r);

/* Writes the state as JSON; returns its length or HS_ENOSPC. */
int hs_server_state_json(const struct hs_server *srv, char *out, size_t cap);

/* Changes the state from a JSON object in[0..len) (the shape of the state
** JSON, any subset, plus "reset": true and "advance": seconds), then writes
** the state JSON. On a bad document or value nothing changes and the JSON
** is {"error":{"key","message":{en,ko}}}. Returns the output length, or
** HS_ENOSPC. */
int hs_server_set_json(struct hs_server *srv, const char *in, size_t len, char *out, size_t cap);

/* Writes { code, request, setup, explanation, final } for code: the request
** (and state setup) that makes this server answer code (explanation null
** while the texts are not here: HS_EXAMPLES_EXTERNAL). Returns the length;
** HS_ERANGE for a code outside 100-599; HS_ENOSPC. */
int hs_server_example_json(int code, char *out, size_t cap);

/* Writes the codes that have an example for a real reason, ascending:
** [{ code, final }]. Returns the length or HS_ENOSPC. */
int hs_server_examples_json(char *out, size_t cap);

/* Writes the Flask handler notes for code: { code, article, route, naive,
** corrected, differs, note, exchange } where exchange is the example run on
** a fresh server without touching srv's state, its trace in lang only (the
** texts null while they are not here: HS_EXAMPLES_EXTERNAL). HS_ENOMATCH
** when the article does not discuss code; HS_ENOTEXT when lang's texts are
** needed and not installed. */
int hs_server_handler_json(struct hs_server *srv, int code, int lang, char *out, size_t cap);

/* Writes the sentences of a client's next step (followup.def) as
** { name: { en, ko } } with {0}, {1}... placeholders. Returns the length or
** HS_ENOSPC. */
int hs_server_followup_texts_json(char *out, size_t cap);

/* The examples' and handlers' texts as a blob (examples.bin), for builds
** with HS_EXAMPLES_EXTERNAL (http.wasm), which leave them out:
**   "HSX1", u16 example count, u16 handler count (both this build's),
**   then every text NUL-terminated, in order: each example's English and
**   Korean explanation; each handler's naive and corrected Python and its
**   English and Korean explanation; the common snippet. Nothing after the
**   last NUL. Numbers little endian. gen_examples writes it. */
#define HS_EX_MAGIC "HSX1"

/* Installs blob b[0..len) (the format above) as the examples' texts for
** the JSON written after it, in place of the compiled ones if any. Returns
** HS_OK, or HS_EINVAL (and keeps the texts it had) unless b is well formed
** with this build's counts. The caller keeps b unchanged while it is
** installed. */
int hs_server_examples_load(const unsigned char *b, size_t len);

#ifndef HS_EXAMPLES_EXTERNAL
/* Writes the compiled texts as a blob into out[0..cap); returns its length,
** or HS_ENOSPC when it needs more than cap bytes. */
int hs_server_examples_blob(unsigned char *out, size_t cap);
#endif

/* The server's Korean texts (every trace step's and body's, korean.def) as
** a blob, compiled in except with HS_SERVER_TEXT_EXTERNAL (http.wasm), which
** leaves them out and reads them from server-ko.bin:
**   "HSS1", u16 text count (this build's), u16 language (1, Korean), then
**   every text NUL-terminated in korean.def's order; nothing after the
**   last. An exchange that needs a Korean text that is not here (its
**   language is Korean, its trace is written in Korean, or Accept-Language
**   chose Korean) is refused with HS_ENOTEXT and leaves the state as it was. */
#define HS_SERVER_TEXT_MAGIC "HSS1"

/* Installs blob b[0..len) (the format above) as language lang's texts;
** returns HS_OK, or HS_EINVAL (installing nothing) for another language or
** a blob of another shape or build's count. The caller keeps b unchanged
** while it is installed. */
int hs_server_texts_load(int lang, const unsigned char *b, size_t len);

#ifndef HS_SERVER_TEXT_EXTERNAL
/* Writes language lang's compiled texts as a blob into out[0..cap);
** returns its length, HS_EINVAL for a language without one, or HS_ENOSPC. */
int hs_server_texts_blob(int lang, unsigned char *out, size_t cap);
#endif

/* Returns the number of examples and, for i below it, their codes (for tests). */
int hs_server_example_count(void);
int hs_server_example_code(int i);

/* Finds the example of code: sets the request and the setup JSON (may be
** "" for none) and whether the code is the final status (1) or an interim
** one (0). Returns 1 for an example with a real reason, 0 for one through
** GET /status/{code}, HS_ERANGE outside 100-599. Strings are literals or
** live in buf (cap >= 64). */
int hs_server_example(int code, const char **request, size_t *request_len, const char **setup,
                      int *final, char *buf, size_t cap);

#endif
