/*
** response.h — the response builder: a status, fields and content in, the
** exact HTTP/1.1 bytes out (RFC 9112 §4), with Date, Content-Length and
** Connection written by one rule for every response, and a check against
** the fields the registry says a status requires (status.def HS_FIELD).
*/
#ifndef HS_RESPONSE_H
#define HS_RESPONSE_H

#include <stddef.h>
#include <stdint.h>

#include "core/json.h"

#define HS_RESPONSE_MAX_FIELDS 20
#define HS_RESPONSE_VALUES 1536
#define HS_RESPONSE_BODY 6144

/* hs_response_finish flags */
#define HS_RESP_HEAD 0x1       /* a response to HEAD: fields as for GET, no content */
#define HS_RESP_CLOSE 0x2      /* the server closes the connection after it */
#define HS_RESP_KEEP_ALIVE 0x4 /* HTTP/1.0 client asked for keep-alive and gets it */

/* Levels of HS_FIELD rows, weakest last; NONE: no RFC 2119 keyword, but the
** code works through the field (303's Location). */
enum hs_field_level { HS_LEVEL_MUST, HS_LEVEL_SHOULD, HS_LEVEL_MAY, HS_LEVEL_NONE };

struct hs_response_field {
    const char *name;     /* a literal: the server never echoes a field name */
    uint16_t off, len;    /* value in values[] */
};

struct hs_response {
    int status;
    int flags;            /* HS_RESP_* as passed to hs_response_finish */
    int n_fields;
    int overflow;         /* a field or the content did not fit: a server bug */
    uint32_t values_len, body_len;
    struct hs_response_field fields[HS_RESPONSE_MAX_FIELDS];
    char values[HS_RESPONSE_VALUES];
    char body[HS_RESPONSE_BODY]; /* the content a GET would get (kept for HEAD) */
};

/* Starts an empty response with status (100-599). */
void hs_response_init(struct hs_response *r, int status);

/* Adds a field. name must be a string literal (it is kept, not copied);
** value[0..n) is copied. Sets overflow when the response is full. */
void hs_response_field(struct hs_response *r, const char *name, const char *value, size_t n);
void hs_response_field_str(struct hs_response *r, const char *name, const char *value);
void hs_response_field_int(struct hs_response *r, const char *name, long long value);

/* Adds a field whose name is not a literal (a name a client chose): name
** (1-64 bytes, a token the caller checked) is copied beside the value, so
** this response must not be copied afterwards. Sets overflow when full. */
void hs_response_field_named(struct hs_response *r, const char *name, size_t nn, const char *value, size_t n);

/* Replaces the value of a field already added, or adds it. */
void hs_response_set(struct hs_response *r, const char *name, const char *value, size_t n);

/* Returns the index of the field named name (case-insensitive), or -1. */
int hs_response_find(const struct hs_response *r, const char *name);

/* Returns a pointer to the value of field i and stores its length. The
** caller guarantees 0 <= i < r->n_fields. */
const char *hs_response_value(const struct hs_response *r, int i, size_t *n);

/* Sets the content: copies body[0..n) and adds Content-Type: type. */
void hs_response_content(struct hs_response *r, const char *type, const char *body, size_t n);

/* Starts JSON content: j writes into r->body. End with hs_response_json_end,
** which adds Content-Type: type (application/json if NULL). */
void hs_response_json_begin(struct hs_response *r, struct hs_json *j);
void hs_response_json_end(struct hs_response *r, struct hs_json *j, const char *type);

/* Completes the response: drops content where the status forbids it (1xx,
** 204, 205, 304; RFC 9110 §6.4.1), adds Date from clock for final responses
** (RFC 9110 §6.6.1), Content-Length where it is allowed (RFC 9110 §8.6) and
** Connection per flags (HS_RESP_*). Call once, after every other field. */
void hs_response_finish(struct hs_response *r, int64_t clock, int flags);

/* Writes the response bytes (without content for HEAD) into out and returns
** the length, or -1 if they need more than cap bytes. */
int hs_response_serialize(const struct hs_response *r, char *out, size_t cap);

/* Returns the reason phrase this server writes for status: the registry's
** phrase, or "" for an unassigned code (RFC 9112 §4 allows an empty one). */
const char *hs_response_phrase(int status);

/* Returns 1 if a response with this status never carries content. */
int hs_response_no_content(int status);

/* One HS_FIELD row of status.def: the field a status requires, at which
** level, where the RFC says so, and when (en, ko; "" = always). */
struct hs_required_field {
    uint16_t code;
    uint8_t level; /* enum hs_field_level */
    const char *field, *doc, *section, *when_en, *when_ko;
};

/* Returns the k-th HS_FIELD row of status (k = 0, 1, ...), or NULL. */
const struct hs_required_field *hs_response_required_row(int status, int k);

/* Walks the HS_FIELD rows of status: for k = 0, 1, ... returns the field
** name of the k-th row and sets *level (enum hs_field_level), or NULL. */
const char *hs_response_required(int status, int k, int *level);

/* Returns the first field the registry says r's status requires at level
** at or above max_level (HS_LEVEL_MUST or HS_LEVEL_SHOULD) that r lacks, or
** NULL when nothing is missing. */
const char *hs_response_missing(const struct hs_response *r, int max_level);

#endif
