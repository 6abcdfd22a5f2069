/*
** query.h — reads what a person types ("404", "4xx", "not found",
** "HTTP/1.1 404 Not Found", "찾을 수 없음", "rfc 7725", "error 404", "15.5.5",
** "client error", "forbiden", "rate limit") into ranked codes.
*/
#ifndef HS_QUERY_H
#define HS_QUERY_H

#include <stddef.h>

/* Longest query hs_query accepts, in bytes. */
#define HS_QUERY_MAX 256
/* Most codes hs_query returns. */
#define HS_QUERY_MAX_MATCHES 128

/* What kind of text a query was read as. */
enum hs_query_kind { HS_Q_CODE, HS_Q_RANGE, HS_Q_STATUS_LINE, HS_Q_RFC, HS_Q_CLASS, HS_Q_TEXT };

/* Reads buf[0..len) as a person's query and stores up to max codes into
** codes[], best first. Returns the number of codes (>= 1) and sets *kind,
** or HS_EEMPTY, HS_ETOOLONG, HS_ERANGE, HS_ESTATUSLINE, HS_ENOMATCH.
** buf need not be NUL-terminated and may hold any bytes. */
int hs_query(const char *buf, size_t len, int *codes, int max, int *kind);

/* Runs hs_query and writes its answer as JSON into out:
** {"kind":"text","matches":[404,...]} or {"error":{"code","message":{en,ko}}}.
** Returns the JSON length, or HS_ENOSPC. */
int hs_query_json(const char *buf, size_t len, char *out, size_t cap);

#endif
