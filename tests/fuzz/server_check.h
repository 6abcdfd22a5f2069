/*
** server_check.h — checks a document hs_server_exchange wrote, for the
** native tests and the fuzz target: the document's shape, and every raw
** response in it (interim and final) checked by response_check.h. Include
** after the engine headers.
*/
#ifndef HS_SERVER_CHECK_H
#define HS_SERVER_CHECK_H

#include <string.h>

#include "core/digest.h"
#include "core/json.h"
#include "core/jsonread.h"
#include "response_check.h"

static char check_raw_buf[1 << 17];
static char check_b64_buf[(1 << 17) / 3 * 4 + 4];

/* Finds member name of the object obj in doc; returns 1 and sets *v. */
static int check_member(const char *doc, const struct hs_jval *obj, const char *name, struct hs_jval *v)
{
    struct hs_jval k;
    uint32_t pos = 0;
    while (hs_jread_member(doc, obj, &pos, &k, v))
        if (hs_jread_is(doc, &k, name))
            return 1;
    return 0;
}

/* Checks one response object of the document (status, raw). */
static const char *check_response(const char *doc, const struct hs_jval *resp, int head, int interim)
{
    struct hs_jval raw, st, b64;
    struct hs_json again;
    int64_t status;
    int n, k;
    if (!check_member(doc, resp, "raw", &raw) || !check_member(doc, resp, "status", &st) || hs_jread_int(doc, &st, &status) < 0)
        return "a response without raw or status";
    n = hs_jread_string(doc, &raw, check_raw_buf, sizeof check_raw_buf);
    if (n < 0)
        return "raw does not decode";
    /* bytes that are not UTF-8 show in raw as U+FFFD, and come exactly in rawBase64 */
    if (check_member(doc, resp, "rawBase64", &b64)) {
        n = hs_jread_string(doc, &b64, check_b64_buf, sizeof check_b64_buf);
        if (n < 0 || (n = hs_base64_decode(check_b64_buf, (size_t)n, (uint8_t *)check_raw_buf, sizeof check_raw_buf)) < 0)
            return "rawBase64 is not a base64 string";
        if (hs_utf8_valid_prefix((const unsigned char *)check_raw_buf, (size_t)n) == (size_t)n)
            return "rawBase64 beside a raw that holds the bytes exactly";
        /* and raw is those bytes as text: written again, they give raw's JSON */
        hs_json_init(&again, check_b64_buf, sizeof check_b64_buf);
        hs_json_strn(&again, check_raw_buf, (size_t)n);
        k = hs_json_end(&again);
        if (k < 0 || (uint32_t)k != raw.len || memcmp(check_b64_buf, doc + raw.off, raw.len) != 0)
            return "raw is not the text of rawBase64's bytes";
    }
    return check_raw(check_raw_buf, (size_t)n, head, interim, (int)status);
}

/* Checks every exchange of the document out[0..n); returns NULL or what is wrong. */
static const char *check_exchanges(const char *out, size_t n)
{
    struct hs_jval root, xs, x, v, req, m;
    uint32_t err, pos = 0;
    if (hs_jread_doc(out, n, &root, &err) < 0 || root.type != HS_JOBJECT)
        return "output is not a JSON object";
    if (!check_member(out, &root, "exchanges", &xs) || xs.type != HS_JARRAY || !check_member(out, &root, "state", &v))
        return "no exchanges array or no state";
    while (hs_jread_element(out, &xs, &pos, &x)) {
        uint32_t ipos = 0;
        struct hs_jval ir;
        const char *why;
        int head = 0;
        if (check_member(out, &x, "request", &req) && check_member(out, &req, "method", &m))
            head = hs_jread_is(out, &m, "HEAD");
        if (!check_member(out, &x, "interim", &v) || v.type != HS_JARRAY)
            return "an exchange without interim";
        while (hs_jread_element(out, &v, &ipos, &ir))
            if ((why = check_response(out, &ir, 0, 1)) != NULL)
                return why;
        if (!check_member(out, &x, "response", &v))
            return "an exchange without response";
        if ((why = check_response(out, &v, head, 0)) != NULL)
            return why;
        if (!check_member(out, &x, "connection", &v) ||
            !(hs_jread_is(out, &v, "keep-alive") || hs_jread_is(out, &v, "close") || hs_jread_is(out, &v, "upgrade")))
            return "connection is not keep-alive, close or upgrade";
    }
    return NULL;
}

#endif
