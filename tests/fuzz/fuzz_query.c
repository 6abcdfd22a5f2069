/*
** fuzz_query.c — libFuzzer target for what a person types: arbitrary bytes
** into hs_query_json, and a code taken from the bytes into hs_registry_json.
** Both must return valid JSON (or a documented error) and never crash.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/hs.h"
#include "json_check.h"
#include "registry/query.h"
#include "registry/registry.h"

static char out[256 * 1024];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int n = hs_query_json((const char *)data, size, out, sizeof out);
    unsigned code = 0;
    int c;
    if (n < 0 || !json_valid(out, (size_t)n))
        abort();
    /* small outputs must fail cleanly, never overrun */
    n = hs_query_json((const char *)data, size, out, size % 64);
    if (n != HS_JSON_ENOSPC && (n < 0 || !json_valid(out, (size_t)n)))
        abort();
    for (size_t i = 0; i < size && i < 3; i++)
        code = code * 256 + data[i];
    c = (int)(code % 1000) - 200;
    n = hs_registry_json(c, out, sizeof out);
    if (c < 100 || c > 599) {
        if (n != HS_ERANGE)
            abort();
    } else if (n < 0 || !json_valid(out, (size_t)n))
        abort();
    return 0;
}
