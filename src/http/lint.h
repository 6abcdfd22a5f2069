/*
** lint.h — the response linter: reads an HTTP/1.1 response (and, when
** given, the request it answers) and lists what is wrong with it, each
** finding with a level, a stable rule id, the RFC section, the bytes it is
** about, and a message and a fix in English and Korean. The rules are the
** rows of lint.def; the facts about status codes (required fields,
** content, cacheability, registration) come from the registry.
*/
#ifndef HS_LINT_H
#define HS_LINT_H

#include <stddef.h>
#include <stdint.h>

#include "http/request.h"
#include "http/response_parse.h"

/* One rule per row of lint.def: HS_LINT_STATUS_LINE, ... */
enum hs_lint_rule {
#define HS_LINT(name, ...) HS_LINT_##name,
#include "lint.def"
    HS_LINT_COUNT
};

enum hs_lint_level { HS_LINT_LEVEL_ERROR, HS_LINT_LEVEL_WARNING, HS_LINT_LEVEL_INFO, HS_LINT_LEVEL_FIELD };

#define HS_LINT_MAX_FINDINGS 64
#define HS_LINT_MAX_MESSAGES 8 /* interim responses and the final one */
#define HS_LINT_MAX_ARGS 4

/* A filler of a message's {n}: English and Korean text (often the same bytes). */
struct hs_lint_arg {
    const char *en, *ko;
    uint32_t en_len, ko_len;
};

struct hs_lint_finding {
    uint16_t rule;            /* enum hs_lint_rule */
    uint8_t level;            /* enum hs_lint_level, never FIELD */
    uint8_t n_args;
    int has_span;             /* 0: the finding is about the message as a whole */
    uint32_t off, len;        /* the bytes of the response it is about */
    const char *doc, *section; /* what it cites ("RFC9110", "15.5.6") */
    struct hs_lint_arg args[HS_LINT_MAX_ARGS];
    char num[2][24];          /* storage for numbers among the args */
};

struct hs_lint {
    const char *buf;          /* the response, as given to hs_lint_run */
    size_t len;
    int n_messages;           /* responses read: interim ones, then the final */
    int unreadable;           /* the last one has no status line to read */
    const char *body;         /* the decoded content of the last one (chunked) */

    int has_request;          /* a request was given and read */
    const char *req_buf;

    uint32_t n_findings;
    int findings_dropped;
    uint32_t count[3];        /* findings per level */

    /* The arrays last: only their first n_* entries are ever written or read. */
    struct hs_lint_finding findings[HS_LINT_MAX_FINDINGS];
    struct hs_parsed_response msgs[HS_LINT_MAX_MESSAGES];
    struct hs_request req;
};

/* Lints the response buf[0..len), with the request req[0..req_len) it
** answers (req NULL or req_len 0: none). Chunked content is decoded into
** body (body_cap bytes, may be NULL). Fills L and returns the number of
** findings. The caller guarantees the byte counts are readable/writable and
** keeps buf, req and body alive while L is used. */
int hs_lint_run(const char *buf, size_t len, const char *req, size_t req_len,
                struct hs_lint *L, char *body, size_t body_cap);

/* Fills L for an input that did not fit the caller's buffer of cap bytes:
** no response, one input-too-long finding. Returns 1. */
int hs_lint_too_long(struct hs_lint *L, size_t cap);

/* Writes L as JSON, { response: { status, phrase, version, headers, body,
** framing } | { error }, findings: [...] }, into out; returns its length,
** or HS_ENOSPC when cap is too small. */
int hs_lint_json(const struct hs_lint *L, char *out, size_t cap);

/* Writes every rule as a JSON array [{ rule, level, section, url, message,
** fix }] (level "field" for the registry-driven one); returns its length
** or HS_ENOSPC. */
int hs_lint_rules_json(char *out, size_t cap);

/* Returns the stable id of rule ("required-field"), "" out of range. */
const char *hs_lint_rule_id(int rule);

#endif
