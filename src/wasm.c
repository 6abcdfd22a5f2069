/*
** wasm.c — the only file with WebAssembly exports: the functions
** web/engine.js calls. Each takes scalars (a length of input the glue wrote
** into the input buffer, or a code) and returns an int: >= 0 is the length of
** JSON written to the output buffer (or an id), < 0 is an HS_E* code.
** The buffers are static and fixed; memory never grows, so the glue's view
** of them never detaches. The glue never keeps a pointer across calls.
**
** The export list is src/exports.txt; tests/glue.test.mjs checks that the
** module exports exactly that.
*/
#include "hs.h"
#include "query.h"
#include "registry.h"

#define HS_EXPORT __attribute__((used, visibility("default")))

#define HS_IN_CAP (64 * 1024)
#define HS_OUT_CAP (256 * 1024)

static unsigned char in_buf[HS_IN_CAP];
static char out_buf[HS_OUT_CAP];

/* Returns the address of the input buffer the glue writes into. */
HS_EXPORT unsigned char *hs_wasm_in_ptr(void) { return in_buf; }
/* Returns the size of the input buffer: the hard limit of any one input. */
HS_EXPORT int hs_wasm_in_cap(void) { return HS_IN_CAP; }
/* Returns the address of the output buffer the engine writes JSON into. */
HS_EXPORT char *hs_wasm_out_ptr(void) { return out_buf; }
/* Returns the size of the output buffer. */
HS_EXPORT int hs_wasm_out_cap(void) { return HS_OUT_CAP; }

static int clamp_len(int len)
{
    return len < 0 ? 0 : len > HS_IN_CAP ? HS_IN_CAP : len;
}

/* ---- registry ----------------------------------------------------------- */

/* Returns the dense id of code's primary meaning, 0 when it is not known. */
HS_EXPORT int hs_wasm_status_id(int code) { return hs_registry_id(code); }

/* Writes the JSON description of code; returns its length, or HS_ERANGE
** for a code outside 100-599. */
HS_EXPORT int hs_wasm_lookup(int code) { return hs_registry_json(code, out_buf, HS_OUT_CAP); }

/* Writes the JSON catalogue of every known code; returns its length. */
HS_EXPORT int hs_wasm_catalog(void) { return hs_registry_catalog_json(out_buf, HS_OUT_CAP); }

/* Reads in_buf[0..len) as a person's query; writes the JSON answer. */
HS_EXPORT int hs_wasm_query(int len)
{
    return hs_query_json((const char *)in_buf, (size_t)clamp_len(len), out_buf, HS_OUT_CAP);
}

/* ---- request parser ----------------------------------------------------- */

/* ---- simulated server --------------------------------------------------- */
