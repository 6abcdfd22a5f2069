/*
** httpdate.h — HTTP-date (RFC 9110 §5.6.7): formats IMF-fixdate from
** seconds since the epoch, and reads all three formats a recipient must
** accept (IMF-fixdate, the obsolete RFC 850 form and asctime).
*/
#ifndef HS_HTTPDATE_H
#define HS_HTTPDATE_H

#include <stddef.h>
#include <stdint.h>

#define HS_HTTP_DATE_LEN 29 /* "Sun, 06 Nov 1994 08:49:37 GMT" */
#define HS_HTTP_DATE_MAX 253402300799LL /* 9999-12-31T23:59:59Z */

/* Writes the IMF-fixdate of t into out (29 bytes, no NUL) and returns 29.
** t is clamped to 0 .. HS_HTTP_DATE_MAX. */
int hs_http_date_format(int64_t t, char out[HS_HTTP_DATE_LEN]);

/* Reads an HTTP-date from s[0..n); returns 0 and sets *t, or -1 if s is not
** exactly one of the three formats with a real calendar date. A two-digit
** RFC 850 year is read per RFC 9110 §5.6.7 relative to now (a year that
** looks more than 50 years in the future is taken in the past). */
int hs_http_date_parse(const char *s, size_t n, int64_t now, int64_t *t);

#endif
