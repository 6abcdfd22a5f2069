/*
** examples.c — what the simulated server can be asked to show: for every
** status code, the request (and state) that makes it answer that code, and
** for the article's codes the Flask handler that sends it correctly. The
** data is examples.def and handlers.def; this file looks rows up and writes
** them as JSON. followup.def holds the sentences of a client's next step.
**
** The texts (each example's explanation, each handler's Python and
** explanation, the common snippet) are compiled in, except with
** HS_EXAMPLES_EXTERNAL (http.wasm), which leaves them out and reads them from
** a blob (examples.bin, server.h) the glue installs when a view first shows
** them; until then each is written as null. The requests and setups always
** stay: the server runs them.
*/
#include "exchange.h"

#include "core/hs.h"
#include "core/json.h"

#include <string.h>

struct example {
    uint16_t code;
    uint8_t final;
    const char *setup, *request;
};

static const struct example examples[] = {
#define HS_EXAMPLE(code, final, setup, request, en, ko) { code, final, setup, request },
#include "examples.def"
};

struct handler {
    uint16_t code;
    uint8_t differs;
    const char *route;
};

static const struct handler handlers[] = {
#define HS_HANDLER(code, route, differs, naive, corrected, en, ko) { code, differs, route },
#include "handlers.def"
};

/* ---- the texts: compiled in, or from the blob ------------------------------ */

#define N_EXAMPLES (sizeof examples / sizeof *examples)
#define N_HANDLERS (sizeof handlers / sizeof *handlers)
/* The texts in the blob's order: example i's en, ko at 2i, 2i + 1; handler
** k's naive, corrected, en, ko at EX_TEXTS + 4k + 0..3; the common snippet last. */
#define EX_TEXTS (2 * N_EXAMPLES)
#define N_TEXTS (EX_TEXTS + 4 * N_HANDLERS + 1)
enum { T_NAIVE, T_CORRECTED, T_EN, T_KO };

#ifndef HS_EXAMPLES_EXTERNAL
static const char *const compiled[] = {
#define HS_EXAMPLE(code, final, setup, request, en, ko) en, ko,
#include "examples.def"
#define HS_HANDLER(code, route, differs, naive, corrected, en, ko) naive, corrected, en, ko,
#include "handlers.def"
    HS_HANDLER_COMMON,
};
_Static_assert(sizeof compiled / sizeof *compiled == N_TEXTS, "examples.c: one text per slot");
#endif

/* The installed blob's texts (pointers into it), or all NULL. */
static const char *installed[N_TEXTS];

/* Returns text i (< N_TEXTS): the installed blob's, else the compiled one,
** else (HS_EXAMPLES_EXTERNAL, nothing installed) NULL. */
static const char *text(size_t i)
{
    if (installed[i])
        return installed[i];
#ifndef HS_EXAMPLES_EXTERNAL
    return compiled[i];
#else
    return NULL;
#endif
}

/* Writes the texts en, ko as {en, ko}, or null when they are not here. The
** caller guarantees j is open where a value may go. */
static void i18n_or_null(struct hs_json *j, const char *en, const char *ko)
{
    if (en && ko)
        hs_json_i18n(j, en, ko);
    else
        hs_json_null(j);
}

/* Writes s as a string, or null when it is not here. */
static void str_or_null(struct hs_json *j, const char *s)
{
    if (s)
        hs_json_str(j, s);
    else
        hs_json_null(j);
}

/* See server.h. */
int hs_server_examples_load(const unsigned char *b, size_t len)
{
    return hs_text_blob_split(b, len, HS_EX_MAGIC, N_EXAMPLES, N_HANDLERS, installed, N_TEXTS);
}

#ifndef HS_EXAMPLES_EXTERNAL
/* See server.h. */
int hs_server_examples_blob(unsigned char *out, size_t cap)
{
    return hs_text_blob_write(out, cap, HS_EX_MAGIC, N_EXAMPLES, N_HANDLERS, compiled, N_TEXTS);
}
#endif

/* See server.h. */
int hs_server_example_count(void) { return (int)(sizeof examples / sizeof *examples); }

/* See server.h. */
int hs_server_example_code(int i)
{
    return i >= 0 && i < hs_server_example_count() ? examples[i].code : 0;
}

/* Returns the row of examples.def for code, or NULL. */
static const struct example *find_example(int code)
{
    for (size_t i = 0; i < sizeof examples / sizeof *examples; i++)
        if (examples[i].code == code)
            return &examples[i];
    return NULL;
}

/* See server.h. */
int hs_server_example(int code, const char **request, size_t *request_len, const char **setup,
                      int *final, char *buf, size_t cap)
{
    static const char head[] = "GET /status/", tail[] = " HTTP/1.1\r\nHost: api.example\r\n\r\n";
    const struct example *e;
    if (code < 100 || code > 599)
        return HS_ERANGE;
    e = find_example(code);
    if (e) {
        *request = e->request;
        *request_len = strlen(e->request);
        *setup = e->setup;
        *final = e->final;
        return 1;
    }
    if (cap < sizeof head + sizeof tail + 3)
        return HS_ENOSPC;
    memcpy(buf, head, sizeof head - 1);
    hs_status_digits(code, buf + sizeof head - 1);
    memcpy(buf + sizeof head - 1 + 3, tail, sizeof tail - 1);
    *request = buf;
    *request_len = sizeof head - 1 + 3 + sizeof tail - 1;
    *setup = "";
    *final = code >= 200;
    return 0;
}

/* Writes the setup of an example: {"reset":true} plus its own members. */
static void setup_json(struct hs_json *j, const char *setup)
{
    char buf[256] = "{\"reset\":true";
    size_t n = 13, k = strlen(setup);
    if (k && n + 1 + k + 1 < sizeof buf) {
        buf[n++] = ',';
        memcpy(buf + n, setup, k);
        n += k;
    }
    buf[n++] = '}';
    hs_json_raw(j, buf, n);
}

/* Builds the same setup as a document into buf; returns its length. */
static size_t setup_doc(const char *setup, char *buf, size_t cap)
{
    struct hs_json j;
    hs_json_init(&j, buf, cap);
    setup_json(&j, setup);
    return j.overflow ? 0 : j.len;
}

/* Writes the explanation of an example through GET /status/{code}. */
static void status_explanation(struct hs_json *j, int code)
{
    char en[200], ko[240], c3[3];
    static const char en1[] = "No route of this server has a reason of its own to answer ",
                      en2[] = "; GET /status/{code} sends it on request, with the fields the registry says it requires.",
                      ko1[] = "이 서버의 어떤 경로도 스스로 ",
                      ko2[] = " 코드를 보낼 이유가 없다. GET /status/{code} 경로는 요청에 따라, 레지스트리가 요구하는 필드를 담아 이 코드를 보낸다.";
    size_t n = 0;
    hs_status_digits(code, c3);
    memcpy(en, en1, sizeof en1 - 1), n = sizeof en1 - 1;
    memcpy(en + n, c3, 3), n += 3;
    memcpy(en + n, en2, sizeof en2 - 1), n += sizeof en2 - 1;
    en[n] = 0;
    memcpy(ko, ko1, sizeof ko1 - 1), n = sizeof ko1 - 1;
    memcpy(ko + n, c3, 3), n += 3;
    memcpy(ko + n, ko2, sizeof ko2 - 1), n += sizeof ko2 - 1;
    ko[n] = 0;
    hs_json_i18n(j, en, ko);
}

/* Writes the members of example(code): code, reason, final, request, setup, explanation. */
static void example_members(struct hs_json *j, int code)
{
    char buf[64];
    const char *request, *setup;
    size_t n;
    int final, real = hs_server_example(code, &request, &n, &setup, &final, buf, sizeof buf);
    const struct example *e = find_example(code);
    hs_json_key(j, "code");
    hs_json_int(j, code);
    hs_json_key(j, "reason");
    hs_json_str(j, real == 1 ? "real" : "status-route");
    hs_json_key(j, "final");
    hs_json_bool(j, final);
    hs_json_key(j, "request");
    hs_json_strn(j, request, n);
    hs_json_key(j, "setup");
    setup_json(j, setup);
    hs_json_key(j, "explanation");
    if (e)
        i18n_or_null(j, text(2 * (size_t)(e - examples)), text(2 * (size_t)(e - examples) + 1));
    else
        status_explanation(j, code);
}

/* See server.h. */
int hs_server_example_json(int code, char *out, size_t cap)
{
    struct hs_json j;
    if (code < 100 || code > 599)
        return HS_ERANGE;
    hs_json_init(&j, out, cap);
    hs_json_obj(&j);
    example_members(&j, code);
    hs_json_obj_end(&j);
    return hs_json_end(&j);
}

/* See server.h. */
int hs_server_examples_json(char *out, size_t cap)
{
    struct hs_json j;
    hs_json_init(&j, out, cap);
    hs_json_arr(&j);
    for (size_t i = 0; i < sizeof examples / sizeof *examples; i++) {
        hs_json_obj(&j);
        hs_json_key(&j, "code");
        hs_json_int(&j, examples[i].code);
        hs_json_key(&j, "final");
        hs_json_bool(&j, examples[i].final);
        hs_json_obj_end(&j);
    }
    hs_json_arr_end(&j);
    return hs_json_end(&j);
}

/* See server.h. */
int hs_server_handler_json(struct hs_server *srv, int code, int lang, char *out, size_t cap)
{
    const struct handler *h = NULL;
    size_t t;
    struct hs_server_state keep;
    struct hs_state_error err;
    struct hs_json j;
    char buf[64], doc[256];
    const char *request, *setup;
    size_t n, dn;
    int final, x;
    for (size_t i = 0; i < sizeof handlers / sizeof *handlers; i++)
        if (handlers[i].code == code)
            h = &handlers[i];
    if (!h)
        return HS_ENOMATCH;
    t = EX_TEXTS + 4 * (size_t)(h - handlers);
    /* run the example on a fresh server, then put the live state back */
    hs_server_example(code, &request, &n, &setup, &final, buf, sizeof buf);
    keep = srv->s;
    hs_state_init(&srv->s);
    dn = setup_doc(setup, doc, sizeof doc);
    hs_state_apply(&srv->s, doc, dn, &err);
    /* the trace in lang only: the other language's texts may not be here */
    x = hs_server_exchange(srv, request, n, n, lang, HS_SIM_STATE, out, cap);
    srv->s = keep;
    if (x == HS_ENOTEXT)
        return x;
    if (x < 0 || (size_t)x * 2 + 16384 > cap)
        return HS_ENOSPC;
    /* move the exchange to the end of out, write the rest before it */
    memmove(out + cap - (size_t)x, out, (size_t)x);
    hs_json_init(&j, out, cap - (size_t)x);
    hs_json_obj(&j);
    hs_json_key(&j, "code");
    hs_json_int(&j, code);
    hs_json_key(&j, "route");
    hs_json_str(&j, h->route);
    hs_json_key(&j, "differs");
    hs_json_bool(&j, h->differs);
    hs_json_key(&j, "common");
    str_or_null(&j, text(N_TEXTS - 1));
    hs_json_key(&j, "naive");
    str_or_null(&j, text(t + T_NAIVE));
    hs_json_key(&j, "corrected");
    str_or_null(&j, text(t + T_CORRECTED));
    hs_json_key(&j, "explanation");
    i18n_or_null(&j, text(t + T_EN), text(t + T_KO));
    hs_json_key(&j, "example");
    hs_json_obj(&j);
    example_members(&j, code);
    hs_json_obj_end(&j);
    hs_json_key(&j, "exchange");
    hs_json_raw(&j, "", 0); /* the separator; the value is moved in below */
    if (j.overflow || j.len + (size_t)x + 1 > cap)
        return HS_ENOSPC;
    memmove(out + j.len, out + cap - (size_t)x, (size_t)x);
    j.len += (size_t)x;
    j.cap = cap;
    hs_json_obj_end(&j);
    return hs_json_end(&j);
}

/* See server.h. */
int hs_server_followup_texts_json(char *out, size_t cap)
{
    struct hs_json j;
    hs_json_init(&j, out, cap);
    hs_json_obj(&j);
#define HS_FOLLOW(name, en, ko) \
    hs_json_key(&j, #name);     \
    hs_json_i18n(&j, en, ko);
#include "followup.def"
#undef HS_FOLLOW
    hs_json_obj_end(&j);
    return hs_json_end(&j);
}
