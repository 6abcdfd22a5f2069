/*
** request_internal.h — what request.c and body.c share while one request is
** parsed: the parse state, the byte classes and the helpers that record a
** decision. Not a public header: only the two halves of the parser include it.
**
** request.c reads the request line and the field lines; body.c decides the
** framing (Transfer-Encoding, Content-Length) and reads the content. Both
** follow request.c's rules: one pass, left to right, every loop bounded by
** len, each decision recorded through req_fail or req_run_out.
*/
#ifndef HS_REQUEST_INTERNAL_H
#define HS_REQUEST_INTERNAL_H

#include "request.h"

#include "core/hs.h"

#include <stddef.h>
#include <stdint.h>

#define CR '\r'
#define LF '\n'
#define FAIL ((size_t)-1)
#define NONE ((size_t)-1)

/* Byte classes of req_cls. */
enum {
    C_TCHAR = 1,  /* token (RFC 9110 §5.6.2) */
    C_VALUE = 2,  /* field-content byte: VCHAR, obs-text, SP, HTAB (RFC 9110 §5.5) */
    C_URI = 4,    /* request-target byte read without a second look: unreserved, sub-delims, : @ / */
    C_HEX = 8,    /* HEXDIG */
    C_REG = 16,   /* reg-name byte but %: unreserved, sub-delims (RFC 3986 §3.2.2) */
    C_QDTEXT = 32 /* qdtext (RFC 9110 §5.6.4) */
};

/* The class bits of every byte (request.c). */
extern const unsigned char req_cls[256];

#define IS(ch, c) (req_cls[(unsigned char)(ch)] & (c))
#define IS_DIGIT(ch) ((unsigned)((ch) - '0') < 10u)
#define IS_WS(ch) ((ch) == ' ' || (ch) == '\t')
#define IS_EOL(ch) ((ch) == CR || (ch) == LF)

/* Returns 1 if the token bytes b[0..n) are the literal lit, ASCII case aside. */
#define NAME_IS(b, n, lit) hs_ascii_ieq((const char *)(b), (n), lit, sizeof(lit) - 1)

/* The state of one hs_request_parse call. */
struct ctx {
    const unsigned char *b;
    size_t len, total;
    const struct hs_request_limits *lim;
    struct hs_request *req;
    char *body;
    size_t body_cap;
    /* special fields of the header section: count and first (second) index */
    uint32_t host_n, host1, host2;
    uint32_t cl_n, cl1;
    uint32_t te_n, te1;
    uint32_t ct_n, ct1;
    /* Content-Length lines already read as they completed (body_cl_line),
    ** and the value they give */
    uint32_t cl_read;
    uint64_t cl_value;
    /* 1: every trailer field is read as it is (the response parser, whose
    ** linter judges them itself); 0: the request parser's refusals apply */
    int trailers_as_is;
};

/* Records a rejection (reason, its status, the offending offset clamped to
** len); returns FAIL. reason is a valid HS_REQ_* row. */
size_t req_fail(struct ctx *c, int reason, size_t off);

/* The bytes ran out at len before a decision. If the input goes on past len
** (total > len), records what a server with this buffer answers (beyond);
** otherwise records INCOMPLETE with reason incomplete and missing. Returns FAIL. */
size_t req_run_out(struct ctx *c, int incomplete, int beyond, int64_t missing);

/* b[p] is CR or LF (the caller checked, p < len). Returns the index after
** the line terminator, or FAIL (bare CR, bare LF when not lenient, or out of
** bytes: then incomplete / beyond as for req_run_out). */
size_t req_eol(struct ctx *c, size_t p, int incomplete, int beyond);

/* Parses field lines from p through the empty line that ends the section
** (RFC 9112 §5), storing them at req->headers[first..]; at most max fields.
** trailer selects the trailer section of chunked content. *count gets the
** number stored. Returns the index after the empty line, or FAIL. */
size_t req_fields(struct ctx *c, size_t p, uint32_t first, uint32_t max, int trailer, uint32_t *count);

/* body.c: reads the value of the Content-Length field line
** req->headers[i] (1*DIGIT, or the same number repeated as a list, RFC 9110
** §8.6) into c->cl_value; a value that differs from one read before is a
** conflict. Returns 0 or FAIL (400). */
size_t body_cl_line(struct ctx *c, uint32_t i);

/* body.c: decides the framing from the Transfer-Encoding and Content-Length
** field lines noted in c (RFC 9112 §6.1, §6.3) and sets req->framing and
** req->content_length. Returns 0 or FAIL (400, 413, 501). */
size_t body_framing(struct ctx *c);

/* body.c: reads the content that starts at p as req->framing says, into the
** body buffer when there is one. Returns the index after the content (p
** when there is none), or FAIL. */
size_t body_read(struct ctx *c, size_t p);

#endif
