/*
** wasm_io.c — the fixed input and output buffers every wasm module of the
** engine has (one copy per module: each has its own memory), the exports
** that tell the glue where they are, and the table of return codes. The
** buffers are static and fixed; memory never grows, so the glue's view of
** them never detaches. The glue never keeps a pointer across calls.
*/
#include "wasm_io.h"

#include "core/hs.h"
#include "core/json.h"

unsigned char hs_in_buf[HS_IN_CAP];
char hs_out_buf[HS_OUT_CAP];

/* Returns the address of the input buffer the glue writes into. */
HS_EXPORT unsigned char *hs_wasm_in_ptr(void) { return hs_in_buf; }
/* Returns the size of the input buffer: the hard limit of any one input. */
HS_EXPORT int hs_wasm_in_cap(void) { return HS_IN_CAP; }
/* Returns the address of the output buffer the engine writes JSON into. */
HS_EXPORT char *hs_wasm_out_ptr(void) { return hs_out_buf; }
/* Returns the size of the output buffer. */
HS_EXPORT int hs_wasm_out_cap(void) { return HS_OUT_CAP; }

/* See wasm_io.h. */
int hs_wasm_clamp(int len)
{
    return len < 0 ? 0 : len > HS_IN_CAP ? HS_IN_CAP : len;
}

/* Writes every HS_E* code the engine returns, with the sentences that
** explain it, from hs.h's one table: { codes: [{ rc, code, en, ko }],
** unknown: { code, en, ko } } (what hs_error_* give a value that is no
** code). The glue reads it the first time a call returns a negative code,
** so no user ever sees a bare number. Returns its length. */
HS_EXPORT int hs_wasm_errors(void)
{
    struct hs_json j;
    hs_json_init(&j, hs_out_buf, HS_OUT_CAP);
    hs_json_obj(&j);
    hs_json_key(&j, "codes");
    hs_json_arr(&j);
#define X(name, value, code, en, ko)                                                   \
    if ((value) < 0) {                                                                 \
        hs_json_obj(&j);                                                               \
        hs_json_key(&j, "rc"), hs_json_int(&j, (value));                               \
        hs_json_key(&j, "code"), hs_json_str(&j, (code));                              \
        hs_json_key(&j, "en"), hs_json_str(&j, (en));                                  \
        hs_json_key(&j, "ko"), hs_json_str(&j, (ko));                                  \
        hs_json_obj_end(&j);                                                           \
    }
    HS_ERRORS(X)
#undef X
    hs_json_arr_end(&j);
    hs_json_key(&j, "unknown");
    hs_json_obj(&j);
    hs_json_key(&j, "code"), hs_json_str(&j, hs_error_code(1));
    hs_json_key(&j, "en"), hs_json_str(&j, hs_error_en(1));
    hs_json_key(&j, "ko"), hs_json_str(&j, hs_error_ko(1));
    hs_json_obj_end(&j);
    hs_json_obj_end(&j);
    return hs_json_end(&j);
}

