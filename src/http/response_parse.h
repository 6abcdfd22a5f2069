/*
** response_parse.h — a strict HTTP/1.1 response parser (RFC 9112), for the
** linter: (buf, len) in, the status line, field lines, framing and content
** out, with every deviation from the grammar recorded as a defect (a lint
** rule and the bytes it is about) instead of stopping at the first one.
**
** Stateless and allocation-free: the struct holds offsets into buf; chunked
** content is decoded into a buffer the caller provides, by the request
** parser's own chunked reader (body.c). Only a status line that cannot be
** read at all stops the parse (result HS_RESPONSE_UNREADABLE).
*/
#ifndef HS_RESPONSE_PARSE_H
#define HS_RESPONSE_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "http/request.h"

#define HS_RESPONSE_PARSE_MAX_DEFECTS 24

/* hs_response_parse flags */
#define HS_RPARSE_HEAD 0x1 /* the request was HEAD: the response has no content */

enum hs_response_parse_result {
    HS_RESPONSE_READ = 0,      /* a status line was read; look at the defects */
    HS_RESPONSE_UNREADABLE = 1 /* no status line: see error_rule, error_offset */
};

/* Framing of the content (RFC 9112 §6.3). */
enum hs_response_framing {
    HS_RFRAME_NONE,    /* no content by the status or the request (1xx, 204, 304, HEAD) */
    HS_RFRAME_LENGTH,  /* Content-Length */
    HS_RFRAME_CHUNKED, /* Transfer-Encoding with chunked last */
    HS_RFRAME_CLOSE    /* neither: the content runs to the end of the input */
};

/* One deviation: a lint rule id (enum hs_lint_rule) and the bytes, and an
** optional request-parser reason (HS_REQ_*) that says more. */
struct hs_response_defect {
    uint16_t rule;
    uint16_t reason;
    uint32_t off, len;
};

struct hs_parsed_response {
    int result;                 /* enum hs_response_parse_result */
    uint32_t start;             /* where this response starts in buf */
    uint32_t end;               /* index after it: head_end, or after its content */

    struct hs_span line;        /* the status line without its terminator */
    struct hs_span version, code, phrase;
    int version_major, version_minor; /* -1 when the version is not HTTP/d.d */
    int status;                 /* the three digits read, or -1 */

    uint32_t n_fields, n_trailers; /* see fields below */
    uint32_t head_end;          /* index after the empty line (or len when it is missing) */

    int framing;                /* enum hs_response_framing */
    uint64_t content_length;    /* the Content-Length value when it could be read */
    int content_length_ok;      /* 1 when Content-Length was read as one number */
    struct hs_span content;     /* the content's bytes as sent (chunked: the whole chunked body) */
    uint32_t body_len;          /* chunked: decoded content bytes */
    int body_cut;               /* 1 when they are not in the body buffer (too small, or none) */

    uint32_t n_defects;         /* defects[0..n_defects) in the order found */
    int defects_dropped;        /* more were found than fit */

    int error_rule;             /* UNREADABLE: the rule, and where */
    uint32_t error_offset;

    /* The arrays last: only their first n_* entries are ever written or read.
    ** fields[0..n_fields) is the header section; chunked trailers follow at
    ** fields[n_fields .. n_fields + n_trailers). */
    struct hs_response_defect defects[HS_RESPONSE_PARSE_MAX_DEFECTS];
    struct hs_header fields[HS_REQUEST_MAX_HEADERS];
};

/* Parses one response from buf[start..len). Chunked content is decoded into
** body (body_cap bytes; NULL for none: the content is checked, not copied);
** Content-Length content is copied there too when it fits. A 1xx other than
** 101 ends at its empty line: the next response starts at r->end. Returns
** r->result. The caller guarantees buf has len readable bytes (no NUL
** needed) and body has body_cap writable bytes. */
int hs_response_parse(const char *buf, size_t len, size_t start, int flags,
                      struct hs_parsed_response *r, char *body, size_t body_cap);

/* Returns the index of the first field named name (case-insensitive) at or
** after from in the header section of r, or -1. */
int hs_response_parse_find(const char *buf, const struct hs_parsed_response *r,
                           const char *name, uint32_t from);

#endif
