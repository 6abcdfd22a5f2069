/*
** test_server.c — native tests of the simulated server (the server layer),
** under ASan and UBSan. Every request sits right before a guard page
** (guarded()), so reading one byte past the input crashes the test. Its
** pieces are tested in their own layers: SHA-1/base64 and the JSON reader in
** test_core.c, HTTP dates and the response builder in test_http.c.
*/
#include "test.h"

#include "../fuzz/json_check.h"
#include "../fuzz/server_check.h"
#include "core/hs.h"
#include "core/json.h"
#include "core/jsonread.h"
#include "server/server.h"

static struct hs_server srv;
static char out[256 * 1024], out2[256 * 1024];

/* ---- the server --------------------------------------------------------------- */

/* Runs raw (copied before a guard page) on srv; returns the output length
** after checking it is valid JSON with well-framed responses. */
static int run(const char *raw, size_t n)
{
    const char *why;
    int len = hs_server_exchange(&srv, guarded(raw, n), n, n, HS_LANG_EN, HS_SIM_FULL, out, sizeof out);
    if (len < 0 || !json_valid(out, (size_t)len)) {
        ok(0, "output is valid JSON");
        return len;
    }
    if ((why = check_exchanges(out, (size_t)len)) != NULL)
        ok(0, "framing: %s", why);
    return len;
}
#define RUN(lit) run((lit), sizeof(lit) - 1)

/* Returns the status of exchange i (from the end when i < 0), or -1. */
static int status_of(int len, int i)
{
    struct hs_jval root, xs, x, v, k, s;
    uint32_t err, pos = 0;
    int64_t st;
    int count = 0, want;
    if (len < 0 || hs_jread_doc(out, (size_t)len, &root, &err) < 0 || !check_member(out, &root, "exchanges", &xs))
        return -1;
    while (hs_jread_element(out, &xs, &pos, &x))
        count++;
    want = i < 0 ? count + i : i;
    pos = 0;
    for (int c = 0; hs_jread_element(out, &xs, &pos, &x); c++)
        if (c == want && check_member(out, &x, "response", &v) && check_member(out, &v, "status", &s) && hs_jread_int(out, &s, &st) == 0)
            return (int)st;
    (void)k;
    return -1;
}

static int exchange_count(int len)
{
    struct hs_jval root, xs, x;
    uint32_t err, pos = 0;
    int count = 0;
    if (len < 0 || hs_jread_doc(out, (size_t)len, &root, &err) < 0 || !check_member(out, &root, "exchanges", &xs))
        return -1;
    while (hs_jread_element(out, &xs, &pos, &x))
        count++;
    return count;
}

static void set_state(const char *json)
{
    int n = hs_server_set_json(&srv, guarded(json, strlen(json)), strlen(json), out2, sizeof out2);
    ok(n > 0 && json_valid(out2, (size_t)n) && !contains(out2, n, "\"error\""), "state set: %s", json);
}

static void test_examples(void)
{
    char buf[64], doc[256];
    int bad = 0, checked = 0, len;
    for (int code = 100; code <= 599; code++) {
        const char *request, *setup;
        size_t n;
        int final, real = hs_server_example(code, &request, &n, &setup, &final, buf, sizeof buf);
        size_t dn = 0;
        hs_server_reset(&srv);
        memcpy(doc, "{\"reset\":true", 13), dn = 13;
        if (*setup) {
            doc[dn++] = ',';
            memcpy(doc + dn, setup, strlen(setup)), dn += strlen(setup);
        }
        doc[dn++] = '}';
        hs_server_set_json(&srv, doc, dn, out2, sizeof out2);
        len = run(request, n);
        checked++;
        if (final) {
            int st = status_of(len, -1);
            if (st != code && !(code == 101 && real == 0)) {
                printf("#   example %d gives %d\n", code, st);
                bad++;
            }
        } else {
            char want[32] = "\"interim\":[{\"status\":000";
            want[21] = (char)('0' + code / 100), want[22] = (char)('0' + code / 10 % 10), want[23] = (char)('0' + code % 10);
            if (!contains(out, len, want)) {
                printf("#   example %d has no interim %d\n", code, code);
                bad++;
            }
        }
    }
    is_int(bad, 0, "every code 100-599 has an example that produces it (%d checked)", checked);
    ok(hs_server_example_count() >= 40, "at least 40 codes have a real reason (%d)", hs_server_example_count());
}

/* examples.bin: the compiled texts as a blob, and back (the wasm build reads them so). */
static void test_examples_blob(void)
{
    static unsigned char blob[64 * 1024], bad[64 * 1024];
    static char before[256 * 1024];
    int n = hs_server_examples_blob(blob, sizeof blob), m;
    ok(n > 8 && memcmp(blob, HS_EX_MAGIC, 4) == 0, "the texts make a blob (%d bytes)", n);
    is_int(hs_server_examples_blob(blob, 100), HS_ENOSPC, "a blob that does not fit is refused");
    n = hs_server_examples_blob(blob, sizeof blob);
    m = hs_server_handler_json(&srv, 404, 0, before, sizeof before);
    memcpy(bad, blob, (size_t)n);
    bad[4]++; /* another build's example count */
    is_int(hs_server_examples_load(bad, (size_t)n), HS_EINVAL, "a blob of another build's rows is refused");
    memcpy(bad, blob, (size_t)n);
    is_int(hs_server_examples_load(bad, (size_t)n - 1), HS_EINVAL, "a blob cut short is refused");
    bad[n - 1] = 'x';
    is_int(hs_server_examples_load(bad, (size_t)n), HS_EINVAL, "a blob that does not end in NUL is refused");
    bad[n - 1] = 0, bad[n - 2] = 0; /* one text too many */
    is_int(hs_server_examples_load(bad, (size_t)n), HS_EINVAL, "a blob with a text too many is refused");
    is_int(hs_server_examples_load(blob, (size_t)n), HS_OK, "the blob loads");
    n = hs_server_handler_json(&srv, 404, 0, out2, sizeof out2);
    ok(n == m && memcmp(before, out2, (size_t)n) == 0, "handler(404) is byte for byte the same from the blob");
    ok(contains(out2, n, "\"corrected\":\"@app"), "with its Python");
}

/* server-ko.bin: the server's Korean texts as a blob, and back (the wasm
** build reads them so), with the refusals of a blob that is not this one. */
static void test_server_ko_blob(void)
{
    static unsigned char blob[64 * 1024], bad[64 * 1024], ex[64 * 1024];
    static char before[256 * 1024];
    static const char req[] = "POST /items HTTP/1.1\r\nHost: a\r\nAccept-Language: ko\r\nContent-Type: application/json\r\n"
                              "Content-Length: 2\r\n\r\n{}GET /nope HTTP/1.1\r\nHost: a\r\n\r\n";
    int n = hs_server_texts_blob(HS_LANG_KO, blob, sizeof blob), m, k;
    ok(n > 8 && memcmp(blob, HS_SERVER_TEXT_MAGIC, 4) == 0 && blob[6] == HS_LANG_KO, "the Korean texts make a blob (%d bytes)", n);
    is_int(hs_server_texts_blob(HS_LANG_KO, blob, 100), HS_ENOSPC, "a blob that does not fit is refused");
    is_int(hs_server_texts_blob(HS_LANG_EN, blob, sizeof blob), HS_EINVAL, "English has no blob (it is compiled in)");
    n = hs_server_texts_blob(HS_LANG_KO, blob, sizeof blob);
    hs_server_reset(&srv);
    m = hs_server_exchange(&srv, req, sizeof req - 1, sizeof req - 1, HS_LANG_KO, HS_SIM_FULL, before, sizeof before);
    memcpy(bad, blob, (size_t)n);
    bad[4]++; /* another build's text count */
    is_int(hs_server_texts_load(HS_LANG_KO, bad, (size_t)n), HS_EINVAL, "a blob of another build's texts is refused");
    bad[4]--, bad[6] = HS_LANG_EN;
    is_int(hs_server_texts_load(HS_LANG_KO, bad, (size_t)n), HS_EINVAL, "a blob that says another language is refused");
    bad[6] = HS_LANG_KO;
    is_int(hs_server_texts_load(HS_LANG_EN, bad, (size_t)n), HS_EINVAL, "a blob for a language without one is refused");
    is_int(hs_server_texts_load(HS_LANG_KO, bad, (size_t)n - 1), HS_EINVAL, "a blob cut short is refused");
    bad[n - 1] = 'x';
    is_int(hs_server_texts_load(HS_LANG_KO, bad, (size_t)n), HS_EINVAL, "a blob that does not end in NUL is refused");
    bad[n - 1] = 0, bad[n - 2] = 0; /* one text too many */
    is_int(hs_server_texts_load(HS_LANG_KO, bad, (size_t)n), HS_EINVAL, "a blob with a text too many is refused");
    k = hs_server_examples_blob(ex, sizeof ex);
    is_int(hs_server_texts_load(HS_LANG_KO, ex, (size_t)k), HS_EINVAL, "the examples' blob is refused");
    is_int(hs_server_texts_load(HS_LANG_KO, blob, (size_t)n), HS_OK, "the blob loads");
    hs_server_reset(&srv);
    n = hs_server_exchange(&srv, req, sizeof req - 1, sizeof req - 1, HS_LANG_KO, HS_SIM_FULL, out2, sizeof out2);
    ok(n == m && memcmp(before, out2, (size_t)n) == 0, "a Korean exchange is byte for byte the same from the blob (%d bytes)", n);
    ok(contains(out2, n, "name을 넣어 주세요.") && contains(out2, n, "리소스가 없다. 404로 답한다."), "with its Korean body and trace");
    hs_server_reset(&srv);
}

static void test_rules(void)
{
    int len;
    hs_server_reset(&srv);
    len = RUN("GET /success HTTP/1.1\r\nHost: a\r\n\r\nHEAD /success HTTP/1.1\r\nHost: a\r\n\r\nGET /nope HTTP/1.1\r\nHost: a\r\n\r\n");
    is_int(exchange_count(len), 3, "three pipelined requests, three exchanges");
    ok(status_of(len, 0) == 200 && status_of(len, 1) == 200 && status_of(len, 2) == 404, "200, 200 (HEAD), 404");
    len = RUN("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(exchange_count(len) == 1 && contains(out, len, "\"connection\":\"close\"") && contains(out, len, "\"why\":\"closed\""),
       "Connection: close ends the stream: the second request is never read");
    len = RUN("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nHost: a b\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(exchange_count(len) == 2 && status_of(len, 1) == 400, "a framing error answers 400 and the bytes after it are not a request");
    len = RUN("GET / HTTP/1.0\r\n\r\n");
    ok(contains(out, len, "Connection: close") && contains(out, len, "\"connection\":\"close\""), "HTTP/1.0 without keep-alive closes");
    len = RUN("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /success HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    ok(exchange_count(len) == 2 && contains(out, len, "Connection: keep-alive"), "HTTP/1.0 keep-alive is honoured and said");
    len = RUN("get / HTTP/1.1\r\nHost: a\r\n\r\n");
    is_int(status_of(len, 0), 501, "methods are case-sensitive: get is unknown, 501");
    len = RUN("PATCH /nope HTTP/1.1\r\nHost: a\r\n\r\n");
    is_int(status_of(len, 0), 404, "a known method on no route: 404");
    len = RUN("TRACE / HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(status_of(len, 0) == 405 && contains(out, len, "Allow: GET, HEAD, POST, OPTIONS"), "TRACE is off: 405 with Allow");
    len = RUN("OPTIONS /items/1 HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(status_of(len, 0) == 204 && contains(out, len, "Allow: GET, HEAD, PUT, DELETE, OPTIONS"), "OPTIONS on a resource: 204 with Allow");
    len = RUN("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(status_of(len, 0) == 200 && contains(out, len, "Allow: GET, HEAD, POST, PUT, DELETE, OPTIONS"), "OPTIONS *: 200 describing the server");
    len = RUN("GET /items/01 HTTP/1.1\r\nHost: a\r\n\r\nGET /items/abc HTTP/1.1\r\nHost: a\r\n\r\nGET /items/%31 HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(status_of(len, 0) == 404 && status_of(len, 1) == 404 && status_of(len, 2) == 200, "ids: leading zero and letters are 404, %%31 is 1");
    len = RUN("GET /profile HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer nope\r\n\r\n");
    ok(status_of(len, 0) == 401 && contains(out, len, "error=\\\"invalid_token\\\""), "a bad token: 401 invalid_token");
    len = RUN("GET /admin HTTP/1.1\r\nHost: a\r\nAuthorization: bearer admin-token\r\n\r\n");
    is_int(status_of(len, 0), 200, "the auth scheme is case-insensitive");
    len = RUN("GET /success HTTP/1.1\r\nHost: a\r\nAccept: text/html, application/json;q=0\r\n\r\nGET /success HTTP/1.1\r\nHost: a\r\nAccept: text/*, */*;q=0.1\r\n\r\n");
    ok(status_of(len, 0) == 406 && status_of(len, 1) == 200, "application/json;q=0 refuses JSON (406); */*;q=0.1 allows it");
    len = RUN("GET /success HTTP/1.1\r\nHost: a\r\nAccept-Language: ko-KR, en;q=0.5\r\n\r\n");
    ok(contains(out, len, "Content-Language: ko") && contains(out, len, "요청이 성공했습니다"), "Accept-Language picks Korean messages");
    len = RUN("POST /items HTTP/1.1\r\nHost: a\r\nContent-Type: application/json; charset=latin1\r\nContent-Length: 2\r\n\r\n{}");
    is_int(status_of(len, 0), 415, "JSON in another charset than UTF-8: 415");
    len = RUN("POST /items HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\nnull");
    is_int(status_of(len, 0), 400, "null is JSON but not an object: 400, not the article's 500");
    len = RUN("POST /items HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"name\":\"x\"");
    is_int(status_of(len, 0), 400, "malformed JSON: 400");
    len = RUN("POST /items HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\na\r\n{\"name\":\"z\r\n2\r\n\"}\r\n0\r\n\r\n");
    is_int(status_of(len, 0), 201, "chunked JSON content is decoded and accepted");
}

static void test_items_and_conditions(void)
{
    int len;
    hs_server_reset(&srv);
    len = RUN("GET /items/1 HTTP/1.1\r\nHost: a\r\nIf-Modified-Since: Tue, 31 Dec 2024 00:00:00 GMT\r\n\r\n"
              "GET /items/1 HTTP/1.1\r\nHost: a\r\nIf-Modified-Since: Mon, 30 Dec 2024 00:00:00 GMT\r\n\r\n"
              "GET /items/1 HTTP/1.1\r\nHost: a\r\nIf-None-Match: W/\"1.1\"\r\nIf-Modified-Since: Mon, 30 Dec 2024 00:00:00 GMT\r\n\r\n"
              "HEAD /items/1 HTTP/1.1\r\nHost: a\r\nIf-None-Match: *\r\n\r\n");
    ok(status_of(len, 0) == 304 && status_of(len, 1) == 200 && status_of(len, 2) == 304 && status_of(len, 3) == 304,
       "If-Modified-Since, If-None-Match (weak, wins over the date) and * give 304");
    len = RUN("GET /success HTTP/1.1\r\nHost: a\r\nIf-None-Match: *\r\n\r\n");
    ok(status_of(len, 0) == 304 && !contains(out, len, "[\"ETag\""),
       "If-None-Match: * on a resource without validators: 304, and no ETag since a 200 has none (found by fuzz_server)");
    len = RUN("PUT /items/1 HTTP/1.1\r\nHost: a\r\nIf-Match: W/\"1.1\"\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"name\":\"ink\"}");
    is_int(status_of(len, 0), 412, "If-Match uses strong comparison: a weak tag never matches");
    len = RUN("PUT /items/1 HTTP/1.1\r\nHost: a\r\nIf-Match: \"1.1\"\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"name\":\"ink\"}"
              "GET /items/1 HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(status_of(len, 0) == 204 && contains(out, len, "ETag: \\\"1.2\\\"") && contains(out, len, "ink"), "PUT: 204, then the new version");
    len = RUN("PUT /items/99 HTTP/1.1\r\nHost: a\r\nIf-Match: \"x\"\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"name\":\"ink\"}");
    is_int(status_of(len, 0), 404, "a missing resource is 404 before its preconditions (RFC 9110 §13.2.1)");
    len = RUN("DELETE /items/2 HTTP/1.1\r\nHost: a\r\n\r\nDELETE /items/2 HTTP/1.1\r\nHost: a\r\n\r\nGET /items/2 HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(status_of(len, 0) == 204 && status_of(len, 1) == 410 && status_of(len, 2) == 410, "DELETE 204, then 410 for the deleted id");
    len = RUN("POST /items HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"name\":\"vase\"}");
    ok(status_of(len, 0) == 201 && contains(out, len, "Location: /items/4"), "ids are never reused: the next item is 4");
    len = RUN("GET /items/1 HTTP/1.1\r\nHost: a\r\nRange: bytes=-5\r\n\r\nGET /items/1 HTTP/1.1\r\nHost: a\r\nRange: bytes=0-1,3-4\r\n\r\n"
              "GET /items/1 HTTP/1.1\r\nHost: a\r\nRange: bytes=0-4\r\nIf-Range: \"1.1\"\r\n\r\n");
    ok(status_of(len, 0) == 206 && status_of(len, 1) == 200 && status_of(len, 2) == 200, "a suffix range; several ranges ignored; a stale If-Range ignored");
    /* the content is 2 bytes longer than its Content-Length: the 40 bytes end inside the
    ** string (400), and the 2 left over ("}) are read as the next request: not a method, 400 */
    len = RUN("POST /items HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"name\":\"0123456789012345678901234567890\"}");
    ok(exchange_count(len) == 2 && status_of(len, 0) == 400 && contains(out, len, "The content is not valid JSON."),
       "Content-Length frames the content: 40 bytes of a 42-byte body are not JSON, 400");
    ok(status_of(len, 1) == 400 && contains(out, len, "\"name\":\"bad-method\"") && contains(out, len, "\"offset\":125") &&
       contains(out, len, "\"connection\":\"close\""),
       "the 2 bytes after it are the next request: bad-method at byte 125, then close");
    len = RUN("GET /items/5 HTTP/1.1\r\nHost: a\r\n\r\n");
    is_int(status_of(len, 0), 404, "and no item was created (the next id would have been 5)");
}

static void test_continue_and_timeouts(void)
{
    int len;
    hs_server_reset(&srv);
    len = RUN("POST /items HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n");
    ok(contains(out, len, "\"interim\":[{\"status\":100") && status_of(len, 0) == 408 && contains(out, len, "\"connection\":\"close\""),
       "100 Continue, then the content never comes: 408 and close");
    len = RUN("POST /items HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Type: text/plain\r\nContent-Length: 15\r\n\r\n");
    ok(contains(out, len, "\"interim\":[]") && status_of(len, 0) == 415 && contains(out, len, "Connection: close"),
       "refused from the head: no 100, the final status, then close");
    len = RUN("POST /items HTTP/1.0\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"name\":\"desk\"}");
    ok(contains(out, len, "\"interim\":[]") && status_of(len, 0) == 201, "HTTP/1.0 never gets a 1xx");
    len = RUN("GET /succ");
    ok(status_of(len, 0) == 408 && contains(out, len, "Wed, 01 Jan 2025 00:01:"), "a request line that never ends: 408 after the virtual timeout");
    len = RUN("\r\n\r\n");
    is_int(exchange_count(len), 0, "line breaks alone are an idle connection, not a request");
    set_state("{\"upstream\":\"slow\"}");
    len = RUN("GET /proxy HTTP/1.1\r\nHost: a\r\n\r\n");
    is_int(status_of(len, 0), 504, "a slow upstream: 504");
}

/* hs_server_serve: what a real connection does with the bytes it holds. */
/* Serves the literal lit (before a guard page) at now with flags into out[0..cap). */
#define SERVE(lit, flags, cap) hs_server_serve(&srv, guarded((lit), sizeof(lit) - 1), sizeof(lit) - 1, sizeof(lit) - 1, now, (flags), HS_LANG_EN, out, (cap), &r)

static void test_serve(void)
{
    struct hs_serve_result r;
    static const char head[] = "POST /items HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n";
    static const char whole[] = "POST /items HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"name\":\"cup\"}GET /";
    const int64_t now = 1796000000; /* 2026-11-30 */
    uint32_t before;
    int n;
    hs_server_reset(&srv);
    before = srv.s.exchanges;
    n = SERVE("GET /success HTTP/1.1\r\nHo", 0, sizeof out);
    ok(n == 0 && r.action == HS_SERVE_MORE && !r.head && srv.s.exchanges == before, "an unfinished head: wait, nothing answered");
    n = hs_server_serve(&srv, guarded(head, sizeof head - 1), sizeof head - 1, sizeof head - 1, now, 0, HS_LANG_EN, out, sizeof out, &r);
    ok(r.action == HS_SERVE_CONTINUE && r.status == 100 && n == 25 && memcmp(out, "HTTP/1.1 100 Continue\r\n\r\n", 25) == 0,
       "Expect: 100-continue and the head passes: 100 at once");
    is_int(srv.s.rate_used, 0, "the 100 does not count as an exchange (the state is as before)");
    n = hs_server_serve(&srv, guarded(head, sizeof head - 1), sizeof head - 1, sizeof head - 1, now, HS_SERVE_CONTINUED, HS_LANG_EN, out, sizeof out, &r);
    ok(r.action == HS_SERVE_MORE && r.head, "100 already sent: wait for the content");
    n = hs_server_serve(&srv, guarded(whole, sizeof whole - 1), sizeof whole - 1, sizeof whole - 1, now, HS_SERVE_CONTINUED, HS_LANG_EN, out, sizeof out, &r);
    ok(r.action == HS_SERVE_RESPOND && r.status == 201 && r.consumed == sizeof whole - 1 - 5 && r.connection == HS_CONN_KEEP_ALIVE,
       "the content arrives: 201, the pipelined bytes after it left");
    ok(n > 0 && memcmp(out, "HTTP/1.1 201", 12) == 0 && contains(out, n, "Date: Mon, 30 Nov 2026"), "the 100 is not sent twice; Date is the real clock");
    ok(r.step_len == 7 && memcmp(out + r.step_off, "handler", 7) == 0 && r.method.len == 4 && r.target.len == 6, "the deciding step, method and target");
    is_int(srv.s.exchanges, before + 1, "one exchange committed");
    n = SERVE("POST /nope HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n", 0, sizeof out);
    ok(r.action == HS_SERVE_RESPOND && r.status == 404 && r.connection == HS_CONN_CLOSE && contains(out, n, "Connection: close"),
       "the head alone decides 404: answered before the content, then close");
    n = SERVE("GET /succ", HS_SERVE_TIMED_OUT, sizeof out);
    ok(r.action == HS_SERVE_RESPOND && r.status == 408 && r.connection == HS_CONN_CLOSE && contains(out, n, "Date: Mon, 30 Nov 2026 00:53:20 GMT"),
       "the caller's timeout ran out: 408 dated now (the wait was real), close");
    n = SERVE("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n", 0, sizeof out);
    ok(r.action == HS_SERVE_RESPOND && r.status == 400 && r.connection == HS_CONN_CLOSE, "a framing error: 400 and close");
    n = SERVE("\r\n\r\n", HS_SERVE_TIMED_OUT, sizeof out);
    ok(n == 0 && r.action == HS_SERVE_MORE, "line breaks alone are no request, even after a timeout");
    srv.closing = 1;
    n = SERVE("GET /success HTTP/1.1\r\nHost: a\r\n\r\n", HS_SERVE_TRACE, sizeof out);
    ok(r.status == 200 && r.connection == HS_CONN_CLOSE && contains(out, n, "Connection: close"), "shutting down: Connection: close");
    ok(r.json_len > 0 && json_valid(out + r.json_off, r.json_len) && contains(out + r.json_off, (int)r.json_len, "\"trace\""),
       "HS_SERVE_TRACE writes the exchange as JSON");
    srv.closing = 0;
    is_int(SERVE("GET / HTTP/1.1\r\nHost: a\r\n\r\n", 0, 64), HS_ENOSPC,
           "an output buffer too small: HS_ENOSPC, nothing committed");
}

static void test_state(void)
{
    int a, b;
    hs_server_reset(&srv);
    a = RUN("POST /items HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"name\":\"desk\"}GET /items HTTP/1.1\r\nHost: a\r\n\r\n");
    memcpy(out2, out, (size_t)a);
    hs_server_reset(&srv);
    b = RUN("POST /items HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"name\":\"desk\"}GET /items HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(a == b && !memcmp(out, out2, (size_t)a), "same state and bytes give the same output, byte for byte");
    a = hs_server_set_json(&srv, G("{\"maintenance\":\"yes\"}"), out, sizeof out);
    ok(a > 0 && json_valid(out, (size_t)a) && contains(out, a, "\"key\":\"maintenance\""), "a bad value is an error naming the key");
    a = hs_server_set_json(&srv, G("{\"bogus\":1,\"clock\":5}"), out, sizeof out);
    ok(contains(out, a, "\"key\":\"bogus\""), "an unknown key is an error");
    a = hs_server_state_json(&srv, out, sizeof out);
    ok(!contains(out, a, "\"clock\":5,"), "an error leaves the state unchanged");
    a = hs_server_set_json(&srv, G("not json"), out, sizeof out);
    ok(json_valid(out, (size_t)a) && contains(out, a, "\"error\""), "not JSON: an error");
    set_state("{\"reset\":true,\"maintenance\":true,\"maintenanceUntil\":0}");
    b = RUN("GET /success HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(status_of(b, 0) == 503 && contains(out, b, "Retry-After: 120"), "maintenance: true wins over a stale maintenanceUntil");
    a = hs_server_state_json(&srv, out2, sizeof out2);
    out2[a] = 0;
    hs_server_reset(&srv);
    b = hs_server_set_json(&srv, out2, (size_t)a, out, sizeof out);
    ok(b == a && !memcmp(out, out2, (size_t)a), "the state JSON can be set back as it is");
    /* a small output buffer: valid JSON or ENOSPC, and never a change the output does not show */
    {
        static char before[64 * 1024], after[64 * 1024];
        static const char post[] = "POST /items HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                                   "Content-Length: 15\r\n\r\n{\"name\":\"desk\"}";
        int bn, an, unchanged = 0, changed = 0, shown = 0;
        hs_server_reset(&srv);
        bn = hs_server_state_json(&srv, before, sizeof before);
        for (size_t cap = 0; cap < 24000; cap += 197) {
            int n = hs_server_exchange(&srv, guarded(post, sizeof post - 1), sizeof post - 1, sizeof post - 1,
                                       HS_LANG_EN, HS_SIM_FULL, out, cap);
            if (n >= 0 && !json_valid(out, (size_t)n))
                ok(0, "cap %zu: invalid JSON", cap);
            if (n >= 0 && exchange_count(n) > 0) { /* it fitted: the state moves on; start again */
                shown++;
                hs_server_reset(&srv);
                bn = hs_server_state_json(&srv, before, sizeof before);
                continue;
            }
            an = hs_server_state_json(&srv, after, sizeof after);
            if (an == bn && memcmp(after, before, (size_t)an) == 0)
                unchanged++;
            else
                changed++;
        }
        ok(unchanged > 10 && shown > 0, "caps tried: %d did not fit, %d fitted", unchanged + changed, shown);
        is_int(changed, 0, "exchanges that did not fit the output left the whole state as it was");
    }
}

static void test_status_route(void)
{
    int len, bad = 0;
    hs_server_reset(&srv);
    set_state("{\"rateLimit\":{\"limit\":0}}");
    for (int code = 100; code <= 599; code++) {
        char req[64] = "GET /status/000 HTTP/1.1\r\nHost: a\r\n\r\n";
        req[12] = (char)('0' + code / 100), req[13] = (char)('0' + code / 10 % 10), req[14] = (char)('0' + code % 10);
        len = run(req, strlen(req));
        if (status_of(len, 0) != (code < 200 ? 200 : code))
            bad++;
    }
    is_int(bad, 0, "GET /status/{code} answers every code 100-599 (1xx as interim, then 200)");
    len = RUN("HEAD /status/206 HTTP/1.1\r\nHost: a\r\n\r\nGET /status/600 HTTP/1.1\r\nHost: a\r\n\r\n");
    ok(status_of(len, 0) == 206 && status_of(len, 1) == 404, "HEAD of a 206; 600 is not a code");
}

/* Content that is not UTF-8: raw shows U+FFFD, rawBase64 holds the bytes
** sent (run() checks the framing of those), and text content has no rawBase64. */
static void test_binary_content(void)
{
    int len;
    hs_server_reset(&srv);
    len = RUN("GET /bytes/16 HTTP/1.1\r\nHost: api.example\r\n\r\n");
    ok(len > 0 && contains(out, len, "\"rawBase64\":\"SFRUUC8xLjEgMjAwIE9L"), "/bytes/16: rawBase64 holds the response as sent");
    len = RUN("POST / HTTP/1.1\r\nHost: api.example\r\nContent-Length: 3\r\n\r\na\x80z");
    ok(len > 0 && status_of(len, 0) == 200 && contains(out, len, "\"rawBase64\""), "POST / echoing a byte that is not UTF-8: rawBase64");
    ok(contains(out, len, "\"raw\":\"HTTP/1.1 200 OK") && contains(out, len, "a\xef\xbf\xbdz\""), "and raw shows it as U+FFFD");
    len = RUN("POST / HTTP/1.1\r\nHost: api.example\r\nContent-Length: 4\r\n\r\na\xed\x95\x9c");
    ok(len > 0 && status_of(len, 0) == 200 && !contains(out, len, "rawBase64"), "UTF-8 content: raw holds it exactly, no rawBase64");
}

int main(void)
{
    hs_server_init(&srv);
    test_examples();
    test_examples_blob();
    test_server_ko_blob();
    test_rules();
    test_items_and_conditions();
    test_continue_and_timeouts();
    test_serve();
    test_state();
    test_status_route();
    test_binary_content();
    return done_testing();
}
