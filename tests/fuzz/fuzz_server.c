/*
** fuzz_server.c — libFuzzer target for the simulated server: arbitrary bytes
** and state into hs_server_exchange. The output must always be valid JSON
** (json_check.h), every raw response in it must be framed correctly
** (server_check.h), a small output buffer must give valid JSON or ENOSPC,
** and the same input on the same state must give the same bytes.
**
** Input layout: byte 0 picks the state (bits below); with bit 0x80 the bytes
** up to the first NUL are a JSON state document for hs_server_set_json;
** the rest is the raw request stream.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/hs.h"
#include "json_check.h"
#include "server/server.h"
#include "server_check.h"

static struct hs_server srv;
static struct hs_server_state start, after;
static char out[256 * 1024], again[256 * 1024], small[4096];

static void set(const char *json)
{
    int n = hs_server_set_json(&srv, json, strlen(json), out, sizeof out);
    if (n < 0 || !json_valid(out, (size_t)n))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data + 1;
    size_t n = size ? size - 1 : 0, total;
    int len, len2, cfg = size ? data[0] : 0, lang = cfg & 1;
    hs_server_reset(&srv);
    if (cfg & 2)
        set("{\"limits\":{\"maxRequestLine\":64,\"maxTarget\":32,\"maxHeaderSection\":128,\"maxHeaders\":4,\"maxBody\":16}}");
    if (cfg & 4)
        set("{\"maintenance\":true}");
    if (cfg & 8)
        set((cfg & 16) ? "{\"upstream\":\"slow\"}" : "{\"upstream\":\"garbage\"}");
    if (cfg & 32)
        set("{\"rateLimit\":{\"limit\":1},\"limits\":{\"bareLf\":true},\"capacity\":3}");
    if (cfg & 0x80) {
        const char *nul = memchr(in, 0, n);
        size_t k = nul ? (size_t)(nul - in) : n;
        len = hs_server_set_json(&srv, in, k, out, sizeof out);
        if (len < 0 || !json_valid(out, (size_t)len))
            abort();
        in += k + (nul != NULL);
        n -= k + (nul != NULL);
    }
    /* cfg & 64: the input goes on past what the engine sees */
    total = (cfg & 64) ? n + 1000 : n;
    start = srv.s;
    len = hs_server_exchange(&srv, in, n, total, lang, HS_SIM_FULL, out, sizeof out);
    if (len < 0 || !json_valid(out, (size_t)len) || check_exchanges(out, (size_t)len))
        abort();
    /* determinism: the same bytes on the same state */
    srv.s = start;
    len2 = hs_server_exchange(&srv, in, n, total, lang, HS_SIM_FULL, again, sizeof again);
    if (len2 != len || memcmp(out, again, (size_t)len) != 0)
        abort();
    after = srv.s;
    /* the lean document (one language, the state only when it changed):
    ** valid JSON, and the same state after it as after the full one */
    srv.s = start;
    len2 = hs_server_exchange(&srv, in, n, total, lang, 0, again, sizeof again);
    if (len2 < 0 || !json_valid(again, (size_t)len2) || memcmp(&srv.s, &after, sizeof after) != 0)
        abort();
    srv.s = start;
    /* a small output buffer: valid JSON or ENOSPC, never a cut */
    len = hs_server_exchange(&srv, in, n, total, lang, HS_SIM_FULL, small, (size_t)(n % sizeof small));
    if (len != HS_ENOSPC && (len < 0 || !json_valid(small, (size_t)len)))
        abort();
    return 0;
}
