/*
** fuzz_lint.c — libFuzzer target for the response parser and the linter:
** arbitrary bytes as a response, the same bytes split into a response and
** the request it answers, a small and no body buffer. Checks what every
** caller relies on: spans inside the input, counts within their arrays,
** every finding's rule and level valid and its bytes inside the response,
** and valid JSON (or HS_ENOSPC for a small output). Any violation aborts.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/hs.h"
#include "http/lint.h"
#include "json_check.h"

static struct hs_lint L;
static char body[1 << 16], out[256 * 1024];

/* Aborts unless span sp lies inside [0, end). */
static void span_in(struct hs_span sp, size_t end)
{
    if (sp.off > end || sp.len > end - sp.off)
        abort();
}

/* Lints buf[0..n) with req[0..rn) and checks the result. */
static void check(const char *buf, size_t n, const char *req, size_t rn, char *bp, size_t cap)
{
    int k = hs_lint_run(buf, n, req, rn, &L, bp, cap), len;
    if (k != (int)L.n_findings || k > HS_LINT_MAX_FINDINGS || L.n_messages < 1 || L.n_messages > HS_LINT_MAX_MESSAGES)
        abort();
    if (L.count[0] + L.count[1] + L.count[2] != L.n_findings)
        abort();
    for (int i = 0; i < L.n_messages; i++) {
        const struct hs_parsed_response *m = &L.msgs[i];
        if (m->start > n || m->end > n || m->end < m->start || m->n_defects > HS_RESPONSE_PARSE_MAX_DEFECTS)
            abort();
        if (m->result == HS_RESPONSE_UNREADABLE)
            continue;
        if (m->status < 0 || m->status > 999 || m->head_end > n || m->head_end < m->start)
            abort();
        if (m->n_fields + m->n_trailers > HS_REQUEST_MAX_HEADERS)
            abort();
        span_in(m->line, n);
        span_in(m->phrase, n);
        span_in(m->content, n);
        for (uint32_t f = 0; f < m->n_fields + m->n_trailers; f++) {
            span_in(m->fields[f].name, n);
            span_in(m->fields[f].value, n);
        }
        if (m->framing == HS_RFRAME_CHUNKED && !m->body_cut && m->body_len > cap)
            abort();
        if (i + 1 < L.n_messages && L.msgs[i + 1].start != m->end)
            abort();
    }
    for (uint32_t i = 0; i < L.n_findings; i++) {
        const struct hs_lint_finding *f = &L.findings[i];
        if (f->rule >= HS_LINT_COUNT || f->level > HS_LINT_LEVEL_INFO || f->off > n || f->len > n - f->off)
            abort();
        if (!*hs_lint_rule_id(f->rule))
            abort();
    }
    len = hs_lint_json(&L, out, sizeof out);
    if (len < 0 || !json_valid(out, (size_t)len))
        abort();
    len = hs_lint_json(&L, out, n % 512);
    if (len != HS_ENOSPC && (len < 0 || !json_valid(out, (size_t)len)))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    size_t split = size;
    /* a response alone, with every body buffer */
    check(buf, size, NULL, 0, body, sizeof body);
    check(buf, size, NULL, 0, body, 8);
    check(buf, size, NULL, 0, NULL, 0);
    /* the bytes after the first NUL are the request */
    for (size_t i = 0; i < size; i++)
        if (data[i] == 0) {
            split = i;
            break;
        }
    if (split < size)
        check(buf, split, buf + split + 1, size - split - 1, body, sizeof body);
    return 0;
}
