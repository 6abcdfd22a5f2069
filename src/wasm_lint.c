/*
** wasm_lint.c — the exports of the third module, lint.wasm: the response
** linter (http/lint.c) alone, with its own state and body buffer. The glue
** loads it the first time a lint is asked for (ready('lint')), so an
** exchange never carries it. See wasm_io.h.
*/
#include "wasm_io.h"

#include "http/lint.h"

static struct hs_lint linted;
static char lint_body[HS_IN_CAP];

/* Lints the response hs_in_buf[0..len) against the request that follows it,
** hs_in_buf[len..len + req_len) (req_len 0: none); cut != 0 says the input did
** not fit hs_in_buf (then only the input-too-long finding is written). Writes
** { response, findings } and returns its length, or HS_ENOSPC. */
HS_EXPORT int hs_wasm_lint(int len, int req_len, int cut)
{
    size_t n = (size_t)hs_wasm_clamp(len);
    size_t rn = (size_t)hs_wasm_clamp(req_len);
    if (rn > HS_IN_CAP - n)
        rn = HS_IN_CAP - n;
    if (cut)
        hs_lint_too_long(&linted, HS_IN_CAP);
    else
        hs_lint_run((const char *)hs_in_buf, n, rn ? (const char *)hs_in_buf + n : NULL, rn, &linted, lint_body, sizeof lint_body);
    return hs_lint_json(&linted, hs_out_buf, HS_OUT_CAP);
}

/* Writes every lint rule, [{ rule, level, section, url, message, fix }]; returns its length. */
HS_EXPORT int hs_wasm_lint_rules(void) { return hs_lint_rules_json(hs_out_buf, HS_OUT_CAP); }
