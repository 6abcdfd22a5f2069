/*
** response_check.h — checks one serialized HTTP/1.1 response, for the
** native tests and the fuzz targets: well-framed (RFC 9112 §4, §6; RFC 9110
** §6.4.1, §8.6), agreeing with its status and headers, and carrying the
** fields the registry says its status MUST have. Needs the http layer and
** below only. Include after the engine headers.
*/
#ifndef HS_RESPONSE_CHECK_H
#define HS_RESPONSE_CHECK_H

#include <string.h>

#include "http/response.h"

/* strncasecmp without POSIX: 0 when a[0..n) and b[0..n) match ignoring ASCII case. */
static int check_ncase(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
        if (x != y)
            return 1;
    }
    return 0;
}

static int check_tchar(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c && strchr("!#$%&'*+-.^_`|~", c));
}

/* Checks one serialized response r[0..n). head: it answers HEAD. interim:
** it must be a 1xx other than 101. Returns NULL or what is wrong. */
static const char *check_raw(const char *r, size_t n, int head, int interim, int want_status)
{
    size_t p, body_at, cl_count = 0, date = 0;
    long long cl = -1;
    int status;
    struct hs_response fake;
    if (n < 14 || memcmp(r, "HTTP/1.1 ", 9) != 0 || r[12] != ' ')
        return "status line does not start with HTTP/1.1 and a code";
    if (r[9] < '1' || r[9] > '5' || r[10] < '0' || r[10] > '9' || r[11] < '0' || r[11] > '9')
        return "status code is not three digits 100-599";
    status = (r[9] - '0') * 100 + (r[10] - '0') * 10 + (r[11] - '0');
    if (status != want_status)
        return "status line and status disagree";
    if (interim ? (status >= 200 || status == 101) : (status < 200 && status != 101))
        return "an interim response is not 1xx, or a final one is";
    for (p = 13; p + 1 < n && !(r[p] == '\r' && r[p + 1] == '\n'); p++)
        if ((unsigned char)r[p] < 0x20 && r[p] != '\t')
            return "control character in the reason phrase";
    if (p + 1 >= n)
        return "status line not ended by CRLF";
    p += 2;
    hs_response_init(&fake, status);
    for (;;) {
        size_t s = p, colon, e;
        if (p + 1 < n && r[p] == '\r' && r[p + 1] == '\n') {
            body_at = p + 2;
            break;
        }
        while (p < n && check_tchar((unsigned char)r[p]))
            p++;
        if (p == s || p >= n || r[p] != ':')
            return "field name is not a token followed by a colon";
        colon = p;
        for (p++; p + 1 < n && !(r[p] == '\r' && r[p + 1] == '\n'); p++)
            if (r[p] == '\r' || r[p] == '\n' || r[p] == 0)
                return "CR, LF or NUL inside a field value";
        if (p + 1 >= n)
            return "field line not ended by CRLF";
        e = p;
        p += 2;
        if (colon - s == 14 && !check_ncase(r + s, "Content-Length", 14)) {
            cl_count++;
            cl = 0;
            for (size_t i = colon + 1; i < e; i++) {
                if (r[i] == ' ')
                    continue;
                if (r[i] < '0' || r[i] > '9')
                    return "Content-Length is not a number";
                cl = cl * 10 + (r[i] - '0');
            }
        }
        if (colon - s == 4 && !check_ncase(r + s, "Date", 4))
            date++;
        /* remember the name for the required-fields check (names are literals in the registry) */
        for (int k = 0;; k++) {
            int level;
            const char *f = hs_response_required(status, k, &level);
            if (!f)
                break;
            if (strlen(f) == colon - s && !check_ncase(f, r + s, colon - s))
                hs_response_field(&fake, f, "", 0);
        }
    }
    if (cl_count > 1)
        return "more than one Content-Length";
    if ((status < 200 || status == 204) && cl_count)
        return "Content-Length in a 1xx or 204 response (RFC 9110 §8.6)";
    if (status >= 200 && !date)
        return "a final response without Date (RFC 9110 §6.6.1)";
    if (hs_response_no_content(status) || head || status < 200) {
        if (body_at != n)
            return "content where none is allowed (1xx, 204, 205, 304 or HEAD)";
    } else {
        if (cl < 0)
            return "no Content-Length on a response with content";
        if ((size_t)cl != n - body_at)
            return "Content-Length does not match the content";
    }
    /* 304's ETag is a MUST only "if a 200 to the same request would have
    ** carried it" (RFC 9110 §15.4.5): If-None-Match: * on a resource without
    ** validators rightly gives a 304 without one, so it is not checked here */
    if (status != 304 && hs_response_missing(&fake, HS_LEVEL_MUST))
        return "a field the status MUST carry is missing";
    return NULL;
}

#endif
