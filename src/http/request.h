/*
** request.h — a strict HTTP/1.1 request parser (RFC 9112).
**
** (buf, len) in, a struct hs_request out. Stateless and allocation-free:
** the struct points into buf, except the decoded body, which is written into
** a buffer the caller provides. Every rejection carries the status a strict
** server would answer (400, 413, 414, 431, 501, 505), a reason in English and
** Korean, the offset of the first offending byte, and the rule it breaks.
*/
#ifndef HS_REQUEST_H
#define HS_REQUEST_H

#include <stddef.h>
#include <stdint.h>

#define HS_REQUEST_MAX_HEADERS 128

/* A slice of the input: buf + off, len bytes. Offsets, not pointers, so the
** same numbers are meaningful to JS. */
struct hs_span {
    uint32_t off, len;
};

struct hs_header {
    struct hs_span name, value; /* value with leading/trailing OWS trimmed */
};

/* Limits a server applies; hs_request_default_limits() gives sane values. */
struct hs_request_limits {
    uint32_t max_request_line;   /* bytes of the request line before CRLF -> 414 past it */
    uint32_t max_target;         /* bytes of the request-target -> 414 past it */
    uint32_t max_header_section; /* bytes of all field lines -> 431 past it */
    uint32_t max_headers;        /* number of field lines (<= HS_REQUEST_MAX_HEADERS) -> 431 */
    uint32_t max_body;           /* decoded content bytes -> 413 past it */
    uint32_t lenient;            /* HS_LENIENT_* bits: documented leniencies, all off by default */
};

#define HS_LENIENT_BARE_LF 0x1 /* accept LF without CR as a line terminator (RFC 9112 §2.2 MAY) */

enum hs_request_form { HS_FORM_ORIGIN, HS_FORM_ABSOLUTE, HS_FORM_AUTHORITY, HS_FORM_ASTERISK, HS_FORM_COUNT };

enum hs_framing { HS_FRAMING_NONE, HS_FRAMING_LENGTH, HS_FRAMING_CHUNKED, HS_FRAMING_COUNT };

/* Returns the name JSON and the glue give form: "origin", "absolute",
** "authority" or "asterisk"; "" for any other value. Never NULL. */
const char *hs_request_form_name(int form);
/* Returns the name JSON and the glue give framing: "none", "length" or
** "chunked"; "" for any other value. Never NULL. */
const char *hs_request_framing_name(int framing);

/* Returns 1 when name[0..n) (any case) is a field that decides framing,
** routing, authentication or the content's format, which may not be sent in
** a trailer section (RFC 9110 §6.5.1): the request parser refuses it there
** and the linter reports it; else 0. name needs no NUL. */
int hs_request_trailer_refused(const char *name, size_t n);

/* What hs_request_parse returns besides the struct. */
enum hs_parse_result {
    HS_PARSE_OK = 0,          /* a whole request was read; consumed says how much */
    HS_PARSE_INCOMPLETE = 1,  /* a correct prefix; more bytes are needed */
    HS_PARSE_ERROR = 2        /* rejected: see status, reason, offset, rule */
};

/* Why a request was rejected, or why it is incomplete: one row of
** request_reason.def each (HS_REQ_NONE = 0 for a good request). */
enum hs_request_reason {
#define HS_REASON(name, ...) HS_REQ_##name,
#include "request_reason.def"
#undef HS_REASON
    HS_REQ_COUNT
};

struct hs_request {
    /* result */
    int result;                /* enum hs_parse_result */
    uint32_t consumed;         /* bytes of buf this request used (OK only) */
    int64_t missing;           /* INCOMPLETE: bytes still needed when known, else -1 */

    /* request line */
    struct hs_span method, target, path, query; /* query excludes '?'; len 0 if none */
    int form;                  /* enum hs_request_form */
    int version_major, version_minor;

    /* fields: headers[0..n_headers) is the header section; chunked trailers,
    ** if any, are headers[trailer_start .. trailer_start + n_trailers), and
    ** trailer_start == n_headers */
    uint32_t n_headers;
    struct hs_header headers[HS_REQUEST_MAX_HEADERS];

    /* framing and content */
    int framing;               /* enum hs_framing */
    uint64_t content_length;   /* LENGTH: the declared value */
    uint32_t body_len;         /* decoded content bytes written to the body buffer */
    uint32_t trailer_start, n_trailers; /* trailers follow the headers in headers[] */

    /* error (result == HS_PARSE_ERROR) */
    int status;                /* 400, 413, 414, 431, 501, 505 */
    int reason;                /* enum hs_request_reason: index of the reason strings */
    uint32_t error_offset;     /* first offending byte in buf */
};

/* Returns the default limits: request line 8 KiB, target 8 KiB, header section
** 16 KiB, 100 fields, body 1 MiB, no leniency. */
struct hs_request_limits hs_request_default_limits(void);

/* Parses one request from buf[0..len). total_len >= len is the size of the
** whole input when only its first len bytes are available (the rest did not
** fit the engine's buffer); pass len otherwise. The decoded body is written
** to body (body_cap bytes); a body longer than body_cap is rejected with 413.
** body may be NULL (body_cap is then ignored): the content is framed and
** checked but not copied; body_len still counts its decoded bytes.
** INCOMPLETE also sets reason (an HS_REQ_INCOMPLETE_* row), status 408 (what a
** server answers when the rest never comes) and error_offset = len.
** Returns req->result. The caller guarantees buf has len readable bytes and
** body has body_cap writable bytes; buf need not be NUL-terminated. */
int hs_request_parse(const char *buf, size_t len, size_t total_len,
                     const struct hs_request_limits *limits,
                     struct hs_request *req, char *body, size_t body_cap);

/* Returns the English / Korean sentence for req->reason, the rule it cites
** ("RFC 9112 §5.1"), and a short machine name; never NULL. */
const char *hs_request_reason_en(int reason);
const char *hs_request_reason_ko(int reason);
const char *hs_request_reason_rule(int reason);
const char *hs_request_reason_name(int reason);
/* Returns the status a server answers for reason (408 for INCOMPLETE_*, 0 for NONE). */
int hs_request_reason_status(int reason);

/* Returns the index of the first of h[0..n_headers) named name (ASCII case
** ignored) at or after index from, or -1. The caller guarantees the spans
** of h lie in buf and n_headers <= HS_REQUEST_MAX_HEADERS (more are not read). */
int hs_header_find(const char *buf, const struct hs_header *h, uint32_t n_headers,
                   const char *name, uint32_t from);

/* Returns the index of the first header named name (case-insensitive) at or
** after index from, or -1. */
int hs_request_find_header(const char *buf, const struct hs_request *req,
                           const char *name, uint32_t from);

#endif
